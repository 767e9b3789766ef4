import { describe, expect, it } from "vitest";
import { AnvilError } from "../../../generator/errors.js";
import type { AstDocument, AstShape } from "../../../generator/load/ast.js";
import { printIdl, printIdlFiles } from "../../../generator/load/idl/print.js";
import { load } from "./helpers.js";

const doc: AstDocument = {
  smithy: "2.0",
  metadata: { suppressions: [{ id: "X", namespace: "*" }], "odd key": 1 },
  shapes: {
    "ex#Service": {
      type: "service",
      version: "2024-01-01",
      operations: [{ target: "ex#Get" }],
      rename: { "other#Thing": "OtherThing" },
      traits: { "smithy.api#documentation": "A service.\n\nSecond paragraph." },
    },
    "ex#Get": {
      type: "operation",
      input: { target: "ex#GetInput" },
      output: { target: "smithy.api#Unit" },
      errors: [{ target: "ex#Oops" }],
      traits: { "smithy.api#readonly": {}, "smithy.api#http": { method: "GET", uri: "/x/{id}", code: 200 } },
    },
    "ex#GetInput": {
      type: "structure",
      members: {
        id: { target: "smithy.api#String", traits: { "smithy.api#required": {}, "smithy.api#httpLabel": {} } },
        count: { target: "ex#Integer", traits: { "smithy.api#default": 0 } },
        tags: { target: "ex#Tags", traits: { "smithy.api#documentation": 'Has "quotes" and a\r\ncarriage return' } },
      },
      traits: { "smithy.api#input": {} },
    },
    "ex#Integer": { type: "integer", traits: { "smithy.api#range": { min: -1.5, max: 1e21 } } },
    "ex#Tags": { type: "list", member: { target: "smithy.api#String" }, traits: { "smithy.api#length": { max: 10 } } },
    "ex#Oops": { type: "structure", members: {}, traits: { "smithy.api#error": "client" } },
    "ex#Color": {
      type: "enum",
      members: {
        RED: {
          target: "smithy.api#Unit",
          traits: { "smithy.api#enumValue": "red", "smithy.api#documentation": "Red." },
        },
        EMPTY: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "" } },
      },
    },
    "ex#Level": {
      type: "intEnum",
      members: { LOW: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": 1 } } },
    },
    "ex#Dict": { type: "map", key: { target: "smithy.api#String" }, value: { target: "other#Thing" } },
    "ex#Thing": {
      type: "resource",
      identifiers: { id: { target: "smithy.api#String" } },
      read: { target: "ex#Get" },
      operations: [],
    },
    "ex#Doc": { type: "document", traits: { "ex#custom": {}, "smithy.api#tags": [] } },
    "ex#Oops$message": { type: "apply", traits: { "smithy.api#documentation": "applied" } },
  },
};

function reparsed(text: string): Record<string, AstShape> {
  const file = load(text, ["other#Thing", "ex#custom"]);
  const out: Record<string, AstShape> = {};
  for (const s of file.shapes) out[s.id] = s.shape;
  for (const a of file.applies) out[a.target] = { type: "apply", traits: a.traits };
  return out;
}

describe("printIdl", () => {
  it("writes IDL that reads back to the same shapes", () => {
    expect(reparsed(printIdl(doc))).toEqual(doc.shapes);
  });

  it("writes readable IDL: relative ids, doc comments, enum sugar, bare annotations", () => {
    const text = printIdl(doc);
    expect(text.startsWith('$version: "2.0"\n\nmetadata suppressions = [')).toBe(true);
    expect(text).toContain('metadata "odd key" = 1');
    expect(text).toContain("/// A service.\n///\n/// Second paragraph.\nservice Service {");
    expect(text).toContain('@readonly\n@http(\n    method: "GET"');
    expect(text).toContain("    @required\n    @httpLabel\n    id: String");
    // `Integer` is defined in this namespace, so it is written as is; the member's doc has a CR,
    // so it stays a trait instead of becoming a /// comment.
    expect(text).toContain("    count: Integer");
    expect(text).toContain('    @documentation("Has \\"quotes\\" and a\\r\\ncarriage return")');
    expect(text).toContain('    /// Red.\n    RED = "red"');
    expect(text).toContain('    @enumValue("")\n    EMPTY');
    expect(text).toContain("    value: other#Thing");
    expect(text).toContain("@ex#custom({})"); // not defined in the document: written in full
    expect(text).toContain('apply Oops$message {\n    @documentation("applied")\n}');
  });

  it("writes prelude ids in full when the namespace shadows them", () => {
    const text = printIdl({
      smithy: "2.0",
      shapes: { "ex#String": { type: "string" }, "ex#S": { type: "list", member: { target: "smithy.api#String" } } },
    });
    expect(text).toContain("member: smithy.api#String");
  });

  it("prints one file per namespace, and refuses a single file for several", () => {
    const two: AstDocument = {
      smithy: "2.0",
      shapes: { "a#X": { type: "string" }, "b#Y": { type: "list", member: { target: "a#X" } } },
    };
    expect(printIdlFiles(two).map((f) => [f.namespace, f.text.includes("member: a#X")])).toEqual([
      ["a", false],
      ["b", true],
    ]);
    expect(() => printIdl(two)).toThrow(AnvilError);
  });

  it("keeps a 1.0 model at version 1.0", () => {
    expect(
      printIdl({ smithy: "1.0", shapes: { "a#X": { type: "set", member: { target: "smithy.api#String" } } } }),
    ).toBe('$version: "1.0"\n\nnamespace a\n\nset X {\n    member: String\n}\n');
  });
});
