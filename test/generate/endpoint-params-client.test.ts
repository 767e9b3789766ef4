/**
 * Endpoint parameters in a generated client's config: a `@clientContextParams` entry and a
 * built-in (`useFipsEndpoint`) of the model's rule set are config fields, and the rules see them.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpRequest, Transport } from "../../generator/runtime/transport.js";
import { generateInto } from "../e2e/generate-client.js";

const rules = {
  version: "1.0",
  parameters: {
    Region: { builtIn: "AWS::Region", type: "String", required: false },
    UseFIPS: { builtIn: "AWS::UseFIPS", type: "Boolean", required: true, default: false },
    Stage: { type: "String", required: true, default: "prod", documentation: "Deployment stage." },
  },
  rules: [
    {
      type: "endpoint",
      conditions: [{ fn: "booleanEquals", argv: [{ ref: "UseFIPS" }, true] }],
      endpoint: { url: "https://{Stage}-fips.{Region}.example.com" },
    },
    { type: "endpoint", conditions: [], endpoint: { url: "https://{Stage}.{Region}.example.com" } },
  ],
};

const model = {
  smithy: "2.0",
  shapes: {
    "ex#Staged": {
      type: "service",
      version: "1",
      operations: [{ target: "ex#Ping" }],
      traits: {
        "aws.protocols#awsJson1_0": {},
        "aws.auth#sigv4": { name: "staged" },
        "aws.api#service": { sdkId: "Staged" },
        "smithy.rules#clientContextParams": { Stage: { type: "string", documentation: "Deployment stage." } },
        "smithy.rules#endpointRuleSet": rules,
      },
    },
    "ex#Ping": { type: "operation" },
  },
};

type Client = { ping(): Promise<unknown>; destroy(): void };

describe("endpoint parameters as config fields", () => {
  let Staged: new (config: object) => Client;
  let remove = () => undefined as void;
  const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", ".tmp", `staged-model-${process.pid}`);

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "staged.json");
    writeFileSync(file, JSON.stringify(model));
    const generated = await generateInto("staged", file, ["Ping"]);
    remove = generated.remove;
    Staged = ((await import(`${generated.folder}/index.ts`)) as Record<string, unknown>).StagedClient as typeof Staged;
  });
  afterAll(() => {
    remove();
    rmSync(dir, { recursive: true, force: true });
  });

  async function hostFor(config: object): Promise<string | undefined> {
    const sent: HttpRequest[] = [];
    const transport: Transport = {
      handle: (request) => (sent.push(request), Promise.resolve({ statusCode: 200, headers: {}, body: "{}" })),
    };
    const client = new Staged({
      region: "eu-west-1",
      credentials: { accessKeyId: "a", secretAccessKey: "b" },
      transport,
      ...config,
    });
    await client.ping();
    return sent[0]?.headers.host;
  }

  it("passes the context parameter and the built-in to the rules, and the rule set's defaults when unset", async () => {
    expect(await hostFor({})).toBe("prod.eu-west-1.example.com");
    expect(await hostFor({ stage: "beta" })).toBe("beta.eu-west-1.example.com");
    expect(await hostFor({ stage: "beta", useFipsEndpoint: true })).toBe("beta-fips.eu-west-1.example.com");
  });
});
