/**
 * Where the generated client's per-call CPU over a bare POST goes, SendEvent only: variants that
 * each add one layer, interleaved in the same rounds against one loopback server (forked), so
 * the differences between neighbours are the layers' costs under the same load:
 *
 *   bare node:http        the bare keep-alive POST (call-timing.ts), the floor
 *   transport             the runtime's NodeHttpTransport sending the bare POST's headers and body
 *                         (no client), the response decoded and parsed as the client does
 *   client, bare send     the whole client (validation, serialization, signing, retry loop,
 *                         deserialization), its transport replaced by the bare POST of fixed bytes
 *   client, no validation the generated client with its default transport, `validation: "off"`
 *   client                the generated client with its defaults
 *   client, in-memory     the generated client with a transport that answers at once (no I/O),
 *                         and the same after a bare POST, and with a transport answering after setImmediate
 *   <piece> alone         fixed pieces of a call in a warm loop: nothing, a plain-JavaScript
 *                         workload, one RequestSigner signature, the payload hash, one HMAC,
 *                         validation and serialization, decoding and parsing `{}`
 *   bare, then <piece>    the same piece right after a bare POST: what it costs once the process
 *                         has waited for the network (its "- floor" column is over "bare, then nothing")
 *   1 ms timer, then ...  the signature and the workload after a 1 ms timer instead (no network)
 *
 * The floor-relative figures are noisy (±15 µs under load): read a piece's cost after I/O against
 * its cost alone from several runs, never from one.
 * Run: npx tsx bench/client/bisect-calls.ts [callsPerRound] [rounds] (compiles itself with
 * esbuild first, so no tsx wrappers distort the figures).
 */
