/**
 * The runtime ships verbatim inside generated clients: it must compile without the DOM lib, and
 * a browser bundle (package.json "browser" field, as generated) must not contain node:http(s),
 * node:crypto, the Node transport or the Node signer (`aws4`).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { BROWSER_SWAPS } from "../../generator/lower/packaging.js";
import { TYPECHECK_COMPILER_OPTIONS } from "../../generator/typecheck/options.js";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");
const runtimeDir = join(repo, "generator/runtime");

describe("runtime portability", () => {
  it("type-checks under the compiler options every generated client is checked with (lib ES2022, no DOM)", () => {
    // The same options object the type-check stage uses, not a copy: a flag added there applies here.
    const { options, errors } = ts.convertCompilerOptionsFromJson(TYPECHECK_COMPILER_OPTIONS, repo);
    expect(errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, "\n"))).toEqual([]);
    expect(options.lib).toEqual(["lib.es2022.d.ts"]);
    const files = readdirSync(runtimeDir, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"))
      .map((f) => join(runtimeDir, f));
    const program = ts.createProgram(files, options);
    const messages = ts
      .getPreEmitDiagnostics(program)
      .map(
        (d) =>
          `${d.file ? relative(repo, d.file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
      );
    expect(messages).toEqual([]);
  }, 60_000);

  it("bundles for the browser through the generated package's browser field without any Node module", async () => {
    const pkg = mkdtempSync(join(tmpdir(), "anvil-runtime-"));
    try {
      cpSync(runtimeDir, join(pkg, "runtime"), { recursive: true });
      writeFileSync(
        join(pkg, "package.json"),
        JSON.stringify({
          name: "bundle-probe",
          type: "module",
          browser: BROWSER_SWAPS,
        }),
      );
      writeFileSync(
        join(pkg, "app.ts"),
        [
          'import { ServiceClient } from "./runtime/client.js";',
          'import { ServiceException } from "./runtime/errors.js";',
          'import { AwsJsonProtocol, jsonRpcBody, jsonRpcRequest } from "./runtime/protocols/aws-json.js";',
          'const client = new ServiceClient({ protocol: new AwsJsonProtocol({ version: "1.1", serviceShapeName: "S" }), signingName: "s", endpointPrefix: "s", sdkId: "S", version: "1", errors: {},',
          "  baseException: ServiceException },",
          '  { region: "us-east-1", credentials: { accessKeyId: "a", secretAccessKey: "b" } }, { validation: "reject" });',
          'export const go = () => client.invoke({ name: "Op", serialize: () => jsonRpcRequest("{}"), deserialize: jsonRpcBody }, {});',
        ].join("\n"),
      );
      const result = await build({
        entryPoints: [join(pkg, "app.ts")],
        bundle: true,
        platform: "browser",
        format: "esm",
        write: false,
        metafile: true,
        nodePaths: [join(repo, "node_modules")],
        logLevel: "silent",
      });
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs.some((p) => p.endsWith("runtime/default-transport.browser.ts"))).toBe(true);
      expect(inputs.some((p) => p.endsWith("runtime/default-credentials.browser.ts"))).toBe(true);
      expect(inputs.filter((p) => p.includes("@aws-sdk/") || p.includes("/aws4/"))).toEqual([]);
      expect(inputs.some((p) => p.includes("/aws4fetch/"))).toBe(true);
      for (const forbidden of [
        "transport-node.ts",
        "sigv4-node.ts",
        "runtime/default-transport.ts",
        "runtime/default-credentials.ts",
        "runtime/credentials-file.ts",
      ]) {
        expect(inputs.filter((p) => p.endsWith(forbidden))).toEqual([]);
      }
      const imports = Object.values(result.metafile.inputs).flatMap((i) => i.imports.map((x) => x.path));
      expect(imports.filter((p) => p.startsWith("node:"))).toEqual([]);
    } finally {
      rmSync(pkg, { recursive: true, force: true });
    }
  });

  it("keeps Node built-ins in the Node-only files", () => {
    const nodeOnly = new Set(["transport-node.ts", "sigv4-node.ts"]);
    for (const file of readdirSync(runtimeDir).filter((f) => f.endsWith(".ts"))) {
      const text = readFileSync(join(runtimeDir, file), "utf8");
      if (/from "node:/.test(text)) expect(nodeOnly.has(file) ? file : `${file} imports node:*`).toBe(file);
    }
  });
});
