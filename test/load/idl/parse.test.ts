import { describe, expect, it } from "vitest";
import { isAnnotationValue } from "../../../generator/load/idl/annotation.js";
import { parseIdl } from "../../../generator/load/idl/index.js";
import { brief, errorsOf, load, shapesOf, v2 } from "./helpers.js";

describe("IDL parser: shapes", () => {
  it("reads every simple shape type with absolute ids", () => {
    const types = [
      "blob",
      "boolean",
      "document",
      "string",
      "byte",
      "short",
      "integer",
      "long",
      "float",
      "double",
      "bigInteger",
      "bigDecimal",
      "timestamp",
    ];
    const shapes = shapesOf(v2(types.map((t, i) => `${t} S${i}`).join("\n")));
    expect(Object.entries(shapes).map(([id, s]) => `${id} ${s.type}`)).toEqual(types.map((t, i) => `ex#S${i} ${t}`));
  });

  it("reads structures with members in model order, default sugar and traits", () => {
    const shapes = shapesOf(
      v2(`structure Foo {
    @required
    b: String = "x"
    a: Integer,
    c: Bar
}
list Bar { member: Foo }`),
    );
    expect(shapes["ex#Foo"]).toEqual({
      type: "structure",
      members: {
        b: { target: "smithy.api#String", traits: { "smithy.api#required": {}, "smithy.api#default": "x" } },
        a: { target: "smithy.api#Integer" },
        c: { target: "ex#Bar" },
      },
    });
    expect(Object.keys(shapes["ex#Foo"].members ?? {})).toEqual(["b", "a", "c"]);
    expect(shapes["ex#Bar"]).toEqual({ type: "list", member: { target: "ex#Foo" } });
  });

  it("reads maps, unions, and a set in a 1.0 file", () => {
    expect(shapesOf(v2("map M { key: String, value: Integer }\nunion U { a: String b: Integer }"))).toEqual({
      "ex#M": { type: "map", key: { target: "smithy.api#String" }, value: { target: "smithy.api#Integer" } },
      "ex#U": { type: "union", members: { a: { target: "smithy.api#String" }, b: { target: "smithy.api#Integer" } } },
    });
    expect(shapesOf("namespace ex\nset S { member: String }")).toEqual({
      "ex#S": { type: "set", member: { target: "smithy.api#String" } },
    });
  });

  it("gives enum members without a value their name, and keeps intEnum values", () => {
    const shapes = shapesOf(v2('enum E { A\n B = "b"\n @enumValue("c") C }\nintEnum I {\n ONE = 1\n TWO = 2\n}'));
    expect(shapes["ex#E"].members).toEqual({
      A: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "A" } },
      B: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "b" } },
      C: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "c" } },
    });
    expect(shapes["ex#I"].members?.TWO).toEqual({ target: "smithy.api#Unit", traits: { "smithy.api#enumValue": 2 } });
  });

  it("reads operations with inline input and output, adding @input/@output and the default suffixes", () => {
    const shapes = shapesOf(
      v2(`operation Get {
    input := @sensitive { id: String }
    output := with [Base] {}
    errors: [Oops]
}
@mixin
structure Base { n: String }
@error("client")
structure Oops {}`),
    );
    expect(shapes["ex#Get"]).toEqual({
      type: "operation",
      input: { target: "ex#GetInput" },
      output: { target: "ex#GetOutput" },
      errors: [{ target: "ex#Oops" }],
    });
    expect(shapes["ex#GetInput"].traits).toEqual({ "smithy.api#sensitive": {}, "smithy.api#input": {} });
    expect(shapes["ex#GetOutput"]).toEqual({
      type: "structure",
      mixins: [{ target: "ex#Base" }],
      members: {},
      traits: { "smithy.api#output": {} },
    });
  });

  it("uses the $operationInputSuffix and $operationOutputSuffix control statements", () => {
    const file = load(
      '$version: "2"\n$operationInputSuffix: "Request"\n$operationOutputSuffix: "Response"\nnamespace ex\noperation Op { input := {}, output := {} }',
    );
    expect(file.shapes.map((s) => s.id)).toEqual(["ex#OpRequest", "ex#OpResponse", "ex#Op"]);
  });

  it("reads services and resources with all their properties", () => {
    const shapes = shapesOf(
      v2(`service S {
    version: "2020-01-01"
    operations: [Op]
    resources: [R]
    errors: [E]
    rename: { "other#Thing": "OtherThing" }
}
resource R {
    identifiers: { id: String }
    properties: { name: String }
    create: Op, put: Op, read: Op, update: Op, delete: Op, list: Op
    operations: [Op], collectionOperations: [Op], resources: []
}
operation Op {}
structure E {}`),
    );
    const ref = (t: string) => ({ target: t });
    expect(shapes["ex#S"]).toEqual({
      type: "service",
      version: "2020-01-01",
      operations: [ref("ex#Op")],
      resources: [ref("ex#R")],
      errors: [ref("ex#E")],
      rename: { "other#Thing": "OtherThing" },
    });
    expect(shapes["ex#R"]).toEqual({
      type: "resource",
      identifiers: { id: ref("smithy.api#String") },
      properties: { name: ref("smithy.api#String") },
      create: ref("ex#Op"),
      put: ref("ex#Op"),
      read: ref("ex#Op"),
      update: ref("ex#Op"),
      delete: ref("ex#Op"),
      list: ref("ex#Op"),
      operations: [ref("ex#Op")],
      collectionOperations: [ref("ex#Op")],
      resources: [],
    });
  });

  it("marks elided members and records the `for` resource", () => {
    const file = load(
      v2(
        "resource R { identifiers: { id: String } }\n@mixin structure M { x: Integer }\nstructure S for R with [M] { $id\n @required $x }",
      ),
    );
    const s = file.shapes.find((d) => d.id === "ex#S");
    expect(s?.forResource).toBe("ex#R");
    expect(s?.shape.members).toEqual({
      id: { elided: true },
      x: { elided: true, traits: { "smithy.api#required": {} } },
    });
  });

  it("accepts `__proto__` and other Object.prototype names as member names", () => {
    const shapes = shapesOf(v2("structure S { __proto__: String\n constructor: String\n toString: String }"));
    expect(Object.keys(shapes["ex#S"].members ?? {})).toEqual(["__proto__", "constructor", "toString"]);
    expect(Object.getPrototypeOf(shapes["ex#S"].members)).toBe(Object.prototype);
  });

  it("records where every shape and member was written", () => {
    const file = load(v2("\n@tags([])\nstructure S {\n    a: String\n\n    @required\n    b: String\n}"));
    const s = file.shapes[0];
    expect([s.location.line, s.location.column]).toEqual([6, 1]);
    expect(Object.entries(s.memberLocations ?? {}).map(([n, l]) => `${n}@${l.line}:${l.column}`)).toEqual([
      "a@7:5",
      "b@10:5",
    ]);
  });
});

