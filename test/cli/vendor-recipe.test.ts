/**
 * README "Vendoring a generated folder", followed step by step in a fresh app: copy
 * generated/frauddetector into src/vendor/, `anvil vendor-deps ... --write`, `npm install`, the
 * app's own `tsc` build to JavaScript, then `node dist/app.js`. The compiled app calls SendEvent
 * on a loopback server (which checks the request is signed and addressed as the service expects)
 * and has a bad input rejected by the validators, so the JavaScript that runs is the whole client.
 * `npx anvil` is this repository's bin/anvil.mjs (what npx runs where anvil is installed). npm
 * installs offline-first from its cache (filled by `npm ci` here); the test skips, saying why,
 * only when npm can neither find the packages there nor download them.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const app = mkdtempSync(join(tmpdir(), "anvil-recipe-"));
afterAll(() => rmSync(app, { recursive: true, force: true }));

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, {
    cwd: app,
    encoding: "utf8",
    env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}`, stdout: r.stdout };
}

const APP = `import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { FraudDetectorClient, RequestValidationError } from "./vendor/frauddetector/index.js";

const seen: Array<{ target: string | undefined; authorization: string | undefined; body: string }> = [];
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
  req.on("end", () => {
    seen.push({ target: req.headers["x-amz-target"] as string | undefined, authorization: req.headers.authorization, body });
    res.writeHead(200, { "content-type": "application/x-amz-json-1.1" }).end("{}");
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as AddressInfo;
const fd = new FraudDetectorClient({ region: "us-east-1", endpoint: \`http://127.0.0.1:\${port}\`, credentials: { accessKeyId: "AKIDRECIPE", secretAccessKey: "secret" } });
const input = {
  eventId: "evt-1",
  eventTypeName: "sign_up",
  eventTimestamp: "2026-11-23T10:00:00Z",
  eventVariables: { email: "a@example.com" },
  entities: [{ entityType: "customer", entityId: "c-42" }],
};
await fd.sendEvent(input);
let rejected = "";
try {
  await fd.sendEvent({ ...input, eventId: "" });
} catch (e) {
  rejected = e instanceof RequestValidationError ? e.name : String(e);
}
fd.destroy();
server.close();
console.log(JSON.stringify({ seen, rejected }));
`;

describe("the README's vendoring recipe", () => {
  it("gives an app that builds with tsc and runs as JavaScript", (ctx) => {
    writeFileSync(
      join(app, "package.json"),
      `${JSON.stringify({ name: "recipe-app", version: "1.0.0", private: true, type: "module", scripts: { build: "tsc" } }, null, 2)}\n`,
    );
    writeFileSync(
      join(app, "tsconfig.json"),
      `${JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, outDir: "dist", rootDir: "src", types: ["node"], skipLibCheck: true }, include: ["src"] }, null, 2)}\n`,
    );
    mkdirSync(join(app, "src/vendor"), { recursive: true });
    writeFileSync(join(app, "src/app.ts"), APP);

    // The recipe, step by step.
    cpSync(join(root, "generated/frauddetector"), join(app, "src/vendor/frauddetector"), { recursive: true });
    const deps = run(process.execPath, [
      join(root, "bin/anvil.mjs"),
      "vendor-deps",
      "src/vendor/frauddetector",
      "--write",
    ]);
    expect(deps.code, deps.out).toBe(0);
    const pkg = JSON.parse(readFileSync(join(app, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const folder = JSON.parse(readFileSync(join(root, "generated/frauddetector/package.json"), "utf8")) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.dependencies).toEqual(folder.dependencies);
    expect(pkg.devDependencies).toEqual(folder.devDependencies);

    const install = run("npm", ["install", "--prefer-offline"]);
    if (install.code !== 0 && /ENOTCACHED|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT/.test(install.out)) {
      process.stderr.write(
        `skipped: npm could not install the folder's packages (offline, and not in npm's cache): ${install.out.trim().split("\n").slice(-2).join(" | ")}\n`,
      );
      ctx.skip();
      return;
    }
    expect(install.code, install.out).toBe(0);
    const build = run("npx", ["--no", "tsc"]);
    expect(build.out).toBe("");
    expect(build.code).toBe(0);

    const ran = run(process.execPath, ["dist/app.js"]);
    expect(ran.code, ran.out).toBe(0);
    const result = JSON.parse(ran.stdout) as {
      seen: Array<{ target: string; authorization: string; body: string }>;
      rejected: string;
    };
    expect(result.seen).toHaveLength(1);
    expect(result.seen[0]?.target).toBe("AWSHawksNestServiceFacade.SendEvent");
    expect(result.seen[0]?.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDRECIPE\/\d{8}\/us-east-1\/frauddetector\/aws4_request, /,
    );
    expect(JSON.parse(result.seen[0]?.body ?? "")).toMatchObject({ eventId: "evt-1", eventTypeName: "sign_up" });
    expect(result.rejected).toBe("RequestValidationError");
  }, 600_000);
});
