import { describe, expect, it } from "vitest";
import { modelOf, errorOf } from "../helpers.js";

const doc = (shapes: object) => ({ smithy: "2.0", shapes });

describe("assemble", () => {
  it("rejects a dangling target with the member's position and a suggestion", () => {
    const e = errorOf(() =>
      modelOf(
        doc({
          "ex#Input": { type: "structure", members: { name: { target: "ex#Nmae" } } },
          "ex#Name": { type: "string" },
        }),
      ),
    );
    expect(e.kind).toBe("model");
    const d = e.diagnostics[0];
    expect(d.message).toBe("member shape targets an unresolved shape `ex#Nmae`. Did you mean ex#Name?");
    expect(d.eventId).toBe("Target.UnresolvedShape");
    expect(d.hint).toBe("Target ex#Name, or define ex#Nmae");
    expect(d.location).toMatchObject({ file: "a.json", line: 7, column: 9 });
  });

  it("reports every dangling reference, not only the first", () => {
    const e = errorOf(() =>
      modelOf(doc({ "ex#Op": { type: "operation", input: { target: "ex#In" }, output: { target: "ex#Out" } } })),
    );
    expect(e.diagnostics).toHaveLength(2);
  });

  it("rejects a shape defined differently in two files", () => {
    const e = errorOf(() => modelOf(doc({ "ex#S": { type: "string" } }), doc({ "ex#S": { type: "integer" } })));
    expect(e.diagnostics[0].message).toMatch(
      /^Conflicting shape definition for `ex#S` found at b\.json:\d+:\d+ and a\.json:\d+:\d+$/,
    );
  });

  it("accepts a prelude shape restated exactly, and rejects one restated differently", () => {
    const model = modelOf(
      doc({
        "smithy.api#String": { type: "string" },
        "ex#S": { type: "structure", members: { m: { target: "smithy.api#String" } } },
      }),
    );
    expect(model.shapes.get("smithy.api#String")?.prelude).toBe(true);
    const e = errorOf(() => modelOf(doc({ "smithy.api#String": { type: "integer" } })));
    expect(e.diagnostics[0].message).toBe("Shape smithy.api#String conflicts with a prelude shape");
    const traited = errorOf(() =>
      modelOf(doc({ "smithy.api#String": { type: "string", traits: { "smithy.api#sensitive": {} } } })),
    );
    expect(traited.diagnostics[0].message).toBe("Shape smithy.api#String conflicts with a prelude shape");
  });

  it("rejects shape ids that differ only in case", () => {
    const e = errorOf(() => modelOf(doc({ "ex#Thing": { type: "string" }, "ex#thing": { type: "string" } })));
    expect(e.diagnostics[0].message).toContain("conflicts case-insensitively");
  });

  it("merges files, metadata arrays and apply statements", () => {
    const model = modelOf(
      {
        smithy: "2.0",
        metadata: { list: ["a"] },
        shapes: { "ex#S": { type: "structure", members: { m: { target: "smithy.api#String" } } } },
      },
      {
        smithy: "2.0",
        metadata: { list: ["b"] },
        shapes: {
          "ex#S$m": { type: "apply", traits: { "smithy.api#required": {} } },
          "ex#S": { type: "apply", traits: { "smithy.api#documentation": "d" } },
        },
      },
    );
    expect(model.metadata.list).toEqual(["a", "b"]);
    const s = model.shapes.get("ex#S");
    expect(s?.traits["smithy.api#documentation"]).toBe("d");
    expect(s?.members[0].traits["smithy.api#required"]).toEqual({});
  });

  it("flattens mixins: inherited members first, local traits kept out", () => {
    const model = modelOf(
      doc({
        "ex#Base": {
          type: "structure",
          traits: {
            "smithy.api#mixin": { localTraits: ["smithy.api#documentation"] },
            "smithy.api#documentation": "base",
            "smithy.api#sensitive": {},
          },
          members: { id: { target: "smithy.api#String" } },
        },
        "ex#Thing": {
          type: "structure",
          mixins: [{ target: "ex#Base" }],
          members: {
            id: { target: "smithy.api#String", traits: { "smithy.api#required": {} } },
            extra: { target: "smithy.api#Integer" },
          },
        },
      }),
    );
    const thing = model.shapes.get("ex#Thing");
    expect(thing?.members.map((m) => [m.id, Object.keys(m.traits)])).toEqual([
      ["ex#Thing$id", ["smithy.api#required"]],
      ["ex#Thing$extra", []],
    ]);
    expect(Object.keys(thing?.traits ?? {})).toEqual(["smithy.api#sensitive"]);
  });

  it("rejects a mixin cycle and a target redefined by a mixin user", () => {
    const e = errorOf(() =>
      modelOf(
        doc({
          "ex#A": { type: "structure", mixins: [{ target: "ex#B" }], traits: { "smithy.api#mixin": {} }, members: {} },
          "ex#B": { type: "structure", mixins: [{ target: "ex#A" }], traits: { "smithy.api#mixin": {} }, members: {} },
        }),
      ),
    );
    expect(e.diagnostics.map((d) => `${d.shapeId}: ${d.message}`)).toEqual([
      "ex#A: Unable to resolve mixins; cycles detected between this shape and [ex#B]",
      "ex#B: Unable to resolve mixins; cycles detected between this shape and [ex#A]",
    ]);
  });

  it("rejects an unknown trait with a suggestion", () => {
    const e = errorOf(() => modelOf(doc({ "ex#S": { type: "string", traits: { "smithy.api#lenght": { min: 1 } } } })));
    expect(e.diagnostics[0]).toMatchObject({
      message: expect.stringContaining("Unable to resolve trait `smithy.api#lenght`"),
      hint: "Did you mean smithy.api#length?",
    });
  });

  it("accepts traits the model defines itself", () => {
    const model = modelOf(
      doc({
        "my.traits#flag": { type: "structure", members: {}, traits: { "smithy.api#trait": {} } },
        "ex#S": { type: "string", traits: { "my.traits#flag": {} } },
      }),
    );
    expect(model.shapes.get("ex#S")?.traits["my.traits#flag"]).toEqual({});
  });

  it("rejects conflicting trait values from apply", () => {
    const e = errorOf(() =>
      modelOf(
        doc({ "ex#S": { type: "string", traits: { "smithy.api#documentation": "a" } } }),
        doc({ "ex#S": { type: "apply", traits: { "smithy.api#documentation": "b" } } }),
      ),
    );
    expect(e.diagnostics[0].message).toContain("Conflicting `smithy.api#documentation` trait found on shape `ex#S`.");
  });

  // Both were found by the JSON AST fuzzer: they used to reach the generated code.
  it("rejects a @default its target cannot hold, naming the member", () => {
    const e = errorOf(() =>
      modelOf(
        doc({
          "ex#S": {
            type: "structure",
            members: {
              a: { target: "smithy.api#String", traits: { "smithy.api#default": 0 } },
              b: { target: "smithy.api#Integer", traits: { "smithy.api#default": 1.5 } },
              c: { target: "ex#Color", traits: { "smithy.api#default": "PURPLE" } },
              d: { target: "ex#Names", traits: { "smithy.api#default": ["x"] } },
              ok: { target: "smithy.api#Integer", traits: { "smithy.api#default": 0 } },
            },
          },
          "ex#Color": { type: "enum", members: { RED: { target: "smithy.api#Unit" } } },
          "ex#Names": { type: "list", member: { target: "smithy.api#String" } },
        }),
      ),
    );
    expect(e.diagnostics.map((d) => d.shapeId)).toEqual(["ex#S$a", "ex#S$b", "ex#S$c", "ex#S$d"]);
    expect(e.diagnostics.map((d) => d.eventId)).toEqual([
      "DefaultTrait",
      "DefaultTrait",
      "DefaultTrait",
      "DefaultTrait",
    ]);
    expect(e.diagnostics[0].message).toBe(
      "Error validating @default trait: Expected string value for string shape, `smithy.api#String`; found number value, `0`",
    );
    expect(e.diagnostics[1].message).toBe(
      "Error validating @default trait: integer shapes must not have floating point values, but found `1.5` provided for `smithy.api#Integer`",
    );
    expect(e.diagnostics[2].message).toBe(
      "Error validating @default trait: String value provided for `ex#Color` must be one of the following values: `RED`",
    );
    expect(e.diagnostics[3].message).toBe("The @default value of a list must be an empty list");
  });

  it("rejects a structure member that targets smithy.api#Unit, and accepts a union variant that does", () => {
    const e = errorOf(() =>
      modelOf(doc({ "ex#S": { type: "structure", members: { a: { target: "smithy.api#Unit" } } } })),
    );
    expect(e.diagnostics.map((d) => [d.eventId, d.shapeId, d.message])).toEqual([
      ["UnitType", "ex#S$a", "Only members of a union, enum, or intEnum can reference smithy.api#Unit"],
    ]);
    expect(() =>
      modelOf(doc({ "ex#U": { type: "union", members: { a: { target: "smithy.api#Unit" } } } })),
    ).not.toThrow();
  });

  it("rejects an error structure used as an operation's output", () => {
    const e = errorOf(() =>
      modelOf(
        doc({
          "ex#Op": { type: "operation", output: { target: "ex#Oops" } },
          "ex#Oops": { type: "structure", members: {}, traits: { "smithy.api#error": "client" } },
        }),
      ),
    );
    expect(e.diagnostics[0].message).toBe(
      "Operation output targets an invalid structure `ex#Oops` that is marked with the `error` trait.",
    );
  });
});