describe("IDL parser: shape id resolution", () => {
  it("resolves use statements first, then the namespace (in any file), then the prelude", () => {
    const shapes = shapesOf(
      v2(`
structure S {
    a: Widget      // use statement
    b: Local       // defined in this namespace, in another file
    c: String      // prelude
    d: Nowhere     // unresolved: stays in the namespace
    e: Integer     // this namespace shadows the prelude
}`).replace("namespace ex\n", "namespace ex\nuse other#Widget\n"),
      ["ex#Local", "ex#Integer"],
    );
    expect(Object.values(shapes["ex#S"].members ?? {}).map((m) => m.target)).toEqual([
      "other#Widget",
      "ex#Local",
      "smithy.api#String",
      "ex#Nowhere",
      "ex#Integer",
    ]);
  });

  it("resolves trait ids the same way", () => {
    const shapes = shapesOf(v2("@deprecated\n@other#mark\nstring A\n@trait structure deprecated {}"));
    expect(shapes["ex#A"].traits).toEqual({ "ex#deprecated": {}, "other#mark": {} });
  });

  it("resolves a trait named like a prelude trait to the namespace's shape when another file defines it", () => {
    const shapes = shapesOf(v2("@deprecated\n@smithy.api#deprecated\n@required\nstring A"), ["ex#deprecated"]);
    expect(shapes["ex#A"].traits).toEqual({
      "ex#deprecated": {},
      "smithy.api#deprecated": {},
      "smithy.api#required": {},
    });
  });

  it("resolves a relative trait id to the namespace when the prelude does not define it", () => {
    const pending = parseIdl(v2("@required\nstring A"), "t.smithy");
    const file = pending.finish((id) => id === "ex#A");
    expect(file.shapes[0].shape.traits).toEqual({ "ex#required": {} });
  });

  it("resolves unquoted node values as shape ids (members too), but not object keys", () => {
    const shapes = shapesOf(
      v2(
        "@trait string link\n@link(S$id)\n@tags([String])\nstructure S { id: String }\n@references([{ resource: S }]) string R",
      ),
    );
    expect(shapes["ex#S"].traits).toEqual({ "ex#link": "ex#S$id", "smithy.api#tags": ["smithy.api#String"] });
    expect(shapes["ex#R"].traits).toEqual({ "smithy.api#references": [{ resource: "ex#S" }] });
  });

  it("resolves metadata values against the prelude only (they come before the namespace)", () => {
    const file = load("metadata a = String\nmetadata b = { String: [true, null, 1.5] }\nnamespace ex\nstring String");
    expect(file.metadata.map((m) => [m.key, m.value])).toEqual([
      ["a", "smithy.api#String"],
      ["b", { String: [true, null, 1.5] }],
    ]);
  });

  it("rejects an unquoted value that names no shape, suggesting quotes", () => {
    const [d] = errorsOf(v2("@documentation(Hello)\nstring S"));
    expect(d.message).toBe(
      "Syntactic shape ID `Hello` does not resolve to a valid shape ID: `ex#Hello`. Did you mean to quote this string? Are you missing a model file?",
    );
    expect([d.location?.line, d.location?.column]).toEqual([4, 16]);
    expect(d.hint).toMatch(/quote/);
  });
});

