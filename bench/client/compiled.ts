/**
 * Runs bench/client/calls.ts alone, as plain JavaScript (compiled by esbuild, npm packages left
 * external), so no tsx `__name` wrappers distort the figures; index.ts does the same as part of
 * the whole client bench. Prepares the replayed cases' clients too (replay-clients.ts), and with
 * `--baseline=<git ref>` (e.g. `main`) adds that revision's generated Fraud Detector client as
 * the variant `anvil @<ref>`, interleaved with this one: before and after in the same run.
 * Run: npx tsx bench/client/compiled.ts [callsPerRound] [rounds] [--baseline=<git ref>]
 */
import { spawnSync } from "node:child_process";
import { scratchDir } from "./build.js";
import { prepareCalls } from "./prepare-calls.js";

const scratch = scratchDir("calls");
try {
  const baseline = process.argv.find((a) => a.startsWith("--baseline="))?.slice("--baseline=".length);
  const { script, args } = await prepareCalls(scratch.dir, baseline);
  const passed = process.argv.slice(2).filter((a) => !a.startsWith("--baseline="));
  const result = spawnSync(process.execPath, ["--no-warnings", script, ...passed, ...args], {
    stdio: "inherit",
    env: process.env,
  });
  process.exitCode = result.status ?? 1;
} finally {
  scratch.remove();
}
