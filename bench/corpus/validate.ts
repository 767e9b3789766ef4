/**
 * `npx tsx bench/corpus/validate.ts [--filter NAME] [--id EVENT]`: loads and validates every model
 * of the AWS corpus (no generation) and tallies the events by severity and event id, so a new
 * validator can be checked against published models in a minute or two: published models are
 * valid in Smithy, so an ERROR here is a bug in anvil (the run exits 1 on any). `--id` prints
 * every event whose id starts with EVENT, with its shape and model.
 */
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { AnvilError, type Diagnostic } from "../../generator/errors.js";
import { loadFiles } from "../../generator/load/index.js";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";
import { findModels } from "./models.js";

const { values } = parseArgs({
  options: {
    dir: { type: "string", default: join(import.meta.dirname, "../../../shared/aws-models") },
    filter: { type: "string" },
    id: { type: "string" },
  },
});

/** Every event of one model, whether or not it assembles. */
function events(file: string): Diagnostic[] {
  try {
    return assemble(loadFiles([file], preludeIds())).warnings ?? [];
  } catch (e) {
    if (e instanceof AnvilError && e.kind === "model") return [...e.diagnostics, ...e.warnings];
    throw e;
  }
}

const files = findModels(values.dir).filter((f) => !values.filter || relative(values.dir, f).includes(values.filter));
const tally = new Map<string, number>();
let errors = 0;
const started = performance.now();
for (const f of files) {
  for (const e of events(f)) {
    const severity = e.severity ?? "ERROR";
    const id = e.eventId ?? "(no id)";
    const key = `${severity} ${id.split(".")[0]}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
    const shown =
      severity === "ERROR" || severity === "DANGER" || (values.id !== undefined && id.startsWith(values.id));
    if (shown) console.log(`${severity} ${id} ${e.shapeId ?? ""} (${relative(values.dir, f)}): ${e.message}`);
    if (severity === "ERROR") errors += 1;
  }
}
console.log(`\n${files.length} models validated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
for (const [key, n] of [...tally].sort()) console.log(`${String(n).padStart(6)}  ${key}`);
process.exitCode = errors > 0 ? 1 : 0;
