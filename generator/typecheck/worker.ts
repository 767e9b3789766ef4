/**
 * The type-check session in a worker thread: it warms up (loads TypeScript, lib and Node types,
 * the runtime) while the main thread loads, renders and formats, then checks what it is sent.
 */
import { parentPort, workerData } from "node:worker_threads";
import { TypeCheckSession, type CheckFile } from "./checker.js";

const session = new TypeCheckSession();
session.warm((workerData as { warm: CheckFile[] }).warm);
parentPort?.on("message", (files: CheckFile[]) => {
  try {
    parentPort?.postMessage({ problems: session.check(files) });
  } catch (e) {
    parentPort?.postMessage({ error: (e as Error).stack ?? String(e) });
  }
});
