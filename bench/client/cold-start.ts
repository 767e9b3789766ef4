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
 * and two optional variants of the same client, named by environment variables:
 *
 *   BENCH_COLD_BASELINE=<git ref>   "anvil (<ref>)": generated/frauddetector as committed at that
 *                                   ref (e.g. `main`), compiled the same way: before/after in one run
 *   BENCH_COLD_BUNDLED=1            "anvil, bundled": today's folder bundled by esbuild (code
 *                                   splitting on, packages external), what an app that bundles
 *                                   loads: how much of the import is Node's cost per module file;
 *                                   and "anvil, Lambda bundle": one ESM file with `aws4` inside and
 *                                   `@aws-sdk/*` external, as Lambda functions are bundled (the
 *                                   runtime has the SDK; AWS CDK's NodejsFunction leaves it out),
 *                                   with the `createRequire` banner ESM bundles of `aws4` need
 *                                   (with BENCH_COLD_BASELINE, the baseline's folder bundled so too);
 *                                   and "aws-sdk v3, bundled": the SDK in one ESM file the same way,
 *                                   nothing external (AWS advises bundling it for cold starts)
 *
 * Each child also reports, from inside, how long import, construction and the first call took;
 * for each anvil variant the table also gives the files and bytes its entry reaches by static
 * imports (what `import` loads before the first line of the app runs).
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
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
  /**
   * CPU time (process.cpuUsage: user + system, every thread) of the child from its start to the
   * end of its first call, of the import + construct + first call, and of the import alone: what
   * a loaded machine distorts least (wall time there includes waiting for a core).
   */
  processCpuMs: number;
  inProcessCpuMs: number;
  importCpuMs: number;
}

export interface ColdStartResult {
  runs: number;
  variants: Record<string, ColdStartFigures>;
  /** Per anvil variant: the JavaScript files its entry reaches by static imports, their bytes, and the packages and builtins they import. */
  graphs: Record<string, ModuleGraph>;
}

/** What one `import` of an entry loads before any code runs (dynamic `import()`s left out). */
export interface ModuleGraph {
  /** The files, relative to the entry's folder, in the order first reached. */
  files: string[];
  bytes: number;
  /** Bare specifiers: node builtins and npm packages (not followed). */
  external: string[];
}

const INPUT = JSON.stringify({
  eventId: "evt-0001",
  eventTypeName: "registration",
  eventTimestamp: "2024-05-01T12:00:00Z",
  eventVariables: { email_address: "someone@example.com", ip_address: "192.0.2.10" },
  entities: [{ entityType: "customer", entityId: "cust-42" }],
});
const CREDS = `{ accessKeyId: "AKIDBENCHMARK000", secretAccessKey: "benchmarkSecretKey/0000000000000000000000" }`;

/** What a child prints: its marks t0 (start), t1 (imported) and t2 (first call done), wall (tN) and CPU (cN) time. */
interface ChildReport {
  importMs: number;
  firstCallMs: number;
  totalMs: number;
  importCpuMs: number;
  totalCpuMs: number;
  processCpuMs: number;
}

/** Timing epilogue shared by the child scripts: prints a `ChildReport`. */
const REPORT = `const ms = (c) => (c.user + c.system) / 1000;
  process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstCallMs: t2 - t1, totalMs: t2 - t0,
    importCpuMs: ms(c1) - ms(c0), totalCpuMs: ms(c2) - ms(c0), processCpuMs: ms(c2) }));`;

const SCRIPTS: Record<string, (port: string) => string> = {
  "node (empty)": () =>
    `const t0 = performance.now(), t1 = t0, t2 = t0, c0 = process.cpuUsage(), c1 = c0, c2 = c0; ${REPORT}`,
  "bare node:http": () => `
    const t0 = performance.now(), c0 = process.cpuUsage();
    const http = await import("node:http");
    const t1 = performance.now(), c1 = process.cpuUsage();
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
    const t2 = performance.now(), c2 = process.cpuUsage();
    agent.destroy();
    ${REPORT}`,
  anvil: () => anvilScript("./frauddetector/index.js"),
  "aws-sdk v3": () => sdkScript("@aws-sdk/client-frauddetector"),
};

/** The SDK child: `entry` is the SDK package, or a bundle of it. */
function sdkScript(entry: string): string {
  return `
    const t0 = performance.now(), c0 = process.cpuUsage();
    const { FraudDetectorClient, SendEventCommand } = await import(${JSON.stringify(entry)});
    const t1 = performance.now(), c1 = process.cpuUsage();
    const client = new FraudDetectorClient({ region: "us-east-1", endpoint: "http://127.0.0.1:" + process.argv[2], credentials: ${CREDS} });
    await client.send(new SendEventCommand(${INPUT}));
    const t2 = performance.now(), c2 = process.cpuUsage();
    client.destroy();
    ${REPORT}`;
}

/** The anvil child: `entry` is the generated folder's index (or a bundle of it). */
function anvilScript(entry: string): string {
  return `
    const t0 = performance.now(), c0 = process.cpuUsage();
    const { FraudDetectorClient } = await import(${JSON.stringify(entry)});
    const t1 = performance.now(), c1 = process.cpuUsage();
    const client = new FraudDetectorClient({ region: "us-east-1", endpoint: "http://127.0.0.1:" + process.argv[2], credentials: ${CREDS} });
    await client.sendEvent(${INPUT});
    const t2 = performance.now(), c2 = process.cpuUsage();
    client.destroy();
    ${REPORT}`;
}

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

/** Relative specifiers of static `import`/`export ... from` statements (esbuild's output, one per statement). */
const STATIC_IMPORT = /^(?:import|export)\s(?:[^;]*?\sfrom\s*)?"([^"]+)";/gm;

