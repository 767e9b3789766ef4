/**
 * Names of the operation functions of operations.ts: operations named like the parameters the
 * templates print around them (`options`, `input`, `request`, `client`, `config`) or like
 * generated names (`Errors0`, a table name) still give a folder that passes the type-check gate,
 * with each clashing import aliased rather than shadowed.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../generator/pipeline.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const DIR = join(ROOT, ".tmp", `op-functions-${process.pid}`);
const NAMES = ["Options", "Input", "Request", "Client", "Config", "Errors0"];
const str = { target: "smithy.api#String" };

/** An awsJson 1.0 service whose operations (each paginated) carry the clashing names. */
function model(): object {
  const shapes: Record<string, object> = {
    "ex.names#Names": {
      type: "service",
      version: "2024-01-01",
      operations: NAMES.map((n) => ({ target: `ex.names#${n}` })),
      traits: {
        "aws.api#service": { sdkId: "Names" },
        "aws.auth#sigv4": { name: "names" },
        "aws.protocols#awsJson1_0": {},
      },
    },
    "ex.names#PageInput": { type: "structure", members: { NextToken: str } },
    "ex.names#PageOutput": { type: "structure", members: { NextToken: str } },
  };
  for (const n of NAMES) {
    shapes[`ex.names#${n}`] = {
      type: "operation",
      input: { target: "ex.names#PageInput" },
      output: { target: "ex.names#PageOutput" },
      traits: { "smithy.api#paginated": { inputToken: "NextToken", outputToken: "NextToken" } },
    };
  }
  return { smithy: "2.0", shapes };
}

describe("operation functions named like template parameters", () => {
  let result: GenerateResult;
  beforeAll(async () => {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(join(DIR, "model.json"), JSON.stringify(model()));
    // With the type-check gate: a shadowed function would be a call of a non-function.
    result = await generate({
      file: "t",
      displayFile: "t",
      out: "/unused",
      clients: [
        { name: "names", models: [join(DIR, "model.json")], modelsAsWritten: ["model.json"], validation: "reject" },
      ],
    });
  }, 240_000);
  afterAll(() => rmSync(DIR, { recursive: true, force: true }));

  const file = (path: string) => result.clients[0]!.files.find((f) => f.path === path)!.text;

  it("exports one function per operation, camelCased", () => {
    for (const name of ["options", "input", "request", "client", "config", "errors0"]) {
      expect(file("operations.ts")).toMatch(new RegExp(`export function ${name}\\(`));
    }
  });

  it("imports the clashing functions under aliases where parameters would shadow them", () => {
    expect(file("client.ts")).toContain("return options$1(this, input, options);");
    expect(file("client.ts")).toContain("return input$1(this, input, options);");
    expect(file("paginators.ts")).toContain("send: (client, request, options) => request$1(client, request, options)");
    expect(file("paginators.ts")).toContain("send: (client, request, options) => config$1(client, request, options)");
  });

  it("keeps the error table's name clear of the Errors0 operation's function", () => {
    expect(file("operations.ts")).toMatch(/const errors0_: ErrorTable = \{/);
  });
});
