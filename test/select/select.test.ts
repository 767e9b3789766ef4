import { describe, expect, it } from "vitest";
import { select } from "../../generator/select/index.js";
import { errorOf, modelOf } from "../helpers.js";

const model = modelOf({
  smithy: "2.0",
  shapes: {
    "ex#Svc": {
      type: "service",
      version: "1",
      operations: [{ target: "ex#GetNode" }, { target: "ex#Other" }],
      errors: [{ target: "ex#Boom" }],
    },
    "ex#GetNode": { type: "operation", input: { target: "ex#In" }, output: { target: "ex#Node" } },
    "ex#Other": { type: "operation", input: { target: "ex#OtherIn" } },
    "ex#In": { type: "structure", members: { id: { target: "smithy.api#String" } } },
    "ex#OtherIn": { type: "structure", members: { unrelated: { target: "ex#Unrelated" } } },
    "ex#Unrelated": { type: "string" },
    "ex#Node": {
      type: "structure",
      members: { children: { target: "ex#Nodes" }, parent: { target: "ex#Node" }, meta: { target: "ex#Meta" } },
    },
    "ex#Nodes": { type: "list", member: { target: "ex#Node" } },
    "ex#Meta": { type: "map", key: { target: "smithy.api#String" }, value: { target: "ex#Node" } },
    "ex#Boom": { type: "structure", members: {}, traits: { "smithy.api#error": "server" } },
  },
});

describe("select", () => {
  it("takes the closure of the chosen operations and terminates on recursion", () => {
    const s = select(model, { operations: ["GetNode"] });
    expect(s.operations.map((o) => o.id)).toEqual(["ex#GetNode"]);
    expect(s.shapes.map((x) => x.id)).toEqual([
      "ex#In",
      "smithy.api#String",
      "ex#Node",
      "ex#Nodes",
      "ex#Meta",
      "ex#Boom",
    ]);
  });

  it("selects every operation when none are named", () => {
    expect(select(model, {}).operations.map((o) => o.id)).toEqual(["ex#GetNode", "ex#Other"]);
  });

  it("rejects an unknown operation with a suggestion as a config error", () => {
    const e = errorOf(() =>
      select(model, { operations: ["GetNod"], operationOrigins: [{ file: "codegen.yaml", line: 7, column: 9 }] }),
    );
    expect(e).toMatchObject({ kind: "config" });
    expect(e.diagnostics[0]).toMatchObject({ hint: 'Did you mean "GetNode"?', location: { line: 7 } });
  });

  it("rejects an unknown service with a suggestion", () => {
    const e = errorOf(() => select(model, { service: "ex#Svx" }));
    expect(e.diagnostics[0].hint).toBe("Did you mean ex#Svc?");
  });
});
