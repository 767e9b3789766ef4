import { describe, expect, it } from "vitest";
import { AnvilError } from "../../../generator/errors.js";
import { parseIdl } from "../../../generator/load/idl/index.js";
import { MAX_NODE_DEPTH } from "../../../generator/load/idl/node-parser.js";
import { brief, errorsOf, load, v2 } from "./helpers.js";

describe("IDL errors", () => {
  it("are AnvilErrors of kind model, with file, line, column and a hint", () => {
    let error: unknown;
    try {
      parseIdl('$version: "2"\nnamespace ex\nstructure S {\n    a String\n}', "model/s.smithy");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AnvilError);
    const e = error as AnvilError;
    expect(e.kind).toBe("model");
    expect(e.diagnostics).toEqual([
      {
        message: "Expected COLON(':') but found IDENTIFIER('String')",
        location: { file: "model/s.smithy", line: 4, column: 7 },
        hint: "A member is written `name: Target`",
      },
    ]);
    expect(e.message).toBe("model/s.smithy:4:7: Expected COLON(':') but found IDENTIFIER('String')");
  });

  it("reports every bad statement, resuming at the next top-level statement", () => {
    const diagnostics = errorsOf(
      v2(`structure A {
    a: String
    b Integer
}

string B C

structure C {}

enum D { X = 1
}
`),
    );
    expect(brief(diagnostics)).toEqual([
      "6:7 Expected COLON(':') but found IDENTIFIER('Integer')",
      "9:10 Expected a line break, but found IDENTIFIER('C')",
      "13:14 enum members can only be assigned string values, but found: 1",
    ]);
  });

  it.each([
    [
      "an unknown shape type, with a suggestion",
      "strucutre S {}",
      "Unknown shape type: strucutre",
      "Did you mean `structure`?",
    ],
    [
      "a use statement after shapes",
      "string A\nuse other#B",
      "Unknown shape type: use",
      "`use` statements must come right after the namespace statement, before any shape",
    ],
    [
      "an unknown operation property",
      "operation O { inptu: Unit }",
      "Unknown property inptu for ex#O",
      "Did you mean `input`?",
    ],
    [
      "an unknown service property",
      'service S { version: "1", operatoins: [] }',
      "Unknown property `operatoins` for service `ex#S`",
      "Did you mean `operations`? ",
    ],
  ])("explains %s", (_what, body, message, hint) => {
    const [d] = errorsOf(v2(body));
    expect(d.message).toBe(message);
    expect(d.hint).toBe(hint);
  });

  it("rejects a shape before the namespace statement, naming what it found", () => {
    expect(brief(errorsOf('$version: "2"\nstring A'))).toEqual([
      "2:1 Expected a namespace definition but found IDENTIFIER('string')",
    ]);
  });

  it("rejects duplicate members and duplicate object keys", () => {
    expect(brief(errorsOf(v2("structure S {\n  a: String\n  a: Integer\n}")))).toEqual([
      "6:3 Duplicate member of `ex#S`: 'a'",
    ]);
    expect(brief(errorsOf(v2('@deprecated(message: "a", message: "b")\nstring S')))).toEqual([
      "4:27 Duplicate member of trait: 'message'",
    ]);
  });

  it("checks list and map members as Smithy's shape builder does: loading goes on, without the shapes left unbuilt", () => {
    const file = load(
      v2("list L { foo: String }\nmap M { key: String }\nlist Ok { member: String, extra: String }\nenum E {}"),
    );
    expect(brief(file.errors ?? [])).toEqual([
      "4:10 List shapes may only have a `member` member, but found `foo`",
      "4:1 Missing required member of shape `ex#L`: member",
      "5:1 Missing required member of shape `ex#M`: value",
      "6:27 List shapes may only have a `member` member, but found `extra`",
      "7:1 enum must have at least one entry",
    ]);
    // A shape without its required members is not built; one with an extra member keeps the rest.
    expect(file.shapes.map((s) => s.id)).toEqual(["ex#Ok"]);
  });

  it("warns about documentation comments that document nothing, as Smithy does, and not about those that document", () => {
    const text = v2(
      "/// Docs of A.\nstructure A {\n    @required\n    /// After a trait.\n    a: String\n    /// Dangling.\n}\n\noperation O {\n    input\n        /// Before the walrus: dropped silently.\n        := {}\n}\n/// At the end.\n",
    );
    const file = load(text);
    expect(
      (file.warnings ?? []).map(
        (w) => `${w.severity} ${w.eventId} ${w.message.replace(/^.*The invalid comments were: /, "")}`,
      ),
    ).toEqual([
      "WARNING Model.BadDocumentationComment After a trait.",
      "WARNING Model.BadDocumentationComment Dangling.",
      "WARNING Model.BadDocumentationComment At the end.",
    ]);
    expect(file.shapes.find((s) => s.id === "ex#A")?.shape.traits?.["smithy.api#documentation"]).toBe("Docs of A.");
  });

  it("reports shape errors with the syntax errors when a file has both", () => {
    expect(errorsOf(v2("list L {}\nstructure S { a: }")).map((d) => d.message)).toContain(
      "Missing required member of shape `ex#L`: member",
    );
  });

  it.each([
    [
      "mixins",
      "namespace ex\nstring A with [B]",
      "Mixins can only be used with Smithy version 2 or later. Attempted to use mixins with version `1.0`.",
    ],
    [
      "inline input",
      "namespace ex\noperation O { input := {} }",
      "Inlined operation inputs and outputs can only be used with Smithy version 2 or later. Attempted to use inlined IO with version `1.0`.",
    ],
    [
      "default values",
      'namespace ex\nstructure S { a: String = "" }',
      "@default assignment is only supported in IDL version 2 or later",
    ],
    ["elided members", "namespace ex\nstructure S { $a }", "Members can only elide targets in IDL version 2 or later"],
    ["enum shapes", "namespace ex\nenum E { A }", "enum shapes cannot be used in Smithy version 1.0"],
    [
      "@mixin",
      "namespace ex\n@mixin\nstructure S {}",
      "Mixins can only be used in Smithy 2.0 or later. Attempted to apply a @mixin trait to `ex#S` in a model file using version `1.0`.",
    ],
  ])("rejects Smithy 2.0 %s in a 1.0 file", (_what, text, message) => {
    expect(errorsOf(text).map((d) => d.message)).toContain(message);
  });

  it("rejects set shapes in a 2.0 file", () => {
    expect(errorsOf(v2("set S { member: String }"))[0].hint).toBe("Use a list shape with the @uniqueItems trait");
  });

  it("rejects an unsupported $version", () => {
    expect(brief(errorsOf('$version: "3"\nnamespace ex'))).toEqual(["1:11 Unsupported Smithy version number: 3"]);
  });

  it("stops deeply nested node values with a clear error instead of overflowing the stack", () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const [d] = errorsOf(`metadata x = ${deep}\n`);
    expect(d.message).toBe(`Node value nested more than ${MAX_NODE_DEPTH} levels deep`);
    expect(d.location?.line).toBe(1);
    const ok = `${"[".repeat(MAX_NODE_DEPTH)}${"]".repeat(MAX_NODE_DEPTH)}`;
    expect(() => parseIdl(`metadata x = ${ok}\n`, "ok.smithy")).not.toThrow();
  });

  it("reports an unclosed string at the end of the file", () => {
    expect(brief(errorsOf(v2('@documentation("abc)\nstring S\n')))).toEqual([`6:1 Expected: '"', but found '[EOF]'`]);
  });
});
