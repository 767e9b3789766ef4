/**
 * Table tests per constraint, against validators generated from test/validators/fixture-model.ts:
 * each row sets one member of an otherwise valid CheckInput and states every issue expected
 * (path and constraint), with edge values: bounds exactly, one past, astral characters, empty,
 * huge. Messages are checked word for word where Smithy pins them.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ValidationIssue } from "../../generator/runtime/validate.js";
import { validationModel, validCheckInput } from "./fixture-model.js";
import { validator, validatorsOfModel } from "./generated.js";

let validate: (value: unknown) => ValidationIssue[];
let dir: string;
beforeAll(async () => {
  const generated = await validatorsOfModel(validationModel);
  validate = validator(generated.module, "validateCheckInput");
  dir = generated.dir;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An own data property, even for `__proto__`. */
function set(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Issues of a valid CheckInput with one member replaced (`undefined` deletes it), as `path constraint`. */
function issuesWith(member: string, value: unknown): string[] {
  const input = validCheckInput();
  if (value === undefined) delete input[member];
  else set(input, member, value);
  return validate(input).map((i) => `${i.path} ${i.constraint}`);
}

/** The message of the single issue a member value causes. */
function messageWith(member: string, value: unknown): string {
  const input = validCheckInput();
  set(input, member, value);
  const issues = validate(input);
  expect(issues).toHaveLength(1);
  return issues[0].message;
}

type Row = [label: string, member: string, value: unknown, expected: string[]];

function table(rows: Row[]): void {
  it.each(rows)("%s", (_label, member, value, expected) => {
    expect(issuesWith(member, value)).toEqual(expected);
  });
}

describe("a valid value", () => {
  it("has no issue", () => expect(validate(validCheckInput())).toEqual([]));
});

describe("required", () => {
  table([
    ["a missing required member is reported", "required", undefined, ["/required required"]],
    ["null counts as missing", "required", null, ["/required required"]],
    ["an empty string is present", "required", "", []],
    ["@clientOptional lifts @required", "clientOptional", undefined, []],
    ["a missing @idempotencyToken is no issue (the client fills it in)", "token", undefined, []],
    ["a given @idempotencyToken is still checked", "token", 5, ["/token type"]],
    ["a nested required member is reported at its path", "nested", { note: "n" }, ["/nested/id required"]],
    ["an optional member may be absent", "nested", undefined, []],
    ["an optional member given null is absent (as in Smithy's JSON protocols)", "nested", null, []],
  ]);
  it("says it in Smithy's words", () => {
    expect(validate({ ...validCheckInput(), required: undefined })[0].message).toBe(
      "Value at '/required' failed to satisfy constraint: Member must not be null",
    );
  });
});

describe("string @length counts Unicode scalar values", () => {
  table([
    ["min exactly", "string", "ab", []],
    ["max exactly", "string", "abcd", []],
    ["one below min", "string", "a", ["/string length"]],
    ["one past max", "string", "abcde", ["/string length"]],
    ["empty", "string", "", ["/string length"]],
    ["huge", "string", "a".repeat(1_000_000), ["/string length"]],
    ["two astral characters (4 UTF-16 units) are 2", "string", "😀😀", []],
    ["four astral characters (8 units) are 4", "string", "😀😀😀😀", []],
    ["one astral character (2 units) is 1", "string", "😀", ["/string length"]],
    ["five astral characters are 5", "string", "😀😀😀😀😀", ["/string length"]],
    ["a lone surrogate counts once", "string", "\uD800a", []],
    ["a combining sequence counts each scalar value", "string", "e\u0301e\u0301e", ["/string length"]],
    ["min only: below", "minString", "a", ["/minString length"]],
    ["min only: huge is fine", "minString", "a".repeat(100_000), []],
    ["max only: empty is fine", "maxString", "", []],
    ["max only: past", "maxString", "abcde", ["/maxString length"]],
    ["a member's @length replaces the target's: 5 fits 4..6", "overriddenString", "abcde", []],
    [
      "a member's @length replaces the target's: 3 is too short",
      "overriddenString",
      "abc",
      ["/overriddenString length"],
    ],
  ]);
  it.each([
    [
      "string",
      "a",
      "Value with length 1 at '/string' failed to satisfy constraint: Member must have length between 2 and 4, inclusive",
    ],
    [
      "string",
      "😀",
      "Value with length 1 at '/string' failed to satisfy constraint: Member must have length between 2 and 4, inclusive",
    ],
    [
      "minString",
      "a",
      "Value with length 1 at '/minString' failed to satisfy constraint: Member must have length greater than or equal to 2",
    ],
    [
      "maxString",
      "abcdefg",
      "Value with length 7 at '/maxString' failed to satisfy constraint: Member must have length less than or equal to 4",
    ],
    [
      "overriddenString",
      "abcdefg",
      "Value with length 7 at '/overriddenString' failed to satisfy constraint: Member must have length between 4 and 6, inclusive",
    ],
  ])("%s = %j says %s", (member, value, message) => expect(messageWith(member, value)).toBe(message));
});

describe("@pattern", () => {
  table([
    ["a match", "pattern", "abc", []],
    ["no match", "pattern", "xyz", ["/pattern pattern"]],
    ["uppercase does not match [a-m]", "pattern", "ABC", ["/pattern pattern"]],
    ["too long: only the length is reported, the pattern never runs", "pattern", "a".repeat(9), ["/pattern length"]],
    ["huge input that fails the pattern: only the length", "pattern", "!".repeat(100_000), ["/pattern length"]],
    ["not anchored: \\d+ matches inside x1y", "unboundedPattern", "x1y", []],
    ["not anchored, but no digit at all", "unboundedPattern", "xy", ["/unboundedPattern pattern"]],
  ]);
  it("quotes the pattern as the model writes it", () => {
    expect(messageWith("pattern", "xyz")).toBe(
      "Value at '/pattern' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-m]+$",
    );
  });
});

describe("integer types: JS number, integer, within the type's bits", () => {
  table([
    ["byte max", "byte", 127, []],
    ["byte min", "byte", -128, []],
    ["byte max + 1", "byte", 128, ["/byte type"]],
    ["byte min - 1", "byte", -129, ["/byte type"]],
    ["byte fraction", "byte", 1.5, ["/byte type"]],
    ["byte as a string", "byte", "1", ["/byte type"]],
    ["byte NaN", "byte", NaN, ["/byte type"]],
    ["short max", "short", 32767, []],
    ["short max + 1", "short", 32768, ["/short type"]],
    ["short min - 1", "short", -32769, ["/short type"]],
    ["integer max", "integer", 2147483647, []],
    ["integer max + 1", "integer", 2147483648, ["/integer type"]],
    ["integer min", "integer", -2147483648, []],
    ["integer min - 1", "integer", -2147483649, ["/integer type"]],
    ["long beyond 2^53 (still an integer)", "long", 2 ** 60, []],
    ["long min", "long", -(2 ** 63), []],
    ["long 2^63 is past the max", "long", 2 ** 63, ["/long type"]],
    ["long Infinity", "long", Infinity, ["/long type"]],
    ["long fraction", "long", 0.5, ["/long type"]],
    ["long as a bigint", "long", 1n, ["/long type"]],
  ]);
});

describe("floats", () => {
  table([
    ["float max", "float", 3.4028234663852886e38, []],
    ["float rounds to max", "float", 3.4028235e38, []],
    ["float past max", "float", 3.5e38, ["/float type"]],
    ["float NaN is a float", "float", NaN, []],
    ["float Infinity is a float", "float", -Infinity, []],
    ["float as a string", "float", "1.5", ["/float type"]],
    ["double huge", "double", 1e308, []],
    ["double as a boolean", "double", true, ["/double type"]],
  ]);
});

describe("@range (inclusive)", () => {
  table([
    ["min exactly", "rangedInteger", 2, []],
    ["max exactly", "rangedInteger", 8, []],
    ["one below", "rangedInteger", 1, ["/rangedInteger range"]],
    ["one past", "rangedInteger", 9, ["/rangedInteger range"]],
    ["min only", "minInteger", 1, ["/minInteger range"]],
    ["min only: huge", "minInteger", 2147483647, []],
    ["float min exactly", "rangedFloat", 2.2, []],
    ["float max exactly", "rangedFloat", 8.8, []],
    ["float just below", "rangedFloat", 2.1999, ["/rangedFloat range"]],
    ["float just past", "rangedFloat", 8.8001, ["/rangedFloat range"]],
    ["NaN lies within no bounds", "rangedFloat", NaN, ["/rangedFloat range"]],
    ["bigInteger max", "bigInteger", 100n, []],
    ["bigInteger past", "bigInteger", 101n, ["/bigInteger range"]],
    ["bigInteger below", "bigInteger", -1n, ["/bigInteger range"]],
    ["bigInteger as a number", "bigInteger", 5, ["/bigInteger type"]],
    ["bigDecimal max exactly", "bigDecimal", "2.5", []],
    ["bigDecimal min in exponent form", "bigDecimal", "5e-1", []],
    ["bigDecimal past by 1e-20", "bigDecimal", "2.50000000000000000001", ["/bigDecimal range"]],
    ["bigDecimal below", "bigDecimal", "0.4999", ["/bigDecimal range"]],
    ["bigDecimal not a number", "bigDecimal", "abc", ["/bigDecimal type"]],
    ["bigDecimal as a number", "bigDecimal", 1.5, ["/bigDecimal type"]],
  ]);
  it.each([
    [
      "rangedInteger",
      9,
      "Value at '/rangedInteger' failed to satisfy constraint: Member must be between 2 and 8, inclusive",
    ],
    ["minInteger", 1, "Value at '/minInteger' failed to satisfy constraint: Member must be greater than or equal to 2"],
    [
      "rangedFloat",
      2.1,
      "Value at '/rangedFloat' failed to satisfy constraint: Member must be between 2.2 and 8.8, inclusive",
    ],
  ])("%s = %s says %s", (member, value, message) => expect(messageWith(member, value)).toBe(message));
});

describe("other simple types", () => {
  table([
    ["boolean", "boolean", true, []],
    ["boolean as a string", "boolean", "true", ["/boolean type"]],
    ["boolean as 0", "boolean", 0, ["/boolean type"]],
    ["timestamp", "timestamp", new Date(), []],
    ["an invalid Date", "timestamp", new Date(NaN), ["/timestamp type"]],
    ["timestamp as a string", "timestamp", "2019-11-15T18:25:43Z", ["/timestamp type"]],
    ["timestamp as epoch seconds", "timestamp", 0, ["/timestamp type"]],
    ["blob min exactly", "blob", new Uint8Array(1), []],
    ["blob max exactly", "blob", new Uint8Array(3), []],
    ["a Buffer is a Uint8Array", "blob", Buffer.from("ab"), []],
    ["blob empty", "blob", new Uint8Array(0), ["/blob length"]],
    ["blob one byte past", "blob", new Uint8Array(4), ["/blob length"]],
    ["blob huge", "blob", new Uint8Array(1_000_000), ["/blob length"]],
    ["an ArrayBuffer is not a blob", "blob", new ArrayBuffer(2), ["/blob type"]],
    ["an array of bytes is not a blob", "blob", [1, 2], ["/blob type"]],
    ["a string is not a blob", "blob", "ab", ["/blob type"]],
    ["document", "document", { a: [1, "x", null, { b: false }] }, []],
    ["document null", "document", null, []],
    ["document with a function", "document", { f: () => 1 }, ["/document/f type"]],
    ["document with NaN", "document", [NaN], ["/document/0 type"]],
    ["document that is a Map", "document", new Map(), ["/document type"]],
  ]);
});

describe("enum and intEnum values (open: an unknown value gets its own constraint)", () => {
  table([
    ["a known value", "enum", "hearts", []],
    ["an internal value is accepted", "enum", "joker", []],
    ["an unknown value", "enum", "clubs", ["/enum enum"]],
    ["the name is not the value", "enum", "HEARTS", ["/enum enum"]],
    ["not a string", "enum", 1, ["/enum type"]],
    ["@enum trait value", "enumTrait", "clubs", []],
    ["@enum trait internal value", "enumTrait", "diamonds", []],
    ["@enum trait unknown value", "enumTrait", "x", ["/enumTrait enum"]],
    ["intEnum value", "intEnum", 10, []],
    ["intEnum unknown value", "intEnum", 5, ["/intEnum enum"]],
    ["intEnum fraction", "intEnum", 1.5, ["/intEnum type"]],
    ["intEnum as a string", "intEnum", "1", ["/intEnum type"]],
  ]);
  it("lists the values without internal ones, as Smithy's servers do", () => {
    expect(messageWith("enum", "x")).toBe(
      "Value at '/enum' failed to satisfy constraint: Member must satisfy enum value set: [hearts, spades]",
    );
    expect(messageWith("enumTrait", "x")).toBe(
      "Value at '/enumTrait' failed to satisfy constraint: Member must satisfy enum value set: [clubs]",
    );
    expect(messageWith("intEnum", 2)).toBe(
      "Value at '/intEnum' failed to satisfy constraint: Member must satisfy enum value set: [1, 10]",
    );
  });
});

describe("lists", () => {
  table([
    ["min items exactly", "list", ["ab"], []],
    ["max items exactly", "list", ["ab", "cd", "ef"], []],
    ["no items", "list", [], ["/list length"]],
    ["one item past max", "list", ["ab", "cd", "ef", "gh"], ["/list length"]],
    ["an item breaking its own @length, at its index", "list", ["ab", "x"], ["/list/1 length"]],
    ["null in a dense list", "list", ["ab", null], ["/list/1 type"]],
    ["a hole in a dense list", "list", [, "ab"], ["/list/0 type"]],
    ["a string is not a list", "list", "ab", ["/list type"]],
    ["an array-like object is not a list", "list", { 0: "ab", length: 1 }, ["/list type"]],
    ["a Set is not a list", "list", new Set(["ab"]), ["/list type"]],
    ["null items in a @sparse list", "sparseList", [null, undefined, 1], []],
    ["a wrong item in a @sparse list", "sparseList", ["x"], ["/sparseList/0 type"]],
  ]);
});

describe("@uniqueItems compares values", () => {
  table([
    ["equal strings", "list", ["ab", "ab"], ["/list uniqueItems"]],
    ["different strings", "list", ["ab", "ba"], []],
    [
      "equal structures, members in another order",
      "uniqueList",
      [
        { id: "ab", note: "n" },
        { note: "n", id: "ab" },
      ],
      ["/uniqueList uniqueItems"],
    ],
    [
      "a member absent in one and undefined in the other",
      "uniqueList",
      [{ id: "ab", note: undefined }, { id: "ab" }],
      ["/uniqueList uniqueItems"],
    ],
    ["different structures", "uniqueList", [{ id: "ab" }, { id: "abc" }], []],
    [
      "the same object twice",
      "uniqueList",
      (() => {
        const x = { id: "ab" };
        return [x, x];
      })(),
      ["/uniqueList uniqueItems"],
    ],
  ]);
  it("says it in Smithy's words", () => {
    expect(messageWith("list", ["ab", "ab"])).toBe(
      "Value at '/list' failed to satisfy constraint: Member must have unique values",
    );
  });
});

describe("maps: entries, keys against the key shape, values", () => {
  table([
    ["one entry", "map", { abc: "xy" }, []],
    ["no entry", "map", {}, ["/map length"]],
    ["one entry past max", "map", { a: "xy", b: "xy", c: "xy" }, ["/map length"]],
    ["a key breaking the key pattern is reported at the map", "map", { XYZ: "xy" }, ["/map pattern"]],
    ["a key too long: its length, at the map", "map", { aaaaaaaaa: "xy" }, ["/map length"]],
    ["a value breaking its @length, at its key", "map", { abc: "x" }, ["/map/abc length"]],
    ["a key with / and ~ is escaped in the path", "map", { "a/b~": "x" }, ["/map pattern", "/map/a~1b~0 length"]],
    ["null value in a dense map", "map", { abc: null }, ["/map/abc type"]],
    ["a Map is not a map", "map", new Map([["abc", "xy"]]), ["/map type"]],
    ["an array is not a map", "map", ["xy"], ["/map type"]],
    ["a null-prototype object is a map", "map", Object.assign(Object.create(null) as object, { abc: "xy" }), []],
    ["null values in a @sparse map", "sparseMap", { a: null, b: 1 }, []],
  ]);
});

describe("unions have exactly one member set", () => {
  table([
    ["one member", "union", { text: "ab" }, []],
    ["the other member", "union", { number: 5 }, []],
    ["no member", "union", {}, ["/union union"]],
    ["two members", "union", { text: "ab", number: 5 }, ["/union union"]],
    ["a null member is not set", "union", { text: null, number: 5 }, []],
    ["the set member is checked", "union", { text: "a" }, ["/union/text length"]],
    [
      "both members set and both wrong: every issue",
      "union",
      { text: "a", number: 1 },
      ["/union/text length", "/union/number range", "/union union"],
    ],
    ["an unknown variant, as the generated type allows it", "union", { $unknown: ["other", 1] }, []],
    ["a malformed unknown variant", "union", { $unknown: "other" }, ["/union/$unknown type"]],
    ["a string is not a union", "union", "ab", ["/union type"]],
  ]);
});

describe("structures are plain objects", () => {
  class Nested {
    id = "ab";
  }
  table([
    ["a class instance", "nested", new Nested(), ["/nested type"]],
    ["an array", "nested", [], ["/nested type"]],
    ["a Map", "nested", new Map([["id", "ab"]]), ["/nested type"]],
    ["a null-prototype object", "nested", Object.assign(Object.create(null) as object, { id: "ab" }), []],
    ["unknown members are ignored", "nested", { id: "ab", other: 1 }, []],
  ]);
  it.each([
    ["null", null],
    ["an array", []],
    ["a Map", new Map()],
    ["a string", "x"],
    ["a class instance", new Nested()],
  ])("%s as the input itself is one type issue at the root", (_label, value) => {
    expect(validate(value).map((i) => `${i.path}|${i.constraint}`)).toEqual(["|type"]);
  });
});

describe("recursive shapes", () => {
  it("checks values deep down", () => {
    expect(issuesWith("node", { next: { next: { children: [{ value: "a" }] } } })).toEqual([
      "/node/next/next/children/0/value length",
    ]);
  });
  it("reports a cycle where it closes, and stops", () => {
    const n: Record<string, unknown> = { value: "ab" };
    n.next = n;
    n.children = [{ value: "cd" }, n];
    expect(issuesWith("node", n)).toEqual(["/node/next cycle", "/node/children/1 cycle"]);
  });
  it("accepts a value shared twice without a cycle", () => {
    const leaf = { value: "ab" };
    expect(issuesWith("node", { next: leaf, children: [leaf, leaf] })).toEqual([]);
  });
  it("reports a value nested deeper than the stack instead of throwing", () => {
    let deep: Record<string, unknown> = { value: "ab" };
    for (let i = 0; i < 200_000; i++) deep = { next: deep };
    expect(issuesWith("node", deep)).toEqual([" type"]);
  });
});

describe("our traits", () => {
  table([
    ["requiredTogether: both", "togetherA", "a", []],
    ["requiredTogether: only B, A is reported", "togetherA", undefined, ["/togetherA requiredTogether"]],
    ["requiredTogether: only A, B is reported", "togetherB", undefined, ["/togetherB requiredTogether"]],
    ["iso8601Utc: Z", "timestampString", "2019-11-15T18:25:43Z", []],
    ["iso8601Utc: +00:00 with a fraction", "timestampString", "2019-11-15T18:25:43.250+00:00", []],
    ["iso8601Utc: another offset", "timestampString", "2019-11-15T18:25:43+01:00", ["/timestampString iso8601Utc"]],
    ["iso8601Utc: a date alone (length fits)", "timestampString", "2019-11-15", ["/timestampString iso8601Utc"]],
    [
      "iso8601Utc: too long, only the length",
      "timestampString",
      "2019-11-15T18:25:43.1234567890123Z",
      ["/timestampString length"],
    ],
  ]);
  it("requiredTogether: neither member set is fine", () => {
    const input = validCheckInput();
    delete input.togetherA;
    delete input.togetherB;
    expect(validate(input)).toEqual([]);
  });
  it("requiredTogether names the member that is set", () => {
    const input = validCheckInput();
    delete input.togetherB;
    expect(validate(input)[0].message).toBe(
      "Value at '/togetherB' failed to satisfy constraint: Member must not be null when togetherA is set (togetherA and togetherB are required together)",
    );
  });
});

describe("sensitive values never appear in a message or path", () => {
  it("a sensitive string's value is not quoted", () => {
    const issues = validate({ ...validCheckInput(), secret: "ZZZ-SECRET-VALUE" });
    expect(issues.map((i) => i.path)).toEqual(["/secret"]);
    expect(JSON.stringify(issues)).not.toContain("SECRET-VALUE");
  });
  it("a sensitive map shows * for its keys", () => {
    const input = validCheckInput();
    input.secrets = { "key-SECRET": { id: "x" }, "other-SECRET": null };
    const issues = validate(input);
    expect(issues.map((i) => `${i.path} ${i.constraint}`)).toEqual(["/secrets/*/id length", "/secrets/* type"]);
    expect(JSON.stringify(issues)).not.toContain("SECRET");
  });
  it("no value of any wrong member is quoted anywhere", () => {
    const marker = "Q7x-VALUE-MARKER";
    const input: Record<string, unknown> = {};
    for (const k of Object.keys(validCheckInput())) set(input, k, `${marker}${"!".repeat(10)}`);
    const issues = validate(input);
    expect(issues.length).toBeGreaterThan(30);
    expect(JSON.stringify(issues)).not.toContain(marker);
  });
});

describe("hostile input", () => {
  it("reads members named like Object.prototype's only when the object has them", () => {
    const input = validCheckInput();
    for (const k of ["constructor", "toString", "__proto__"]) delete input[k];
    expect(validate(input)).toEqual([]);
  });
  it("checks own members named constructor, toString and __proto__", () => {
    const input = validCheckInput();
    for (const k of ["constructor", "toString", "__proto__"]) set(input, k, 5);
    expect(validate(input).map((i) => `${i.path} ${i.constraint}`)).toEqual([
      "/constructor type",
      "/toString type",
      "/__proto__ type",
    ]);
  });
  it("validates map keys __proto__, constructor and hasOwnProperty as ordinary keys, without touching prototypes", () => {
    const map = JSON.parse('{"__proto__": "x", "constructor": "x", "hasOwnProperty": "x"}') as Record<string, unknown>;
    const issues = issuesWith("sparseMap", map);
    expect(issues).toEqual([
      "/sparseMap/__proto__ type",
      "/sparseMap/constructor type",
      "/sparseMap/hasOwnProperty type",
    ]);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
  it("ignores inherited enumerable properties of a map", () => {
    const map = Object.create({ inherited: "not an integer" }) as Record<string, unknown>;
    map.own = 1;
    expect(issuesWith("sparseMap", map)).toEqual(["/sparseMap type"]);
    const plain = Object.assign(Object.create(null) as object, { own: 1 });
    expect(issuesWith("sparseMap", plain)).toEqual([]);
  });
  it("turns a throwing getter into an issue", () => {
    const input = validCheckInput();
    Object.defineProperty(input, "string", {
      get: () => {
        throw new Error("the secret is 42");
      },
      enumerable: true,
    });
    const issues = validate(input);
    expect(issues.map((i) => `${i.path} ${i.constraint}`)).toEqual([" type"]);
    expect(JSON.stringify(issues)).not.toContain("secret");
  });
  it("turns a throwing Proxy into an issue", () => {
    const proxy = new Proxy(
      {},
      {
        getPrototypeOf: () => {
          throw new Error("no");
        },
      },
    );
    expect(validate(proxy).map((i) => i.constraint)).toEqual(["type"]);
  });
  it("never throws, whatever the input", () => {
    for (const v of [undefined, null, 0, "", Symbol("s"), () => 1, new Error("e"), Object.create(null), [[]], 1n]) {
      expect(() => validate(v)).not.toThrow();
    }
  });
});

describe("every issue, not only the first", () => {
  it("reports each broken member in model order", () => {
    const input = validCheckInput();
    Object.assign(input, { string: "a", pattern: "xyz", byte: 300, list: [], union: {} });
    delete input.required;
    expect(validate(input).map((i) => `${i.path} ${i.constraint}`)).toEqual([
      "/required required",
      "/string length",
      "/pattern pattern",
      "/byte type",
      "/list length",
      "/union union",
    ]);
  });
});
