/**
 * A pool of worker processes for the corpus: each runs bench/corpus/worker.ts (bundled, see
 * worker-bundle.ts), takes one model
 * at a time, and is replaced when it crashes, hangs past the per-model timeout, or grows past
 * the memory it may keep between models. Resident memory is sampled from /proc while it runs.
 */
import { fork, type ChildProcess } from "node:child_process";
import { residentBytes } from "./memory.js";
import type { Job, Outcome, Ready } from "./protocol.js";
import { tsxWorker, type WorkerEntry } from "./worker-bundle.js";

/** Pool settings. */
export interface PoolOptions {
  workers: number;
  /** Output root for generated files (each worker writes its own folders, with the previous run's output there). */
  outRoot: string;
  /** The workers give the pipeline no previous output (nothing is reused). */
  cold: boolean;
  /** A model taking longer is a failure ("timeout") and its worker is replaced. */
  timeoutMs: number;
  /** A worker whose resident set is above this after a model is replaced before the next. */
  recycleBytes: number;
  /** What the workers are started from (default: bench/corpus/worker.ts through tsx). */
  worker?: WorkerEntry;
  /** Called when a worker takes a model. */
  onStart: (worker: number, job: Job) => void;
}

interface Slot {
  index: number;
  child?: ChildProcess;
  ready?: Promise<void>;
  stderr: string;
}

/** Runs every job through the pool; resolves with one outcome per job, in completion order. */
export async function runPool(
  jobs: Job[],
  options: PoolOptions,
  onDone: (worker: number, o: Outcome) => void,
): Promise<{ outcomes: Outcome[]; workersPeak: number; workerPeak: number }> {
  const entry = options.worker ?? tsxWorker();
  const queue = [...jobs];
  const outcomes: Outcome[] = [];
  const slots: Slot[] = Array.from({ length: options.workers }, (_, index) => ({ index, stderr: "" }));
  let workersPeak = 0;
  let workerPeak = 0;
  const sample = () => {
    let sum = 0;
    for (const s of slots) {
      const rss = residentBytes(s.child?.pid) ?? 0;
      workerPeak = Math.max(workerPeak, rss);
      sum += rss;
    }
    workersPeak = Math.max(workersPeak, sum);
  };
  const sampler = setInterval(sample, 200);

  const spawn = (slot: Slot) => {
    const child = fork(entry.file, [], {
      execArgv: entry.execArgv,
      env: { ...process.env, ANVIL_CORPUS_OUT: options.outRoot, ANVIL_CORPUS_COLD: options.cold ? "1" : "0" },
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    slot.child = child;
    slot.stderr = "";
    child.stderr?.on("data", (d: Buffer) => {
      slot.stderr = (slot.stderr + d.toString()).slice(-4000);
    });
    slot.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: Ready) => {
        if (m.ready) {
          child.off("exit", onExit);
          resolve();
        }
      };
      const onExit = (code: number | null) =>
        reject(new Error(`corpus worker exited during start-up (code ${code}): ${slot.stderr.trim()}`));
      child.once("message", onMessage);
      child.once("exit", onExit);
    });
  };

  const kill = (slot: Slot) => {
    slot.child?.removeAllListeners();
    slot.child?.kill("SIGKILL");
    slot.child = undefined;
  };

  /**
   * Lets an idle worker exit on its own (it has nothing left once the channel closes) and waits
   * for it, so its CPU time is counted in the runner's (cpu.ts); killed if it lingers.
   */
  const retire = (slot: Slot): Promise<void> => {
    const child = slot.child as ChildProcess;
    slot.child = undefined;
    child.removeAllListeners();
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      child.disconnect();
    });
  };

  /** Runs one job on a slot's worker; a crash or a timeout becomes a failed outcome. */
  const runJob = (slot: Slot, job: Job): Promise<Outcome> =>
    new Promise((resolve) => {
      const child = slot.child as ChildProcess;
      const started = performance.now();
      const failed = (stage: string, message: string): Outcome => ({
        model: job.model,
        loaded: false,
        generated: false,
        clean: false,
        files: 0,
        lines: 0,
        validatorLines: 0,
        bytes: 0,
        notes: [],
        events: { error: 0, danger: 0, warning: 0, note: 0 },
        counts: { paginators: 0, waiters: 0, compiledPaths: 0, clientsByProtocol: {}, leftOutOperations: {} },
        timings: {},
        ms: performance.now() - started,
        maxRss: 0,
        failure: { stage, kind: "exception", message, more: slot.stderr.trim().split("\n").slice(-6) },
      });
      const timer = setTimeout(() => {
        cleanup();
        kill(slot);
        resolve(failed("timeout", `no result after ${options.timeoutMs / 1000} s`));
      }, options.timeoutMs);
      const onMessage = (o: Outcome) => {
        cleanup();
        resolve(o);
      };
      const onExit = (code: number | null, signal: string | null) => {
        cleanup();
        slot.child = undefined;
        const oom = /heap out of memory/i.test(slot.stderr);
        resolve(failed("crash", oom ? "worker ran out of memory" : `worker exited (code ${code}, signal ${signal})`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        child.off("message", onMessage);
        child.off("exit", onExit);
      };
      child.on("message", onMessage);
      child.once("exit", onExit);
      child.send(job);
    });

  const loop = async (slot: Slot) => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      if (!slot.child) spawn(slot);
      await slot.ready;
      options.onStart(slot.index, job);
      sample();
      const outcome = await runJob(slot, job);
      outcomes.push(outcome);
      onDone(slot.index, outcome);
      if (slot.child && (residentBytes(slot.child.pid) ?? outcome.maxRss) > options.recycleBytes) kill(slot);
    }
    if (slot.child) await retire(slot);
  };
  try {
    await Promise.all(slots.map(loop));
  } finally {
    clearInterval(sampler);
    for (const s of slots) kill(s);
  }
  return { outcomes, workersPeak, workerPeak };
}
