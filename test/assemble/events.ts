/**
 * Test helpers for the validator tests: every validation event of a small IDL or JSON AST model,
 * whether assembly succeeded or stopped on an ERROR, and the one-line form
 * (`SEVERITY eventId shape: message`) the tests compare with Smithy's wording.
 */
import { AnvilError, type Diagnostic } from "../../generator/errors.js";
import { loadSources } from "../../generator/load/index.js";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";

/** Every event of an IDL 2.0 body in namespace `ex` (a whole file when it starts with `$version`), or of a JSON AST object. */
export function modelEvents(model: string | object): Diagnostic[] {
  const text =
    typeof model === "string"
      ? model.startsWith("$version")
        ? model
        : `$version: "2"\nnamespace ex\n${model}`
      : JSON.stringify(model, null, 1);
  const source = { file: typeof model === "string" ? "a.smithy" : "a.json", text };
  try {
    return assemble(loadSources([source], preludeIds())).warnings ?? [];
  } catch (e) {
    if (e instanceof AnvilError) return [...e.diagnostics, ...e.warnings];
    throw e;
  }
}

/** `SEVERITY EventId shape: message`. */
export const brief = (d: Diagnostic): string => `${d.severity ?? "ERROR"} ${d.eventId} ${d.shapeId}: ${d.message}`;

/** Every event of a model, one line each. */
export function eventLines(model: string | object): string[] {
  return modelEvents(model).map(brief);
}

/** The events of a model whose id starts with `eventId`, one line each. */
export function eventsOf(body: string, eventId: string): string[] {
  return modelEvents(body)
    .filter((d) => d.eventId?.startsWith(eventId))
    .map(brief);
}
