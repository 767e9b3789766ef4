import { describe, expect, it } from "vitest";
import { loadJsonAst } from "../../generator/load/json-loader.js";
import { findJsonSyntaxError } from "../../generator/load/json-syntax.js";
import { errorOf } from "../helpers.js";

describe("JSON AST loader", () => {
  it("loads shapes, metadata and apply entries with absolute ids", () => {
    const text = JSON.stringify({
      smithy: "2.0",
      metadata: { tag: ["a"] },
      shapes: { "ex#S": { type: "string" }, "ex#T": { type: "apply", traits: { "smithy.api#documentation": "x" } } },
    });
    const file = loadJsonAst(text, "m.json");
    expect(file.shapes.map((s) => s.id)).toEqual(["ex#S"]);
    expect(file.applies).toEqual([
      expect.objectContaining({ target: "ex#T", traits: { "smithy.api#documentation": "x" } }),
    ]);
    expect(file.metadata.map((m) => m.key)).toEqual(["tag"]);
  });

  it("names the line and column where a truncated file ends", () => {
    const text = '{\n  "smithy": "2.0",\n  "shapes": {\n    "ex#S": {"type": "str';
    const e = errorOf(() => loadJsonAst(text, "cut.json"));
    expect(e.kind).toBe("model");
    expect(e.diagnostics[0].location).toMatchObject({ file: "cut.json", line: 4 });
    expect(e.diagnostics[0].message).toMatch(/closing quote/);
  });

  it("points at a missing comma between members", () => {
    const text = '{\n  "smithy": "2.0"\n  "shapes": {}\n}';
    const e = errorOf(() => loadJsonAst(text, "comma.json"));
    expect(e.diagnostics[0].location).toMatchObject({ line: 3, column: 3 });
    expect(e.diagnostics[0].message).toContain("expected ',' or '}'");
  });

  it("rejects an unknown shape type at the shape's position", () => {
    const text = '{\n  "smithy": "2.0",\n  "shapes": {\n    "ex#S": { "type": "strin" }\n  }\n}';
    const e = errorOf(() => loadJsonAst(text, "t.json"));
    expect(e.diagnostics[0]).toMatchObject({ shapeId: "ex#S", location: { line: 4, column: 5 } });
  });

  it("rejects relative shape ids and members without targets, all at once", () => {
    const text = JSON.stringify(
      { smithy: "2.0", shapes: { Relative: { type: "string" }, "ex#S": { type: "structure", members: { a: {} } } } },
      null,
      1,
    );
    const e = errorOf(() => loadJsonAst(text, "r.json"));
    expect(e.diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining("Invalid shape ID: Relative"),
      expect.stringContaining('Member "a"'),
    ]);
  });
});

describe("JSON syntax locator", () => {
  it.each([
    ["{}", undefined],
    ['{"a":[1,2,{"b":null}]}', undefined],
    ['{"a":1,}', 7],
    ["[1 2]", 3],
    ['{"a":"\\x"}', 7],
    ["", 0],
    ["{} x", 3],
  ])("%j -> error at %j", (text, offset) => {
    expect(findJsonSyntaxError(text)?.offset).toBe(offset);
  });

  it("handles deep nesting without overflowing the stack", () => {
    const deep = "[".repeat(100_000) + "]".repeat(99_999);
    expect(findJsonSyntaxError(deep)?.message).toMatch(/end of the file/);
  });
});
