/**
 * Per-call cost of a client against a loopback server in another process (child_process.fork),
 * so process.cpuUsage() counts the client's CPU only. Side by side, sending the same bytes to the
 * same server, one call in flight:
 *
 *   bare node:http   a hand-written keep-alive POST of the same body with the same header names
 *                    (no signing, no validation): the floor
 *   anvil            the generated FraudDetectorClient (generated/frauddetector/), defaults:
 *                    node:http keep-alive transport, input validation on, SigV4
 *   aws-sdk v3       @aws-sdk/client-frauddetector's FraudDetectorClient.send(command)
 *
 * for SendEvent (response `{}`) and GetEventPrediction (a realistic ~600-byte prediction), and
 * a restJson1 client (rest-json-calls.ts: Personalize Events PutEvents) over its own bare POST,
 * in the same rounds, when index.ts or compiled.ts prepared it (`--rest-json=<module>`).
 * Rounds interleave the variants so machine noise hits them alike; figures are medians over
 * rounds. Also reports the anvil client's own CPU with an in-memory transport (no network).
 *
 * Meant to run as plain JavaScript (bench/client/index.ts bundles it with esbuild; under tsx every
 * closure gets a `__name` wrapper that compiled code does not have). `--json` prints the result
 * as one JSON line for index.ts.
 */
import { fork } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { FraudDetectorClient as SdkClient, GetEventPredictionCommand, SendEventCommand } from "@aws-sdk/client-frauddetector";
import { FraudDetectorClient } from "../../generated/frauddetector/index.js";
import type { GetEventPredictionRequest, SendEventRequest } from "../../generated/frauddetector/index.js";
import { se_GetEventPredictionRequest, se_SendEventRequest } from "../../generated/frauddetector/serde.js";
import { barePost, medianFigures, round, type Call, type CallFigures } from "./call-timing.js";
import { REST_JSON_OPERATION, REST_JSON_PATH, restJsonCalls } from "./rest-json-calls.js";

const credentials = { accessKeyId: "AKIDBENCHMARK000", secretAccessKey: "benchmarkSecretKey/0000000000000000000000" };

export const sendEventInput: SendEventRequest = {
  eventId: "evt-0001",
  eventTypeName: "registration",
  eventTimestamp: "2024-05-01T12:00:00Z",
  eventVariables: { email_address: "someone@example.com", ip_address: "192.0.2.10" },
  entities: [{ entityType: "customer", entityId: "cust-42" }],
};

export const predictionInput: GetEventPredictionRequest = {
  detectorId: "sample_detector",
  detectorVersionId: "1",
  eventId: "evt-0002",
  eventTypeName: "registration",
  entities: [{ entityType: "customer", entityId: "cust-42" }],
  eventTimestamp: "2024-05-01T12:00:00Z",
  eventVariables: { email_address: "someone@example.com", ip_address: "192.0.2.10", billing_postal: "98101" },
};

/** What the server answers to GetEventPrediction. */
export const PREDICTION_RESPONSE = JSON.stringify({
  modelScores: [
    {
      modelVersion: { modelId: "sample_fraud_model", modelType: "ONLINE_FRAUD_INSIGHTS", modelVersionNumber: "1.0", arn: "arn:aws:frauddetector:us-east-1:123456789012:model-version/ONLINE_FRAUD_INSIGHTS/sample_fraud_model/1.0" },
      scores: { sample_fraud_model_insightscore: 912.0 },
    },
  ],
  ruleResults: [
    { ruleId: "high_fraud_risk", outcomes: ["verify_customer"] },
    { ruleId: "low_fraud_risk", outcomes: [] },
  ],
  externalModelOutputs: [],
});

type Operation = "SendEvent" | "GetEventPrediction";

/** The restJson1 operation's figures by variant (bare POST, anvil), or why they were not measured. */
export type RestJsonFigures = { operation: string; variants: Record<string, CallFigures> } | { skipped: string };

/** A compiled restJson1 client module to measure, or why there is none. */
export type RestJsonInput = { module: string } | { skipped: string };

/** The whole result, as printed with --json. */
export interface CallsResult {
  node: string;
  callsPerRound: number;
  rounds: number;
  /** variant -> operation -> figures */
  variants: Record<string, Record<Operation, CallFigures>>;
  /** The anvil client's CPU per SendEvent with a transport that answers at once. */
  inMemoryUs: number;
  restJson: RestJsonFigures;
}

