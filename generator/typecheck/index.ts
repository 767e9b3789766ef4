/**
 * Stage 7, type-check: compiles the whole output in memory (strict, no emit) before anything is
 * written. A type error aborts generation with the diagnostics and the template behind them.
 * The CLI starts the checker in a worker thread first thing, so its warm-up overlaps the other
 * stages; tests and library callers check in-process.
 */
import { Worker } from "node:worker_threads";
import type { RenderedFile } from "../render/index.js";
import { runtimeFileText, runtimeFiles } from "../runtime-files.js";
// Only types from checker.ts here: importing it loads ts-morph (half a second), which the CLI
// leaves to the worker thread and loads in this thread only when it must check in-process.
import type { CheckFile, TypeCheckProblem } from "./checker.js";

export type { TypeCheckProblem } from "./checker.js";

/** Checks generated clients' files; returns every problem (empty when clean). */
export type TypeChecker = (clients: Array<{ folder: string; files: RenderedFile[] }>) => Promise<TypeCheckProblem[]>;

const toCheckFiles = (clients: Array<{ folder: string; files: RenderedFile[] }>): CheckFile[] =>
  clients.flatMap((c) => c.files.filter((f) => f.path.endsWith(".ts")).map((f) => ({ folder: c.folder, path: f.path, text: f.text, origin: f.origin })));

/** A checker running in this thread. */
export function inProcessTypeChecker(): TypeChecker {
  return async (clients) => {
    const { TypeCheckSession } = await import("./checker.js");
    return new TypeCheckSession().check(toCheckFiles(clients));
  };
}

/**
 * A checker in a worker thread, warming up immediately. Falls back to checking in-process when
 * a worker cannot load TypeScript sources (e.g. under a test runner's own module loader).
 */
export function backgroundTypeChecker(folders: string[]): TypeChecker {
  let worker: Worker | undefined;
  try {
    const warm = folders.flatMap(runtimeCheckFiles);
    worker = new Worker(new URL("./worker.ts", import.meta.url), { workerData: { warm } });
    worker.unref();
  } catch {
    return inProcessTypeChecker();
  }
  const w = worker;
  let failed: Error | undefined;
  w.on("error", (e) => {
    failed = e;
  });
  return (clients) =>
    new Promise((resolve, reject) => {
      if (failed) return inProcessTypeChecker()(clients).then(resolve, reject);
      w.once("message", (m: { problems?: TypeCheckProblem[]; error?: string }) => {
        void w.terminate();
        if (m.error) reject(new Error(m.error));
        else resolve(m.problems ?? []);
      });
      w.once("error", () => inProcessTypeChecker()(clients).then(resolve, reject));
      w.postMessage(toCheckFiles(clients));
    });
}

/** Runtime files, as the checker sees them in a client folder (for warming up). */
export function runtimeCheckFiles(folder: string): CheckFile[] {
  return runtimeFiles().map((rel) => ({ folder, path: `runtime/${rel}`, text: runtimeFileText(rel), origin: `generator/runtime/${rel}` }));
}
