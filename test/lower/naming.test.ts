import { describe, expect, it } from "vitest";
import { NameScope, camelCase, literalKey, propertyKey } from "../../generator/lower/naming.js";

describe("TypeScript names", () => {
  it.each([
    ["SendEvent", "sendEvent"],
    ["GetEventPrediction", "getEventPrediction"],
    ["ABCThing", "abcThing"],
    ["S3", "s3"],
    ["ListAWSAccounts", "listAWSAccounts"],
  ])("camelCases %s as %s", (from, to) => expect(camelCase(from)).toBe(to));

  it("renames names that collide with globals and keywords, deterministically", () => {
    const scope = new NameScope();
    expect(
      ["Date", "Error", "Object", "Record", "Uint8Array", "Promise", "default", "Entity"].map((n) =>
        scope.claim(n, "Shape"),
      ),
    ).toEqual([
      "DateShape",
      "ErrorShape",
      "ObjectShape",
      "RecordShape",
      "Uint8ArrayShape",
      "PromiseShape",
      "defaultShape",
      "Entity",
    ]);
    expect(scope.claim("Entity", "Shape")).toBe("EntityShape");
    expect(scope.claim("Entity", "Shape")).toBe("EntityShape2");
  });

  it("a scope inside another sees the names the outer one held when it was made, not later ones, and leaves the outer one alone", () => {
    const module = new NameScope();
    module.claim("checkItem", "Helper");
    const local = new NameScope(["value"], { outer: module });
    module.claim("later", "Helper");
    expect(local.claim("checkItem", "2")).toBe("checkItem2");
    expect(local.claim("value", "2")).toBe("value2");
    expect(local.claim("later", "2")).toBe("later");
    expect(local.names()).toEqual(["value", "checkItem2", "value2", "later", "checkItem"]);
    expect(module.names()).toEqual(["checkItem", "later"]);
  });

  it("quotes keys that are not identifiers and never writes a literal __proto__ key", () => {
    expect(propertyKey("eventId")).toBe("eventId");
    expect(propertyKey("__proto__")).toBe('"__proto__"');
    expect(literalKey("__proto__")).toBe('["__proto__"]');
    expect(literalKey("constructor")).toBe("constructor");
  });
});
