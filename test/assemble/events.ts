/**
 * The validation events of a small IDL or JSON AST model, one line each
 * (`SEVERITY eventId shape: message`), whether assembly succeeded or stopped on an ERROR.
 */
import { AnvilError, type Diagnostic } from "../../generator/errors.js";
import { loadSources } from "../../generator/load/index.js";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";

/** Every event of an IDL 2.0 body in namespace `ex` (a whole file when it starts with `$version`), or of a JSON AST object, as lines. */
export function eventLines(model: string | object): string[] {
  const text = typeof model === "string" ? (model.startsWith("$version") ? model : `$version: "2"\nnamespace ex\n${model}`) : JSON.stringify(model, null, 1);
  const source = { file: typeof model === "string" ? "a.smithy" : "a.json", text };
  let list: Diagnostic[];
  try {
    list = assemble(loadSources([source], preludeIds())).warnings ?? [];
  } catch (e) {
    if (!(e instanceof AnvilError)) throw e;
    list = [...e.diagnostics, ...e.warnings];
  }
  return list.map((d) => `${d.severity ?? "ERROR"} ${d.eventId} ${d.shapeId}: ${d.message}`);
}
