/**
 * Messages between the corpus runner and its worker processes, and the name a model's client
 * gets (the same rule as `anvil generate --model`).
 */
import { basename } from "node:path";
import type { GenerateCounts } from "../../generator/pipeline.js";
import type { Diagnostic } from "../../generator/errors.js";

/** Runner -> worker: generate one model. */
export interface Job {
  model: string;
}

/** What went wrong with one model, classified so the summary can group by cause. */
export interface Failure {
  /** Where it failed: a pipeline stage, "type-check" (generated but not clean), "crash" or "timeout". */
  stage: string;
  /** `model`, `config`, `usage`, `internal` (AnvilError kinds), or `exception` for anything else. */
  kind: string;
  /** The first message, as reported. */
  message: string;
  /** Further messages (at most a few), for the detailed report. */
  more: string[];
}

/** Worker -> runner: the outcome of one job. */
export interface Outcome {
  model: string;
  /** Load and assemble succeeded. */
  loaded: boolean;
  /** Every stage up to formatting succeeded and the files were written. */
  generated: boolean;
  /** The output type-checked without a problem (set by the runner once the model's batch is checked). */
  clean: boolean;
  files: number;
  bytes: number;
  /** Lines of the generated .ts files, runtime copies left out, and of validators.ts alone. */
  lines: number;
  validatorLines: number;
  notes: string[];
  /** Paginators, waiters, compiled waiter paths and clients by protocol (zero when generation failed). */
  counts: GenerateCounts;
  /**
   * Validation events of the model by severity (suppressed ones left out), also when generation
   * stopped on an ERROR. Published models are valid: a DANGER or ERROR here is a validator's bug.
   */
  events: EventCounts;
  /** Milliseconds per stage (the pipeline's timings, `validate` among them, plus `write`). */
  timings: Record<string, number>;
  ms: number;
  failure?: Failure;
  /** The worker process's peak resident set so far, in bytes. */
  maxRss: number;
  /**
   * The generated `.ts` files left on disk for the runner to type-check, and each client folder's
   * package.json (paths relative to the output root, with the template or runtime file behind
   * each; `runtime` names the runtime file an exact copy is of, which the check replaces with its
   * declarations). The runner checks many models in one compiler run.
   */
  toCheck?: Array<{ path: string; origin: string; runtime?: string }>;
  /** What this run took from the cache folder (bench/corpus/cache.ts); absent when generation failed. */
  cache?: CacheUse;
}

/** One model's use of the corpus cache. */
export interface CacheUse {
  /** Files Prettier formatted in this run. */
  formatted: number;
  /** Files that needed formatting but were taken, already formatted, from the previous output. */
  formatReused: number;
  /** Hash of the model's output files, as written (the type-check record's key). */
  outputHash: string;
  /** The output is byte-identical to one that type-checked clean before: not checked again. */
  checkReused: boolean;
}

/** Validation events by severity. */
export interface EventCounts {
  error: number;
  danger: number;
  warning: number;
  note: number;
}

/** Worker -> runner, once at start-up: ready for jobs. */
export interface Ready {
  ready: true;
  warmMs: number;
}

/** The client (folder) name for a model file: `frauddetector-2019-11-15.json` -> `frauddetector`. */
export function clientName(model: string): string {
  return basename(model)
    .replace(/\.(json|smithy)$/, "")
    .replace(/-\d{4}-\d{2}-\d{2}$/, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, "-");
}

/** Counts events by severity; SUPPRESSED ones are not counted. */
export function countEvents(events: readonly Diagnostic[]): EventCounts {
  const counts: EventCounts = { error: 0, danger: 0, warning: 0, note: 0 };
  for (const e of events) {
    const severity = e.severity ?? "ERROR";
    if (severity === "SUPPRESSED") continue;
    counts[
      severity === "ERROR" ? "error" : severity === "DANGER" ? "danger" : severity === "WARNING" ? "warning" : "note"
    ]++;
  }
  return counts;
}
