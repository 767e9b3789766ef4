/**
 * The selector subset trait definitions use, evaluated on a small model: each case names the
 * shapes Smithy's selector semantics select (https://smithy.io/2.0/spec/selectors.html).
 */
import { describe, expect, it } from "vitest";
import { SelectorIndex } from "../../generator/assemble/validate/selector/evaluate.js";
import { SelectorSyntaxError, UnsupportedSelector } from "../../generator/assemble/validate/selector/parse.js";
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
    "ex#Svc": { type: "service", version: "2017-01-17", operations: [{ target: "ex#Op" }] },
    "ex#Doc": {
      type: "blob",
      traits: { "smithy.api#mediaType": "text/plain", "smithy.api#length": { min: 2, max: 10 } },
    },
  },
});
const index = new SelectorIndex(model.shapes);

/** The non-prelude ids a selector matches, sorted. */
function select(selector: string): string[] {
  const r = index.matches(selector);
  if (r instanceof UnsupportedSelector) throw r;
  return [...r]
    .map((n) => n.id)
    .filter((id) => id.startsWith("ex#"))
    .sort();
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
    ["[service|version^=2017]", ["ex#Svc"]],
    ["[service]", ["ex#Svc"]],
    ["[service|id|name=Svc]", ["ex#Svc"]],
    ["[trait|mediaType$='plain']", ["ex#Doc"]],
    ["[trait|length|max=10]", ["ex#Doc"]],
    ["[trait|length|min<3]", ["ex#Doc"]],
    ["[trait|length|max>=11]", []],
    ["[trait|length|max<'0x10']", []],
    ["[trait|length|nope]", []],
    ["[trait|error|nesting|into|a|string]", []],
    ["[trait|length|max?=true]", ["ex#Doc"]],
    ["[var|unset|x]", []],
    ["aggregateType[id|namespace=ex]", ["ex#Floats", "ex#Input", "ex#Names", "ex#Oops"]],
    ["serviceType[id|namespace=ex]", ["ex#Op", "ex#Svc"]],
    ["structure <-[input]-", ["ex#Op"]],
    ["structure <-[output]-", []],
  ])("%s", (selector, expected) => {
    expect(select(selector)).toEqual(expected);
  });

  it("reports selectors it cannot evaluate instead of guessing", () => {
    for (const selector of ["$x(*) ${x}", ":topdown(*)", "[@trait|x: @{a}=b]", "[trait|(keys)=x]", ":in(string)"]) {
      const r = index.matches(selector);
      expect(r).toBeInstanceOf(UnsupportedSelector);
      expect(r).not.toBeInstanceOf(SelectorSyntaxError);
    }
  });

  it("rejects text that is not a selector with Smithy's syntax error", () => {
    const message = (selector: string) => {
      const r = index.matches(selector);
      return r instanceof SelectorSyntaxError ? r.message : "no syntax error";
    };
    expect(message("][x")).toBe(
      "Syntax error at line 1 column 1, near `][x`: Unexpected selector character: ]; expression: ][x",
    );
    expect(message("invalid")).toBe(
      "Syntax error at line 1 column 8, near ``: Unknown shape type: invalid; expression: invalid",
    );
    expect(message("[foo^foo]")).toBe(
      "Syntax error at line 1 column 6, near `foo]`: Expected: '=', but found 'f'; expression: [foo^foo]",
    );
    expect(message(":not(string, list)")).toBe(
      "Syntax error at line 1 column 19, near `not(string, list)`: The :not function requires a single selector argument; expression: :not(string, list)",
    );
    expect(message("string\n  > =")).toBe(
      "Syntax error at line 2 column 5, near `=`: Unexpected selector character: =; expression: string\n  > =",
    );
    expect(message("[id=-x]")).toContain("Invalid number '-': '-' must be followed by a digit");
  });

  it("lets an unknown function keep every shape, as Smithy does", () => {
    expect(select("string :nope(list)")).toEqual(select("string"));
  });
});
