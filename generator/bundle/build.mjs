/**
 * Builds `dist/cli.mjs`, one ES module holding the generator (every `generator/**` module the CLI
 * imports, its npm packages left as imports), and `dist/cli.json`, the hash of the sources it was
 * built from. `bin/anvil.mjs` runs the bundle instead of registering tsx's loader, which saves
 * most of a second of start-up (tsx compiling and resolving every module), but only while that
 * hash is the hash of the sources on disk: an edited source runs through tsx until the next build.
 *
 * `node generator/bundle/build.mjs [DIR]` (default `dist/`; tests build elsewhere). Run by npm's
 * `prepare` script, so `npm ci` (and `npm pack`) produce it. Without esbuild (an
 * installed anvil has no dev dependencies) it builds nothing and says so; anvil then runs
 * through tsx as before.
 *
 * Bundling itself, and how moved files still find their templates, is esbuild.mjs.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { ANVIL_ROOT, generatorHash } from "../seal/seal.mjs";
import { BUNDLE_FILE, BUNDLE_RECORD } from "./bundle.mjs";
import { bundleModule } from "./esbuild.mjs";

/** Writes a file by rename from a temporary sibling, so an anvil starting meanwhile never imports half of it. */
function writeAtomically(path, contents) {
  writeFileSync(`${path}.tmp`, contents);
  renameSync(`${path}.tmp`, path);
}

/**
 * Builds the bundle and its record into `outDir` (default `dist/`); returns false (having built
 * nothing) when esbuild is not installed.
 */
async function buildBundle(outDir) {
  const generator = generatorHash();
  const outputFiles = await bundleModule({
    entry: join(ANVIL_ROOT, "generator", "cli.ts"),
    outfile: join(outDir, basename(BUNDLE_FILE)),
    outDir,
  });
  if (!outputFiles) return false;
  mkdirSync(outDir, { recursive: true });
  for (const file of outputFiles) writeAtomically(file.path, file.contents);
  writeAtomically(join(outDir, basename(BUNDLE_RECORD)), `${JSON.stringify({ generator }, null, 2)}\n`);
  return true;
}

const outDir = resolve(process.argv[2] ?? dirname(BUNDLE_FILE));
const built = await buildBundle(outDir);
process.stdout.write(
  built
    ? `anvil: built ${relative(process.cwd(), join(outDir, basename(BUNDLE_FILE)))}\n`
    : "anvil: esbuild is not installed; no bundle built (anvil runs its sources through tsx)\n",
);
