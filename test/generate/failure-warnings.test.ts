/**
 * When generation fails after a model validated with warnings, the AnvilError carries those
 * warnings, so the CLI prints them with the failure (they may explain it), each finding once.
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
      traits: {
        "aws.api#service": { sdkId: "Warned" },
        "aws.auth#sigv4": { name: "warned" },
        "aws.protocols#awsJson1_0": {},
      },
    },
    "ex.warned#Get": {
      type: "operation",
      input: { target: "ex.warned#GetInput" },
      output: { target: "smithy.api#Unit" },
    },
    "ex.warned#GetInput": {
      type: "structure",
      members: { color: { target: "ex.warned#Color" } },
      traits: { "smithy.api#input": {} },
    },
    "ex.warned#Color": { type: "string", traits: { "smithy.api#enum": [{ value: "RED" }, { value: "BLUE" }] } },
  },
};

/** A waiter comparing a number with stringEquals: validation's ReturnTypeMismatch DANGER, and a waiter the generator cannot write. */
const MISMATCHED = `$version: "2.0"
namespace ex.w
use aws.protocols#awsJson1_0
use smithy.waiters#waitable

@awsJson1_0
service S { version: "2024-01-01", operations: [GetThing] }

@waitable(Ready: { acceptors: [{ state: "success", matcher: { output: { path: "Count", comparator: "stringEquals", expected: "x" } } }] })
@readonly
operation GetThing {
    input := { @required Name: String }
    output := { Count: Integer }
}
`;

function client(name: string, model: string, operations?: string[]): ClientConfig {
  return {
    name,
    models: [join(DIR, model)],
    modelsAsWritten: [model],
    validation: "reject",
    ...(operations ? { operations } : {}),
  };
}

async function failure(clients: ClientConfig[]): Promise<AnvilError> {
  const error = await generate({ file: "t", displayFile: "t", out: "/unused", clients }, { skipTypeCheck: true }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AnvilError);
  return error as AnvilError;
}

const enumWarnings = (e: { warnings: AnvilError["warnings"] }) =>
  e.warnings.filter((w) => w.eventId === "EnumNamesPresent" && w.shapeId === "ex.warned#Color");

beforeAll(() => {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(join(DIR, "warned.json"), JSON.stringify(WARNED));
  writeFileSync(join(DIR, "broken.json"), "{ not json");
  writeFileSync(join(DIR, "mismatched.smithy"), MISMATCHED);
});
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe("a failed generation carries the models' validation warnings", () => {
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
    const result = await generate(
      { file: "t", displayFile: "t", out: "/unused", clients: [client("warned", "warned.json")] },
      { skipTypeCheck: true },
    );
    expect(enumWarnings(result)).toHaveLength(1);
  });
});

describe("a waiter whose path cannot give what its comparator compares", () => {
  it("fails generation on validation's DANGER, reported once (not again as the generator's own error)", async () => {
    const error = await failure([client("w", "mismatched.smithy")]);
    const all = [...error.diagnostics, ...error.warnings];
    const mentions = all.filter((d) => d.message.includes("stringEquals comparator must return a `string` type"));
    expect(mentions).toHaveLength(1);
    expect(error.diagnostics).toEqual([mentions[0]]);
    expect(mentions[0]).toMatchObject({
      severity: "DANGER",
      eventId: "WaitableTraitJmespathProblem.ReturnTypeMismatch.Ready.0",
      shapeId: "ex.w#GetThing",
    });
    // The trait's position (line 9), where the finding is, rather than the operation's.
    expect(mentions[0]?.location?.line).toBe(9);
  });
});
