/**
 * `metadata shapeClosures` beyond Smithy's errorfiles: closures that are fine give no event (a
 * selector reaching outside the closure's namespaces counts as matching), a closure's contents
 * follow its roots' relationships, a selector anvil cannot evaluate leaves the closure unchecked,
 * and malformed entries are TypedMetadata's alone.
 */
import { describe, expect, it } from "vitest";
import { AnvilError } from "../../generator/errors.js";
import { loadSources } from "../../generator/load/index.js";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";
import { brief, eventLines } from "./events.js";

const closures = (entries: string, shapes: string) =>
  `$version: "2"\nmetadata shapeClosures = [${entries}]\nnamespace ex\n${shapes}`;

describe("shape closures", () => {
  it("accepts a closure of a namespace with a selector reaching another namespace and a rename", () => {
    const model = `${closures(`{ id: "ex#All", includeNamespaces: ["ex"], includeBySelector: "[id|namespace=other]", rename: { "ex#Widget": "ExWidget" } }`, "structure Widget {}")}\n`;
    const other = `{"smithy":"2.0","shapes":{"other#Widget":{"type":"structure"}}}`;
    expect(eventLinesOf(model, other)).toEqual([]);
  });

  it("follows relationships from the roots: a shape the closure reaches may be renamed", () => {
    expect(
      eventLines(
        closures(
          `{ id: "ex#Ops", includeBySelector: "operation", rename: { "ex#Thing": "Item" } }`,
          "operation GetThing { output := { thing: Thing } }\nstructure Thing {}\nstructure Unrelated {}",
        ),
      ),
    ).toEqual([]);
    expect(
      eventLines(
        closures(
          `{ id: "ex#Ops", includeBySelector: "operation", rename: { "ex#Unrelated": "Item" } }`,
          "operation GetThing {}\nstructure Unrelated {}",
        ),
      ),
    ).toEqual([
      "ERROR ShapeClosure undefined: Shape closure `ex#Ops` attempts to rename `ex#Unrelated`, which is not in the closure.",
    ]);
  });

  it("leaves a closure whose selector anvil cannot evaluate unchecked", () => {
    expect(
      eventLines(
        closures(`{ id: "ex#C", includeBySelector: ":topdown(structure)", rename: { "ex#S": "T" } }`, "structure S {}"),
      ),
    ).toEqual([]);
  });

  it("leaves a malformed entry to TypedMetadata", () => {
    const lines = eventLines(closures(`{ id: "ex#C", includeNamespaces: [1] }`, "structure S {}"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^ERROR TypedMetadata\.shapeClosures undefined: metadata\.shapeClosures\.0\.includeNamespaces\.0: /,
    );
  });
});

/** Events of an IDL file and a JSON AST file assembled together. */
function eventLinesOf(idl: string, json: string): string[] {
  const sources = [
    { file: "a.smithy", text: idl },
    { file: "b.json", text: json },
  ];
  try {
    return (assemble(loadSources(sources, preludeIds())).warnings ?? []).map(brief);
  } catch (e) {
    if (e instanceof AnvilError) return [...e.diagnostics, ...e.warnings].map(brief);
    throw e;
  }
}
