/**
 * Prettier's parser for generated code, measured: `babel-ts` (what the format stage uses) and
 * `typescript` on the rendered (unformatted) output of corpus models, with Prettier's standalone build and only the plugins each parser
 * needs, as the format threads load it (generator/format/worker.mjs). The parsers are
 * interleaved file by file after one warm-up pass, so machine load and JIT state hit them alike;
 * each call's CPU time is added to its parser's total. Prints the totals, ratios against
 * `babel-ts`, and how many files format to bytes other than `babel-ts`'s.
 * `npx tsx bench/format/parsers.ts [--every N] [--limit N] [--parsers a,b]` (default: every 8th
 * model of ../shared/aws-models, both parsers). Not a test: it prints figures.
 *
 * `@prettier/plugin-oxc` 0.2.2 (`oxc-ts`, a native parser; not a dependency) was measured here
 * on 2026-12-03 and left out: the same bytes on every file, but 1.35x and 1.55x `babel-ts`'s
 * CPU (91 and 181 files of every 40th and 20th model): the AST crosses from native code as
 * JSON, which costs more than babel's parse saves.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import * as prettier from "prettier/standalone";
import * as babel from "prettier/plugins/babel";
import * as estree from "prettier/plugins/estree";
import * as typescript from "prettier/plugins/typescript";
import type { Plugin } from "prettier";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";
import { PRETTIER_OPTIONS, needsFormatting } from "../../generator/format/index.js";
import { loadFiles } from "../../generator/load/index.js";
import { lower } from "../../generator/lower/index.js";
import { render } from "../../generator/render/index.js";
import { select } from "../../generator/select/index.js";
import { SHARED } from "../../test/helpers.js";
import { findModels } from "../corpus/models.js";

/** Each parser with the plugins Prettier's standalone build needs for it. */
const PARSERS: Record<string, Plugin[]> = {
  "babel-ts": [babel as Plugin, estree as Plugin],
  typescript: [typescript as Plugin, estree as Plugin],
};
const BASELINE = "babel-ts";

/** The rendered files that the format stage formats, for one model (all operations). */
export function renderedForFormatting(model: string): Array<{ path: string; text: string }> {
  const m = assemble(loadFiles([model], preludeIds()));
  const origin = { file: model, line: 1, column: 1 };
  const ir = lower(m, select(m, { origin }), {
    name: "bench",
    models: [model],
    modelsAsWritten: [model],
    validation: "reject",
  });
  return render(ir).filter(needsFormatting);
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Runs the comparison and prints one table. */
export async function runParsersBench(argv: string[] = []): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      every: { type: "string", default: "8" },
      limit: { type: "string" },
      parsers: { type: "string", default: Object.keys(PARSERS).join(",") },
    },
    strict: false,
  });
  const parsers = String(values.parsers)
    .split(",")
    .filter((p) => p in PARSERS);
  if (!parsers.includes(BASELINE)) parsers.unshift(BASELINE);
  const root = join(SHARED, "aws-models");
  let models = existsSync(root) ? findModels(root).filter((_, i) => i % Number(values.every) === 0) : [];
  if (typeof values.limit === "string") models = models.slice(0, Number(values.limit));
  if (models.length === 0) {
    console.log(`skipped: no corpus models under ${root}`);
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
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  console.log(
    `${models.length} models, ${files.length} files, ${lines.toLocaleString("en")} rendered lines, ${(bytes / 1e6).toFixed(1)} MB`,
  );
  const format = (parser: string, text: string) =>
    prettier.format(text, { ...PRETTIER_OPTIONS, parser, plugins: PARSERS[parser] });
  // Warm-up: one pass each over the first files, so every parser is measured with a warm JIT.
  for (const parser of parsers) for (const f of files.slice(0, 20)) await format(parser, f.text);
  const ms = new Map<string, number>(parsers.map((p) => [p, 0]));
  const differing = new Map<string, string[]>(parsers.map((p) => [p, []]));
  const failed = new Map<string, string[]>(parsers.map((p) => [p, []]));
  for (const [i, f] of files.entries()) {
    let baseline: string | undefined;
    // Rotate the order per file so no parser always runs first (after the last file's garbage).
    for (const k of parsers.keys()) {
      const parser = parsers[(i + k) % parsers.length] as string;
      const start = cpuMs();
      let out: string;
      try {
        out = await format(parser, f.text);
      } catch (e) {
        failed
          .get(parser)
          ?.push(`${f.model.split("/").pop()} ${f.path}: ${String((e as Error).message).split("\n")[0]}`);
        continue;
      } finally {
        ms.set(parser, (ms.get(parser) as number) + cpuMs() - start);
      }
      if (parser === BASELINE) baseline = out;
      else (f as { [key: string]: unknown })[parser] = out;
    }
    for (const parser of parsers) {
      const out = (f as { [key: string]: unknown })[parser];
      if (parser !== BASELINE && out !== undefined && out !== baseline)
        differing.get(parser)?.push(`${f.model.split("/").pop()} ${f.path}`);
      delete (f as { [key: string]: unknown })[parser];
    }
  }
  const base = ms.get(BASELINE) as number;
  for (const parser of parsers) {
    const t = ms.get(parser) as number;
    const diff = differing.get(parser) as string[];
    const fail = failed.get(parser) as string[];
    console.log(
      `  ${parser.padEnd(10)} ${(t / 1000).toFixed(1).padStart(7)} s CPU  ${(t / base).toFixed(2)}x ${BASELINE}` +
        (parser === BASELINE
          ? ""
          : `; formatted differently: ${diff.length} of ${files.length}; failed: ${fail.length}`),
    );
    for (const d of [...diff, ...fail].slice(0, 10)) console.log(`    ${d}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runParsersBench(process.argv.slice(2));
