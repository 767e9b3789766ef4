/**
 * When generation fails after a model validated with warnings, the AnvilError carries those
 * warnings, so the CLI prints them with the failure (they may explain it).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientConfig } from "../../generator/config/index.js";
import { AnvilError } from "../../generator/errors.js";
import { generate } from "../../generator/pipeline.js";

const DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", ".tmp", `failure-warnings-${process.pid}`);

/** A valid model whose one string has an `@enum` trait without names: an EnumNamesPresent WARNING. */
const WARNED = {
  smithy: "2.0",
  shapes: {
    "ex.warned#Service": {
      type: "service",
      version: "2024-01-01",
      operations: [{ target: "ex.warned#Get" }],
      traits: { "aws.api#service": { sdkId: "Warned" }, "aws.auth#sigv4": { name: "warned" }, "aws.protocols#awsJson1_0": {} },
    },
    "ex.warned#Get": { type: "operation", input: { target: "ex.warned#GetInput" }, output: { target: "smithy.api#Unit" } },
    "ex.warned#GetInput": { type: "structure", members: { color: { target: "ex.warned#Color" } }, traits: { "smithy.api#input": {} } },
    "ex.warned#Color": { type: "string", traits: { "smithy.api#enum": [{ value: "RED" }, { value: "BLUE" }] } },
  },
};

function client(name: string, model: string, operations?: string[]): ClientConfig {
  return { name, models: [join(DIR, model)], modelsAsWritten: [model], validation: "reject", ...(operations ? { operations } : {}) };
}

async function failure(clients: ClientConfig[]): Promise<AnvilError> {
  const error = await generate({ file: "t", displayFile: "t", out: "/unused", clients }, { skipTypeCheck: true }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AnvilError);
  return error as AnvilError;
}

const enumWarnings = (e: { warnings: AnvilError["warnings"] }) => e.warnings.filter((w) => w.eventId === "EnumNamesPresent" && w.shapeId === "ex.warned#Color");

describe("a failed generation carries the models' validation warnings", () => {
  beforeAll(() => {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(join(DIR, "warned.json"), JSON.stringify(WARNED));
    writeFileSync(join(DIR, "broken.json"), "{ not json");
  });
  afterAll(() => rmSync(DIR, { recursive: true, force: true }));

  it("when a later stage of the same client fails (an unknown operation in the config)", async () => {
    const error = await failure([client("warned", "warned.json", ["Nope"])]);
    expect(error.kind).toBe("config");
    expect(error.diagnostics[0]?.message).toContain('Unknown operation "Nope"');
    expect(enumWarnings(error)).toHaveLength(1);
  });

  it("when a later client's model fails to load, once each", async () => {
    const error = await failure([client("warned", "warned.json"), client("broken", "broken.json")]);
    expect(error.kind).toBe("model");
    expect(enumWarnings(error)).toHaveLength(1);
  });

  it("and a successful run returns the same warning", async () => {
    const result = await generate({ file: "t", displayFile: "t", out: "/unused", clients: [client("warned", "warned.json")] }, { skipTypeCheck: true });
    expect(enumWarnings(result)).toHaveLength(1);
  });
});