/** The files and bytes `entry` reaches by static imports, and the bare specifiers it names. */
export function moduleGraph(entry: string): ModuleGraph {
  const seen = new Set<string>();
  const external = new Set<string>();
  let bytes = 0;
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    bytes += Buffer.byteLength(text);
    for (const [, spec] of text.matchAll(STATIC_IMPORT)) {
      if (spec === undefined) continue;
      if (spec.startsWith(".")) visit(resolve(dirname(file), spec));
      else external.add(spec);
    }
  };
  visit(entry);
  const root = dirname(entry);
  return { files: [...seen].map((f) => relative(root, f)), bytes, external: [...external].sort() };
}

/** Compiles a generated client folder file by file, as tsc would: each .ts to one ESM .js. */
export async function compileFolder(source: string, outdir: string): Promise<void> {
  await build({
    entryPoints: tsFiles(source),
    outdir,
    outbase: source,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "warning",
  });
}

/**
 * An entry bundled as a Lambda function usually is: one ESM file, `external` (default `@aws-sdk/*`)
 * left to the runtime, everything else inside, and the banner that gives bundled CommonJS (`aws4`,
 * and modules inside the SDK) its `require`.
 */
async function lambdaBundle(entry: string, outfile: string, external = ["@aws-sdk/*"]): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    external,
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "warning",
  });
}