describe("IDL parser: traits", () => {
  it("marks annotation traits (`@x` and `@x()`) so the assemble stage can type them", () => {
    const shapes = shapesOf(v2("@sensitive\n@tags()\nstring A\n@deprecated({})\nstring B"));
    const a = shapes["ex#A"].traits ?? {};
    expect(a).toEqual({ "smithy.api#sensitive": {}, "smithy.api#tags": {} });
    expect(isAnnotationValue(a["smithy.api#sensitive"])).toBe(true);
    expect(isAnnotationValue(a["smithy.api#tags"])).toBe(true);
    expect(isAnnotationValue(shapes["ex#B"].traits?.["smithy.api#deprecated"])).toBe(false);
    expect(JSON.stringify(a)).toBe('{"smithy.api#sensitive":{},"smithy.api#tags":{}}');
  });

  it("reads structured trait sugar, list values and every node value form", () => {
    const shapes = shapesOf(
      v2(`@length(min: 1, max: 10)
@tags(["a", "b",])
@documentation("""
    Multi
      line
    """)
@externalDocumentation("Home Page": "https://example.com", other: "x")
string A
@range(min: -1.5e2)
@default(null)
@deprecated(message: "m" since: "1")
integer B`),
    );
    expect(shapes["ex#A"].traits).toEqual({
      "smithy.api#length": { min: 1, max: 10 },
      "smithy.api#tags": ["a", "b"],
      "smithy.api#documentation": "Multi\n  line\n",
      "smithy.api#externalDocumentation": { "Home Page": "https://example.com", other: "x" },
    });
    expect(shapes["ex#B"].traits).toEqual({
      "smithy.api#range": { min: -150 },
      "smithy.api#default": null,
      "smithy.api#deprecated": { message: "m", since: "1" },
    });
  });

  it("turns /// comments before a shape's traits into documentation, and ignores misplaced ones", () => {
    const shapes = shapesOf(
      v2(`/// First line
///
///  indented
@sensitive
/// ignored: after a trait
string A

/// ignored: before apply
apply A @deprecated

structure S {
    /// member docs
    m: String /// ignored: same line
}`),
    );
    expect(shapes["ex#A"].traits?.["smithy.api#documentation"]).toBe("First line\n\n indented");
    expect(shapes["ex#S"].members?.m.traits).toEqual({ "smithy.api#documentation": "member docs" });
  });

  it("keeps a trait written twice with the same value once, and hands a different value to the assemble stage as an apply", () => {
    const file = load(v2('@tags(["a"])\n@tags(["a"])\n@documentation("x")\n@documentation("y")\nstring A'));
    expect(file.shapes[0].shape.traits).toEqual({ "smithy.api#tags": ["a"], "smithy.api#documentation": "x" });
    expect(file.applies.map((a) => [a.target, a.traits])).toEqual([["ex#A", { "smithy.api#documentation": "y" }]]);
  });

  it("reads apply statements, single and block, on shapes and members", () => {
    const file = load(
      v2(
        'structure S { a: String }\napply S @deprecated\napply S$a {\n  @documentation("d")\n  @sensitive\n}\napply S {}',
      ),
    );
    expect(file.applies.map((a) => [a.target, a.traits])).toEqual([
      ["ex#S", { "smithy.api#deprecated": {} }],
      ["ex#S$a", { "smithy.api#documentation": "d", "smithy.api#sensitive": {} }],
      ["ex#S", {}],
    ]);
  });
});

