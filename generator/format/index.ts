/**
 * Stage 6, format: Prettier over every generated TypeScript file, with fixed options so output
 * never depends on a user's Prettier config. Files are formatted in parallel on worker threads
 * (pool.ts); a file whose rendered text is the same as last run's is not formatted again when
 * the caller passes the last run's record (cache.ts).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Options } from "prettier";
import { AnvilError } from "../errors.js";
import { contentHash } from "../hash.js";
import type { RenderedFile } from "../render/index.js";
import { FormatFailure, FormatPool } from "./pool.js";

export { FormatPool } from "./pool.js";

/** The one Prettier configuration for generated code (and for generator/runtime/, which is copied as is). */
// babel-ts rather than the typescript parser: the same output on every file of a sample of 88
// corpus models (457 files), with 0.76x the CPU (bench/format/parsers.ts).
export const PRETTIER_OPTIONS: Options = { parser: "babel-ts", printWidth: 120, trailingComma: "all", endOfLine: "lf" };

/** Whether the format stage formats a file (runtime files are kept Prettier-clean in the repo). */
export const needsFormatting = (f: RenderedFile): boolean => f.path.endsWith(".ts") && !f.preformatted;

let shared: FormatPool | undefined;

/** The process's pool (one thread per core), started on first use. */
export function defaultFormatPool(): FormatPool {
  shared ??= new FormatPool(PRETTIER_OPTIONS);
  return shared;
}

/**
 * What formatting depends on besides the text: Prettier's version and the options. Recorded in
 * each output's manifest; formatting recorded under another identity is never reused.
 */
export function formatterIdentity(): string {
  const pkg = createRequire(import.meta.url).resolve("prettier/package.json");
  const { version } = JSON.parse(readFileSync(pkg, "utf8")) as { version: string };
  return `prettier ${version}, options ${contentHash(JSON.stringify(PRETTIER_OPTIONS)).slice(0, 12)}`;
}

/** Formats the files that need it (see needsFormatting); other files pass through. A Prettier failure names the template. */
export async function format(files: RenderedFile[], pool: FormatPool = defaultFormatPool()): Promise<RenderedFile[]> {
  const todo = files.filter(needsFormatting);
  const texts = await formatTexts(todo, pool);
  const formatted = new Map(todo.map((f, i) => [f, texts[i]]));
  return files.map((f) => (formatted.has(f) ? { ...f, text: formatted.get(f) as string } : f));
}

/** Formats each file's text; a Prettier failure becomes an internal AnvilError naming the template. */
export async function formatTexts(files: RenderedFile[], pool: FormatPool = defaultFormatPool()): Promise<string[]> {
  try {
    return await pool.format(files);
  } catch (e) {
    if (!(e instanceof FormatFailure)) throw e;
    // A generator bug, not bad input: an AnvilError of kind "internal" so the CLI prints it
    // like every other failure (exit 3) instead of as a crash.
    throw new AnvilError("internal", {
      message: `generated ${e.path} does not parse: ${e.reason}`,
      hint: `produced by ${files[e.index]?.origin ?? "(unknown)"}`,
    });
  }
}
