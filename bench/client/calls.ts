/**
 * Per-call client cost against a loopback server running in another process (child_process.fork),
 * so only the client's CPU is counted (process.cpuUsage covers this process only).
 *
 * Variants, all sending the same body to the same server, sequentially (one call in flight):
 *   bare      hand-written node:http keep-alive POST of the same bytes and headers (the floor)
 *   anvil     JsonRpcClient, default Node transport, validation on (a small hand-written validator)
 *   anvil-fetch  JsonRpcClient with config.fetch = Node's fetch
 *   aws-sdk   @aws-sdk/client-frauddetector SendEventCommand (reference), when installed
 * then the client's own CPU with an in-memory transport (no network at all).
 * Under tsx every named closure gets a `__name` wrapper; bench/client/compiled.ts runs this file
 * as plain JavaScript, like a tsc-compiled client. BENCH_NO_SDK=1 skips the AWS SDK;
 * BENCH_ONLY="<variant>" runs one variant (for --cpu-prof).
 *
 * Run: npx tsx bench/client/calls.ts [callsPerRound=4000] [rounds=5]
 */
import { fork } from "node:child_process";
import { createServer, Agent, request } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { JsonRpcClient, type OperationDescriptor, type ServiceDescriptor } from "../../generator/runtime/client.js";
import { ServiceException, type ValidationIssue } from "../../generator/runtime/errors.js";

interface SendEventInput {
  eventId: string;
  eventTypeName: string;
  eventTimestamp: string;
  eventVariables: Record<string, string>;
  entities: { entityType: string; entityId: string }[];
}

const input: SendEventInput = {
  eventId: "evt-0001",
  eventTypeName: "registration",
  eventTimestamp: "2024-05-01T12:00:00Z",
  eventVariables: { email_address: "someone@example.com", ip_address: "192.0.2.10" },
  entities: [{ entityType: "customer", entityId: "cust-42" }],
};

const service: ServiceDescriptor = {
  protocol: "awsJson1_1",
  serviceShapeName: "AWSHawksNestServiceFacade",
  signingName: "frauddetector",
  endpointPrefix: "frauddetector",
  sdkId: "FraudDetector",
  version: "2019-11-15",
  errors: {},
  unknownError: (_b, i) => new ServiceException({ name: i.code, message: i.message ?? "", $fault: i.$fault, $metadata: i.$metadata }),
};

const ID = /^[0-9a-z_-]+$/;
const sendEvent: OperationDescriptor<SendEventInput, Record<string, never>> = {
  name: "SendEvent",
  serialize: (i) =>
    JSON.stringify({ eventId: i.eventId, eventTypeName: i.eventTypeName, eventTimestamp: i.eventTimestamp, eventVariables: i.eventVariables, entities: i.entities }),
  deserialize: () => ({}),
  validate: (raw) => {
    const i = raw as SendEventInput;
    const issues: ValidationIssue[] = [];
    if (typeof i.eventId !== "string" || i.eventId.length < 1 || i.eventId.length > 64 || !ID.test(i.eventId)) issues.push({ path: "eventId", constraint: "pattern", message: "bad" });
    if (typeof i.eventTypeName !== "string" || !ID.test(i.eventTypeName)) issues.push({ path: "eventTypeName", constraint: "pattern", message: "bad" });
    if (Object.keys(i.eventVariables).length < 1) issues.push({ path: "eventVariables", constraint: "length", message: "bad" });
    if (!Array.isArray(i.entities)) issues.push({ path: "entities", constraint: "required", message: "bad" });
    return issues;
  },
};

const credentials = { accessKeyId: "AKIDBENCHMARK000", secretAccessKey: "benchmarkSecretKey/0000000000000000000000" };

type Call = () => Promise<unknown>;