import { fork, spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { fileURLToPath } from "node:url";
import { FraudDetectorClient } from "../../generated/frauddetector/index.js";
import { NodeHttpTransport } from "../../generated/frauddetector/runtime/transport-node.js";
import { se_SendEventRequest } from "../../generated/frauddetector/serde.js";
import type { HttpRequest, HttpResponse } from "../../generated/frauddetector/runtime/transport.js";
import { RequestSigner } from "../../generated/frauddetector/runtime/signer.js";
import { nodeSigV4 } from "../../generated/frauddetector/runtime/sigv4-node.js";
import { validateSendEventRequest } from "../../generated/frauddetector/validators.js";
import { compileScript, scratchDir } from "./build.js";
import { barePost, medianFigures, round, type Call, type CallFigures } from "./call-timing.js";
import { bare, credentials, sendEventInput, serve } from "./fraud-detector-calls.js";

const self = fileURLToPath(import.meta.url);

/** The bare POST's headers and body, as a request for a transport. */
function bareRequest(port: number): HttpRequest {
  const body = JSON.stringify(se_SendEventRequest(sendEventInput));
  return {
    method: "POST",
    url: `http://127.0.0.1:${port}/`,
    protocol: "http:",
    hostname: "127.0.0.1",
    port,
    path: "/",
    query: "",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      host: `127.0.0.1:${port}`,
      "x-amz-target": "AWSHawksNestServiceFacade.SendEvent",
      "x-amz-date": "20240501T120000Z",
      "x-amz-content-sha256": "a".repeat(64),
      authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/20240501/us-east-1/frauddetector/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature=${"b".repeat(64)}`,
      "x-amz-user-agent": "anvil api/FraudDetector#2019-11-15",
    },
    body,
  };
}

/** Plain JavaScript of a few tens of µs (objects, strings, JSON), the same every call. */
function work(): number {
  let n = 0;
  for (let i = 0; i < 40; i++) n += JSON.stringify({ a: i, b: [String(i), { c: "x".repeat(i % 7) }] }).length;
  return n;
}

/** The variants, each a call against `port`. */
function variants(port: number): Array<[string, Call]> {
  const transport = new NodeHttpTransport();
  const template = bareRequest(port);
  const decoder = new TextDecoder();
  const viaTransport: Call = async () => {
    const response = await transport.handle(
      { ...template, headers: { ...template.headers } },
      { signal: undefined, timeoutMs: undefined },
    );
    return JSON.parse(decoder.decode(response.body as Uint8Array)) as unknown;
  };
  // A transport that sends the bare POST's fixed bytes whatever the client built (the server answers `{}` alike).
  const post = barePost(
    port,
    "/",
    { ...template.headers, "content-length": String(Buffer.byteLength(template.body as string)) },
    template.body as string,
  );
  const bareSend = {
    handle: async (): Promise<HttpResponse> => ({ statusCode: 200, headers: {}, body: JSON.stringify(await post()) }),
  };
  const endpoint = `http://127.0.0.1:${port}`;
  const withBareSend = new FraudDetectorClient({ region: "us-east-1", credentials, transport: bareSend });
  const noValidation = new FraudDetectorClient({ region: "us-east-1", endpoint, credentials, validation: "off" });
  const client = new FraudDetectorClient({ region: "us-east-1", endpoint, credentials });
  const answer = { statusCode: 200, headers: {}, body: "{}" };
  const inMemory = new FraudDetectorClient({
    region: "us-east-1",
    credentials,
    transport: { handle: () => Promise.resolve(answer) },
  });
  const floor = bare(port, "SendEvent");
  const immediate = new FraudDetectorClient({
    region: "us-east-1",
    credentials,
    transport: { handle: () => new Promise((r) => setImmediate(() => r(answer))) },
  });
  const signer = new RequestSigner({ region: "us-east-1", service: "frauddetector", library: nodeSigV4 });
  const sign = () => {
    const request = {
      ...template,
      headers: {
        "content-type": "application/x-amz-json-1.1",
        host: `127.0.0.1:${port}`,
        "x-amz-target": "AWSHawksNestServiceFacade.SendEvent",
      },
    };
    signer.sign(request, credentials, Date.now());
    return request;
  };
  const check = () => [validateSendEventRequest(sendEventInput), JSON.stringify(se_SendEventRequest(sendEventInput))];
  const body = template.body as string;
  const answerBytes = Buffer.from("{}");
  // Fixed pieces of a call, each run alone and right after a bare POST (the same code, once warm in a loop, once after I/O).
  const pieces: Array<[string, () => unknown]> = [
    ["nothing", () => 0],
    ["sign twice", () => [sign(), sign()]],
    ["work", work],
    ["sign", sign],
    ["payload hash", () => nodeSigV4.payloadHash(body)],
    ["one HMAC", () => createHmac("sha256", "benchmark key").update(body).digest("hex")],
    ["validate+serialize", check],
    ["decode+parse", () => JSON.parse(decoder.decode(answerBytes)) as unknown],
  ];
  return [
    ["bare node:http", floor],
    ["transport", viaTransport],
    ["client, bare send", () => withBareSend.sendEvent(sendEventInput)],
    ["client, no validation", () => noValidation.sendEvent(sendEventInput)],
    ["client", () => client.sendEvent(sendEventInput)],
    ["client, in-memory", () => inMemory.sendEvent(sendEventInput)],
    [
      "bare, then in-memory",
      async () => {
        await floor();
        return inMemory.sendEvent(sendEventInput);
      },
    ],
    ["in-memory, setImmediate", () => immediate.sendEvent(sendEventInput)],
    ...pieces.flatMap(([name, piece]): Array<[string, Call]> => [
      [`${name} alone`, async () => piece()],
      [
        `bare, then ${name}`,
        async () => {
          await floor();
          return piece();
        },
      ],
    ]),
    ...pieces
      .filter(([name]) => name === "sign" || name === "work")
      .map(([name, piece]): [string, Call] => [
        `1 ms timer, then ${name}`,
        async () => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          return piece();
        },
      ]),
    ["1 ms timer", () => new Promise((resolve) => setTimeout(resolve, 1))],
  ];
}

/** Interleaved rounds of every variant; prints CPU and wall medians with the differences to the floor. */
async function measure(n: number, rounds: number): Promise<void> {
  const child = fork(self, ["--server"], { stdio: "inherit" });
  try {
    const port = await new Promise<number>((resolve) => child.once("message", (m) => resolve(Number(m))));
    const calls = variants(port).map(([name, call]) => ({ name, call, samples: [] as CallFigures[] }));
    for (const c of calls) for (let i = 0; i < 2000; i++) await c.call();
    // Each round starts one variant further on: the first variant of a round runs after the
    // previous round's last, and a fixed order would charge that position to the same variant.
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < calls.length; i++) {
        const c = calls[(i + r) % calls.length]!;
        c.samples.push(await round(c.call, n));
      }
    }
    const figures = calls.map((c) => [c.name, medianFigures(c.samples)] as const);
    const floor = figures[0]![1];
    // A piece after a bare POST is read against "bare, then nothing" (the same POST and async wrapper).
    const afterBare = figures.find(([name]) => name === "bare, then nothing")![1];
    console.log(`SendEvent, node ${process.version}, ${n} calls x ${rounds} rounds, medians over rounds`);
    console.log(
      "  variant                          cpu µs/call   - floor   wall median µs   (floor: bare, or bare then nothing)",
    );
    for (const [name, f] of figures) {
      const base = name.startsWith("bare, then ") ? afterBare : floor;
      console.log(
        `  ${name.padEnd(31)} ${f.cpuUs.toFixed(1).padStart(12)} ${(f.cpuUs - base.cpuUs).toFixed(1).padStart(9)} ${f.wallMedianUs.toFixed(1).padStart(16)}`,
      );
    }
  } finally {
    child.disconnect();
    child.kill();
  }
}

if (process.argv[1] === self) {
  const args = process.argv.slice(2);
  if (args[0] === "--server") serve({});
  else if (args[0] === "--in-memory" && !self.endsWith(".ts")) {
    // The in-memory variant alone, for `BISECT_NODE_FLAGS=--cpu-prof`: no server, no preemption while waiting.
    const answer = { statusCode: 200, headers: {}, body: "{}" };
    const client = new FraudDetectorClient({
      region: "us-east-1",
      credentials,
      transport: { handle: () => Promise.resolve(answer) },
    });
    for (let i = 0; i < Number(args[1] ?? 200_000); i++) await client.sendEvent(sendEventInput);
  } else if (args[0] === "--run") await measure(Number(args[1] ?? 2000), Number(args[2] ?? 7));
  else if (self.endsWith(".ts")) {
    const scratch = scratchDir("bisect");
    try {
      const script = await compileScript(self, scratch.dir, "bisect-calls");
      const mode = args[0] === "--in-memory" ? [] : ["--run"];
      const run = spawnSync(
        process.execPath,
        [
          ...(process.env.BISECT_NODE_FLAGS ?? "").split(" ").filter(Boolean),
          "--no-warnings",
          script,
          ...mode,
          ...args,
        ],
        { stdio: "inherit" },
      );
      process.exitCode = run.status ?? 1;
    } finally {
      scratch.remove();
    }
  }
}
