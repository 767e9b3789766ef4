/**
 * IDL parser throughput. Prints medians of repeated runs (after warm-up):
 * 1. every `.smithy` file of the shared conformance corpus (idl, protocol tests, prelude),
 *    parsed and resolved together;
 * 2. a big AWS model (JSON AST) printed as IDL with `printIdl`, parsed and resolved, side by side
 *    with `JSON.parse` of the same model's JSON text.
 * Run: `npx tsx bench/idl/parse.ts [model.json] [--runs N]`. Skips when ../shared is absent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstDocument } from "../../generator/load/ast.js";
import { parseIdl } from "../../generator/load/idl/index.js";
import { printIdl } from "../../generator/load/idl/print.js";
import { preludeShapeIds } from "../../generator/assemble/prelude/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const shared = join(here, "../../../shared");
const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 21;
const modelArg = args.find((a) => a.endsWith(".json"));

function walk(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Milliseconds of `fn` over RUNS runs, after RUNS/3 warm-up runs: the median, and the minimum
 * (a young-generation collection landing inside a run can double it; the minimum shows the run
 * without one).
 */
function time(fn: () => void): { median: number; min: number } {
  for (let i = 0; i < Math.max(3, RUNS / 3); i++) fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return { median: median(out), min: Math.min(...out) };
}

/** `12.3 ms (min 10.1) = 45.6 MB/s (min-based 55.5)`. */
function describe(t: { median: number; min: number }, bytes: number): string {
  const mbs = (ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(1);
  return `${t.median.toFixed(1)} ms median (min ${t.min.toFixed(1)}) = ${mbs(t.median)} MB/s (${mbs(t.min)} at the min)`;
}

/** Parses and resolves a set of IDL texts as one model (what the load stage does). */
function loadIdl(sources: Array<{ file: string; text: string }>, known: string[]): void {
  const pending = sources.map((s) => parseIdl(s.text, s.file));
  const ids = new Set(known);
  for (const p of pending) for (const id of p.definedIds) ids.add(id);
  for (const p of pending) p.finish((id) => ids.has(id));
}

/** Parse throughput over the corpus and on a big AWS model printed as IDL, beside JSON.parse of the same model. */
export function runIdlBench(): void {
  if (!existsSync(shared)) {
    console.log(`bench/idl: skipped, ${shared} not found`);
    return;
  }
  const known = preludeShapeIds();
  const corpusDir = join(shared, "smithy-conformance");
  const read = (dirs: string[]) =>
    dirs.flatMap((d) => walk(d, ".smithy")).map((file) => ({ file, text: readFileSync(file, "utf8") }));
  // The valid loader cases are separate models; protocol tests with their preludes form one.
  const cases = read([join(corpusDir, "idl/valid")]).filter(
    (s) => !s.file.endsWith(".flattened.smithy") && !s.file.endsWith("trait-locations.smithy"),
  );
  const protocol = read([join(corpusDir, "protocol-tests"), join(corpusDir, "prelude")]);
  const corpus = [...cases, ...protocol];
  const corpusBytes = corpus.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
  const corpusMs = time(() => {
    for (const s of cases) loadIdl([s], known);
    loadIdl(protocol, known);
  });
  console.log(
    `corpus: ${corpus.length} .smithy files, ${(corpusBytes / 1e6).toFixed(2)} MB, parse+resolve ${describe(corpusMs, corpusBytes)}`,
  );

  const modelFile = modelArg ?? join(shared, "aws-models/quicksight/service/2018-04-01/quicksight-2018-04-01.json");
  const jsonText = readFileSync(modelFile, "utf8");
  const idlText = printIdl(JSON.parse(jsonText) as AstDocument);
  const jsonBytes = Buffer.byteLength(jsonText);
  const idlBytes = Buffer.byteLength(idlText);
  const idlMs = time(() => loadIdl([{ file: "model.smithy", text: idlText }], known));
  const jsonMs = time(() => JSON.parse(jsonText));
  console.log(`model: ${modelFile.slice(modelFile.lastIndexOf("/") + 1)}`);
  console.log(`  IDL  ${(idlBytes / 1e6).toFixed(2)} MB, parseIdl+finish: ${describe(idlMs, idlBytes)}`);
  console.log(`  JSON ${(jsonBytes / 1e6).toFixed(2)} MB, JSON.parse:      ${describe(jsonMs, jsonBytes)}`);
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  console.log(
    `  time for the same model, IDL / JSON.parse: ${ratio(idlMs.median, jsonMs.median)}x median, ${ratio(idlMs.min, jsonMs.min)}x min`,
  );
  console.log(
    `  MB/s, JSON.parse / IDL: ${ratio(jsonBytes / jsonMs.median, idlBytes / idlMs.median)}x median, ${ratio(jsonBytes / jsonMs.min, idlBytes / idlMs.min)}x min`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) runIdlBench();
