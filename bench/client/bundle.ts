/**
 * Browser bundle of a tiny app calling JsonRpcClient, laid out like a generated client (runtime/
 * copied verbatim, package.json "browser" field mapping default-transport.js to its browser twin),
 * bundled by esbuild with platform=browser and minify. Also bundles each signing library alone,
 * for the choice between aws4fetch and @smithy/signature-v4.
 * Run: npx tsx bench/client/bundle.ts
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");

async function bundle(dir: string, entry: string, source: string): Promise<{ min: number; gzip: number; meta: Metafile }> {
  const file = join(dir, entry);
  writeFileSync(file, source);
  const result = await build({
    entryPoints: [file],
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    write: false,
    metafile: true,
    nodePaths: [join(repo, "node_modules")],
    logLevel: "error",
  });
  const out = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { min: out.byteLength, gzip: gzipSync(out, { level: 9 }).byteLength, meta: result.metafile };
}

const dir = mkdtempSync(join(tmpdir(), "anvil-bundle-"));
try {
  cpSync(join(repo, "generator/runtime"), join(dir, "runtime"), { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({
    name: "bundle-probe",
    type: "module",
    browser: { "./runtime/default-transport.js": "./runtime/default-transport.browser.js" },
  }));
  const app = await bundle(dir, "app.ts", `
    import { JsonRpcClient } from "./runtime/client.js";
    import { ServiceException } from "./runtime/errors.js";
    const client = new JsonRpcClient({ protocol: "awsJson1_1", serviceShapeName: "AWSHawksNestServiceFacade", signingName: "frauddetector",
      endpointPrefix: "frauddetector", sdkId: "FraudDetector", version: "2019-11-15", errors: {},
      unknownError: (_b, i) => new ServiceException({ name: i.code, message: i.message ?? "", $fault: i.$fault, $metadata: i.$metadata }) },
      { region: "us-east-1" }, { validation: "reject" });
    export const sendEvent = (input: { eventId: string }) =>
      client.invoke({ name: "SendEvent", serialize: (i: { eventId: string }) => JSON.stringify({ eventId: i.eventId }), deserialize: () => ({}) }, input);
  `);
  const inputs = Object.keys(app.meta.inputs);
  const nodeImports = Object.values(app.meta.inputs).flatMap((i) => i.imports.map((x) => x.path)).filter((p) => p.startsWith("node:"));
  const own = inputs.filter((p) => !p.includes("node_modules"));
  console.log(`app calling JsonRpcClient: ${app.min} B minified, ${app.gzip} B gzip`);
  console.log(`  runtime files bundled: ${own.map((p) => p.split("/").pop()).join(", ")}`);
  console.log(`  node: imports: ${nodeImports.length === 0 ? "none" : nodeImports.join(", ")}`);
  const output = Object.values(app.meta.outputs)[0];
  const byInput = Object.entries(output?.inputs ?? {}).map(([p, i]) => [p.replace(/^.*node_modules\//, "").replace(/^.*runtime\//, "runtime/"), i.bytesInOutput] as const);
  byInput.sort((a, b) => b[1] - a[1]);
  console.log(`  bytes in the minified output, largest inputs: ${byInput.slice(0, 8).map(([p, n]) => `${p} ${n}`).join(", ")}`);
  const aws4fetch = await bundle(dir, "aws4fetch.ts", `
    import { AwsV4Signer } from "aws4fetch";
    export const sign = (body: string) => new AwsV4Signer({ url: "https://x.us-east-1.amazonaws.com/", method: "POST", headers: { "content-type": "a" },
      body, accessKeyId: "a", secretAccessKey: "b", service: "x", region: "us-east-1", allHeaders: true }).sign();
  `);
  const smithy = await bundle(dir, "smithy.ts", `
    import { SignatureV4 } from "@smithy/signature-v4";
    import { WebCryptoSha256 } from "./runtime/hash-web.js";
    export const sign = (body: string) => new SignatureV4({ credentials: { accessKeyId: "a", secretAccessKey: "b" }, region: "us-east-1", service: "x", sha256: WebCryptoSha256 })
      .sign({ method: "POST", protocol: "https:", hostname: "h", path: "/", query: {}, headers: { host: "h" }, body });
  `);
  console.log(`signer alone, aws4fetch: ${aws4fetch.min} B minified, ${aws4fetch.gzip} B gzip`);
  console.log(`signer alone, @smithy/signature-v4 + WebCrypto hash: ${smithy.min} B minified, ${smithy.gzip} B gzip`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
