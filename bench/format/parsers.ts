/**
 * Prettier's parser for generated code, measured: the `typescript` parser against `babel-ts`
 * on the rendered (unformatted) output of corpus models. Prints, per parser, the CPU time to
 * format every file (after one warm-up pass, as in the corpus's long-lived workers) and how
 * many files format to different bytes. `npx tsx bench/format/parsers.ts [--every N] [--limit N]`
 * (default: every 8th model of ../shared/aws-models). Not a test: it prints figures.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import * as prettier from "prettier";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";
import { PRETTIER_OPTIONS, needsFormatting } from "../../generator/format/index.js";
import { loadFiles } from "../../generator/load/index.js";
import { lower } from "../../generator/lower/index.js";
import { render } from "../../generator/render/index.js";
import { select } from "../../generator/select/index.js";
import { SHARED } from "../../test/helpers.js";

const PARSERS = ["typescript", "babel-ts"] as const;

/** Every model file of the AWS corpus, sorted. */
function corpusModels(): string[] {
  const root = join(SHARED, "aws-models");
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith(".")) continue;
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith(".json")) out.push(join(d, e.name));
    }
  };
  if (existsSync(root)) walk(root);
  return out.sort();
}

/** The rendered files that the format stage formats, for one model (all operations). */
export function renderedForFormatting(model: string): Array<{ path: string; text: string }> {
  const m = assemble(loadFiles([model], preludeIds()));
  const origin = { file: model, line: 1, column: 1 };
  const ir = lower(m, select(m, { origin }), { name: "bench", models: [model], modelsAsWritten: [model], validation: "reject" });
  return render(ir).filter(needsFormatting);
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Runs the comparison and prints one table. */
export async function runParsersBench(argv: string[] = []): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { every: { type: "string", default: "8" }, limit: { type: "string" } }, strict: false });
  let models = corpusModels().filter((_, i) => i % Number(values.every) === 0);
  if (typeof values.limit === "string") models = models.slice(0, Number(values.limit));
  if (models.length === 0) {
    console.log(`skipped: no corpus models under ${join(SHARED, "aws-models")}`);
    return;
  }
  const files = models.flatMap((m) => {
    try {
      return renderedForFormatting(m).map((f) => ({ ...f, model: m }));
    } catch {
      return []; // a model the generator rejects is the corpus run's business, not this one's
    }
  });
  const lines = files.reduce((n, f) => n + f.text.split("\n").length, 0);
  console.log(`${models.length} models, ${files.length} files, ${lines.toLocaleString("en")} rendered lines`);
  const format = (parser: string, text: string) => prettier.format(text, { ...PRETTIER_OPTIONS, parser });
  // Warm-up: one pass each, so both parsers are measured with a warm JIT.
  for (const parser of PARSERS) for (const f of files.slice(0, 20)) await format(parser, f.text);
  const outputs = new Map<string, string[]>();
  const ms = new Map<string, number>();
  for (const parser of PARSERS) {
    const start = cpuMs();
    const texts: string[] = [];
    for (const f of files) texts.push(await format(parser, f.text));
    ms.set(parser, cpuMs() - start);
    outputs.set(parser, texts);
  }
  const [a, b] = PARSERS.map((p) => outputs.get(p) as string[]);
  const differing = files.filter((_, i) => a[i] !== b[i]);
  for (const parser of PARSERS) console.log(`  ${parser.padEnd(10)} ${((ms.get(parser) as number) / 1000).toFixed(1).padStart(7)} s CPU`);
  console.log(`  babel-ts / typescript: ${((ms.get("babel-ts") as number) / (ms.get("typescript") as number)).toFixed(2)}x CPU; files formatted differently: ${differing.length} of ${files.length}`);
  for (const f of differing.slice(0, 10)) console.log(`    differs: ${f.model.split("/").pop()} ${f.path}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await runParsersBench(process.argv.slice(2));
