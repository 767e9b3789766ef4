/**
 * Smithy's DefaultTrait validator as anvil runs it at assembly (validate/default-values.ts).
 */
import { describe, expect, it } from "vitest";
import { eventLines } from "./events.js";

describe("DefaultTrait validator", () => {
  it("checks a default against the member's constraints and its target's (a zero breaking a @range is only a WARNING)", () => {
    const list = eventLines(`
structure S {
  @range(min: 1) a: Integer = 0
  b: MinTwo = 1
  c: Short = 40000
  d: Code = "abc"
}
@range(min: 2)
integer MinTwo
@length(min: 4) @pattern("^[A-Z]+$")
string Code`);
    expect(list).toEqual([
      "ERROR DefaultTrait.Target.InvalidRange ex#S$b: Error validating @default trait: Value provided for `ex#MinTwo` must be greater than or equal to 2, but found 1",
      "ERROR DefaultTrait ex#S$c: Error validating @default trait: short value must be < 32767, but found 40000",
      "ERROR DefaultTrait ex#S$d: Error validating @default trait: String value provided for `ex#Code` must be >= 4 characters, but the provided value is only 3 characters.",
      "ERROR DefaultTrait ex#S$d: Error validating @default trait: String value provided for `ex#Code` must match regular expression: ^[A-Z]+$",
      "WARNING DefaultTrait.Member.InvalidRange ex#S$a: Error validating @default trait: Value provided for `ex#S$a` must be greater than or equal to 1, but found 0",
    ]);
  });

  it("lists an enum's values in backticks, sorted, as Smithy does", () => {
    expect(eventLines(`structure S {\n  e: Color = "PURPLE"\n}\nenum Color {\n  RED\n  BLUE = "blue"\n}`)).toEqual([
      "ERROR DefaultTrait ex#S$e: Error validating @default trait: String value provided for `ex#Color` must be one of the following values: `RED`, `blue`",
    ]);
  });

  it("takes only empty lists and maps, scalar or empty documents, base64 blobs, and null only on members", () => {
    const list = eventLines(`
structure S {
  l: Names = ["x"]
  m: Counts = { a: 1 }
  d1: Document = [1]
  d2: Document = { a: 1 }
  d3: Document = "fine"
  b: Blob = "not base64!"
  ok: Blob = "aGk="
  gone: Integer = null
}
list Names { member: String }
map Counts { key: String, value: Integer }
@default(null)
integer NoDefault`);
    expect(list).toEqual([
      "ERROR DefaultTrait ex#S$l: The @default value of a list must be an empty list",
      "ERROR DefaultTrait ex#S$m: The @default value of a map must be an empty map",
      "ERROR DefaultTrait ex#S$d1: The @default value of a document cannot be a non-empty array",
      "ERROR DefaultTrait ex#S$d2: The @default value of a document cannot be a non-empty object",
      "ERROR DefaultTrait ex#NoDefault: The @default trait can be set to null only on members",
      "WARNING DefaultTrait ex#S$b: The @default value of a blob should be a valid base64 string.",
    ]);
  });

  it("requires structure members to repeat their target's default, or null", () => {
    const list = eventLines(`
structure S {
  same: Zero = 0
  removed: Zero = null
  other: Zero = 1
  missing: Zero
  prelude: PrimitiveBoolean
}
union U { ignored: Zero }
@default(0)
integer Zero`);
    expect(list).toEqual([
      "ERROR DefaultTrait ex#S$other: Member defines a default value that differs from the default value of the target shape, ex#Zero. The member has a default of `1`, but the target has a default of `0`.",
      "ERROR DefaultTrait ex#S$missing: Member targets ex#Zero, which requires that the member defines the same default of `0` or `null`",
      "ERROR DefaultTrait ex#S$prelude: Member targets smithy.api#PrimitiveBoolean, which requires that the member defines the same default of `false` or `null`",
      // A union member needs no default; Smithy's Union validator notes the misleading target.
      "NOTE Union ex#U$ignored: This union member targets `ex#Zero`, a shape with a default value of `0`. Note that default values are only applicable to structures and ignored in tagged unions. It is a best practice for union members to target shapes with no default value (for example, instead of targeting PrimitiveInteger, target Integer).",
    ]);
  });

  it("rejects defaults on members of lists, maps and unions, and on members targeting structures (TraitTarget)", () => {
    const member = (target: string, value: unknown) => ({ target, traits: { "smithy.api#default": value } });
    const list = eventLines({
      smithy: "2.0",
      shapes: {
        "ex#L": { type: "list", member: member("smithy.api#String", "hi") },
        "ex#U": { type: "union", members: { a: member("smithy.api#String", "hi") } },
        "ex#S": {
          type: "structure",
          members: { inner: member("ex#Inner", {}), fine: member("smithy.api#String", "hi") },
        },
        "ex#Inner": { type: "structure", members: {} },
      },
    });
    const selector = ":is(simpleType, list, map, structure > member :test(> :is(simpleType, list, map)))";
    expect(list).toEqual(
      ["ex#L$member", "ex#U$a", "ex#S$inner"].map(
        (id) =>
          `ERROR TraitTarget ${id}: Trait \`default\` cannot be applied to \`${id}\`. This trait may only be applied to shapes that match the following selector: ${selector}`,
      ),
    );
  });
});
