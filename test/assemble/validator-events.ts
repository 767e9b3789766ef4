/**
 * Test helper for the validator tests: every event of a small IDL model (namespace ex), whether or
 * not it assembles, and a one-line form of an event to compare against Smithy's wording.
 */
import { AnvilError, type Diagnostic } from "../../generator/errors.js";
import { loadSources } from "../../generator/load/index.js";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";

/** Every event of a model written in IDL (namespace ex), whether or not it assembles. */
export function modelEvents(body: string): Diagnostic[] {
  try {
    return assemble(loadSources([{ file: "a.smithy", text: `$version: "2"\nnamespace ex\n${body}` }], preludeIds())).warnings ?? [];
  } catch (e) {
    if (e instanceof AnvilError) return [...e.diagnostics, ...e.warnings];
    throw e;
  }
}

/** `SEVERITY EventId shape: message`. */
export const brief = (d: Diagnostic): string => `${d.severity ?? "ERROR"} ${d.eventId} ${d.shapeId}: ${d.message}`;

/** The brief form of the events of a model whose id starts with `eventId`. */
export function eventsOf(body: string, eventId: string): string[] {
  return modelEvents(body)
    .filter((d) => d.eventId?.startsWith(eventId))
    .map(brief);
}
