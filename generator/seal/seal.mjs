/**
 * The seal of an output root (`<out>/anvil-seal.json`): a record, written by a successful
 * `anvil generate`, that these inputs (the config file, every model file, anvil's own sources and
 * templates, anvil's version and the versions of the packages it runs, Prettier and TypeScript
 * among them) produced these client folders (the SHA-256 of each folder's manifest, which holds
 * the SHA-256 of every file in it).
 *
 * `bin/anvil.mjs` reads it before loading anything else: when every input hashes as recorded and
 * every output file hashes as its manifest says (no file missing, none extra), the output is what
 * a full run would produce, so `generate --check` can answer "up to date" in a fraction of a
 * second without starting tsx or the generator. Anything that differs falls through to the full
 * pipeline, which prints the diff. This module is plain JavaScript for that reason: it must run
 * before tsx's loader is registered.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The seal's file name, at the output root beside the client folders. */
export const SEAL_FILE = "anvil-seal.json";

/** The manifest's file name inside a client folder (the same name as in `write/manifest.ts`). */
const MANIFEST_FILE = "anvil-manifest.json";

/** The folders of anvil whose files decide what it generates. */
const SOURCE_FOLDERS = ["generator", "templates"];

/** anvil's own folder: this file is `generator/seal/seal.mjs`. */
export const ANVIL_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** SHA-256 of bytes or text, in hex. */
const sha256 = (data) => createHash("sha256").update(data).digest("hex");

/** Paths (posix, relative to `base`) of the files under `dir` that `keep` accepts, sorted by code unit. */
function filesUnder(dir, base, keep) {
  const out = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out; // absent: no files, which the comparison will notice
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p, base, keep));
    else if (keep(e.name)) out.push(relative(base, p).split("\\").join("/"));
  }
  return out;
}

/**
 * One hash over every file of anvil's `generator/` and `templates/` (path and content), so any
 * edit to a stage, template, prelude file or the runtime shipped into clients changes it.
 */
export function generatorHash(root = ANVIL_ROOT) {
  const lines = [];
  for (const folder of SOURCE_FOLDERS) {
    for (const path of filesUnder(join(root, folder), root, () => true))
      lines.push(`${path}\0${sha256(readFileSync(join(root, path)))}\n`);
  }
  return sha256(lines.join(""));
}

/** The `version` of a package as Node would resolve it from `root` (walking up through node_modules), or "absent". */
function installedVersion(name, root) {
  for (let dir = root; ; dir = dirname(dir)) {
    try {
      return JSON.parse(readFileSync(join(dir, "node_modules", name, "package.json"), "utf8")).version ?? "unknown";
    } catch {
      if (dirname(dir) === dir) return "absent";
    }
  }
}

