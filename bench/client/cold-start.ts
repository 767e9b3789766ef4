/**
 * Cold start as whole processes: a fresh `node` imports the client, constructs it and makes its
 * first SendEvent against a loopback server (run by this process, so the child pays only for
 * the client). Side by side, interleaved, median of N process runs:
 *
 *   node (empty)     `node` starting and exiting: the floor every variant pays
 *   bare node:http   one keep-alive POST of the same bytes, node:http only
 *   anvil            generated/frauddetector/ compiled file by file to JavaScript (as tsc would,
 *                    no bundling), its dependencies (aws4 for SigV4) from node_modules
 *   aws-sdk v3       @aws-sdk/client-frauddetector as installed in node_modules
 *
 * Each child also reports, from inside, how long import, construction and the first call took.
 */
import { spawn } from "node:child_process";
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { build } from "esbuild";
import { REPO, scratchDir } from "./build.js";

/** Medians of one variant, milliseconds. */
export interface ColdStartFigures {
  /** Spawn to exit, measured by the parent. */
  processMs: number;
  /** From the child's first line to the end of its first call (import + construct + call). */
  inProcessMs: number;
  importMs: number;
  firstCallMs: number;
}

export interface ColdStartResult {
  runs: number;
  variants: Record<string, ColdStartFigures>;
}

const INPUT = JSON.stringify({
  eventId: "evt-0001",
  eventTypeName: "registration",
  eventTimestamp: "2024-05-01T12:00:00Z",
  eventVariables: { email_address: "someone@example.com", ip_address: "192.0.2.10" },
  entities: [{ entityType: "customer", entityId: "cust-42" }],
});
const CREDS = `{ accessKeyId: "AKIDBENCHMARK000", secretAccessKey: "benchmarkSecretKey/0000000000000000000000" }`;

/** Timing prologue/epilogue shared by the child scripts: prints `{importMs, firstCallMs, totalMs}`. */
const REPORT = `process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstCallMs: t2 - t1, totalMs: t2 - t0 }));`;

const SCRIPTS: Record<string, (port: string) => string> = {
  "node (empty)": () => `const t0 = performance.now(), t1 = t0, t2 = t0; ${REPORT}`,
  "bare node:http": () => `
    const t0 = performance.now();
    const http = await import("node:http");
    const t1 = performance.now();
    const port = Number(process.argv[2]);
    const body = JSON.stringify(${INPUT});
    const agent = new http.Agent({ keepAlive: true });
    await new Promise((resolve, reject) => {
      const req = http.request({ agent, host: "127.0.0.1", port, path: "/", method: "POST", headers: {
        "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSHawksNestServiceFacade.SendEvent",
        "content-length": Buffer.byteLength(body) } }, (res) => { let t = ""; res.setEncoding("utf8"); res.on("data", (c) => (t += c)); res.on("end", () => resolve(JSON.parse(t))); });
      req.on("error", reject);
      req.end(body);
    });
    const t2 = performance.now();
    agent.destroy();
    ${REPORT}`,
  anvil: () => `
    const t0 = performance.now();
    const { FraudDetectorClient } = await import("./frauddetector/index.js");
    const t1 = performance.now();
    const client = new FraudDetectorClient({ region: "us-east-1", endpoint: "http://127.0.0.1:" + process.argv[2], credentials: ${CREDS} });
    await client.sendEvent(${INPUT});
    const t2 = performance.now();
    client.destroy();
    ${REPORT}`,
  "aws-sdk v3": () => `
    const t0 = performance.now();
    const { FraudDetectorClient, SendEventCommand } = await import("@aws-sdk/client-frauddetector");
    const t1 = performance.now();
    const client = new FraudDetectorClient({ region: "us-east-1", endpoint: "http://127.0.0.1:" + process.argv[2], credentials: ${CREDS} });
    await client.send(new SendEventCommand(${INPUT}));
    const t2 = performance.now();
    client.destroy();
    ${REPORT}`,
};

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

