/**
 * An app bundled for Node the way Lambda functions usually are: esbuild, ESM, `@aws-sdk/*` left
 * external (the Lambda runtime has the AWS SDK, and AWS CDK's NodejsFunction leaves it out by
 * default), with the `createRequire` banner every ESM bundle of a CommonJS package needs (`aws4`
 * requires Node built-ins). The bundle runs in a folder with no node_modules, so the AWS SDK's
 * shared-files reader cannot be found there: given its credentials, the client must start and
 * call without it; without any, the error must say the reader could not be loaded.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url).pathname;
const BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

const APP = `
import { FraudDetectorClient } from ${JSON.stringify(join(ROOT, "generated/frauddetector/index.ts"))};
const [endpoint, mode] = process.argv.slice(2);
const credentials = mode === "given" ? { accessKeyId: "AKIDBUNDLE", secretAccessKey: "secret" } : undefined;
const client = new FraudDetectorClient({ region: "us-east-1", endpoint, credentials, maxAttempts: 1 });
try {
  await client.sendEvent({
    eventId: "e1", eventTypeName: "registration", eventTimestamp: "2024-05-01T12:00:00Z",
    eventVariables: { email_address: "a@example.com" }, entities: [{ entityType: "customer", entityId: "c1" }],
  });
  console.log("sent");
} catch (e) {
  console.log(e.name + ": " + e.message);
}
`;

/** Whether a node_modules above `dir` provides the package anyway (then its absence cannot be tested there). */
function reachable(dir: string, name: string): boolean {
  try {
    createRequire(join(dir, "probe.mjs")).resolve(name);
    return true;
  } catch {
    return false;
  }
}

describe("an ESM bundle for Node with @aws-sdk/* external (as for Lambda)", () => {
  const dir = mkdtempSync(join(tmpdir(), "anvil-node-bundle-"));
  const readerReachable = reachable(dir, "@aws-sdk/credential-provider-ini");
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
      res.end("{}");
    });
  });
  let endpoint = "";
  let bundleText = "";

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    writeFileSync(join(dir, "app.mjs"), APP);
    const result = await build({
      entryPoints: [join(dir, "app.mjs")],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      external: ["@aws-sdk/*"],
      banner: { js: BANNER },
      outfile: join(dir, "bundle.mjs"),
      nodePaths: [join(ROOT, "node_modules")],
      logLevel: "error",
    });
    expect(result.errors).toEqual([]);
    bundleText = readFileSync(join(dir, "bundle.mjs"), "utf8");
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Runs the bundle in its folder, with no AWS variables and an empty home, and returns its line
   * (asynchronously: the loopback server answers from this process).
   */
  async function runBundle(mode: "given" | "none"): Promise<string> {
    const env: NodeJS.ProcessEnv = { PATH: process.env["PATH"], HOME: dir, USERPROFILE: dir };
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) =>
      execFile(process.execPath, [join(dir, "bundle.mjs"), endpoint, mode], { cwd: dir, env }, (error, out, err) =>
        error ? reject(error) : resolve({ stdout: out, stderr: err }),
      ),
    );
    expect(stderr).toBe("");
    return stdout.trim();
  }

  it("imports the shared-files reader only where it is used, never at the top of the bundle", () => {
    expect(bundleText).toContain('import("@aws-sdk/credential-provider-ini")');
    expect(bundleText).not.toMatch(/^import\s[^;]*from\s*"@aws-sdk\//m);
  });

  it("starts and calls with the credentials it is given, where the package is absent", async () => {
    seen.length = 0;
    expect(await runBundle("given")).toBe("sent");
    expect(seen).toHaveLength(1);
    expect(String(seen[0]?.authorization)).toContain("Credential=AKIDBUNDLE/");
  });

  it.skipIf(readerReachable)(
    "without credentials, fails before sending with a CredentialsError saying the reader could not be loaded" +
      (readerReachable ? ` (skipped: a node_modules above ${dir} provides @aws-sdk/credential-provider-ini)` : ""),
    async () => {
      seen.length = 0;
      const line = await runBundle("none");
      expect(line).toMatch(/^CredentialsError: No AWS credentials found/);
      expect(line).toContain("the package @aws-sdk/credential-provider-ini could not be loaded");
      expect(seen).toHaveLength(0);
    },
  );
});
