/**
 * Faults Smithy finds while building a prelude trait's Java object, before any validator runs:
 * it reports them as "Error creating trait `x`: ..." (event `Model`) and never validates the
 * value against the trait's shape. Only the traits whose Java classes check something of their
 * own are listed; for every other trait a bad value is a `TraitValue` event, as in Smithy.
 */
import type { NodeValue } from "../../../load/ast.js";
import { APPLY_TARGET } from "../../../load/json-loader.js";

/** Smithy's name for a node's kind, as in "Expected object, but found string.". */
function nodeKind(v: NodeValue): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v === "object" ? "object" : typeof v;
}

function expected(kind: string, v: NodeValue): string | undefined {
  return nodeKind(v) === kind ? undefined : `Expected ${kind}, but found ${nodeKind(v)}.`;
}

/** What each listed trait's Java class rejects while reading its value. */
const CREATION_CHECKS: Readonly<Record<string, (v: NodeValue) => string | undefined>> = {
  // DeprecatedTrait reads an object first.
  "smithy.api#deprecated": (v) => expected("object", v),
  // ErrorTrait accepts only these two strings.
  "smithy.api#error": (v) =>
    expected("string", v) ??
    (v === "client" || v === "server"
      ? undefined
      : `error trait must be set to client or server, found \`${String(v)}\``),
  // AuthTrait parses each entry as a shape id.
  "smithy.api#auth": (v) => {
    if (!Array.isArray(v)) return expected("array", v);
    for (const item of v) {
      if (typeof item !== "string") return expected("string", item);
      if (!APPLY_TARGET.test(item)) return `Invalid shape ID: ${item}`;
    }
    return undefined;
  },
  // RequestCompressionTrait requires its `encodings` member.
  "smithy.api#requestCompression": (v) =>
    expected("object", v) ??
    (v !== null && typeof v === "object" && !Array.isArray(v) && v.encodings === undefined
      ? "Missing expected member `encodings`."
      : undefined),
};

/** Why Smithy could not build this trait from its value, or undefined when it could (or does not check). */
export function traitCreationProblem(traitId: string, value: NodeValue): string | undefined {
  return CREATION_CHECKS[traitId]?.(value);
}
