/**
 * The project a check runs in. Generated files are checked in a folder outside any project (a
 * temporary folder, or the corpus's output), where Node's module resolution would find neither
 * `@types/node` nor the runtime's npm packages. So the folder gets a `node_modules` of links to
 * the packages as installed for anvil itself, found the way Node resolves anvil's own imports:
 * that works whether npm put them beside anvil or hoisted them into the project that installed
 * it, and the compiler then resolves imports exactly as in a project that vendors the client.
 */
import { existsSync, mkdirSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { OPTIONAL_PACKAGES, runtimeDependencies, typesPackages } from "../runtime-files.js";
import { TYPECHECK_COMPILER_OPTIONS } from "./options.js";

const require = createRequire(import.meta.url);

/** The folder holding an installed package, or undefined when Node would not find it from here. */
function packageDir(name: string): string | undefined {
  // Looked up folder by folder rather than with require.resolve, which a package's `exports`
  // map can refuse (`@smithy/signature-v4`, once a runtime package, does not export its package.json).
  for (const base of require.resolve.paths(name) ?? []) {
    if (existsSync(join(base, name, "package.json"))) return join(base, name);
  }
  return undefined;
}

/**
 * The packages a check links, each with the folder it is installed in: `@types/node`, every
 * package the runtime imports (with the `@types/` package of one that ships no types) and those
 * generated code may import. A package that is not installed is left out, so the check reports
 * the import it cannot resolve.
 */
export function checkPackages(): Array<{ name: string; dir: string }> {
  const runtime = runtimeDependencies();
  const out: Array<{ name: string; dir: string }> = [];
  for (const name of [
    "@types/node",
    ...Object.keys(runtime),
    ...Object.keys(typesPackages(runtime)),
    ...OPTIONAL_PACKAGES,
  ]) {
    const dir = packageDir(name);
    if (dir) out.push({ name, dir });
  }
  return out;
}

/** Links the packages of {@link checkPackages} into `root/node_modules`. */
export function linkPackages(root: string): void {
  for (const { name, dir } of checkPackages()) {
    const link = join(root, "node_modules", name);
    if (existsSync(link)) continue;
    mkdirSync(dirname(link), { recursive: true });
    // A junction on Windows: a directory link that needs no privilege there; ignored elsewhere.
    symlinkSync(dir, link, "junction");
  }
}

/** The text of a tsconfig.json that checks exactly `files` (paths relative to the config's folder). */
export function tsconfigText(files: string[]): string {
  return `${JSON.stringify({ compilerOptions: TYPECHECK_COMPILER_OPTIONS, files }, null, 2)}\n`;
}
