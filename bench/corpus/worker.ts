/**
 * One corpus worker process: generates the models the runner sends, one at a time, with the
 * real pipeline (`generate`, then `write` with each folder's manifest into the cache's output
 * folder) and one Prettier thread kept warm across models (replaced after a large one, to give
 * its memory back). Unless the run is cold, the pipeline gets the model's previous output, so a
 * file whose rendered text is unchanged is not formatted again (bench/corpus/cache.ts). The
 * output stays on disk for the runner, which type-checks many models in one compiler run
 * (bench/corpus/checker.ts). Reports each outcome and its own peak memory.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { AnvilError } from "../../generator/errors.js";
import { FormatPool, PRETTIER_OPTIONS } from "../../generator/format/index.js";
import { generate } from "../../generator/pipeline.js";
import type { Config } from "../../generator/config/index.js";
import { write } from "../../generator/write/index.js";
import { withManifest } from "../../generator/write/manifest.js";
import { previousOutput } from "../../generator/write/previous.js";
import { outputHash } from "./cache.js";
import { checkEntries } from "./checker.js";
import { clientName, countEvents, type Failure, type Job, type Outcome, type Ready } from "./protocol.js";

const outRoot = process.env.ANVIL_CORPUS_OUT;
if (!outRoot || !process.send) throw new Error("bench/corpus/worker.ts runs as a child of bench/corpus/run.ts");
/** A cold run gives the pipeline no previous output: everything is formatted afresh. */
const cold = process.env.ANVIL_CORPUS_COLD === "1";

// One thread: the runner already runs one worker process per core.
const formatPool = new FormatPool(PRETTIER_OPTIONS, 1);
/**
 * Above this resident set after a model, the Prettier thread is stopped (the pool starts a fresh
 * one for the next model). Prettier's heap is what grows: formatting QuickSight leaves the thread
 * holding about 600 MB that V8 keeps though nothing in it is live, against about 180 MB for the
 * rest of the worker. A fresh thread costs about 0.15 s, paid only after large models.
 */
const FORMAT_THREAD_RESTART_BYTES = 400 * 1024 * 1024;
process.send({ ready: true, warmMs: 0 } satisfies Ready);

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
    const [first, ...rest] = e.diagnostics.map((d) =>
      d.shapeId && !d.message.includes(d.shapeId) ? `${d.message} [${d.shapeId}]` : d.message,
    );
    return { stage: stageOf(e), kind: e.kind, message: first ?? e.message, more: rest.slice(0, 4) };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  return {
    stage: stageOf(err),
    kind: "exception",
    message: `${err.name}: ${err.message}`,
    more: (err.stack ?? "")
      .split("\n")
      .slice(1, 5)
      .map((l) => l.trim()),
  };
}

async function run(job: Job): Promise<Outcome> {
  const start = performance.now();
  const name = clientName(job.model);
  const config: Config = {
    file: "(corpus)",
    displayFile: "(corpus)",
    out: join(outRoot as string, name),
    clients: [
      { name, models: [job.model], modelsAsWritten: [job.model.split("/").pop() as string], validation: "reject" },
    ],
  };
  const outcome: Outcome = {
    model: job.model,
    loaded: false,
    generated: false,
    clean: false,
    files: 0,
    bytes: 0,
    lines: 0,
    validatorLines: 0,
    notes: [],
    events: countEvents([]),
    counts: { paginators: 0, waiters: 0, compiledPaths: 0, clientsByProtocol: {}, leftOutOperations: {} },
    timings: {},
    ms: 0,
    maxRss: 0,
  };
  try {
    // The type-check is the runner's (batched); everything else is the real pipeline.
    const out = config.out;
    const result = await generate(config, {
      skipTypeCheck: true,
      formatPool,
      ...(cold ? {} : { previous: (folder: string) => previousOutput(out, folder) }),
    });
    outcome.loaded = true;
    const writeStart = performance.now();
    const outputs = result.clients.map((c) => withManifest(c, result.tools));
    write(out, outputs);
    result.timings.write = performance.now() - writeStart;
    outcome.cache = {
      formatted: result.formatting.formatted,
      formatReused: result.formatting.reused,
      outputHash: outputHash(outputs.flatMap((c) => c.files.map((f) => ({ ...f, path: `${c.folder}/${f.path}` })))),
      checkReused: false,
    };
    outcome.generated = true;
    outcome.notes = result.notes;
    outcome.events = countEvents(result.warnings);
    outcome.counts = result.counts;
    outcome.timings = result.timings;
    outcome.toCheck = checkEntries(name, result.clients);
    for (const c of result.clients) {
      outcome.files += c.files.length;
      for (const f of c.files) {
        outcome.bytes += Buffer.byteLength(f.text);
        if (!f.path.endsWith(".ts") || f.path.startsWith("runtime/")) continue;
        const lines = f.text.split("\n").length - 1;
        outcome.lines += lines;
        if (f.path === "validators.ts") outcome.validatorLines += lines;
      }
    }
  } catch (e) {
    outcome.failure = failureOf(e);
    if (e instanceof AnvilError) outcome.events = countEvents([...e.diagnostics, ...e.warnings]);
    outcome.loaded = !["load", "assemble"].includes(outcome.failure.stage);
    rmSync(config.out, { recursive: true, force: true });
  }
  outcome.ms = performance.now() - start;
  outcome.maxRss = process.resourceUsage().maxRSS * 1024;
  return outcome;
}

process.on("message", (job: Job) => {
  void run(job).then(async (o) => {
    if (process.memoryUsage().rss > FORMAT_THREAD_RESTART_BYTES) await formatPool.close();
    process.send?.(o);
  });
});
