/**
 * One variant of the per-call bench alone, many times, for a CPU profile of the client's side:
 * `node --cpu-prof` on the compiled script shows where a call's CPU goes (calls.ts measures,
 * this only exercises). The server runs in a forked process (not in the profile).
 * Run: npx tsx bench/client/profile-calls.ts [anvil|bare] [SendEvent|GetEventPrediction] [calls]
 * (compiles this file, then runs it under `node --cpu-prof --cpu-prof-dir=<cwd>/.cpuprofile`).
 */
import { fork, spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileScript, REPO, scratchDir } from "./build.js";
import { anvil, bare, FRAUD_DETECTOR_ROUTES, serve, type Operation } from "./fraud-detector-calls.js";

const self = fileURLToPath(import.meta.url);

/** Runs `calls` calls of one variant against a forked server (the compiled script's main). */
async function exercise(variant: string, op: Operation, calls: number): Promise<void> {
  const child = fork(self, ["--server"], { stdio: "inherit" });
  try {
    const port = await new Promise<number>((resolve) => child.once("message", (m) => resolve(Number(m))));
    const call = (variant === "bare" ? bare : anvil)(port, op);
    for (let i = 0; i < calls; i++) await call();
  } finally {
    child.disconnect();
    child.kill();
  }
}

if (process.argv[1] === self) {
  const args = process.argv.slice(2);
  if (args[0] === "--server") serve(FRAUD_DETECTOR_ROUTES);
  else if (args[0] === "--run") await exercise(args[1] ?? "anvil", (args[2] ?? "SendEvent") as Operation, Number(args[3] ?? 20000));
  else if (self.endsWith(".ts")) {
    const scratch = scratchDir("profile");
    try {
      const script = await compileScript(self, scratch.dir, "profile-calls");
      const dir = join(process.cwd(), ".cpuprofile");
      const run = spawnSync(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${dir}`, script, "--run", ...args], { stdio: "inherit" });
      console.log(`profile written under ${dir} (open in Chrome DevTools or speedscope)`);
      process.exitCode = run.status ?? 1;
    } finally {
      scratch.remove();
    }
  }
}
