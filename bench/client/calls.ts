/**
 * Per-call cost of a client against a loopback server in another process (child_process.fork),
 * so process.cpuUsage() counts the client's CPU only. Side by side, sending the same bytes to the
 * same server, one call in flight:
 *
 *   bare node:http   a hand-written keep-alive POST of the same body with the same header names
 *                    (no signing, no validation): the floor
 *   anvil            the generated FraudDetectorClient (generated/frauddetector/), defaults:
 *                    node:http keep-alive transport, input validation on, SigV4
 *   anvil @<ref>     optional (`--baseline=<module>`, compiled.ts `--baseline=<git ref>`): the
 *                    same client as committed at another revision, for before/after in one run
 *   aws-sdk v3       @aws-sdk/client-frauddetector's FraudDetectorClient.send(command)
 *
 * for SendEvent (response `{}`) and GetEventPrediction (a realistic ~600-byte prediction); and,
 * in the same rounds, the replayed cases of replay-cases.ts (Personalize Events PutEvents,
 * restJson1; DynamoDB GetItem from the whole generated DynamoDB client), each over a bare POST
 * of its own recorded request, when index.ts or compiled.ts prepared them (`--replays=<json>`).
 * Rounds interleave the variants so machine noise hits them alike; figures are medians over
 * rounds. Also reports the anvil client's own CPU with an in-memory transport (no network).
 *
 * Meant to run as plain JavaScript (bench/client/index.ts bundles it with esbuild; under tsx every
 * closure gets a `__name` wrapper that compiled code does not have). `--json` prints the result
 * as one JSON line for index.ts.
 */
import { fork } from "node:child_process";
import { pathToFileURL, fileURLToPath } from "node:url";
import { FraudDetectorClient } from "../../generated/frauddetector/index.js";
import { medianFigures, round, type Call, type CallFigures } from "./call-timing.js";
import {
  anvil,
  bare,
  credentials,
  FRAUD_DETECTOR_ROUTES,
  predictionInput,
  sdk,
  sendEventInput,
  serve,
  type Operation,
} from "./fraud-detector-calls.js";
import { REPLAY_CASES, REPLAY_ROUTES } from "./replay-cases.js";
import { replayCalls, type ReplayInput } from "./replay-clients.js";

/** A replayed case's figures by variant (bare POST, anvil), or why they were not measured. */
export type ReplayFigures =
  { label: string; operation: string; variants: Record<string, CallFigures> } | { skipped: string };

/** The client of another revision to measure beside this one. */
export interface Baseline {
  /** Variant name, e.g. `anvil @main`. */
  name: string;
  /** The compiled generated/frauddetector of that revision. */
  module: string;
}

/** The whole result, as printed with --json. */
export interface CallsResult {
  node: string;
  callsPerRound: number;
  rounds: number;
  /** variant -> operation -> figures */
  variants: Record<string, Record<Operation, CallFigures>>;
  /** The anvil client's CPU per SendEvent with a transport that answers at once. */
  inMemoryUs: number;
  /** Replayed cases by key (replay-cases.ts). */
  replays: Record<string, ReplayFigures>;
}

/** CPU per SendEvent of the generated client with a transport that answers at once. */
async function inMemory(): Promise<number> {
  const response = { statusCode: 200, headers: {}, body: "{}" };
  const client = new FraudDetectorClient({
    region: "us-east-1",
    credentials,
    transport: { handle: () => Promise.resolve(response) },
  });
  const n = 50_000;
  for (let i = 0; i < 10_000; i++) await client.sendEvent(sendEventInput);
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await client.sendEvent(sendEventInput);
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / n;
}

/** The baseline revision's client as a variant maker. */
async function baselineMaker(module: string): Promise<(port: number, op: Operation) => Call> {
  const { FraudDetectorClient: Client } = (await import(pathToFileURL(module).href)) as {
    FraudDetectorClient: typeof FraudDetectorClient;
  };
  return (port, op) => {
    const client = new Client({ region: "us-east-1", endpoint: `http://127.0.0.1:${port}`, credentials });
    return op === "SendEvent"
      ? () => client.sendEvent(sendEventInput)
      : () => client.getEventPrediction(predictionInput);
  };
}

