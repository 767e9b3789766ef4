/**
 * The UnreferencedShape validator of `metadata validators` beyond Smithy's errorfiles: what keeps
 * a shape referenced (an `@idRef` in a trait value, a trait or metadata definition, a root member's
 * container), the entry's `namespaces`, `severity` and `message`, and configurations it rejects.
 */
import { describe, expect, it } from "vitest";
import { eventLines } from "./events.js";

const validators = (entry: string, shapes: string) =>
  `$version: "2"\nmetadata validators = [${entry}]\nnamespace ex\n${shapes}`;

describe("UnreferencedShape", () => {
  it("keeps shapes named by @idRef strings in the traits of referenced shapes", () => {
    const shapes = `@trait
@idRef(failWhenMissing: true)
string points

@points("ex#Target")
service Svc {}

string Target
string Loose`;
    expect(eventLines(validators(`{ name: "UnreferencedShape" }`, shapes))).toEqual([
      "NOTE UnreferencedShape ex#Loose: This shape is unreferenced. It has no modeled connections to shapes that match the following selector: `service`",
    ]);
  });

  it("keeps trait and metadata definitions and what they reach, and walks from a root member to its container", () => {
    const shapes = `@trait
structure marker { value: Used }
string Used
@metadata(key: "level")
string Level
structure Holder { @required m: String, other: Other }
string Other
string Loose`;
    expect(
      eventLines(
        validators(`{ name: "UnreferencedShape", configuration: { rootShapeSelector: "[id|member=m]" } }`, shapes),
      ),
    ).toEqual([
      "NOTE UnreferencedShape ex#Loose: This shape is unreferenced. It has no modeled connections to shapes that match the following selector: `[id|member=m]`",
    ]);
  });

  it("applies the entry's id, severity, message and namespaces", () => {
    const entry = `{ name: "UnreferencedShape", id: "Orphan", severity: "WARNING", message: "orphan", namespaces: ["ex"] }`;
    expect(eventLines(validators(entry, "service Svc {}\nstring Loose"))).toEqual(["WARNING Orphan ex#Loose: orphan"]);
    expect(
      eventLines(validators(`{ name: "UnreferencedShape", namespaces: ["other"] }`, "service Svc {}\nstring Loose")),
    ).toEqual([]);
  });

  it("reports every shape when no shape matches the roots", () => {
    expect(eventLines(validators(`{ name: "UnreferencedShape" }`, "string A"))).toEqual([
      "NOTE UnreferencedShape ex#A: This shape is unreferenced. It has no modeled connections to shapes that match the following selector: `service`",
    ]);
  });

  it("cannot be created with an unknown configuration property or a selector anvil cannot evaluate", () => {
    expect(
      eventLines(validators(`{ name: "UnreferencedShape", configuration: { roots: "service" } }`, "string A")),
    ).toEqual([
      "ERROR Model undefined: Error creating `UnreferencedShape` validator: Expected an object with possible properties of `rootShapeSelector`, but found additional properties: `roots`",
    ]);
    expect(
      eventLines(
        validators(
          `{ name: "UnreferencedShape", configuration: { rootShapeSelector: ":topdown(service)" } }`,
          "string A",
        ),
      )[0],
    ).toMatch(
      /^ERROR Model undefined: Error creating `UnreferencedShape` validator: anvil cannot evaluate the rootShapeSelector/,
    );
  });
});

describe("MetadataTrait", () => {
  it("reports a model shape that types a key the prelude already types", () => {
    expect(eventLines(`@metadata(key: "shapeClosures")\nlist Mine { member: String }`)).toEqual([
      "ERROR MetadataTrait ex#Mine: A type has already been defined for the metadata key `shapeClosures`. Conflicts with: [smithy.api#ShapeClosures]",
    ]);
  });

  it("accepts keys typed once", () => {
    expect(eventLines(`@metadata(key: "a")\nstring A\n@metadata(key: "b")\nstring B`)).toEqual([]);
  });
});
