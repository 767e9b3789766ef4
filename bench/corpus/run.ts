/**
 * `npm run corpus [-- --limit N] [-- --filter NAME]`: generates every model of the AWS corpus
 * (all operations, types, validators, and the client where the protocol is supported) with two
 * worker processes, type-checks each output, and prints a summary: models loaded, generated,
 * type-check clean, failures grouped by cause, total time (wall and CPU), peak memory, time per stage.
 *
 * Output goes to a persistent cache folder (bench/corpus/cache.ts; default under
 * ~/.cache/anvil-corpus/, one per checkout), kept between runs: a second run formats only the
 * files whose rendered text changed and type-checks only the models whose output changed. The
 * full report is written there as corpus-report.json. Exit code 0 when every model generated and
 * type-checked.
 *
 * Options: --dir DIR (default ../shared/aws-models), --limit N, --filter NAME (substring of the
 * file name; repeatable or comma-separated), --workers N (default 2), --timeout SECONDS (per
 * model, default 600), --batch-mb N (output checked per compiler run, default 12), --cache DIR
 * (the cache folder), --cold (reuse nothing from the cache; it is still refreshed for the next
 * run), --tsx (run the workers through tsx rather than a bundle of them, see worker-bundle.ts;
 * for comparison), --json FILE (also write the report there).
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { batchCheckerIdentity, checkDir, CheckRecord, DEFAULT_CACHE_DIR, outputDir } from "./cache.js";
import { CacheBusyError, lockCache } from "./lock.js";
import { BatchChecker } from "./checker.js";
import { cpuMsWithChildren } from "./cpu.js";
import { treeResidentBytes } from "./memory.js";
import { runPool } from "./pool.js";
import { describeEntry, tsxWorker, workerEntry } from "./worker-bundle.js";
import { findModels } from "./models.js";
import { Progress } from "./progress.js";
import { buildReport, formatReport, modelLabel, validationDetail } from "./summary.js";

const ROOT = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..");

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      dir: { type: "string", default: join(ROOT, "..", "shared", "aws-models") },
      limit: { type: "string" },
      filter: { type: "string", multiple: true },
      workers: { type: "string", default: "2" },
      timeout: { type: "string", default: "600" },
      "batch-mb": { type: "string", default: "12" },
      cache: { type: "string", default: DEFAULT_CACHE_DIR },
      cold: { type: "boolean", default: false },
      tsx: { type: "boolean", default: false },
      json: { type: "string" },
    },
    strict: true,
  });
  const dir = resolve(values.dir);
  if (!existsSync(dir)) {
    process.stderr.write(
      `corpus: ${dir} is absent (the shared AWS models live in ../shared beside this checkout); nothing to run\n`,
    );
    return 2;
  }
  const filters = (values.filter ?? [])
    .flatMap((f) => f.split(","))
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  let models = findModels(dir).filter(
    (m) => filters.length === 0 || filters.some((f) => modelLabel(m).toLowerCase().includes(f)),
  );
  if (values.limit) models = models.slice(0, Number(values.limit));
  if (models.length === 0) {
    process.stderr.write(`corpus: no model under ${dir} matches\n`);
    return 2;
  }
  // Largest first: the big models start early, so the two workers finish close together.
  const jobs = models
    .map((model) => ({ model, size: statSync(model).size }))
    .sort((a, b) => b.size - a.size)
    .map(({ model }) => ({ model }));
  const cacheDir = resolve(values.cache);
  const outRoot = outputDir(cacheDir);
  mkdirSync(outRoot, { recursive: true });
  try {
    // Released when the process exits, however it exits; a run killed by a signal leaves a lock
    // whose pid is gone, which the next run takes over.
    process.on("exit", lockCache(cacheDir));
  } catch (e) {
    if (!(e instanceof CacheBusyError)) throw e;
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
  const cold = values.cold;
  const workers = Math.max(1, Number(values.workers));
  process.stderr.write(
    `corpus: ${models.length} models from ${dir}, ${workers} workers, ${cold ? "cold (nothing reused), " : ""}output in ${outRoot}\n`,
  );

  const progress = new Progress(models.length);
  const checker = new BatchChecker({
    outRoot,
    checkRoot: checkDir(cacheDir),
    batchBytes: Number(values["batch-mb"]) * 1024 * 1024,
    record: new CheckRecord(cacheDir, batchCheckerIdentity(), cold),
  });
  // Everything this process started (workers, the checker's compiler runs) and itself.
  let allPeak = 0;
  const sampler = setInterval(() => {
    allPeak = Math.max(allPeak, treeResidentBytes(process.pid) ?? 0);
  }, 200);
  const started = performance.now();
  const cpuAtStart = cpuMsWithChildren() ?? 0;
  // Built inside the measured time: it is part of what a run costs.
  const worker = values.tsx ? tsxWorker() : await workerEntry();
  process.on("exit", worker.remove);
  process.stderr.write(`corpus: ${describeEntry(worker)}\n`);
  const { outcomes, workersPeak, workerPeak } = await runPool(
    jobs,
    {
      worker,
      workers,
      outRoot,
      cold,
      timeoutMs: Number(values.timeout) * 1000,
      recycleBytes: 1.25 * 1024 ** 3,
      onStart: (w, job) => progress.start(w, modelLabel(job.model)),
    },
    (w, o) => {
      checker.add(o);
      progress.finish(
        w,
        modelLabel(o.model),
        o.generated,
        o.ms,
        o.generated ? validationDetail(o) : `${o.failure?.stage}: ${o.failure?.message.slice(0, 160)}`,
      );
    },
  );
  await checker.finish();
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  progress.end();
  const cpuMs = cpuMsWithChildren();
  const report = buildReport(
    outcomes,
    wallMs,
    workers,
    { workersPeak, workerPeak, allPeak, runnerPeak: process.resourceUsage().maxRSS * 1024 },
    cpuMs === undefined ? undefined : cpuMs - cpuAtStart,
    { dir: cacheDir, cold },
  );
  process.stdout.write(`${formatReport(report)}\n`);
  const reportPath = join(cacheDir, "corpus-report.json");
  const json = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(reportPath, json);
  if (values.json) writeFileSync(resolve(values.json), json);
  process.stdout.write(`report: ${reportPath}\noutput kept in ${outRoot}\n`);
  return report.clean === report.models ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`corpus: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 3;
  },
);