/** Runs every variant and operation against a server in a child process. */
export async function measureCalls(
  n: number,
  rounds: number,
  replays: Record<string, ReplayInput>,
  baseline?: Baseline,
): Promise<CallsResult> {
  const child = fork(fileURLToPath(import.meta.url), ["--server"], { stdio: "inherit" });
  try {
    const port = await new Promise<number>((resolve) => child.once("message", (m) => resolve(Number(m))));
    const makers: Array<[string, (port: number, op: Operation) => Call]> = [
      ["bare node:http", bare],
      ["anvil", anvil],
      ...(baseline === undefined
        ? []
        : [[baseline.name, await baselineMaker(baseline.module)] as [string, (port: number, op: Operation) => Call]]),
      ["aws-sdk v3", sdk],
    ];
    const ops: Operation[] = ["SendEvent", "GetEventPrediction"];
    const awsJson = makers.flatMap(([name, make]) =>
      ops.map((op) => ({ name, key: op, call: make(port, op), samples: [] as CallFigures[] })),
    );
    const replayed = [];
    for (const [key, input] of Object.entries(replays)) {
      if (!("module" in input)) continue;
      const calls = await replayCalls(REPLAY_CASES[key]!, input.module, port);
      for (const [name, call] of Object.entries(calls))
        replayed.push({ name, key, call, samples: [] as CallFigures[] });
    }
    const calls = [...awsJson, ...replayed];
    for (const c of calls) for (let i = 0; i < 1500; i++) await c.call(); // JIT and sockets warm
    // The order rotates each round: a variant that always ran first (or right after the same
    // neighbour) would carry that position's cost in every sample (bisect-calls.ts measured one).
    for (let r = 0; r < rounds; r++)
      for (let k = 0; k < calls.length; k++) {
        const c = calls[(k + r) % calls.length]!;
        c.samples.push(await round(c.call, n));
      }
    const variants: CallsResult["variants"] = {};
    for (const c of awsJson)
      (variants[c.name] ??= {} as Record<Operation, CallFigures>)[c.key] = medianFigures(c.samples);
    const replayFigures: Record<string, ReplayFigures> = {};
    for (const [key, input] of Object.entries(replays)) {
      const c = REPLAY_CASES[key]!;
      replayFigures[key] =
        "module" in input
          ? {
              label: c.label,
              operation: c.operation,
              variants: Object.fromEntries(
                replayed.filter((r) => r.key === key).map((r) => [r.name, medianFigures(r.samples)]),
              ),
            }
          : input;
    }
    return {
      node: process.version,
      callsPerRound: n,
      rounds,
      variants,
      inMemoryUs: await inMemory(),
      replays: replayFigures,
    };
  } finally {
    child.disconnect();
    child.kill();
  }
}

/** One table: a row per variant, CPU and wall with their ratios to the bare POST. */
function table(title: string, rows: Array<[string, CallFigures]>): string[] {
  const floor = rows.find(([name]) => name === "bare node:http")?.[1];
  const lines = [`  ${title}`, "    variant            cpu µs/call   x bare   wall median µs   x bare"];
  for (const [name, f] of rows) {
    const cpuRatio = floor ? (f.cpuUs / floor.cpuUs).toFixed(2) : "-";
    const wallRatio = floor ? (f.wallMedianUs / floor.wallMedianUs).toFixed(2) : "-";
    lines.push(
      `    ${name.padEnd(16)} ${f.cpuUs.toFixed(1).padStart(13)} ${cpuRatio.padStart(8)} ${f.wallMedianUs.toFixed(1).padStart(16)} ${wallRatio.padStart(8)}`,
    );
  }
  return lines;
}

/** The result as tables with ratios to the bare POST. */
export function formatCalls(r: CallsResult): string {
  const lines = [
    `per-call cost, node ${r.node}, ${r.callsPerRound} sequential calls x ${r.rounds} rounds per variant, medians over rounds`,
  ];
  for (const op of ["SendEvent", "GetEventPrediction"] as const) {
    lines.push(
      ...table(
        `${op} (awsJson1_1, Fraud Detector)`,
        Object.entries(r.variants).map(([name, figures]) => [name, figures[op]]),
      ),
    );
  }
  for (const replay of Object.values(r.replays)) {
    if ("skipped" in replay) lines.push(`  ${replay.skipped}`);
    else lines.push(...table(replay.label, Object.entries(replay.variants)));
  }
  lines.push(`  anvil client code alone (in-memory transport, SendEvent): ${r.inMemoryUs.toFixed(1)} µs CPU/call`);
  return lines.join("\n");
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] === self) {
  if (process.argv[2] === "--server") serve({ ...FRAUD_DETECTOR_ROUTES, ...REPLAY_ROUTES });
  else {
    const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
    const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
    const notPrepared = "skipped: no client prepared (run through bench/client/index.ts or compiled.ts)";
    const replays = JSON.parse(option("replays") ?? "null") as Record<string, ReplayInput> | null;
    const baselineModule = option("baseline");
    const result = await measureCalls(
      Number(args[0] ?? 2000),
      Number(args[1] ?? 5),
      replays ??
        Object.fromEntries(
          Object.entries(REPLAY_CASES).map(([key, c]) => [key, { skipped: `${c.label} ${notPrepared}` }]),
        ),
      baselineModule === undefined
        ? undefined
        : { name: `anvil @${option("baseline-name") ?? "baseline"}`, module: baselineModule },
    );
    process.stdout.write(process.argv.includes("--json") ? `${JSON.stringify(result)}\n` : `${formatCalls(result)}\n`);
  }
}
