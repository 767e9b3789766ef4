/**
 * Smithy's TypedMetadataValidator as anvil runs it at assembly (validate/typed-metadata.ts).
 */
import { describe, expect, it } from "vitest";
import { eventLines } from "./events.js";

describe("TypedMetadata validator", () => {
  it("checks a metadata value against the shape marked @metadata with its key, with the path in the message", () => {
    const list = eventLines(`$version: "2"
metadata audit = [{ level: "MID" }, { namespace: "a", level: "LOW" }]
namespace ex
@metadata(key: "audit")
list Audit { member: Entry }
structure Entry {
  @required
  namespace: String
  @required
  level: Level
}
enum Level {
  LOW
  HIGH
}`);
    expect(list).toEqual([
      "ERROR TypedMetadata.audit undefined: metadata.audit.0.level: String value provided for `ex#Level` must be one of the following values: `HIGH`, `LOW`",
      "ERROR TypedMetadata.audit undefined: metadata.audit.0: Missing required structure member `namespace` for `ex#Entry`",
    ]);
  });

  it("leaves a key typed by two shapes (MetadataTrait's error), and a key the model does not set, unchecked", () => {
    expect(
      eventLines(
        `$version: "2"\nmetadata k = true\nnamespace ex\n@metadata(key: "k")\nstring A\n@metadata(key: "k")\ninteger B\n@metadata(key: "unset")\nstring C`,
      ),
    ).toEqual([
      "ERROR MetadataTrait ex#A: A type has already been defined for the metadata key `k`. Conflicts with: [ex#B]",
      "ERROR MetadataTrait ex#B: A type has already been defined for the metadata key `k`. Conflicts with: [ex#A]",
    ]);
  });

  it("types the prelude's shapeClosures metadata", () => {
    expect(
      eventLines(
        `$version: "2"\nmetadata shapeClosures = [{ id: "ex#Closure", includeNamespaces: ["ex"], includeBySelector: "" }]\nnamespace ex\nstring A`,
      ),
    ).toEqual([
      "ERROR TypedMetadata.shapeClosures undefined: metadata.shapeClosures.0.includeBySelector: String value provided for `smithy.api#ShapeClosure$includeBySelector` must be >= 1 characters, but the provided value is only 0 characters.",
    ]);
  });
});
