/** Shared helpers for the IDL parser tests. */
import { AnvilError, type Diagnostic } from "../../../generator/errors.js";
import type { AstShape, LoadedFile } from "../../../generator/load/ast.js";
import { parseIdl } from "../../../generator/load/idl/index.js";
import { publicPreludeIds } from "../../../generator/assemble/prelude/index.js";

/** Parses and resolves one file; `others` are ids defined by other files of the model. */
export function load(text: string, others: string[] = [], file = "test.smithy"): LoadedFile {
  const pending = parseIdl(text, file);
  const ids = new Set([...publicPreludeIds(), ...pending.definedIds, ...others]);
  return pending.finish((id) => ids.has(id));
}

/** The file's shapes by id. */
export function shapesOf(text: string, others: string[] = []): Record<string, AstShape> {
  const out: Record<string, AstShape> = {};
  for (const s of load(text, others).shapes) out[s.id] = s.shape;
  return out;
}

/** The diagnostics of a file that must be rejected (fails the test if it loads). */
export function errorsOf(text: string, others: string[] = [], file = "test.smithy"): Diagnostic[] {
  try {
    load(text, others, file);
  } catch (e) {
    if (e instanceof AnvilError) return e.diagnostics;
    throw e;
  }
  throw new Error("expected the model to be rejected, but it loaded");
}

/** `line:column message` of each diagnostic, for compact assertions. */
export function brief(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.location?.line}:${d.location?.column} ${d.message}`);
}

/** Prefixes `$version: "2"` and a namespace to a model body. */
export function v2(body: string): string {
  return `$version: "2"\nnamespace ex\n\n${body}`;
}
