/**
 * One corpus worker process: generates the models the runner sends, one at a time, with the
 * real pipeline (`generate`, then `write` into a temporary folder) and one type-check session
 * kept warm across models. Reports each outcome and its own peak memory.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { AnvilError } from "../../generator/errors.js";
import { generate } from "../../generator/pipeline.js";
import type { Config } from "../../generator/config/index.js";
import { TypeCheckSession, type CheckFile, type TypeCheckProblem } from "../../generator/typecheck/checker.js";
import { runtimeCheckFiles } from "../../generator/typecheck/index.js";
import { write } from "../../generator/write/index.js";
import { clientName, type Failure, type Job, type Outcome, type Ready } from "./protocol.js";

/** Every model's client is checked in the same virtual folder, so the warmed runtime is reused. */
const CHECK_FOLDER = "corpus";

const outRoot = process.env.ANVIL_CORPUS_OUT;
const keep = process.env.ANVIL_CORPUS_KEEP === "1";
if (!outRoot || !process.send) throw new Error("bench/corpus/worker.ts runs as a child of bench/corpus/run.ts");

const warmStart = performance.now();
const session = new TypeCheckSession();
const runtime = runtimeCheckFiles(CHECK_FOLDER);
session.warm(runtime);
const runtimePaths = new Set(runtime.map((f) => f.path));
process.send({ ready: true, warmMs: performance.now() - warmStart } satisfies Ready);

/** The pipeline stage a stack trace points into (generator/<stage>/...), or the file name. */
function stageOf(e: unknown): string {
  const stack = e instanceof Error ? (e.stack ?? "") : "";
  for (const m of stack.matchAll(/generator\/([a-z-]+)(\/|\.ts)/g)) {
    if (m[1] !== "errors") return m[2] === "/" ? m[1] : `${m[1]}.ts`;
  }
  return "unknown";
}

function failureOf(e: unknown): Failure {
  if (e instanceof AnvilError) {
    const [first, ...rest] = e.diagnostics.map((d) => (d.shapeId && !d.message.includes(d.shapeId) ? `${d.message} [${d.shapeId}]` : d.message));
    return { stage: stageOf(e), kind: e.kind, message: first ?? e.message, more: rest.slice(0, 4) };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  return { stage: stageOf(err), kind: "exception", message: `${err.name}: ${err.message}`, more: (err.stack ?? "").split("\n").slice(1, 5).map((l) => l.trim()) };
}

async function run(job: Job): Promise<Outcome> {
  const start = performance.now();
  const name = clientName(job.model);
  const config: Config = {
    file: "(corpus)",
    displayFile: "(corpus)",
    out: join(outRoot as string, name),
    clients: [{ name, models: [job.model], modelsAsWritten: [job.model.split("/").pop() as string], validation: "reject" }],
  };
  let problems: TypeCheckProblem[] = [];
  const outcome: Outcome = { model: job.model, loaded: false, generated: false, clean: false, files: 0, bytes: 0, notes: [], counts: { paginators: 0, waiters: 0, compiledPaths: 0 }, timings: {}, ms: 0, maxRss: 0 };
  try {
    const result = await generate(config, {
      // The session's own checker: problems are recorded, not thrown, so "generated" and
      // "type-check clean" are counted apart. Each model's files are released afterwards.
      typeChecker: async (clients) => {
        const files: CheckFile[] = clients.flatMap((c) =>
          c.files.filter((f) => f.path.endsWith(".ts")).map((f) => ({ folder: CHECK_FOLDER, path: f.path, text: f.text, origin: f.origin })),
        );
        try {
          problems = session.check(files);
        } finally {
          session.release(files.filter((f) => !runtimePaths.has(f.path)));
        }
        return [];
      },
    });
    outcome.loaded = true;
    const writeStart = performance.now();
    write(config.out, result.clients);
    result.timings.write = performance.now() - writeStart;
    outcome.generated = true;
    outcome.notes = result.notes;
    outcome.counts = result.counts;
    outcome.timings = result.timings;
    for (const c of result.clients) {
      outcome.files += c.files.length;
      for (const f of c.files) outcome.bytes += Buffer.byteLength(f.text);
    }
    outcome.clean = problems.length === 0;
    if (!outcome.clean) {
      const [first, ...rest] = problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} (${p.origin})`);
      outcome.failure = { stage: "type-check", kind: "internal", message: first, more: rest.slice(0, 4) };
    }
  } catch (e) {
    outcome.failure = failureOf(e);
    outcome.loaded = !["load", "assemble"].includes(outcome.failure.stage);
  } finally {
    if (!keep) rmSync(config.out, { recursive: true, force: true });
  }
  outcome.ms = performance.now() - start;
  outcome.maxRss = process.resourceUsage().maxRSS * 1024;
  return outcome;
}

process.on("message", (job: Job) => {
  void run(job).then((o) => process.send?.(o));
});