function bareCall(port: number): Call {
  const agent = new Agent({ keepAlive: true });
  const body = sendEvent.serialize(input);
  const length = String(Buffer.byteLength(body));
  // Same header names and sizes as the signed request (values are realistic stand-ins).
  const headers = {
    "content-type": "application/x-amz-json-1.1",
    host: `127.0.0.1:${port}`,
    "x-amz-target": "AWSHawksNestServiceFacade.SendEvent",
    "x-amz-date": "20240501T120000Z",
    "x-amz-content-sha256": "a".repeat(64),
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/20240501/us-east-1/frauddetector/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature=${"b".repeat(64)}`,
    "x-amz-user-agent": "anvil api/FraudDetector#2019-11-15",
    "content-length": length,
  };
  return () =>
    new Promise((resolve, reject) => {
      const req = request({ agent, hostname: "127.0.0.1", port, path: "/", method: "POST", headers }, (res) => {
        res.setEncoding("utf8");
        let text = "";
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve(JSON.parse(text)));
      });
      req.on("error", reject);
      req.end(body);
    });
}

function anvilCall(port: number, withFetch: boolean): Call {
  const client = new JsonRpcClient(
    service,
    { region: "us-east-1", endpoint: `http://127.0.0.1:${port}`, credentials, ...(withFetch ? { fetch } : {}) },
    { validation: "reject" },
  );
  return () => client.invoke(sendEvent, input);
}

async function sdkCall(port: number): Promise<Call | undefined> {
  try {
    const sdk = await import("@aws-sdk/client-frauddetector");
    const client = new sdk.FraudDetectorClient({ region: "us-east-1", endpoint: `http://127.0.0.1:${port}`, credentials });
    const command = new sdk.SendEventCommand(input);
    return () => client.send(command);
  } catch {
    return undefined;
  }
}

interface Sample {
  cpuUs: number;
  wallMedianUs: number;
}

async function round(call: Call, n: number): Promise<Sample> {
  const walls = new Float64Array(n);
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await call();
    walls[i] = Number(process.hrtime.bigint() - t0) / 1e3;
  }
  const cpu = process.cpuUsage(cpu0);
  walls.sort();
  return { cpuUs: (cpu.user + cpu.system) / n, wallMedianUs: walls[n >> 1] as number };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 4000);
  const rounds = Number(process.argv[3] ?? 5);
  const child = fork(fileURLToPath(import.meta.url), ["--server"], { stdio: "inherit" });
  const port = await new Promise<number>((resolve) => child.once("message", (m) => resolve(Number(m))));
  const variants: [string, Call][] = [
    ["bare node:http", bareCall(port)],
    ["anvil (node:http)", anvilCall(port, false)],
    ["anvil (fetch)", anvilCall(port, true)],
  ];
  const sdk = process.env.BENCH_NO_SDK ? undefined : await sdkCall(port);
  if (sdk) variants.push(["aws-sdk v3", sdk]);
  const only = process.env.BENCH_ONLY; // profile one variant: BENCH_ONLY="anvil (node:http)"
  if (only) variants.splice(0, variants.length, ...variants.filter(([name]) => name === only));
  for (const [, call] of variants) for (let i = 0; i < 1500; i++) await call(); // warm up JIT and sockets
  const results = new Map<string, Sample[]>(variants.map(([name]) => [name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, call] of variants) results.get(name)?.push(await round(call, n));
  }
  const bare = median((results.get("bare node:http") ?? [...results.values()][0] ?? []).map((s) => s.cpuUs));
  console.log(`node ${process.version}, ${n} sequential calls x ${rounds} rounds per variant; medians over rounds`);
  console.log("variant               cpu µs/call   x bare   wall median µs");
  for (const [name, samples] of results) {
    const cpu = median(samples.map((s) => s.cpuUs));
    const wall = median(samples.map((s) => s.wallMedianUs));
    console.log(`${name.padEnd(20)} ${cpu.toFixed(1).padStart(12)} ${(cpu / bare).toFixed(2).padStart(8)} ${wall.toFixed(1).padStart(16)}`);
  }
  console.log(`anvil client code alone (in-memory transport, no network): ${(await inMemory()).toFixed(1)} µs/call`);
  child.disconnect();
  child.kill();
}

/** CPU of JsonRpcClient.invoke with a transport that answers at once: the client's own cost. */
async function inMemory(): Promise<number> {
  const response = { statusCode: 200, headers: {}, body: "{}" };
  const client = new JsonRpcClient(
    service,
    { region: "us-east-1", endpoint: "http://127.0.0.1:9", credentials, transport: { handle: () => Promise.resolve(response) } },
    { validation: "reject" },
  );
  const n = 100_000;
  for (let i = 0; i < 20_000; i++) await client.invoke(sendEvent, input);
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await client.invoke(sendEvent, input);
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / n;
}

function serve(): void {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "3f1b5c9e-0000-4000-8000-000000000000" });
      res.end("{}");
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => process.send?.((server.address() as AddressInfo).port));
  process.on("disconnect", () => process.exit(0));
}


if (process.argv[2] === "--server") serve();
else await main();
