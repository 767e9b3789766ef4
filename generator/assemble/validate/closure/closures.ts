/**
 * Reads the entries of `metadata shapeClosures` as Smithy's ShapeClosure.fromNode does: an entry
 * that does not have the expected shape (no string `id`, a non-string namespace, a rename key that
 * is not a shape id...) is left out here, since TypedMetadata reports it against the prelude's
 * `ShapeClosure` type.
 */
import type { NodeValue } from "../../../load/ast.js";
import { APPLY_TARGET } from "../../../load/json-loader.js";

/** One closure: its id, roots and renames (shape id to new name). */
export interface ShapeClosure {
  id: string;
  includeNamespaces: string[];
  includeBySelector?: string;
  rename: Map<string, string>;
}

type NodeObject = { [key: string]: NodeValue };

function isObject(v: NodeValue | undefined): v is NodeObject {
  return v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v);
}

/** The well-formed closures of a `shapeClosures` value, in order. */
export function readClosures(value: NodeValue | undefined): ShapeClosure[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const closure = readClosure(entry);
    return closure === undefined ? [] : [closure];
  });
}

function readClosure(entry: NodeValue): ShapeClosure | undefined {
  if (!isObject(entry) || typeof entry.id !== "string") return undefined;
  const namespaces = entry.includeNamespaces ?? [];
  if (!Array.isArray(namespaces) || !namespaces.every((n) => typeof n === "string")) return undefined;
  const selector = entry.includeBySelector;
  if (selector !== undefined && typeof selector !== "string") return undefined;
  const renames = entry.rename ?? {};
  if (!isObject(renames)) return undefined;
  const rename = new Map<string, string>();
  for (const [from, to] of Object.entries(renames)) {
    if (!APPLY_TARGET.test(from) || typeof to !== "string") return undefined;
    rename.set(from, to);
  }
  return {
    id: entry.id,
    includeNamespaces: namespaces as string[],
    ...(selector === undefined ? {} : { includeBySelector: selector }),
    rename,
  };
}