function bare(port: number, op: Operation): Call {
  const body = JSON.stringify(op === "SendEvent" ? se_SendEventRequest(sendEventInput) : se_GetEventPredictionRequest(predictionInput));
  // The header names and value sizes of a signed request (values are stand-ins).
  const headers = {
    "content-type": "application/x-amz-json-1.1",
    host: `127.0.0.1:${port}`,
    "x-amz-target": `AWSHawksNestServiceFacade.${op}`,
    "content-length": String(Buffer.byteLength(body)),
    "x-amz-date": "20240501T120000Z",
    "x-amz-content-sha256": "a".repeat(64),
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/20240501/us-east-1/frauddetector/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature=${"b".repeat(64)}`,
    "x-amz-user-agent": "anvil api/FraudDetector#2019-11-15",
  };
  return barePost(port, "/", headers, body);
}

function anvil(port: number, op: Operation): Call {
  const client = new FraudDetectorClient({ region: "us-east-1", endpoint: `http://127.0.0.1:${port}`, credentials });
  return op === "SendEvent" ? () => client.sendEvent(sendEventInput) : () => client.getEventPrediction(predictionInput);
}

function sdk(port: number, op: Operation): Call {
  const client = new SdkClient({ region: "us-east-1", endpoint: `http://127.0.0.1:${port}`, credentials });
  return op === "SendEvent"
    ? () => client.send(new SendEventCommand(sendEventInput))
    : () => client.send(new GetEventPredictionCommand(predictionInput));
}

/** CPU per SendEvent of the generated client with a transport that answers at once. */
async function inMemory(): Promise<number> {
  const response = { statusCode: 200, headers: {}, body: "{}" };
  const client = new FraudDetectorClient({ region: "us-east-1", credentials, transport: { handle: () => Promise.resolve(response) } });
  const n = 50_000;
  for (let i = 0; i < 10_000; i++) await client.sendEvent(sendEventInput);
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await client.sendEvent(sendEventInput);
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / n;
}

/** The restJson1 variants to time, none when no client was prepared. */
async function restJsonSamples(restJson: RestJsonInput, port: number) {
  if (!("module" in restJson)) return [];
  const calls = await restJsonCalls(restJson.module, port);
  return Object.entries(calls).map(([name, call]) => ({ name, op: REST_JSON_OPERATION, call, samples: [] as CallFigures[] }));
}

/** Runs every variant and operation against a server in a child process. */
export async function measureCalls(n: number, rounds: number, restJson: RestJsonInput): Promise<CallsResult> {
  const child = fork(fileURLToPath(import.meta.url), ["--server"], { stdio: "inherit" });
  try {
    const port = await new Promise<number>((resolve) => child.once("message", (m) => resolve(Number(m))));
    const makers: Array<[string, (port: number, op: Operation) => Call]> = [
      ["bare node:http", bare],
      ["anvil", anvil],
      ["aws-sdk v3", sdk],
    ];
    const ops: Operation[] = ["SendEvent", "GetEventPrediction"];
    const awsJson = makers.flatMap(([name, make]) => ops.map((op) => ({ name, op, call: make(port, op), samples: [] as CallFigures[] })));
    const rest = await restJsonSamples(restJson, port);
    const calls = [...awsJson, ...rest];
    for (const c of calls) for (let i = 0; i < 1500; i++) await c.call(); // JIT and sockets warm
    for (let r = 0; r < rounds; r++) for (const c of calls) c.samples.push(await round(c.call, n));
    const variants: CallsResult["variants"] = {};
    for (const c of awsJson) (variants[c.name] ??= {} as Record<Operation, CallFigures>)[c.op as Operation] = medianFigures(c.samples);
    const restJsonFigures: RestJsonFigures =
      "module" in restJson ? { operation: REST_JSON_OPERATION, variants: Object.fromEntries(rest.map((c) => [c.name, medianFigures(c.samples)])) } : restJson;
    return { node: process.version, callsPerRound: n, rounds, variants, inMemoryUs: await inMemory(), restJson: restJsonFigures };
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
    lines.push(`    ${name.padEnd(16)} ${f.cpuUs.toFixed(1).padStart(13)} ${cpuRatio.padStart(8)} ${f.wallMedianUs.toFixed(1).padStart(16)} ${wallRatio.padStart(8)}`);
  }
  return lines;
}

/** The result as tables with ratios to the bare POST. */
export function formatCalls(r: CallsResult): string {
  const lines = [`per-call cost, node ${r.node}, ${r.callsPerRound} sequential calls x ${r.rounds} rounds per variant, medians over rounds`];
  for (const op of ["SendEvent", "GetEventPrediction"] as const) {
    lines.push(...table(`${op} (awsJson1_1, Fraud Detector)`, Object.entries(r.variants).map(([name, figures]) => [name, figures[op]])));
  }
  if ("skipped" in r.restJson) lines.push(`  ${r.restJson.skipped}`);
  else lines.push(...table(`${r.restJson.operation} (restJson1, Personalize Events)`, Object.entries(r.restJson.variants)));
  lines.push(`  anvil client code alone (in-memory transport, SendEvent): ${r.inMemoryUs.toFixed(1)} µs CPU/call`);
  return lines.join("\n");
}

function serve(): void {
  const server = createServer((req, res) => {
    const prediction = req.headers["x-amz-target"] === "AWSHawksNestServiceFacade.GetEventPrediction";
    const contentType = req.url === REST_JSON_PATH ? "application/json" : "application/x-amz-json-1.1";
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": contentType, "x-amzn-requestid": "3f1b5c9e-0000-4000-8000-000000000000" });
      res.end(prediction ? PREDICTION_RESPONSE : "{}");
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => process.send?.((server.address() as AddressInfo).port));
  process.on("disconnect", () => process.exit(0));
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] === self) {
  if (process.argv[2] === "--server") serve();
  else {
    const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
    const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
    const restJsonModule = option("rest-json");
    const skipped = option("rest-json-skipped") ?? "restJson1 row skipped: no client prepared (run through bench/client/index.ts or compiled.ts)";
    const result = await measureCalls(Number(args[0] ?? 2000), Number(args[1] ?? 5), restJsonModule !== undefined ? { module: restJsonModule } : { skipped });
    process.stdout.write(process.argv.includes("--json") ? `${JSON.stringify(result)}\n` : `${formatCalls(result)}\n`);
  }
}
