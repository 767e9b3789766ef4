import { describe, expect, it } from "vitest";
import { preludeFiles, preludeShapeIds, publicPreludeIds } from "../../../generator/assemble/prelude/index.js";
import type { AstShape } from "../../../generator/load/ast.js";

function byId(): Map<string, AstShape> {
  return new Map(preludeFiles().flatMap((f) => f.shapes.map((s) => [s.id, s.shape] as const)));
}

describe("anvil's Smithy prelude", () => {
  it("loads with anvil's own IDL parser, once", () => {
    const files = preludeFiles();
    expect(files.length).toBeGreaterThan(1);
    expect(preludeFiles()).toBe(files);
    for (const f of files) expect(f.version).toBe("2.0");
    expect(new Set(preludeShapeIds().map((id) => id.slice(0, id.indexOf("#"))))).toEqual(new Set(["smithy.api"]));
  });

  it("defines the simple types, the primitive defaults and Unit", () => {
    const shapes = byId();
    const simple = [
      "String",
      "Blob",
      "BigInteger",
      "BigDecimal",
      "Timestamp",
      "Document",
      "Boolean",
      "Byte",
      "Short",
      "Integer",
      "Long",
      "Float",
      "Double",
    ];
    for (const n of simple)
      expect(shapes.get(`smithy.api#${n}`)?.type, n).toBe(
        n === "BigInteger" ? "bigInteger" : n === "BigDecimal" ? "bigDecimal" : n.toLowerCase(),
      );
    expect(shapes.get("smithy.api#PrimitiveBoolean")?.traits).toEqual({
      "smithy.api#default": false,
      "smithy.api#documentation": expect.any(String),
    });
    expect(shapes.get("smithy.api#PrimitiveLong")?.traits?.["smithy.api#default"]).toBe(0);
    expect(shapes.get("smithy.api#Unit")).toMatchObject({ type: "structure", traits: { "smithy.api#unitType": {} } });
  });

  it("marks every public non-type shape as a trait", () => {
    const shapes = byId();
    const types = new Set([
      "String",
      "Blob",
      "BigInteger",
      "BigDecimal",
      "Timestamp",
      "Document",
      "Boolean",
      "Byte",
      "Short",
      "Integer",
      "Long",
      "Float",
      "Double",
      "Unit",
    ]);
    const untraited = [...shapes].filter(([id, s]) => {
      const name = id.slice(id.indexOf("#") + 1);
      return (
        !types.has(name) &&
        !name.startsWith("Primitive") &&
        s.traits?.["smithy.api#private"] === undefined &&
        s.traits?.["smithy.api#trait"] === undefined
      );
    });
    expect(untraited.map(([id]) => id)).toEqual([]);
  });

  it.each([
    ["tags", { type: "list", member: { target: "smithy.api#String" } }],
    [
      "length",
      { type: "structure", members: { min: { target: "smithy.api#Long" }, max: { target: "smithy.api#Long" } } },
    ],
    ["documentation", { type: "string" }],
    ["default", { type: "document" }],
    ["externalDocumentation", { type: "map" }],
  ])("defines smithy.api#%s with the specification's type", (name, expected) => {
    expect(byId().get(`smithy.api#${name}`)).toMatchObject(expected);
  });

  it("carries selectors, conflicts and member constraints", () => {
    const shapes = byId();
    expect(shapes.get("smithy.api#required")?.traits?.["smithy.api#trait"]).toEqual({ selector: "structure > member" });
    expect(shapes.get("smithy.api#readonly")?.traits?.["smithy.api#trait"]).toEqual({
      selector: "operation",
      conflicts: ["smithy.api#idempotent"],
    });
    expect(shapes.get("smithy.api#http")?.members?.code.traits).toEqual({
      "smithy.api#range": { min: 100, max: 999 },
      "smithy.api#default": 200,
    });
    expect(shapes.get("smithy.api#error")?.members).toEqual({
      CLIENT: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "client" } },
      SERVER: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "server" } },
    });
  });

  it("keeps private helper shapes out of the ids other namespaces may use", () => {
    const pub = new Set(publicPreludeIds());
    expect(pub.has("smithy.api#String")).toBe(true);
    expect(pub.has("smithy.api#required")).toBe(true);
    expect(pub.has("smithy.api#NonEmptyString")).toBe(false);
    expect(preludeShapeIds()).toContain("smithy.api#NonEmptyString");
  });
});

describe("the parser's list of prelude names", () => {
  it("is exactly the public prelude shapes", async () => {
    const { PUBLIC_PRELUDE_NAMES } = await import("../../../generator/load/idl/prelude-names.js");
    expect([...PUBLIC_PRELUDE_NAMES].sort()).toEqual(
      publicPreludeIds()
        .map((id) => id.slice("smithy.api#".length))
        .sort(),
    );
  });
});
