/**
 * The validators of generator/assemble/validate/misc/ beyond what Smithy's errorfiles check:
 * intEnum range, where events point, which uses are left alone, and the `@enum` deprecation by
 * file version.
 */
import { describe, expect, it } from "vitest";
import { eventLines, eventsOf, modelEvents } from "./events.js";

describe("EnumShape", () => {
  it("rejects an intEnum value outside 32 bits and accepts string enums with implied values", () => {
    expect(
      eventsOf("intEnum Big {\n  @enumValue(2147483648)\n  HUGE\n  @enumValue(-2147483648)\n  LOW\n}", "EnumShape"),
    ).toEqual(["ERROR EnumShape ex#Big$HUGE: intEnum members must fit within an integer, but found: 2147483648"]);
    expect(eventLines("enum Fine {\n  A\n  B_2\n}")).toEqual([]);
  });

  it("points at the member's @enumValue", () => {
    const [event] = modelEvents("enum E {\n  A\n  @enumValue(1)\n  B\n}").filter((d) => d.eventId === "EnumShape");
    expect(event?.location).toMatchObject({ line: 5, column: 3 });
  });
});

describe("EnumTrait and the @enum deprecation", () => {
  it("warns about @enum in a 2.0 file, not in a 1.0 file", () => {
    const body = 'namespace ex\n@enum([{value: "a", name: "A"}])\nstring S\n';
    const ids = (version: string) =>
      modelEvents(`$version: "${version}"\n${body}`).map((d) => `${d.severity} ${d.eventId}`);
    expect(ids("2")).toEqual(["WARNING ModelDeprecation"]);
    expect(ids("1.0")).toEqual([]);
  });
});

describe("PrivateAccess", () => {
  it("lets shapes of the private shape's own namespace use it", () => {
    expect(eventLines("@private\nstring Secret\nstructure Uses {\n  s: Secret\n}")).toEqual([]);
  });
});

describe("PrivateAccess across namespaces", () => {
  it("names the relationship: a mixin, a resource's identifier", () => {
    const model = {
      smithy: "2.0",
      shapes: {
        "b#Hidden": { type: "structure", members: {}, traits: { "smithy.api#private": {}, "smithy.api#mixin": {} } },
        "b#Id": { type: "string", traits: { "smithy.api#private": {} } },
        "a#Uses": { type: "structure", members: {}, mixins: [{ target: "b#Hidden" }] },
        "a#R": { type: "resource", identifiers: { id: { target: "b#Id" } } },
      },
    };
    expect(eventLines(model)).toEqual([
      "ERROR PrivateAccess a#Uses: This shape has an invalid mixin relationship that targets a private shape, `b#Hidden`, in another namespace.",
      "ERROR PrivateAccess a#R: This shape has an invalid identifier relationship that targets a private shape, `b#Id`, in another namespace.",
    ]);
  });
});

describe("DeprecatedShape", () => {
  it("words each kind of relationship, and says nothing about a shape's own deprecated members", () => {
    const model =
      'service S {\n  version: "1"\n  operations: [Op]\n}\n@deprecated\noperation Op {\n  input: In\n}\n@deprecated(message: "use B")\nstructure In {}\nstructure Other {\n  @deprecated\n  x: String\n}\n';
    expect(eventsOf(model, "DeprecatedShape")).toEqual([
      "WARNING DeprecatedShape.ex#Op ex#S: Binds a deprecated operation, ex#Op",
      "WARNING DeprecatedShape.ex#In ex#Op: Operation input targets a deprecated shape, ex#In. use B",
    ]);
  });
});

describe("TraitBreakingChanges", () => {
  it("follows a path through members, list members and map keys and values; an empty path is the whole trait", () => {
    const model = [
      '@trait(breakingChanges: [{path: "/a/member/value/b", change: "any"}, {path: "", change: "add"}, {path: "/a/member/key/x", change: "remove"}])',
      "structure t {\n  a: L\n}",
      "list L {\n  member: M\n}",
      "map M {\n  key: String\n  value: V\n}",
      "structure V {\n  b: String\n}",
    ].join("\n");
    expect(modelEvents(model).map((d) => `${d.eventId} ${d.shapeId}: ${d.message}`)).toEqual([
      "TraitBreakingChanges ex#t: Invalid trait breakingChanges element 2, '/a/member/key/x', at segment 'x': Evaluated shape `smithy.api#String`, a string, has no member named `x`",
    ]);
  });
});

describe("HttpBindingTraitIgnored and IdempotencyTokenIgnored", () => {
  it("says nothing when the structure is only an operation's input", () => {
    const model =
      '@http(method: "POST", uri: "/{id}")\noperation Op {\n  input := {\n    @httpLabel\n    @required\n    id: String\n    @idempotencyToken\n    token: String\n  }\n}\n';
    expect(eventLines(model)).toEqual([]);
  });
});

describe("HostLabelTrait", () => {
  it("accepts a prefix whose labels are bound and which ends in a period", () => {
    const model =
      '@readonly\n@endpoint(hostPrefix: "{name}.data.")\noperation Op {\n  input := {\n    @hostLabel\n    @required\n    name: String\n  }\n}\n';
    expect(eventLines(model)).toEqual([]);
  });
});

describe("MediaType", () => {
  it("accepts parameters with quoted values and whitespace after the semicolon, and rejects a space before the slash", () => {
    expect(
      eventLines(
        '@mediaType("text/plain ;charset=\\"utf 8\\"")\nstring A\n@mediaType("application/vnd.x+json; v=1")\nstring B',
      ),
    ).toEqual([]);
    expect(eventsOf('@mediaType("text /plain")\nstring C', "MediaType")).toEqual([
      'ERROR MediaType ex#C: Invalid mediaType value, "text /plain": expected `type/subtype`, each a token (RFC 9110)',
    ]);
  });
});

describe("ExamplesTrait", () => {
  it("accepts an error every service containing the operation declares (through a resource too), and checks its content", () => {
    const model = [
      'service S {\n  version: "1"\n  resources: [R]\n  errors: [Oops]\n}',
      "resource R {\n  operations: [Op]\n}",
      '@examples([{title: "t", error: {shapeId: Oops, content: {code: "toolong"}}}])\noperation Op {\n  input := {}\n}',
      '@error("client")\nstructure Oops {\n  @length(max: 3)\n  code: String\n}',
    ].join("\n");
    expect(eventsOf(model, "ExamplesTrait")).toEqual([
      "ERROR ExamplesTrait ex#Op: Example error of `t`.code: String value provided for `ex#Oops$code` must be <= 3 characters, but the provided value is 7 characters.",
    ]);
  });

  it("measures a blob's @length in UTF-8 bytes", () => {
    const model =
      '@examples([{title: "t", input: {b: "é"}}])\noperation Op {\n  input := {\n    @length(max: 1)\n    b: Blob\n  }\n}';
    expect(eventsOf(model, "ExamplesTrait")).toEqual([
      "ERROR ExamplesTrait ex#Op: Example input of `t`.b: Value provided for `ex#OpInput$b` must have no more than 1 bytes, but the provided value has 2 bytes",
    ]);
  });
});

describe("Errors creating a trait", () => {
  it("reports Smithy's loading error instead of a TraitValue, at the trait", () => {
    const events = modelEvents('@error("oops")\nstructure E {}');
    expect(events.map((d) => `${d.eventId} ${d.shapeId}: ${d.message}`)).toEqual([
      "Model ex#E: Error creating trait `error`: error trait must be set to client or server, found `oops`",
    ]);
    expect(events[0]?.location).toMatchObject({ line: 3, column: 1 });
  });
});
