/**
 * Prettier on worker threads: files are formatted in parallel, one per thread at a time, largest
 * first so the threads finish close together. Threads start on first use and stay for later
 * calls (tests and the corpus format many outputs in one process); an idle pool does not keep
 * the process alive.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Options } from "prettier";

/** One file to format. */
export interface FormatJob {
  path: string;
  text: string;
}

/** A file Prettier rejected, with the first line of its message. */
export class FormatFailure extends Error {
  constructor(
    /** The job's position in the list given to `format`. */
    readonly index: number,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

interface Reply {
  id: number;
  text?: string;
  error?: string;
}

/** A pool of Prettier worker threads with fixed options. */
export class FormatPool {
  private readonly workers: Worker[] = [];
  private busy = 0;
  private nextId = 0;

  /** `size` threads at most (default: one per core). */
  constructor(
    private readonly options: Options,
    private readonly size = availableParallelism(),
  ) {}

  /** Formats every job; resolves with the texts in job order, or rejects with the first FormatFailure. */
  async format(jobs: FormatJob[]): Promise<string[]> {
    const results: string[] = new Array<string>(jobs.length);
    const queue = jobs
      .map((job, index) => ({ job, index }))
      .sort((a, b) => b.job.text.length - a.job.text.length || a.index - b.index);
    const threads = Math.min(Math.max(this.size, 1), queue.length);
    while (this.workers.length < threads) this.workers.push(this.spawn());
    let failure: FormatFailure | undefined;
    const drain = async (worker: Worker) => {
      for (let next = queue.shift(); next && !failure; next = queue.shift()) {
        const reply = await this.send(worker, next.job.text);
        if (reply.error !== undefined) failure ??= new FormatFailure(next.index, next.job.path, reply.error);
        else results[next.index] = reply.text as string;
      }
    };
    await Promise.all(this.workers.slice(0, threads).map(drain));
    if (failure) throw failure;
    return results;
  }

  /** Stops every thread. */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private spawn(): Worker {
    // execArgv [] keeps tsx's loader out of the thread (see worker.mjs for why).
    const worker = new Worker(new URL("./worker.mjs", import.meta.url), {
      workerData: { options: this.options },
      execArgv: [],
    });
    worker.unref();
    return worker;
  }

  /** Sends one text; the pool keeps the process alive only while a thread has work. */
  private send(worker: Worker, text: string): Promise<Reply> {
    const id = this.nextId++;
    if (this.busy++ === 0) for (const w of this.workers) w.ref();
    return new Promise<Reply>((resolve, reject) => {
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        done();
        resolve(reply);
      };
      const onError = (e: Error) => {
        done();
        this.workers.splice(this.workers.indexOf(worker), 1);
        reject(e);
      };
      const done = () => {
        worker.off("message", onMessage);
        worker.off("error", onError);
        if (--this.busy === 0) for (const w of this.workers) w.unref();
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.postMessage({ id, text });
    });
  }
}
