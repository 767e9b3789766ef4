/**
 * The optionality policy: a member is required in TypeScript exactly when the model says
 * @required and not @clientOptional; required output members missing on the wire get a zero value.
 */
import { describe, expect, it } from "vitest";
import { lower } from "../../generator/lower/index.js";
import { select } from "../../generator/select/index.js";
import type { InterfaceIR } from "../../generator/lower/ir.js";
import { modelOf } from "../helpers.js";

const model = modelOf({
  smithy: "2.0",
  shapes: {
    "ex#Svc": {
      type: "service",
      version: "1",
      operations: [{ target: "ex#Op" }],
      traits: { "aws.protocols#awsJson1_0": {} },
    },
    "ex#Op": { type: "operation", input: { target: "ex#In" }, output: { target: "ex#Out" } },
    "ex#In": {
      type: "structure",
      members: {
        req: { target: "smithy.api#String", traits: { "smithy.api#required": {} } },
        soft: { target: "smithy.api#String", traits: { "smithy.api#required": {}, "smithy.api#clientOptional": {} } },
        opt: { target: "smithy.api#String" },
        dflt: { target: "smithy.api#Integer", traits: { "smithy.api#default": 3 } },
      },
    },
    "ex#Out": {
      type: "structure",
      members: {
        count: { target: "smithy.api#Integer", traits: { "smithy.api#required": {} } },
        note: { target: "smithy.api#String" },
      },
    },
  },
});
const ir = lower(model, select(model, {}), {
  name: "t",
  models: [],
  modelsAsWritten: ["t.json"],
  validation: "reject",
});

describe("optionality policy", () => {
  it("types @required members as present and everything else as optional", () => {
    const input = ir.types.find((t) => t.interface?.name === "In")?.interface as InterfaceIR;
    expect(input.properties.map((p) => [p.key, p.optional])).toEqual([
      ["req", false],
      ["soft", true],
      ["opt", true],
      ["dflt", true],
    ]);
  });

  it("fills a zero value for a required output member the server left out", () => {
    const de = ir.deserializers.find((d) => d.type.toString() === "Out");
    expect(de?.structure?.map((f) => f.expression.toString())).toEqual([
      '(deNumber(b["count"])) ?? 0',
      'deString(b["note"])',
    ]);
  });
});