/** Every .ts file under `dir`, recursively. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : name.endsWith(".ts") ? [path] : [];
  });
}

/** Runs one child; resolves with its wall time and its own report. */
function runChild(script: string, port: number): Promise<{ processMs: number; report: { importMs: number; firstCallMs: number; totalMs: number } }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // The SDK warns on Node 20 about future versions; silence warnings so every variant writes alike.
    const child = spawn(process.execPath, ["--no-warnings", script, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (c: string) => (out += c));
    child.on("error", reject);
    child.on("exit", (code) => {
      const processMs = performance.now() - started;
      if (code !== 0) reject(new Error(`${script} exited with ${code}`));
      else resolve({ processMs, report: JSON.parse(out) as { importMs: number; firstCallMs: number; totalMs: number } });
    });
  });
}

/** Measures `runs` cold starts per variant, interleaved. */
export async function measureColdStart(runs: number): Promise<ColdStartResult> {
  const scratch = scratchDir("cold");
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
      res.end("{}");
    });
  });
  try {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    // The generated client as a project would run it: every file transpiled, nothing bundled.
    const source = join(REPO, "generated/frauddetector");
    await build({ entryPoints: tsFiles(source), outdir: join(scratch.dir, "frauddetector"), outbase: source, format: "esm", platform: "node", target: "node20", logLevel: "warning" });
    writeFileSync(join(scratch.dir, "package.json"), JSON.stringify({ type: "module", private: true }));
    const scripts = Object.entries(SCRIPTS).map(([name, make]) => {
      const file = join(scratch.dir, `${name.replace(/[^a-z0-9]+/gi, "-")}.mjs`);
      writeFileSync(file, make(String(port)));
      return { name, file, samples: [] as Array<{ processMs: number; report: { importMs: number; firstCallMs: number; totalMs: number } }> };
    });
    for (const s of scripts) await runChild(s.file, port); // disk cache warm for all alike
    for (let i = 0; i < runs; i++) for (const s of scripts) s.samples.push(await runChild(s.file, port));
    const variants: Record<string, ColdStartFigures> = {};
    for (const s of scripts) {
      variants[s.name] = {
        processMs: median(s.samples.map((x) => x.processMs)),
        inProcessMs: median(s.samples.map((x) => x.report.totalMs)),
        importMs: median(s.samples.map((x) => x.report.importMs)),
        firstCallMs: median(s.samples.map((x) => x.report.firstCallMs)),
      };
    }
    return { runs, variants };
  } finally {
    server.closeAllConnections();
    server.close();
    scratch.remove();
  }
}

/** The result as a table. */
export function formatColdStart(r: ColdStartResult): string {
  const lines = [
    `cold start (fresh node process: import + construct + first SendEvent against a loopback server), median of ${r.runs} runs`,
    "    variant            process ms   in-process ms   import ms   first call ms",
  ];
  for (const [name, f] of Object.entries(r.variants)) {
    lines.push(`    ${name.padEnd(16)} ${f.processMs.toFixed(1).padStart(12)} ${f.inProcessMs.toFixed(1).padStart(15)} ${f.importMs.toFixed(1).padStart(11)} ${f.firstCallMs.toFixed(1).padStart(15)}`);
  }
  const ours = r.variants.anvil;
  const sdk = r.variants["aws-sdk v3"];
  const empty = r.variants["node (empty)"];
  if (ours && sdk && empty) {
    lines.push(
      `  anvil / aws-sdk: whole process ${(ours.processMs / sdk.processMs).toFixed(2)}x, above an empty node ${((ours.processMs - empty.processMs) / (sdk.processMs - empty.processMs)).toFixed(2)}x, in-process ${(ours.inProcessMs / sdk.inProcessMs).toFixed(2)}x`,
    );
  }
  return lines.join("\n");
}
