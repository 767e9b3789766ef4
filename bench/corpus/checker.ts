/**
 * The corpus's type-check: generated outputs are checked in batches, many models to one run of
 * the native compiler, while the workers go on generating. Each compiler run loads the lib and
 * Node type files once for the whole batch instead of once per model, which is most of what a
 * check of a small model costs. Problems are attributed to models by folder. A model whose output
 * is byte-identical to one that checked clean before (bench/corpus/cache.ts) is not checked
 * again; every verdict updates that record. A batch is checked in a folder of its own that holds
 * its files as links, except the runtime copies, which are the runtime's declarations: the runtime
 * is checked once per run, not once per model (generator/typecheck/runtime-declarations.ts).
 */
import { copyFileSync, linkSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  checkProject,
  copyDeclarationPath,
  runtimeCopyOf,
  runtimeDeclarations,
} from "../../generator/typecheck/index.js";
import type { CheckRecord } from "./cache.js";
import type { Outcome } from "./protocol.js";

/** Batch settings. */
export interface BatchOptions {
  outRoot: string;
  /** Where each batch is laid out for its check (emptied after it). */
  checkRoot: string;
  /** A batch is checked once its models' output reaches this many bytes. */
  batchBytes: number;
  /** Outputs that checked clean before; updated and saved after each batch. */
  record: CheckRecord;
}

/** What the batch check needs of one model's output: see {@link Outcome.toCheck}. */
export type CheckEntry = NonNullable<Outcome["toCheck"]>[number];

/**
 * The files of a model's output (under `name/` in the output root) that its check reads: every
 * `.ts` file, each exact runtime copy marked as such, and each client folder's package.json.
 */
export function checkEntries(
  name: string,
  clients: ReadonlyArray<{ folder: string; files: ReadonlyArray<{ path: string; text: string }> }>,
): CheckEntry[] {
  const out: CheckEntry[] = [];
  for (const c of clients)
    for (const f of c.files) {
      if (!f.path.endsWith(".ts") && f.path !== "package.json") continue;
      const runtime = runtimeCopyOf(f.path, f.text);
      out.push({
        path: `${name}/${c.folder}/${f.path}`,
        origin: f.path.startsWith("runtime/") ? `generator/${f.path}` : `templates/${f.path}.hbs`,
        ...(runtime ? { runtime } : {}),
      });
    }
  return out;
}

/** The folder under the output root that holds a model's output (`s3` for `s3/s3/client.ts`). */
function folderOf(o: Outcome): string {
  return o.toCheck?.[0]?.path.split("/")[0] ?? "";
}

/** Collects generated models and checks them in batches, one compiler run at a time. */
export class BatchChecker {
  private pending: Outcome[] = [];
  private pendingBytes = 0;
  private batches = 0;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly options: BatchOptions) {}

  /**
   * Adds a generated model; starts a batch when enough output is waiting. A model the record
   * shows checked clean in exactly this output is clean at once.
   */
  add(outcome: Outcome): void {
    if (!outcome.toCheck) return;
    if (outcome.cache && this.options.record.checkedClean(folderOf(outcome), outcome.cache.outputHash)) {
      outcome.clean = true;
      outcome.cache.checkReused = true;
      delete outcome.toCheck;
      return;
    }
    this.pending.push(outcome);
    this.pendingBytes += outcome.bytes;
    if (this.pendingBytes >= this.options.batchBytes) this.flush();
  }

  /** Checks whatever is waiting and resolves when every batch is done. */
  async finish(): Promise<void> {
    this.flush();
    await this.running;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    const n = this.batches++;
    this.running = this.running.then(() => this.check(batch, n));
  }

  /**
   * Lays a batch out for its check under `root`, at the same relative paths as in the output:
   * each generated file and package.json a hard link to the output's (a copy across file
   * systems), each exact runtime copy the runtime's declaration file. Returns the files to check
   * with their origins.
   */
  private async layOut(batch: Outcome[], root: string): Promise<Map<string, string>> {
    const declarations = await runtimeDeclarations();
    const origins = new Map<string, string>();
    for (const o of batch)
      for (const f of o.toCheck ?? []) {
        const declaration = f.runtime === undefined ? undefined : declarations?.get(f.runtime);
        const rel =
          declaration === undefined || f.runtime === undefined ? f.path : copyDeclarationPath(f.path, f.runtime);
        const target = join(root, rel);
        mkdirSync(dirname(target), { recursive: true });
        if (declaration !== undefined) {
          writeFileSync(target, declaration);
          continue;
        }
        try {
          linkSync(join(this.options.outRoot, f.path), target);
        } catch {
          copyFileSync(join(this.options.outRoot, f.path), target);
        }
        if (f.path.endsWith(".ts")) origins.set(f.path, f.origin);
      }
    return origins;
  }

  /** One compiler run over a batch; sets each model's `clean`, failure and type-check time. */
  private async check(batch: Outcome[], n: number): Promise<void> {
    const start = performance.now();
    const root = join(this.options.checkRoot, `batch-${n}`);
    let problems: Awaited<ReturnType<typeof checkProject>>;
    try {
      rmSync(root, { recursive: true, force: true });
      const origins = await this.layOut(batch, root);
      problems = await checkProject(root, [...origins.keys()], origins);
    } catch (e) {
      problems = [{ file: "", line: 0, column: 0, message: (e as Error).message, origin: "(compiler)" }];
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    const ms = performance.now() - start;
    const bytes = batch.reduce((a, o) => a + o.bytes, 0);
    for (const o of batch) {
      const folder = folderOf(o);
      // A problem in no file (options, a crash) fails every model of the batch.
      const own = problems.filter((p) => p.file === "" || p.file.startsWith(`${folder}/`));
      o.clean = own.length === 0;
      // The batch's time, shared out by output size: what the model's check cost, roughly.
      o.timings.typecheck = (ms * o.bytes) / Math.max(1, bytes);
      if (!o.clean) {
        const [first, ...rest] = own.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} (${p.origin})`);
        o.failure = { stage: "type-check", kind: "internal", message: first, more: rest.slice(0, 4) };
      }
      if (o.cache) this.options.record.set(folder, o.cache.outputHash, o.clean);
      delete o.toCheck;
    }
    this.options.record.save();
  }
}