/** Runs one child; resolves with its wall time and its own report. */
function runChild(script: string, port: number): Promise<{ processMs: number; report: ChildReport }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // The SDK warns on Node 20 about future versions; silence warnings so every variant writes alike.
    const child = spawn(process.execPath, ["--no-warnings", script, String(port)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (c: string) => (out += c));
    child.on("error", reject);
    child.on("exit", (code) => {
      const processMs = performance.now() - started;
      if (code !== 0) reject(new Error(`${script} exited with ${code}`));
      else resolve({ processMs, report: JSON.parse(out) as ChildReport });
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
    await compileFolder(source, join(scratch.dir, "frauddetector"));
    writeFileSync(join(scratch.dir, "package.json"), JSON.stringify({ type: "module", private: true }));
    const variants = { ...SCRIPTS };
    const entries: Record<string, string> = { anvil: join(scratch.dir, "frauddetector/index.js") };
    const baseline = process.env.BENCH_COLD_BASELINE;
    if (baseline) {
      // The folder as committed at `baseline`, extracted from git and compiled the same way.
      const old = join(scratch.dir, "baseline");
      mkdirSync(old);
      const archive = execFileSync("git", ["-C", REPO, "archive", baseline, "generated/frauddetector"]);
      execFileSync("tar", ["-x", "-C", old], { input: archive });
      await compileFolder(join(old, "generated/frauddetector"), join(old, "frauddetector"));
      variants[`anvil (${baseline})`] = () => anvilScript("./baseline/frauddetector/index.js");
      entries[`anvil (${baseline})`] = join(old, "frauddetector/index.js");
    }
    if (process.env.BENCH_COLD_BUNDLED) {
      // Splitting keeps the shared-files reader (and the SDK's ini parser it imports) in its own chunk, loaded only by the default chain.
      await build({
        entryPoints: { index: join(source, "index.ts") },
        outdir: join(scratch.dir, "bundled"),
        bundle: true,
        splitting: true,
        packages: "external",
        format: "esm",
        platform: "node",
        target: "node20",
        logLevel: "warning",
      });
      variants["anvil, bundled"] = () => anvilScript("./bundled/index.js");
      entries["anvil, bundled"] = join(scratch.dir, "bundled/index.js");
      await lambdaBundle(join(source, "index.ts"), join(scratch.dir, "lambda/index.js"));
      variants["anvil, Lambda bundle"] = () => anvilScript("./lambda/index.js");
      entries["anvil, Lambda bundle"] = join(scratch.dir, "lambda/index.js");
      // The SDK bundled whole into one ESM file (AWS advises bundling it for a shorter cold start).
      writeFileSync(
        join(scratch.dir, "sdk-entry.mjs"),
        'export { FraudDetectorClient, SendEventCommand } from "@aws-sdk/client-frauddetector";\n',
      );
      await lambdaBundle(join(scratch.dir, "sdk-entry.mjs"), join(scratch.dir, "sdk-bundled/index.js"), []);
      variants["aws-sdk v3, bundled"] = () => sdkScript("./sdk-bundled/index.js");
      if (baseline) {
        await lambdaBundle(
          join(scratch.dir, "baseline/generated/frauddetector/index.ts"),
          join(scratch.dir, "lambda-baseline/index.js"),
        );
        variants[`anvil (${baseline}), Lambda bundle`] = () => anvilScript("./lambda-baseline/index.js");
        entries[`anvil (${baseline}), Lambda bundle`] = join(scratch.dir, "lambda-baseline/index.js");
      }
    }
    const graphs = Object.fromEntries(Object.entries(entries).map(([name, entry]) => [name, moduleGraph(entry)]));
    const scripts = Object.entries(variants).map(([name, make]) => {
      const file = join(scratch.dir, `${name.replace(/[^a-z0-9]+/gi, "-")}.mjs`);
      writeFileSync(file, make(String(port)));
      return { name, file, samples: [] as Array<{ processMs: number; report: ChildReport }> };
    });
    for (const s of scripts) await runChild(s.file, port); // disk cache warm for all alike
    for (let i = 0; i < runs; i++) for (const s of scripts) s.samples.push(await runChild(s.file, port));
    const figures: Record<string, ColdStartFigures> = {};
    for (const s of scripts) {
      figures[s.name] = {
        processMs: median(s.samples.map((x) => x.processMs)),
        inProcessMs: median(s.samples.map((x) => x.report.totalMs)),
        importMs: median(s.samples.map((x) => x.report.importMs)),
        firstCallMs: median(s.samples.map((x) => x.report.firstCallMs)),
        processCpuMs: median(s.samples.map((x) => x.report.processCpuMs)),
        inProcessCpuMs: median(s.samples.map((x) => x.report.totalCpuMs)),
        importCpuMs: median(s.samples.map((x) => x.report.importCpuMs)),
      };
    }
    return { runs, variants: figures, graphs };
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
    "    variant                        process ms   in-process ms   import ms   first call ms |  CPU ms: process   in-process   import",
  ];
  for (const [name, f] of Object.entries(r.variants)) {
    lines.push(
      `    ${name.padEnd(28)} ${f.processMs.toFixed(1).padStart(12)} ${f.inProcessMs.toFixed(1).padStart(15)} ${f.importMs.toFixed(1).padStart(11)} ${f.firstCallMs.toFixed(1).padStart(15)} | ${f.processCpuMs.toFixed(1).padStart(16)} ${f.inProcessCpuMs.toFixed(1).padStart(12)} ${f.importCpuMs.toFixed(1).padStart(8)}`,
    );
  }
  for (const [name, g] of Object.entries(r.graphs ?? {})) {
    lines.push(
      `  ${name} import loads ${g.files.length} JavaScript file(s), ${(g.bytes / 1024).toFixed(1)} KB, and ${g.external.join(" ")}`,
    );
  }
  const ours = r.variants.anvil;
  const sdk = r.variants["aws-sdk v3"];
  const empty = r.variants["node (empty)"];
  if (ours && sdk && empty) {
    lines.push(
      `  anvil / aws-sdk: whole process ${(ours.processMs / sdk.processMs).toFixed(2)}x, above an empty node ${((ours.processMs - empty.processMs) / (sdk.processMs - empty.processMs)).toFixed(2)}x, in-process ${(ours.inProcessMs / sdk.inProcessMs).toFixed(2)}x`,
      `  anvil / aws-sdk in CPU: whole process ${(ours.processCpuMs / sdk.processCpuMs).toFixed(2)}x, above an empty node ${((ours.processCpuMs - empty.processCpuMs) / (sdk.processCpuMs - empty.processCpuMs)).toFixed(2)}x, in-process ${(ours.inProcessCpuMs / sdk.inProcessCpuMs).toFixed(2)}x, import ${(ours.importCpuMs / sdk.importCpuMs).toFixed(2)}x`,
    );
    for (const [name, other] of Object.entries(r.variants)) {
      if (!name.startsWith("anvil ") && !name.startsWith("anvil,")) continue;
      lines.push(
        `  ${name} / aws-sdk: whole process ${(other.processMs / sdk.processMs).toFixed(2)}x, above an empty node ${((other.processMs - empty.processMs) / (sdk.processMs - empty.processMs)).toFixed(2)}x, in-process ${(other.inProcessMs / sdk.inProcessMs).toFixed(2)}x; CPU in-process ${(other.inProcessCpuMs / sdk.inProcessCpuMs).toFixed(2)}x; anvil / this: import ${(ours.importMs / other.importMs).toFixed(2)}x, import CPU ${(ours.importCpuMs / other.importCpuMs).toFixed(2)}x, in-process CPU ${(ours.inProcessCpuMs / other.inProcessCpuMs).toFixed(2)}x`,
      );
    }
  }
  // Bundled against bundled: the SDK in one file is what an app that bundles it would load.
  const lambda = r.variants["anvil, Lambda bundle"];
  const sdkBundled = r.variants["aws-sdk v3, bundled"];
  if (lambda && sdkBundled && empty) {
    lines.push(
      `  anvil, Lambda bundle / aws-sdk v3, bundled: whole process ${(lambda.processMs / sdkBundled.processMs).toFixed(2)}x, in-process ${(lambda.inProcessMs / sdkBundled.inProcessMs).toFixed(2)}x; CPU whole process ${(lambda.processCpuMs / sdkBundled.processCpuMs).toFixed(2)}x, above an empty node ${((lambda.processCpuMs - empty.processCpuMs) / (sdkBundled.processCpuMs - empty.processCpuMs)).toFixed(2)}x, in-process ${(lambda.inProcessCpuMs / sdkBundled.inProcessCpuMs).toFixed(2)}x`,
    );
  }
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(
    `load average ${(await import("node:os"))
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  console.log(formatColdStart(await measureColdStart(Number(process.env.BENCH_COLD_RUNS ?? 11))));
}
