/**
 * The selector subset trait definitions use, evaluated on a small model: each case names the
 * shapes Smithy's selector semantics select (https://smithy.io/2.0/spec/selectors.html).
 */
import { describe, expect, it } from "vitest";
import { SelectorIndex } from "../../generator/assemble/validate/selector/evaluate.js";
import { UnsupportedSelector } from "../../generator/assemble/validate/selector/parse.js";
import { modelOf } from "../helpers.js";

const model = modelOf({
  smithy: "2.0",
  shapes: {
    "ex#Name": { type: "string" },
    "ex#Kind": { type: "enum", members: { A: { target: "smithy.api#Unit" } } },
    "ex#Count": { type: "integer" },
    "ex#Names": { type: "list", member: { target: "ex#Name" } },
    "ex#Floats": { type: "list", member: { target: "smithy.api#Float" } },
    "ex#Input": {
      type: "structure",
      members: { name: { target: "ex#Name", traits: { "smithy.api#required": {} } }, count: { target: "ex#Count" } },
      traits: { "smithy.api#input": {} },
    },
    "ex#Oops": { type: "structure", members: {}, traits: { "smithy.api#error": "client" } },
    "ex#Op": { type: "operation", input: { target: "ex#Input" }, errors: [{ target: "ex#Oops" }] },
  },
});
const index = new SelectorIndex(model.shapes);

/** The non-prelude ids a selector matches, sorted. */
function select(selector: string): string[] {
  const r = index.matches(selector);
  if (r instanceof UnsupportedSelector) throw r;
  return [...r].map((n) => n.id).filter((id) => id.startsWith("ex#")).sort();
}

describe("selectors", () => {
  it.each([
    ["string", ["ex#Kind", "ex#Name"]],
    ["string :not(enum)", ["ex#Name"]],
    ["structure > member", ["ex#Input$count", "ex#Input$name"]],
    [":test(number, member > number)", ["ex#Count", "ex#Floats$member", "ex#Input$count"]],
    ["structure[trait|error]", ["ex#Oops"]],
    ["structure > member[trait|required] :test(> string)", ["ex#Input$name"]],
    ["operation -[input]-> structure > member :test(> integer)", ["ex#Input$count"]],
    ["list :not(> member ~> :is(float, double, document))", ["ex#Names"]],
    ["[id|member=name]", ["ex#Input$name"]],
    ["[trait|error=client]", ["ex#Oops"]],
    ["[id^=ex#Na]", ["ex#Name", "ex#Names", "ex#Names$member"]],
    [":is(list, [trait|input])", ["ex#Floats", "ex#Input", "ex#Names"]],
    ["member < structure", ["ex#Input"]],
  ])("%s", (selector, expected) => {
    expect(select(selector)).toEqual(expected);
  });

  it("reports selectors it cannot evaluate instead of guessing", () => {
    expect(index.matches("$x(*) ${x}")).toBeInstanceOf(UnsupportedSelector);
    expect(index.matches(":topdown(*)")).toBeInstanceOf(UnsupportedSelector);
  });
});
