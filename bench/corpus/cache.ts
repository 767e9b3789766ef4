/**
 * The corpus's warm path. Output goes to a persistent folder (default
 * ~/.cache/anvil-corpus/<checkout>-<hash>/, see DEFAULT_CACHE_DIR) instead of a temporary one, so a second run can reuse the
 * first run's work two ways:
 *
 * - formatting: each worker hands the pipeline the model's previous output (the pipeline's own
 *   format cache, generator/format/cache.ts, decides what is reused, from the manifest written
 *   beside the files; a hand-edited file is never taken);
 * - the batch type-check: a model whose output is byte-identical to an output that type-checked
 *   clean before, under the same checker, is not checked again. The record of clean checks
 *   (typecheck.json here) keys each model by a hash of its output files and of the checker's
 *   identity. A model that failed its check has no record, so it is checked again.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { contentHash } from "../../generator/hash.js";
import { RUNTIME_DIR, runtimeFiles } from "../../generator/runtime-files.js";
import { checkerIdentity } from "../../generator/typecheck/index.js";

const ROOT = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..");

/**
 * The cache folder used unless `--cache DIR` says otherwise: under the user's cache folder, one
 * per checkout (two checkouts running the corpus at once must not share one). Not inside the
 * checkout (e.g. node_modules/.cache): the batch check resolves imports by walking up from the
 * output, and inside the checkout it would find every package anvil has installed, so a client
 * importing a package its folder does not link would still type-check.
 */
export const DEFAULT_CACHE_DIR = join(
  process.env.XDG_CACHE_HOME || join(homedir(), ".cache"),
  "anvil-corpus",
  `${basename(ROOT)}-${contentHash(ROOT).slice(0, 8)}`,
);

/** Where the generated client folders go inside the cache folder. */
export function outputDir(cacheDir: string): string {
  return join(cacheDir, "output");
}

/** Where the batch type-check lays out each batch, inside the cache folder (outside the checkout, like the output). */
export function checkDir(cacheDir: string): string {
  return join(cacheDir, "check");
}

/**
 * A hash over a model's output: every file's path and text, in path order. The worker computes
 * it over the texts it wrote, which are what the batch check reads from disk.
 */
export function outputHash(files: Array<{ path: string; text: string }>): string {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return contentHash(sorted.map((f) => `${f.path}\0${contentHash(f.text)}\n`).join(""));
}

/**
 * What a check's verdict depends on besides the output: the compiler's version and options (the
 * identity each manifest records), the runtime files the clients ship, and anvil's lock file
 * (the installed versions of @types/node and of the packages the check links for the runtime).
 */
export function batchCheckerIdentity(): string {
  const runtime = runtimeFiles().map((f) => `${f}\0${contentHash(readFileSync(join(RUNTIME_DIR, f), "utf8"))}`);
  let lock = "";
  try {
    lock = contentHash(readFileSync(join(ROOT, "package-lock.json"), "utf8"));
  } catch {
    lock = "no package-lock.json";
  }
  return contentHash([checkerIdentity(), lock, ...runtime].join("\n"));
}

const RECORD_FILE = "typecheck.json";

/** Per model (client folder), the key of the output that last type-checked clean. */
export class CheckRecord {
  private readonly clean: Record<string, string>;

  /**
   * Reads the record from `cacheDir` (empty when absent or unreadable). `identity` is the
   * checker's ({@link batchCheckerIdentity}); a record made under another one matches nothing.
   * When `cold`, nothing matches, but the record is still updated (other models' entries kept).
   */
  constructor(
    private readonly cacheDir: string,
    private readonly identity: string,
    private readonly cold: boolean,
  ) {
    this.clean = readRecord(join(cacheDir, RECORD_FILE));
  }

  private key(hash: string): string {
    return contentHash(`${this.identity}\n${hash}`);
  }

  /** True when this exact output of this folder type-checked clean under this checker. */
  checkedClean(folder: string, hash: string): boolean {
    return !this.cold && this.clean[folder] === this.key(hash);
  }

  /** Records a check's verdict: clean outputs are remembered, anything else forgotten. */
  set(folder: string, hash: string, clean: boolean): void {
    if (clean) this.clean[folder] = this.key(hash);
    else delete this.clean[folder];
  }

  /** Writes the record (whole, by rename, so an interrupted run leaves the old one or the new one). */
  save(): void {
    mkdirSync(this.cacheDir, { recursive: true });
    const path = join(this.cacheDir, RECORD_FILE);
    const sorted = Object.fromEntries(Object.entries(this.clean).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    writeFileSync(`${path}.tmp`, `${JSON.stringify(sorted, null, 2)}\n`);
    renameSync(`${path}.tmp`, path);
  }
}

function readRecord(path: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"),
    );
  } catch {
    return {};
  }
}
