/**
 * The runtime as declarations, for checks. Every client folder ships copies of the same runtime
 * files (generator/runtime/), and checking those copies again in every check was most of a small
 * client's check and about two fifths of the corpus's. So the runtime is checked once, on its own,
 * under the clients' compiler options, and the declaration files (`.d.ts`) that same compiler run
 * emits stand in for the copies: generated files are still checked in full, against the same
 * types, and under `skipLibCheck` a declaration file costs a parse, not a check.
 *
 * Nothing is lost: a runtime that does not check clean yields no declarations, and the caller
 * then checks the copies themselves, which reports the runtime's errors in the client's files.
 * The runtime's own type-check is a precondition here, not an assumption.
 *
 * The declarations are kept in a cache folder (node_modules/.cache/anvil, the convention tools
 * share), named by a hash of everything the runtime's check depends on: the runtime sources, the
 * compiler's version, the options and the linked packages' versions. Each file's hash is
 * recorded beside it and compared on every read, so an edited or truncated cache file is rebuilt,
 * never trusted. A cache folder that cannot be written only costs the next process a rebuild.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { contentHash } from "../hash.js";
import { runtimeFiles, runtimeSource } from "../runtime-files.js";
import { nativeCompilerVersion, runNativeCompiler } from "./compiler.js";
import { TYPECHECK_COMPILER_OPTIONS } from "./options.js";
import { checkPackages, linkPackages } from "./project.js";

/** Each runtime file (relative to generator/runtime/, e.g. `rules/evaluate.ts`) with the text of its declaration file. */
export type RuntimeDeclarations = ReadonlyMap<string, string>;

/** Where the declarations of this anvil's runtime are cached. */
export const DEFAULT_DECLARATIONS_CACHE = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "node_modules",
  ".cache",
  "anvil",
  "runtime-declarations",
);

/** The record kept beside the cached files: each declaration file's path and hash. */
const RECORD = "declarations.json";

/** A runtime file's declaration file: `rules/evaluate.ts` becomes `rules/evaluate.d.ts`. */
export function declarationPath(rel: string): string {
  return `${rel.slice(0, -".ts".length)}.d.ts`;
}

/** The hash that names a runtime's cache folder: its sources and what its check depends on. */
function declarationsKey(sources: ReadonlyMap<string, string>): string {
  const packages = checkPackages().map(({ name, dir }) => {
    const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version?: string };
    return `${name}@${version ?? "?"}`;
  });
  return contentHash(
    JSON.stringify({
      compiler: nativeCompilerVersion(),
      options: TYPECHECK_COMPILER_OPTIONS,
      packages,
      sources: [...sources].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    }),
  ).slice(0, 20);
}

/** The declarations cached in `folder`, when it holds exactly the files `sources` needs, each with its recorded hash. */
function readCached(folder: string, sources: ReadonlyMap<string, string>): Map<string, string> | undefined {
  try {
    const record = JSON.parse(readFileSync(join(folder, RECORD), "utf8")) as Record<string, string>;
    const out = new Map<string, string>();
    for (const rel of sources.keys()) {
      const text = readFileSync(join(folder, declarationPath(rel)), "utf8");
      if (record[declarationPath(rel)] !== contentHash(text)) return undefined;
      out.set(rel, text);
    }
    return out;
  } catch {
    return undefined;
  }
}

/**
 * Checks `sources` under the clients' options with the native compiler, emitting declarations;
 * resolves with them, or with undefined when the runtime does not check clean.
 */
async function emitDeclarations(sources: ReadonlyMap<string, string>): Promise<Map<string, string> | undefined> {
  const work = mkdtempSync(join(tmpdir(), "anvil-runtime-declarations-"));
  try {
    const files: string[] = [];
    for (const [rel, text] of sources) {
      const path = join(work, "runtime", rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      files.push(`runtime/${rel}`);
    }
    // The runtime is ES modules in every client folder; its imports resolve as they do there.
    writeFileSync(join(work, "package.json"), '{ "type": "module" }\n');
    linkPackages(work);
    const compilerOptions = {
      ...TYPECHECK_COMPILER_OPTIONS,
      noEmit: false,
      emitDeclarationOnly: true,
      rootDir: ".",
      outDir: "declarations",
    };
    writeFileSync(join(work, "tsconfig.json"), JSON.stringify({ compilerOptions, files }));
    const { code } = await runNativeCompiler(["-p", "tsconfig.json", "--pretty", "false"], work);
    if (code !== 0) return undefined;
    const out = new Map<string, string>();
    for (const rel of sources.keys())
      out.set(rel, readFileSync(join(work, "declarations", "runtime", declarationPath(rel)), "utf8"));
    return out;
  } catch {
    // No compiler, or no declaration where one was due: the caller checks the copies themselves,
    // which reports the same cause with its context.
    return undefined;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Stores declarations as `folder`, whole or not at all: written into a sibling, then renamed.
 * Other runtimes' folders are removed (a checkout keeps only its current runtime's). Failing to
 * write is not an error: the cache only saves time.
 */
function storeCached(folder: string, declarations: ReadonlyMap<string, string>): void {
  const parent = dirname(folder);
  try {
    mkdirSync(parent, { recursive: true });
    const staging = mkdtempSync(join(parent, ".staging-"));
    const record: Record<string, string> = {};
    for (const [rel, text] of declarations) {
      const path = join(staging, declarationPath(rel));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      record[declarationPath(rel)] = contentHash(text);
    }
    writeFileSync(join(staging, RECORD), `${JSON.stringify(record, null, 2)}\n`);
    rmSync(folder, { recursive: true, force: true });
    try {
      renameSync(staging, folder);
    } catch {
      // Another process stored the same folder first: its files are the same.
      rmSync(staging, { recursive: true, force: true });
    }
    for (const name of readdirSync(parent))
      if (join(parent, name) !== folder && !name.startsWith(".staging-"))
        rmSync(join(parent, name), { recursive: true, force: true });
  } catch {
    // A read-only install: the next process builds them again.
  }
}

/**
 * The declarations of a runtime (default: this anvil's, every file of generator/runtime/), from
 * the cache folder `cacheDir` when they are there and intact, otherwise emitted and stored;
 * undefined when the runtime does not check clean.
 */
export async function declarationsOf(
  sources: ReadonlyMap<string, string>,
  cacheDir: string = DEFAULT_DECLARATIONS_CACHE,
): Promise<RuntimeDeclarations | undefined> {
  const folder = join(cacheDir, declarationsKey(sources));
  if (existsSync(folder)) {
    const cached = readCached(folder, sources);
    if (cached) return cached;
  }
  const emitted = await emitDeclarations(sources);
  if (emitted) storeCached(folder, emitted);
  return emitted;
}

let ours: Promise<RuntimeDeclarations | undefined> | undefined;

/** The declarations of this anvil's runtime, found or built once per process. */
export function runtimeDeclarations(): Promise<RuntimeDeclarations | undefined> {
  ours ??= declarationsOf(new Map(runtimeFiles().map((rel) => [rel, runtimeSource(rel)])));
  return ours;
}
