/**
 * `metadata validators` (EmitEachSelector, EmitNoneSelector, unknown names), suppressions (the
 * `@suppress` trait and `metadata suppressions`) and `metadata severityOverrides`, as Smithy
 * applies them (validate/metadata-validators.ts, validate/suppressions.ts).
 */
import { describe, expect, it } from "vitest";
import { AnvilError, type Diagnostic } from "../../generator/errors.js";
import { loadSources } from "../../generator/load/index.js";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";

function events(text: string): string[] {
  let list: Diagnostic[];
  try {
    list = assemble(loadSources([{ file: "a.smithy", text: `$version: "2"\n${text}` }], preludeIds())).warnings ?? [];
  } catch (e) {
    if (!(e instanceof AnvilError)) throw e;
    list = [...e.diagnostics, ...e.warnings];
  }
  return list.map((d) => `${d.severity ?? "ERROR"} ${d.eventId} ${d.shapeId ?? "-"}: ${d.message}`).sort();
}

describe("metadata validators, suppressions and severity overrides", () => {
  it("emits an event per shape an EmitEachSelector matches, DANGER unless told otherwise", () => {
    expect(
      events(`metadata validators = [
  { name: "EmitEachSelector", id: "NoLists", message: "No lists", configuration: { selector: "list" } }
  { name: "EmitEachSelector", id: "Docs", severity: "NOTE", configuration: { selector: "[trait|documentation]" } }
]
namespace ex
list L { member: String }
/// Documented.
string S`),
    ).toEqual([
      "DANGER NoLists ex#L: No lists",
      "NOTE Docs ex#S: Selector capture matched selector: [trait|documentation]",
    ]);
  });

  it("emits one event when an EmitNoneSelector matches nothing, and none when it matches", () => {
    const meta = `metadata validators = [{ name: "EmitNoneSelector", id: "NeedsDocs", configuration: { selector: "[trait|documentation]" } }]\nnamespace ex\n`;
    expect(events(`${meta}string S`)).toEqual([
      "DANGER NeedsDocs -: Expected at least one shape to match selector: [trait|documentation]",
    ]);
    expect(events(`${meta}/// Doc.\nstring S`)).toEqual([]);
  });

  it("warns about an unknown validator and rejects one without a selector, without crashing", () => {
    expect(
      events(
        `metadata validators = [{ name: "NoSuchValidator" }, { name: "EmitEachSelector", id: "X" }]\nnamespace ex\nstring S`,
      ),
    ).toEqual([
      "ERROR Model -: Error creating `EmitEachSelector` validator: selector is required",
      "WARNING UnknownValidator_NoSuchValidator -: Unable to locate a validator named `NoSuchValidator`",
    ]);
  });

  it("reports a selector that is not valid Smithy at the validators statement, in Smithy's words", () => {
    const e = (() => {
      try {
        assemble(
          loadSources(
            [
              {
                file: "a.smithy",
                text: `$version: "2"\nmetadata validators = [{ name: "EmitEachSelector", configuration: { selector: ":is(string" } }]\nnamespace ex\nstring S`,
              },
            ],
            preludeIds(),
          ),
        );
      } catch (err) {
        return err as AnvilError;
      }
      throw new Error("expected an error");
    })();
    expect(e.diagnostics[0]).toMatchObject({
      message: expect.stringContaining(
        "Error creating `EmitEachSelector` validator: Deserialization error at (/selector): unable to create software.amazon.smithy.model.selector.Selector from \":is(string\": Unable to deserialize Node using fromNode method: Syntax error at line 1 column 11, near ``: Found '[EOF]', but expected one of the following tokens: ')' ','; expression: :is(string",
      ),
      location: { file: "a.smithy", line: 2 },
    });
  });

  it("suppresses by @suppress and by metadata (ids and their children, by namespace, with the reason), never an ERROR", () => {
    expect(
      events(`metadata validators = [
  { name: "EmitEachSelector", id: "Bad.List", configuration: { selector: "list" } }
  { name: "EmitEachSelector", id: "Bad.Map", severity: "WARNING", configuration: { selector: "map" } }
]
metadata suppressions = [{ id: "Bad.Map", namespace: "ex", reason: "maps are fine" }, { id: "Bad", namespace: "other" }]
namespace ex
list L1 { member: String }
@suppress(["Bad"])
list L2 { member: String }
map M { key: String, value: String }
@length(min: 5, max: 1)
string S`),
    ).toEqual([
      "DANGER Bad.List ex#L1: Selector capture matched selector: list",
      "ERROR LengthTrait ex#S: A length trait is applied with a `min` value greater than its `max` value.",
      "SUPPRESSED Bad.List ex#L2: Selector capture matched selector: list",
      "SUPPRESSED Bad.Map ex#M: Selector capture matched selector: map (maps are fine)",
    ]);
  });

  it("raises severities by severityOverrides (never lowers them; suppressions win), and checks the entries", () => {
    expect(
      events(`metadata validators = [
  { name: "EmitEachSelector", id: "Note.Int", severity: "NOTE", configuration: { selector: "integer" } }
  { name: "EmitEachSelector", id: "Note.Str", severity: "DANGER", configuration: { selector: "string" } }
]
metadata severityOverrides = [{ id: "Note", namespace: "*", severity: "WARNING" }]
namespace ex
integer I
string S`),
    ).toEqual([
      "DANGER Note.Str ex#S: Selector capture matched selector: string",
      "WARNING Note.Int ex#I: Selector capture matched selector: integer",
    ]);
    expect(
      events(`metadata severityOverrides = [{ id: "X", namespace: "*", severity: "ERROR" }]\nnamespace ex\nstring S`),
    ).toEqual(["ERROR Model -: Expected one of `DANGER`, `WARNING`; got `ERROR`."]);
  });
});
