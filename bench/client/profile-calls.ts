/**
 * One variant of the per-call bench alone, many times, for a CPU profile of the client's side:
 * `node --cpu-prof` on the compiled script shows where a call's CPU goes (calls.ts measures,
 * this only exercises). The server runs in a forked process (not in the profile). Cases: Fraud
 * Detector's `SendEvent` and `GetEventPrediction`, or a replayed case's key (`dynamoDb`,
 * `restJson`: replay-cases.ts, generated here from ../shared). The profile samples wall time:
 * time spent preempted (the server runs on the same cores) lands in whatever was on the stack.
 * Run: npx tsx bench/client/profile-calls.ts [anvil|bare] [case] [calls]
 * (compiles this file, then runs it under `node --cpu-prof --cpu-prof-dir=<cwd>/.cpuprofile`).
 */
import { fork, spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileScript, scratchDir } from "./build.js";
import type { Call } from "./call-timing.js";
import { anvil, bare, FRAUD_DETECTOR_ROUTES, serve, type Operation } from "./fraud-detector-calls.js";
import { REPLAY_CASES, REPLAY_ROUTES } from "./replay-cases.js";
import { prepareReplayClients, replayCalls } from "./replay-clients.js";

const self = fileURLToPath(import.meta.url);

/** The call of one variant of one case against `port`. */
async function callOf(variant: string, name: string, port: number, module: string | undefined): Promise<Call> {
  const replay = REPLAY_CASES[name];
  if (replay === undefined) return (variant === "bare" ? bare : anvil)(port, name as Operation);
  if (module === undefined) throw new Error(`${name}: no client module prepared`);
  const calls = await replayCalls(replay, module, port);
  return variant === "bare" ? calls["bare node:http"] : calls.anvil;
}

/** Runs `calls` calls of one variant against a forked server (the compiled script's main). */
async function exercise(variant: string, name: string, calls: number, module: string | undefined): Promise<void> {
  const child = fork(self, ["--server"], { stdio: "inherit" });
  try {
    const port = await new Promise<number>((resolve) => child.once("message", (m) => resolve(Number(m))));
    const call = await callOf(variant, name, port, module);
    for (let i = 0; i < calls; i++) await call();
  } finally {
    child.disconnect();
    child.kill();
  }
}

if (process.argv[1] === self) {
  const args = process.argv.slice(2);
  if (args[0] === "--server") serve({ ...FRAUD_DETECTOR_ROUTES, ...REPLAY_ROUTES });
  else if (args[0] === "--run")
    await exercise(args[1] ?? "anvil", args[2] ?? "SendEvent", Number(args[3] ?? 20000), args[4]);
  else if (self.endsWith(".ts")) {
    const scratch = scratchDir("profile");
    try {
      const script = await compileScript(self, scratch.dir, "profile-calls");
      const name = args[1] ?? "SendEvent";
      const prepared = REPLAY_CASES[name] === undefined ? undefined : (await prepareReplayClients(scratch.dir))[name];
      if (prepared !== undefined && "skipped" in prepared) throw new Error(prepared.skipped);
      const dir = join(process.cwd(), ".cpuprofile");
      const runArgs = [
        args[0] ?? "anvil",
        name,
        args[2] ?? "20000",
        ...(prepared === undefined ? [] : [prepared.module]),
      ];
      const run = spawnSync(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${dir}`, script, "--run", ...runArgs], {
        stdio: "inherit",
      });
      console.log(`profile written under ${dir} (open in Chrome DevTools or speedscope)`);
      process.exitCode = run.status ?? 1;
    } finally {
      scratch.remove();
    }
  }
}