describe("IDL parser: syntax around whitespace", () => {
  it("treats commas as whitespace and accepts comments anywhere", () => {
    const shapes = shapesOf(`$version: "2" // c
namespace ex // c
,,,
structure S { // c
    a: String, // c
    ,b: String // c
    @tags([ // c
        "x" // c
    ])
    c: String
}`);
    expect(Object.keys(shapes["ex#S"].members ?? {})).toEqual(["a", "b", "c"]);
    expect(shapes["ex#S"].members?.c.traits).toEqual({ "smithy.api#tags": ["x"] });
  });

  it("tolerates unknown control statements and reads $version", () => {
    expect(load('$version: "1.0"\n$foo: ["bar"]\nnamespace ex\nstring S').version).toBe("1.0");
    expect(load('$version: "2"\nnamespace ex').version).toBe("2.0");
    expect(load("namespace ex").version).toBe("1.0");
  });

  it.each([
    ["a shape type and its name on different lines", "string\nFoo", "Expected SPACE(' ') but found NEWLINE('\\n')"],
    ["two statements on one line", "string A string B", "Expected a line break, but found IDENTIFIER('string')"],
    ["`with` on the next line of a simple shape", "string A\n    with [B]", "Unknown shape type: with"],
    [
      "a newline before a default value",
      'structure S {\n  a: String =\n  "x"\n}',
      "Expected one of STRING('\"'), TEXT_BLOCK('\"\"\"'), NUMBER, IDENTIFIER, LBRACE('{'), LBRACKET('['); but found NEWLINE('\\n')",
    ],
    [
      "a missing space after apply's target",
      "apply Foo{ @sensitive }",
      "Expected one or more whitespace characters, but found LBRACE('{')",
    ],
  ])("rejects %s", (_what, body, message) => {
    expect(errorsOf(v2(body)).map((d) => d.message)).toContain(message);
  });

  it("reads the same model from CRLF line endings", () => {
    const text = v2('/// Doc\n@documentation("""\n    a\n    b\n    """)\nstructure S {\n    a: String\n}');
    expect(shapesOf(text.replace(/\n/g, "\r\n"))).toEqual(shapesOf(text));
  });

  it("counts a lone carriage return as a line break, in comments too", () => {
    const file = load('$version: "2"\rnamespace ex\r// comment\r/// Doc\rstructure S {\r    a: String\r}');
    expect(file.shapes[0].shape.traits).toEqual({ "smithy.api#documentation": "Doc" });
    expect(file.shapes[0].location.line).toBe(5);
    expect(file.shapes[0].memberLocations?.a).toMatchObject({ line: 6, column: 5 });
  });

  it("reports positions on the right line after CRLF line endings", () => {
    expect(brief(errorsOf('$version: "2"\r\nnamespace ex\r\n\r\nstring A string B'))).toEqual([
      "4:10 Expected a line break, but found IDENTIFIER('string')",
    ]);
  });
});

describe("IDL parser: inline structures", () => {
  it("accepts `for` before or after the mixins of an inline input", () => {
    const text = (io: string) =>
      v2(
        `resource R { identifiers: { id: String } }\n@mixin structure M { n: String }\noperation Op {\n    input := ${io} { $id }\n}`,
      );
    for (const io of ["for R with [M]", "with [M] for R"]) {
      const input = load(text(io)).shapes.find((s) => s.id === "ex#OpInput");
      expect(input?.forResource).toBe("ex#R");
      expect(input?.shape.mixins).toEqual([{ target: "ex#M" }]);
    }
  });
});
