/**
 * The client benchmarks in one run, each side by side with @aws-sdk/client-frauddetector and a
 * bare node:http keep-alive POST of the same bytes, then the targets checked against the
 * figures (reported, never asserted: benchmarks do not fail):
 *
 * - per-call CPU and wall time against a loopback server in another process (calls.ts, compiled
 *   to plain JavaScript and run in its own process); target: CPU within 1.3x of the bare POST;
 *   DynamoDB GetItem (the whole DynamoDB client, generated and compiled here by replay-clients.ts)
 *   over a bare POST of its own request; target: within 1.3x as well; a restJson1 client
 *   (Personalize Events PutEvents, likewise) over its own bare POST; target: no more over its
 *   bare POST than awsJson; with BENCH_BASELINE=<git ref> also that revision's Fraud Detector
 *   client, interleaved (before and after in one run);
 * - cold start as whole processes (cold-start.ts); target: under half of the SDK's;
 * - bundle size of a small app calling both operations (bundle.ts); target: at most 15% of the SDK's gzip (issue 12);
 * - tree-shaking: GetItem and PutItem through the full DynamoDB client against a client generated
 *   with those two (bundle-modular.ts); target: at most 1.2x.
 *
 * Sizes of a run: BENCH_CALLS (calls per round, default 2000), BENCH_ROUNDS (5), BENCH_COLD_RUNS (11).
 * Run: `npx tsx bench/client/index.ts`, or `runClientBench()` from bench/run.ts.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { scratchDir } from "./build.js";
import { formatBundles, measureBundles, type BundleResult } from "./bundle.js";
import {
  formatModularBundles,
  measureModularBundles,
  modularTarget,
  type ModularBundleResult,
} from "./bundle-modular.js";
import type { CallsResult, ReplayFigures } from "./calls.js";
import { formatCalls } from "./calls.js";
import { prepareCalls } from "./prepare-calls.js";
import { formatColdStart, measureColdStart, type ColdStartResult } from "./cold-start.js";

/** Everything one run measured. */
export interface ClientBenchResult {
  calls: CallsResult;
  coldStart: ColdStartResult;
  bundles: BundleResult;
  modular: ModularBundleResult;
}

/** Runs calls.ts as compiled JavaScript in a fresh process and parses its JSON line. */
async function runCalls(n: number, rounds: number): Promise<CallsResult> {
  const scratch = scratchDir("calls");
  try {
    const { script, args } = await prepareCalls(scratch.dir, process.env.BENCH_BASELINE);
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ["--no-warnings", script, String(n), String(rounds), "--json", ...args], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      let text = "";
      child.stdout.setEncoding("utf8");
      child.stdout.on("data", (c: string) => (text += c));
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`calls bench exited with ${code}`))));
    });
    return JSON.parse(out.trim().split("\n").pop() ?? "{}") as CallsResult;
  } finally {
    scratch.remove();
  }
}

/** A replayed case's ratio to its bare POST, or why there is none. */
function replayRatio(replay: ReplayFigures | undefined): number | string {
  if (replay === undefined) return "not run";
  if ("skipped" in replay) return replay.skipped;
  const bare = replay.variants["bare node:http"];
  const ours = replay.variants.anvil;
  return bare && ours ? ours.cpuUs / bare.cpuUs : "no figures";
}

/** The restJson1 target: its client over its bare POST, at most the awsJson client's ratio (SendEvent). */
function restJsonTarget(rest: ReplayFigures | undefined, awsJsonRatio: number): string {
  const ratio = replayRatio(rest);
  if (typeof ratio === "string") return `  per-call CPU, restJson1: ${ratio}`;
  return `  per-call CPU, restJson1 PutEvents: ${ratio.toFixed(2)}x its bare POST; awsJson SendEvent ${awsJsonRatio.toFixed(2)}x (target: at most awsJson's: ${ratio <= awsJsonRatio ? "met" : "NOT met"})`;
}

/** The DynamoDB GetItem target: within 1.3x of its bare POST, as Fraud Detector's. */
function dynamoDbTarget(replay: ReplayFigures | undefined): string {
  const ratio = replayRatio(replay);
  if (typeof ratio === "string") return `  per-call CPU, DynamoDB GetItem: ${ratio}`;
  return `  per-call CPU, DynamoDB GetItem: ${ratio.toFixed(2)}x its bare POST (target <= 1.30: ${ratio <= 1.3 ? "met" : "NOT met"})`;
}

/** The three targets of the issue against this run's figures. */
export function formatTargets(r: ClientBenchResult): string {
  const lines = ["targets"];
  const bare = r.calls.variants["bare node:http"];
  const ours = r.calls.variants.anvil;
  const sdk = r.calls.variants["aws-sdk v3"];
  if (bare && ours && sdk) {
    for (const op of ["SendEvent", "GetEventPrediction"] as const) {
      const ratio = ours[op].cpuUs / bare[op].cpuUs;
      lines.push(
        `  per-call CPU, ${op}: ${ratio.toFixed(2)}x the bare POST (target <= 1.30: ${ratio <= 1.3 ? "met" : "NOT met"}); ${(sdk[op].cpuUs / ours[op].cpuUs).toFixed(2)}x below the SDK`,
      );
    }
    lines.push(dynamoDbTarget(r.calls.replays.dynamoDb));
    lines.push(restJsonTarget(r.calls.replays.restJson, ours.SendEvent.cpuUs / bare.SendEvent.cpuUs));
  }
  const cold = r.coldStart.variants;
  if (cold.anvil && cold["aws-sdk v3"]) {
    const ratio = cold.anvil.processMs / cold["aws-sdk v3"].processMs;
    lines.push(
      `  cold start (whole process): ${ratio.toFixed(2)}x the SDK's (target < 0.50: ${ratio < 0.5 ? "met" : "NOT met"})`,
    );
  }
  const b = r.bundles.variants;
  if (b.anvil && b["aws-sdk v3"]) {
    for (const platform of ["browser", "node"] as const) {
      const min = b.anvil[platform].minBytes / b["aws-sdk v3"][platform].minBytes;
      const gz = b.anvil[platform].gzipBytes / b["aws-sdk v3"][platform].gzipBytes;
      lines.push(
        `  bundle, ${platform}: ${(100 * min).toFixed(1)}% minified, ${(100 * gz).toFixed(1)}% gzip of the SDK's (target: gzip at most 15%: ${gz <= 0.15 ? "met" : "NOT met"})`,
      );
    }
  }
  const modular = modularTarget(r.modular);
  if (modular !== undefined) lines.push(modular);
  return lines.join("\n");
}

/** Runs every client benchmark, prints each table and the targets, and returns the figures. */
export async function runClientBench(): Promise<ClientBenchResult> {
  const env = process.env;
  const calls = await runCalls(Number(env.BENCH_CALLS ?? 2000), Number(env.BENCH_ROUNDS ?? 5));
  console.log(formatCalls(calls));
  const coldStart = await measureColdStart(Number(env.BENCH_COLD_RUNS ?? 11));
  console.log(formatColdStart(coldStart));
  const bundles = await measureBundles();
  console.log(formatBundles(bundles));
  const modular = await measureModularBundles();
  console.log(formatModularBundles(modular));
  const result = { calls, coldStart, bundles, modular };
  console.log(formatTargets(result));
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runClientBench();