/** A record with its keys sorted, so its JSON text does not depend on their order. */
const sorted = (record) =>
  Object.fromEntries(Object.entries(record ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * anvil's version, the installed version of each of its dependencies (Prettier, the compiler,
 * the runtime's packages), and a hash of the versions its package.json asks for, dev ones
 * included: a client folder's package.json pins some of those (`pinnedVersion`), so a changed
 * pin changes the output even before anything is installed.
 */
export function toolVersions(root = ANVIL_ROOT) {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const versions = { anvil: String(pkg.version) };
  for (const name of Object.keys(pkg.dependencies ?? {}).sort()) versions[name] = installedVersion(name, root);
  versions["package.json dependencies"] = sha256(
    JSON.stringify([sorted(pkg.dependencies), sorted(pkg.devDependencies)]),
  );
  return versions;
}

/**
 * What a run reads and how it was asked for, as the seal records it: `base`, the folder paths are
 * relative to; `invocation`, the choices that shape the output (which config, or the `--model`
 * flags); `roots`, the files and folders whose contents are its inputs.
 */

/** A run from a config file (whose clients read `modelRoots`, as written in it): the config is an input too. */
export function configRun(configFile, modelRoots = []) {
  const name = basename(configFile);
  return { base: dirname(resolve(configFile)), invocation: { config: name }, roots: [name, ...modelRoots] };
}

/**
 * A run from `--model` files without a config (paths as given, relative to `cwd`): the flags
 * that shape the output are its invocation, in one fixed order, absent ones left out.
 */
export function modelRun(flags, cwd = process.cwd()) {
  const invocation = { models: [...flags.model] };
  for (const key of ["service", "operations", "name", "validation"])
    if (flags[key] !== undefined) invocation[key] = flags[key];
  return { base: resolve(cwd), invocation, roots: [...flags.model] };
}

/**
 * Every file under `roots` (relative to `base`) with its SHA-256, keyed by path relative to
 * `base`. Folders expand to their `.smithy` and `.json` files, as the load stage expands them.
 */
export function inputHashes(base, roots) {
  const hashes = {};
  for (const root of roots) {
    const abs = resolve(base, root);
    const files = statSync(abs).isDirectory()
      ? filesUnder(abs, base, (name) => /\.(smithy|json)$/.test(name))
      : [relative(base, abs).split("\\").join("/")];
    for (const f of files) hashes[f] = sha256(readFileSync(resolve(base, f)));
  }
  return hashes;
}

/**
 * The seal's text: what `run` (see `configRun`, `modelRun`) was made from and which manifests it
 * wrote (`manifests`: client folder to manifest text). Deterministic: sorted keys, relative
 * paths, no times.
 */
export function sealText(run, manifests, root = ANVIL_ROOT) {
  const clients = {};
  for (const folder of Object.keys(manifests).sort()) clients[folder] = sha256(manifests[folder]);
  const seal = {
    note: "Written by anvil generate: the inputs these client folders were made from, so `anvil generate --check` can tell they are up to date without regenerating. DO NOT EDIT.",
    versions: toolVersions(root),
    generator: generatorHash(root),
    invocation: run.invocation,
    roots: [...run.roots],
    inputs: inputHashes(run.base, run.roots),
    clients,
  };
  return `${JSON.stringify(seal, null, 2)}\n`;
}

/** The same keys with the same values, in any order. */
function sameRecord(a, b) {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/**
 * How many files a client folder holds when each is what its manifest (whose text must hash to
 * `manifestHash`) records and nothing else is there; else undefined.
 */
function sealedFileCount(dir, manifestHash) {
  let text;
  try {
    text = readFileSync(join(dir, MANIFEST_FILE));
  } catch {
    return undefined;
  }
  if (sha256(text) !== manifestHash) return undefined;
  let files;
  try {
    files = JSON.parse(text.toString("utf8")).files;
  } catch {
    return undefined;
  }
  if (typeof files !== "object" || files === null) return undefined;
  const expected = [...Object.keys(files), MANIFEST_FILE].sort();
  const onDisk = filesUnder(dir, dir, () => true).sort(); // whole paths in code-unit order, as `expected`
  if (expected.length !== onDisk.length || expected.some((p, i) => p !== onDisk[i])) return undefined;
  return onDisk.every((p) => p === MANIFEST_FILE || sha256(readFileSync(join(dir, p))) === files[p]?.sha256)
    ? onDisk.length
    : undefined;
}

/**
 * Whether `outDir` is certainly what a full `run` would produce: its seal names this invocation,
 * these inputs (under the roots the seal lists, which the run that wrote it computed from the same
 * invocation and config), this anvil and these tool versions, and every client folder matches its
 * manifest.
 * Returns the client folders and their file count when so, else undefined (then only a full run
 * can tell).
 */
export function sealedOutput(run, outDir, root = ANVIL_ROOT) {
  let seal;
  try {
    seal = JSON.parse(readFileSync(join(outDir, SEAL_FILE), "utf8"));
  } catch {
    return undefined;
  }
  if (!Array.isArray(seal?.roots) || typeof seal.clients !== "object" || seal.clients === null) return undefined;
  if (JSON.stringify(seal.invocation) !== JSON.stringify(run.invocation)) return undefined;
  try {
    if (!sameRecord(seal.versions, toolVersions(root))) return undefined;
    if (seal.generator !== generatorHash(root)) return undefined;
    if (!sameRecord(seal.inputs, inputHashes(run.base, seal.roots))) return undefined;
  } catch {
    return undefined; // an input vanished: the full run reports it
  }
  const folders = Object.keys(seal.clients).sort();
  let files = 0;
  for (const folder of folders) {
    const count = sealedFileCount(join(outDir, folder), seal.clients[folder]);
    if (count === undefined) return undefined;
    files += count;
  }
  return folders.length === 0 ? undefined : { folders, files };
}
