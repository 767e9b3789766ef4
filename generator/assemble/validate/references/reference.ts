/**
 * One entry of a `@references` trait value, read as Smithy's `ReferencesTrait.Reference`, and
 * printed as Smithy prints it in messages (`Reference{"resource":...,"ids":{...}}`).
 */
import type { NodeValue } from "../../../load/ast.js";

export const REFERENCES = "smithy.api#references";

/** A reference: the resource, its identifier bindings (identifier name -> member name), service and rel. */
export interface Reference {
  resource: string;
  ids: Map<string, string>;
  service?: string;
  rel?: string;
}

/** The well-formed references of a trait value; a malformed one is the TraitValue validator's to report. */
export function readReferences(value: NodeValue | undefined): Reference[] {
  if (!Array.isArray(value)) return [];
  const out: Reference[] = [];
  for (const entry of value) {
    if (entry === null || typeof entry !== "object" || Array.isArray(entry) || typeof entry.resource !== "string")
      continue;
    const ids = new Map<string, string>();
    const raw = entry.ids;
    if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
      // Smithy keeps the bindings in a TreeMap: sorted by identifier name.
      for (const key of Object.keys(raw).sort()) {
        const member = raw[key];
        if (typeof member === "string") ids.set(key, member);
      }
    }
    out.push({
      resource: entry.resource,
      ids,
      service: typeof entry.service === "string" ? entry.service : undefined,
      rel: typeof entry.rel === "string" ? entry.rel : undefined,
    });
  }
  return out;
}

/** Smithy's `Reference.toString()`: `Reference` and the compact JSON of its node, empty `ids` left out. */
export function printReference(r: Reference): string {
  const node: Record<string, unknown> = { resource: r.resource };
  if (r.ids.size > 0) node.ids = Object.fromEntries(r.ids);
  if (r.service !== undefined) node.service = r.service;
  if (r.rel !== undefined) node.rel = r.rel;
  return `Reference${JSON.stringify(node)}`;
}
