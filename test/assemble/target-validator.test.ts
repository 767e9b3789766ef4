/**
 * Smithy's TargetValidator as anvil runs it at assembly (assemble/targets.ts), beyond the
 * errorfiles: what it accepts, the hints anvil adds, and that its ERRORs stop the validators.
 */
import { describe, expect, it } from "vitest";
import { eventLines, modelEvents } from "./events.js";

describe("Target validator", () => {
  it("accepts enum map keys and identifiers, and members targeting Unit inside unions", () => {
    const body = `
      enum Color { RED }
      map ByColor { key: Color, value: String }
      resource Paint { identifiers: { color: Color } }
      union Choice { none: Unit, some: ByColor }
    `;
    expect(eventLines(body)).toEqual([]);
  });

  it("stops the trait validators on a Target ERROR, as Smithy's critical validators do", () => {
    const broken = `
      structure S {
        @length(min: 5, max: 1)
        name: String
        other: Missing
      }
    `;
    expect(eventLines(broken)).toEqual([
      "ERROR Target.UnresolvedShape ex#S$other: member shape targets an unresolved shape `ex#Missing`",
    ]);
    // Without the dangling target the LengthTrait validator runs.
    expect(eventLines(broken.replace("other: Missing", "")).some((l) => l.startsWith("ERROR LengthTrait"))).toBe(true);
  });

  it("hints at a shape of the same name in another namespace when Smithy's suggestion finds none", () => {
    const [event] = modelEvents({
      smithy: "2.0",
      shapes: {
        "ex#S": { type: "structure", members: { m: { target: "ex#Widget" } } },
        "other.ns#Widget": { type: "string" },
      },
    });
    expect(event?.message).toBe("member shape targets an unresolved shape `ex#Widget`");
    expect(event?.hint).toBe("Did you mean other.ns#Widget?");
    expect(event?.location).toMatchObject({ file: "a.json" });
  });

  it("words unresolved relationships with Smithy's article and shape type", () => {
    const lines = eventLines(`
      resource R { identifiers: { id: String }, collectionOperations: [Nope], put: Gone }
      operation O { input: Absent }
    `);
    expect(lines).toEqual([
      "ERROR Target.UnresolvedShape ex#R: resource shape has a `put` relationship to an unresolved shape `ex#Gone`",
      "ERROR Target.UnresolvedShape ex#R: resource shape has a `collection_operation` relationship to an unresolved shape `ex#Nope`",
      "ERROR Target.UnresolvedShape ex#O: operation shape has an `input` relationship to an unresolved shape `ex#Absent`",
    ]);
  });

  it("rejects a put lifecycle or a collection operation that is not an operation (Smithy leaves both to later validators)", () => {
    const lines = eventLines(`
      resource R { identifiers: { id: String }, put: Thing, collectionOperations: [Thing] }
      structure Thing {}
    `);
    expect(lines).toEqual([
      "ERROR Target ex#R: Resource put lifecycle operation must target an operation, but found (structure: `ex#Thing`)",
      "ERROR Target ex#R: resource shape `collection_operation` relationships must target a operation shape, but found (structure: `ex#Thing`)",
    ]);
  });

  it("names a mixin or trait definition used as an operation's input", () => {
    const lines = eventLines(`
      @mixin
      structure Base {}
      @trait
      structure marker {}
      operation A { input: Base }
      operation B { output: marker }
    `);
    expect(lines).toEqual([
      "ERROR Target ex#A: Illegal INPUT reference to mixin `ex#Base`; shapes marked with the mixin trait can only be referenced to apply them as a mixin.",
      "ERROR Target ex#B: Found a OUTPUT reference to trait definition `ex#marker`. Trait definitions cannot be targeted by members or referenced by shapes in any other context other than applying them as traits.",
    ]);
  });
});
