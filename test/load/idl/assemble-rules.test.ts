/**
 * The assemble-stage rules added with the IDL parser (generator/assemble/validate/), run through
 * the real load and assemble stages.
 */
import { describe, expect, it } from "vitest";
import { AnvilError } from "../../../generator/errors.js";
import { loadSources } from "../../../generator/load/index.js";
import { assemble } from "../../../generator/assemble/index.js";
import { preludeIds } from "../../../generator/assemble/prelude.js";
import type { Model } from "../../../generator/assemble/model.js";

function build(text: string): Model {
  return assemble(loadSources([{ file: "m.smithy", text }], preludeIds()));
}

function problems(text: string): string[] {
  try {
    build(text);
  } catch (e) {
    if (e instanceof AnvilError) return e.diagnostics.map((d) => d.message);
    throw e;
  }
  throw new Error("expected the model to be rejected");
}

const v2 = (body: string) => `$version: "2"\nnamespace ex\n${body}`;

describe("assemble rules for IDL models", () => {
  it("types annotation traits by their definition: [] for lists, {} for structures", () => {
    const model = build(
      v2("@trait list marks { member: String }\n@trait structure flag {}\n@marks\n@flag\n@tags\nstring S"),
    );
    expect(model.shapes.get("ex#S")?.traits).toEqual({ "ex#marks": [], "ex#flag": {}, "smithy.api#tags": [] });
  });

  it("rejects an annotation for a trait that needs a value, and values of the wrong kind", () => {
    expect(problems(v2("@trait string label\n@trait structure flag {}\n@label\n@flag(true)\nstring S"))).toEqual([
      "Error validating trait `ex#label`: Expected string value for string shape, `ex#label`; found null value",
      "Error validating trait `ex#flag`: Expected object value for structure shape, `ex#flag`; found boolean value, `true`",
    ]);
  });

  it("gives enum members their name as value after mixins, keeping inherited values", () => {
    const model = build(v2('@mixin\nenum Base {\n  A = "a"\n}\nenum E with [Base] {\n  A\n  B\n}'));
    const members = model.shapes.get("ex#E")?.members.map((m) => [m.name, m.traits["smithy.api#enumValue"]]);
    expect(members).toEqual([
      ["A", "a"],
      ["B", "B"],
    ]);
  });

  it("rejects mixins of another shape type, operation mixins with input, and resource mixins with identifiers", () => {
    expect(problems(v2("@mixin\nstring M\nstructure S with [M] {}"))).toEqual([
      "Mixins may only be mixed into shapes of the same type. The following mixins were applied to the structure shape `ex#S` which are not structure shapes: [`ex#M`]",
    ]);
    expect(problems(v2("@mixin\noperation O { input := {} }"))).toEqual([
      "Operation shapes with the mixin trait MUST target `smithy.api#Unit` for their input and output. Operation mixin shape `ex#O` defines one or both of these properties.",
    ]);
    expect(problems(v2("@mixin\nresource R { identifiers: { id: String } }"))).toEqual([
      "Resource shapes with the mixin trait may not define any properties. Resource mixin shape `ex#R` defines one or more properties.",
    ]);
  });
});
