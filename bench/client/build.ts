/**
 * Compiles a bench script to plain JavaScript (esbuild, npm packages left external) in a
 * temporary folder under node_modules/, so package imports resolve from the repository and no
 * tsx `__name` wrappers distort the figures. The caller removes the folder.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** A scratch folder inside node_modules/ (package resolution works from there). */
export function scratchDir(label: string): { dir: string; remove(): void } {
  const modules = join(REPO, "node_modules");
  mkdirSync(modules, { recursive: true });
  const dir = mkdtempSync(join(modules, `.anvil-bench-${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Bundles `entry` (a .ts file) into `outDir/<name>.mjs` and returns its path. */
export async function compileScript(entry: string, outDir: string, name: string): Promise<string> {
  const outfile = join(outDir, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outfile,
    logLevel: "warning",
  });
  return outfile;
}
