/**
 * Runs bench/client/calls.ts alone, as plain JavaScript (compiled by esbuild, npm packages left
 * external), so no tsx `__name` wrappers distort the figures; index.ts does the same as part of
 * the whole client bench. Prepares the restJson1 client too (rest-json-client.ts).
 * Run: npx tsx bench/client/compiled.ts [callsPerRound] [rounds]
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { compileScript, REPO, scratchDir } from "./build.js";
import { prepareRestJsonClient, restJsonArgument } from "./rest-json-client.js";

const scratch = scratchDir("calls");
try {
  const script = await compileScript(join(REPO, "bench/client/calls.ts"), scratch.dir, "calls");
  const restJson = restJsonArgument(await prepareRestJsonClient(scratch.dir));
  const result = spawnSync(process.execPath, ["--no-warnings", script, ...process.argv.slice(2), restJson], { stdio: "inherit", env: process.env });
  process.exitCode = result.status ?? 1;
} finally {
  scratch.remove();
}
