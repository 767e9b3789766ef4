/**
 * Generating a client for a Smithy service outside AWS (test/fixtures/forecast: rpcv2Cbor,
 * bearer and API-key auth, no endpoint rules), through the whole pipeline with the type-check
 * gate on: the folder ships the CBOR runtime and depends on the codec, the JSON protocol's module
 * stays out, and the config type has exactly the auth fields the model uses.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";

const MODEL = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "forecast", "forecast.smithy");

describe("a generated rpcv2Cbor client with bearer and API-key auth", () => {
  let files: Map<string, string>;

  beforeAll(async () => {
    const result = await generate({
      file: "test",
      displayFile: "test",
      out: "/unused",
      clients: [{ name: "forecast", models: [MODEL], modelsAsWritten: ["forecast.smithy"], validation: "reject" }],
    });
    files = new Map(result.clients[0]!.files.map((f) => [f.path, f.text]));
  }, 240_000);

  it("passes the type-check gate and ships the CBOR runtime, not the JSON protocol's", () => {
    expect(files.has("client.ts")).toBe(true);
    expect(files.has("runtime/protocols/cbor.ts")).toBe(true);
    expect(files.has("runtime/protocols/rpcv2-cbor.ts")).toBe(true);
    expect(files.has("runtime/protocols/aws-json.ts")).toBe(false);
    expect(files.has("runtime/auth.ts")).toBe(true);
  });

  it("lists the codec among the folder's dependencies", () => {
    const pkg = JSON.parse(files.get("package.json")!) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).toContain("cbor2");
  });

  it("gives the config type the fields of the schemes the model uses, and no AWS credentials", () => {
    // The config type lives with the core client, which the client class extends.
    const client = files.get("core.ts")!;
    const config = client.slice(
      client.indexOf("export type ForecastClientConfig"),
      client.indexOf(";", client.indexOf("export type ForecastClientConfig")),
    );
    expect(config).toContain("BearerAuthConfig");
    expect(config).toContain("ApiKeyAuthConfig");
    expect(config).not.toContain("BasicAuthConfig");
    expect(config).toMatch(/Omit<ClientConfig, "credentials"/);
  });
});
