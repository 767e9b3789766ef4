/**
 * The code shipped inside clients: which files generator/runtime/ holds, which of them a client
 * folder ships, and which npm packages those import. A folder ships every runtime file outside
 * protocols/, its own protocol's module and what that imports (the other protocols' modules, and
 * the libraries only they use, stay out). The packages (with the versions this repository pins)
 * become the folder's dependencies, so nobody keeps that list by hand.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { RE2_PACKAGE } from "./patterns/engine.js";
import { GENERATOR_NAME, GENERATOR_VERSION } from "./version.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const RUNTIME_DIR = join(ROOT, "generator", "runtime");

let files: string[] | undefined;
const shipped = new Map<string, string[]>();
const deps = new Map<string, Record<string, string>>();

/** The folder of protocol modules, relative to generator/runtime/. */
const PROTOCOLS_DIR = "protocols/";
/** The folder of features only some models need (request checksums...), each shipped when the IR asks. */
const FEATURES_DIR = "features/";

/** Every runtime source file (tests excluded), relative to generator/runtime/, sorted. */
export function runtimeFiles(): string[] {
  if (files) return files;
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".ts") && !e.name.endsWith(".test.ts"))
        out.push(relative(RUNTIME_DIR, p).split("\\").join("/"));
    }
  };
  walk(RUNTIME_DIR);
  files = out;
  return out;
}

let fileSet: ReadonlySet<string> | undefined;

/** {@link runtimeFiles} as a set, for membership tests. */
export function runtimeFileSet(): ReadonlySet<string> {
  fileSet ??= new Set(runtimeFiles());
  return fileSet;
}

const sources = new Map<string, string>();
const copies = new Map<string, string>();

/**
 * The text of one runtime file, read once per process: rendering and the type-check's copy
 * comparison ask for every runtime file of every client.
 */
export function runtimeSource(rel: string): string {
  let text = sources.get(rel);
  if (text === undefined) {
    text = readFileSync(join(RUNTIME_DIR, rel), "utf8");
    sources.set(rel, text);
  }
  return text;
}

/** The version this repository's package.json gives `name` (dependencies or devDependencies), if any. */
function listedVersion(name: string): string | undefined {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  return pkg.dependencies?.[name] ?? pkg.devDependencies?.[name];
}

/** The exact version this repository's package.json pins `name` to (dependencies or devDependencies). */
export function pinnedVersion(name: string): string {
  const version = listedVersion(name);
  if (version === undefined) throw new Error(`internal: package.json does not list "${name}"`);
  // A client folder declares exactly the versions anvil's tests ran against: an open range let
  // an app that vendored a folder pull versions nobody had tried (TypeScript 7, @types/node 26).
  if (!/^\d+\.\d+\.\d+$/.test(version))
    throw new Error(
      `internal: package.json gives "${name}" the range ${version}; a package a client folder declares must be pinned to one version`,
    );
  return version;
}

/**
 * npm packages that generated code (not the runtime) may import, each only in clients that need
 * it: the RE2 engine for patterns at risk of slow backtracking.
 */
export const OPTIONAL_PACKAGES: readonly string[] = [RE2_PACKAGE];

/** `packages` (from {@link OPTIONAL_PACKAGES}) with the exact versions this repository pins. */
export function optionalDependencies(packages: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [...packages].sort()) {
    if (!OPTIONAL_PACKAGES.includes(name))
      throw new Error(
        `internal: generated code imports "${name}", which is not a listed optional package of package.json`,
      );
    out[name] = pinnedVersion(name);
  }
  return out;
}

/**
 * The runtime files a client folder ships: everything outside protocols/ and features/, then its
 * protocol's modules (e.g. `protocols/aws-json.ts`; none for a folder without a client), the
 * feature modules its operations use (e.g. `features/checksum.ts`) and every runtime file those
 * import, sorted.
 */
export function runtimeFilesFor(protocolModules: readonly string[]): string[] {
  const key = protocolModules.join("\n");
  const known = shipped.get(key);
  if (known) return known;
  const all = new Set(runtimeFiles());
  for (const m of protocolModules) if (!all.has(m)) throw new Error(`internal: runtime module ${m} does not exist`);
  const out = new Set<string>();
  const visit = (rel: string): void => {
    if (out.has(rel)) return;
    out.add(rel);
    for (const m of runtimeSource(rel).matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"(\.[^"]*)\.js"/gm)) {
      const target = `${posix.join(posix.dirname(rel), m[1] as string)}.ts`;
      if (all.has(target)) visit(target);
    }
  };
  for (const rel of all) if (!rel.startsWith(PROTOCOLS_DIR) && !rel.startsWith(FEATURES_DIR)) visit(rel);
  for (const m of protocolModules) visit(m);
  const list = [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  shipped.set(key, list);
  return list;
}

/** npm packages the given runtime files (default: all of them) import, each with the exact version this repository's package.json pins. */
export function runtimeDependencies(of: readonly string[] = runtimeFiles()): Record<string, string> {
  const cacheKey = of.join("\n");
  const cached = deps.get(cacheKey);
  if (cached) return cached;
  const found = new Set<string>();
  for (const rel of of) {
    // Static imports and exports, and dynamic `import("package")` (a package loaded only when needed).
    for (const m of runtimeSource(rel).matchAll(
      /^\s*(?:import|export)\s[^;]*?from\s+"([^".][^"]*)"|\bimport\(\s*"([^".][^"]*)"\s*\)/gm,
    )) {
      const spec = m[1] ?? m[2];
      if (spec === undefined || spec.startsWith("node:")) continue;
      found.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] ?? spec));
    }
  }
  const out: Record<string, string> = {};
  for (const name of [...found].sort()) out[name] = pinnedVersion(name);
  deps.set(cacheKey, out);
  return out;
}

/** A runtime file as it is written into a client folder: its source under a do-not-edit header. */
export function runtimeFileText(rel: string): string {
  let text = copies.get(rel);
  if (text === undefined) {
    text = `// Code generated by ${GENERATOR_NAME} ${GENERATOR_VERSION}: runtime copied from generator/runtime/${rel}. DO NOT EDIT.\n${runtimeSource(rel)}`;
    copies.set(rel, text);
  }
  return text;
}

/**
 * The `@types/` packages of `dependencies` that ship no types of their own (`aws4`), as this
 * repository pins them: a client folder lists them as devDependencies, and the type-check links them.
 */
export function typesPackages(dependencies: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(dependencies).sort()) {
    const types = `@types/${name.startsWith("@") ? name.slice(1).replace("/", "__") : name}`;
    if (listedVersion(types) !== undefined) out[types] = pinnedVersion(types);
  }
  return out;
}
