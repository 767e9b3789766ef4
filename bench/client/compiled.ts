/**
 * Runs bench/client/calls.ts as plain JavaScript: esbuild bundles it (no keepNames, packages left
 * external) into a temp file next to node_modules' resolution root and node runs it. This removes
 * tsx's per-closure `__name` wrappers, which tsc-compiled generated clients do not have.
 * Run: npx tsx bench/client/compiled.ts [callsPerRound] [rounds]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const outDir = mkdtempSync(join(resolve(here, "../.."), "node_modules", ".anvil-bench-"));
try {
  const outfile = join(outDir, "calls.mjs");
  await build({
    entryPoints: [join(here, "calls.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outfile,
    logLevel: "warning",
  });
  const result = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: "inherit", env: process.env });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
