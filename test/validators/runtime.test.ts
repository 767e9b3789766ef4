/**
 * The helpers shipped in every client as runtime/validate.ts: code points, the ISO 8601 UTC
 * check (its exact acceptance), value equality for @uniqueItems, documents, decimals, paths.
 */
import { describe, expect, it } from "vitest";
import {
  at,
  checkDocument,
  codePointLength,
  compareDecimal,
  guard,
  hasDuplicates,
  isDecimalString,
  isIso8601Utc,
  isPlainObject,
  lengthOutside,
  pointerSegment,
  recursiveValidator,
  report,
  splitOnFinalCrLf,
  validator,
  type ValidationIssue,
} from "../../generator/runtime/validate.js";

describe("codePointLength counts Unicode scalar values", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["😀", 1],
    ["a😀b", 3],
    ["😀😀😀", 3],
    ["\uD800", 1],
    ["\uDC00\uD800", 2],
    ["e\u0301", 2],
    ["\uD83D\uDE00\uD83D", 2],
    // No surrogate: answered from the UTF-16 length (one-byte and two-byte strings alike).
    ["v".repeat(8193), 8193],
    ["é一\u00ff\uFFFF", 4],
    // A pair only at the very end, and the highest surrogates.
    ["é一\uDBFF\uDFFF", 3],
  ])("%j has %i", (s, n) => {
    expect(codePointLength(s)).toBe(n);
    expect(codePointLength(s)).toBe([...s].length);
  });

  it("agrees with the string iterator on a huge mixed string", () => {
    const s = "a😀\uD800".repeat(100_000);
    expect(codePointLength(s)).toBe([...s].length);
  });
});

describe("lengthOutside compares the code-point length with inclusive bounds", () => {
  it.each([
    ["ab", 2, 4, false],
    ["abcd", 2, 4, false],
    ["a", 2, 4, true],
    ["abcde", 2, 4, true],
    ["😀😀", 2, 4, false],
    ["😀", 2, 4, true],
    ["😀😀😀😀😀", 2, 4, true],
    ["", 0, Infinity, false],
  ])("%j in [%i, %i]: outside is %s", (s, min, max, outside) => {
    expect(lengthOutside(s, min, max)).toBe(outside);
  });
});

describe("isIso8601Utc accepts exactly YYYY-MM-DDThh:mm:ss[.fraction](Z|+00:00)", () => {
  it.each([
    "2019-11-15T18:25:43Z",
    "2019-11-15T18:25:43+00:00",
    "2019-11-15T18:25:43.1Z",
    "2019-11-15T18:25:43.123456789Z",
    "2019-11-15T18:25:43.000+00:00",
    "2020-02-29T00:00:00Z",
    "2000-02-29T23:59:59Z",
    "0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "2016-12-31T23:59:60Z",
  ])("accepts %s", (s) => expect(isIso8601Utc(s)).toBe(true));

  it.each([
    ["", "empty"],
    ["2019-11-15", "a date alone"],
    ["2019-11-15T18:25Z", "no seconds"],
    ["2019-11-15T18:25:43", "no offset"],
    ["2019-11-15t18:25:43Z", "lowercase t"],
    ["2019-11-15T18:25:43z", "lowercase z"],
    ["2019-11-15T18:25:43+01:00", "another offset"],
    ["2019-11-15T18:25:43-00:00", "the unknown-offset form -00:00"],
    ["2019-11-15T18:25:43+0000", "a basic-format offset"],
    ["20191115T182543Z", "the basic format"],
    ["2019-11-15T18:25:43,5Z", "a comma before the fraction"],
    ["2019-11-15T18:25:43.Z", "a dot without digits"],
    ["2019-11-15 18:25:43Z", "a space for T"],
    ["2019-13-15T18:25:43Z", "month 13"],
    ["2019-00-15T18:25:43Z", "month 00"],
    ["2019-02-29T18:25:43Z", "29 February in a common year"],
    ["1900-02-29T18:25:43Z", "29 February 1900 (not a leap year)"],
    ["2019-04-31T18:25:43Z", "31 April"],
    ["2019-11-00T18:25:43Z", "day 00"],
    ["2019-11-15T24:00:00Z", "24:00"],
    ["2019-11-15T18:60:43Z", "minute 60"],
    ["2019-11-15T18:25:60Z", "second 60 outside 23:59"],
    ["2019-11-15T18:25:61Z", "second 61"],
    ["2019-11-15T18:25:43ZZ", "a trailing character"],
    ["+2019-11-15T18:25:43Z", "an expanded year"],
    ["2019-11-15T18:25:43.5\u0660Z", "a non-ASCII digit"],
    ["２019-11-15T18:25:43Z", "a fullwidth digit"],
  ])("rejects %j (%s)", (s) => expect(isIso8601Utc(s)).toBe(false));

  it("agrees with Date.parse on the calendar for every day of a leap and a common year", () => {
    for (const year of [2023, 2024]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const s = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T12:00:00Z`;
          const real = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
          expect(isIso8601Utc(s), s).toBe(real);
        }
      }
    }
  });
});

describe("hasDuplicates uses Smithy value equality", () => {
  it.each([
    [[], false],
    [["a"], false],
    [["a", "b"], false],
    [["a", "a"], true],
    [[1, 1], true],
    [[0, -0], true],
    [[NaN, NaN], true],
    [[true, false], false],
    [[1n, 1n], true],
    [[new Uint8Array([1, 2]), new Uint8Array([1, 2])], true],
    [[new Uint8Array([1, 2]), new Uint8Array([2, 1])], false],
    [[new Date(5), new Date(5)], true],
    [[new Date(5), new Date(6)], false],
    [
      [
        ["a", "b"],
        ["a", "b"],
      ],
      true,
    ],
    [
      [
        ["a", "b"],
        ["b", "a"],
      ],
      false,
    ],
    [
      [
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ],
      true,
    ],
    [[{ a: 1, b: undefined }, { a: 1 }], true],
    [[{ a: 1, b: null }, { a: 1 }], true],
    [[{ a: 1 }, { a: 2 }], false],
    [[{ a: "1" }, { a: 1 }], false],
    [[{ s: "x" }, { i: "x" }], false],
    [[{ m: { k: [1] } }, { m: { k: [1] } }], true],
    [["1", 1], false],
  ])("%o: %s", (list, duplicated) => expect(hasDuplicates(list)).toBe(duplicated));

  it("terminates on cyclic items and finds them different", () => {
    const a: Record<string, unknown> = { v: 1 };
    a.self = a;
    const b: Record<string, unknown> = { v: 1 };
    b.self = b;
    expect(hasDuplicates([a, b])).toBe(false);
  });
});

describe("isPlainObject", () => {
  class Thing {}
  it.each([
    [{}, true],
    [Object.create(null), true],
    [JSON.parse('{"__proto__": 1}'), true],
    [[], false],
    [new Map(), false],
    [new Thing(), false],
    [new Date(), false],
    [null, false],
    ["x", false],
    [Object.create({}), false],
  ])("%o: %s", (v, plain) => expect(isPlainObject(v)).toBe(plain));
});

describe("decimals (the TypeScript form of bigDecimal)", () => {
  it.each(["0", "-1", "+2", "1.5", ".5", "5.", "1e10", "-2.5E-3"])("accepts %s", (s) =>
    expect(isDecimalString(s)).toBe(true),
  );
  it.each(["", ".", "1..2", "abc", "1e", "NaN", "Infinity", "0x10", " 1"])("rejects %j", (s) =>
    expect(isDecimalString(s)).toBe(false),
  );
  it.each([
    ["1", "1", 0],
    ["1.0", "1", 0],
    ["0.5", "0.50", 0],
    ["2.50000000000000000001", "2.5", 1],
    ["-1", "1", -1],
    ["1e3", "999.999", 1],
    ["-0.0001", "0", -1],
    ["12345678901234567890123", "12345678901234567890122", 1],
  ])("compareDecimal(%s, %s) has the sign of %i", (a, b, sign) => expect(Math.sign(compareDecimal(a, b))).toBe(sign));
});

describe("splitOnFinalCrLf", () => {
  it("tests a value ending with \\r\\n on the second program and every other value on the first", () => {
    const seen: string[] = [];
    const program = (name: string, verdict: boolean) => ({
      test: (s: string) => {
        seen.push(`${name}:${JSON.stringify(s)}`);
        return verdict;
      },
    });
    const split = splitOnFinalCrLf(program("other", true), program("crlf", false));
    expect(["a\r\n", "a\n", "a\r", "\r\n", "a\r\nb", ""].map((s) => split.test(s))).toEqual([
      false,
      true,
      true,
      false,
      true,
      true,
    ]);
    expect(seen).toEqual([
      'crlf:"a\\r\\n"',
      'other:"a\\n"',
      'other:"a\\r"',
      'crlf:"\\r\\n"',
      'other:"a\\r\\nb"',
      'other:""',
    ]);
  });
});

describe("paths", () => {
  it("escapes ~ and / in a map key (RFC 6901)", () => {
    expect(pointerSegment("a/b~c")).toBe("a~1b~0c");
    expect(pointerSegment("plain")).toBe("plain");
  });
  it("joins a helper's path and segment only when asked", () => {
    expect(at("/list", 3)).toBe("/list/3");
    expect(at("/map", "a/b")).toBe("/map/a~1b");
    expect(at("/x", undefined)).toBe("/x");
  });
});

describe("checkDocument", () => {
  const issues = (v: unknown) => {
    const out: ValidationIssue[] = [];
    checkDocument(v, "/doc", out);
    return out.map((i) => `${i.path} ${i.constraint}`);
  };
  it("accepts JSON values", () => expect(issues({ a: [1, "x", null, true, { b: {} }] })).toEqual([]));
  it("reports each non-JSON value at its path", () => {
    expect(issues({ a: [1, NaN], f: () => 1, m: new Map(), d: new Date(0), u: undefined, b: 1n })).toEqual([
      "/doc/a/1 type",
      "/doc/f type",
      "/doc/m type",
      "/doc/d type",
      "/doc/u type",
      "/doc/b type",
    ]);
  });
  it("reports a cycle instead of following it", () => {
    const a: Record<string, unknown> = {};
    a.x = [a];
    expect(issues(a)).toEqual(["/doc/x/0 cycle"]);
  });
});

describe("validator, recursiveValidator and guard (the exported validators built from checkers)", () => {
  const NOT_STRING = { constraint: "type", text: "Member must be a string" } as const;
  /** A checker as generated code writes one: reports at its path only when the value is not a string. */
  const checkText = (value: unknown, base: string, segment: string | number | undefined, out: ValidationIssue[]) => {
    if (typeof value !== "string") report(out, at(base, segment), NOT_STRING);
  };

  it("runs the checker at the root path and returns its issues", () => {
    const validate = validator(checkText);
    expect(validate("ok")).toEqual([]);
    expect(validate(1)).toEqual([
      { path: "", constraint: "type", message: "Value at '' failed to satisfy constraint: Member must be a string" },
    ]);
  });

  it("reports an unreadable value instead of throwing when the checker throws", () => {
    const validate = validator(() => {
      throw new Error("getter threw");
    });
    expect(validate({}).map((i) => [i.path, i.constraint])).toEqual([["", "type"]]);
  });

  it("gives a recursive checker a fresh, empty `seen` on every call", () => {
    const seenLengths: number[] = [];
    const validate = recursiveValidator((value, _base, _segment, _out, seen) => {
      seenLengths.push(seen.length);
      seen.push(value as object);
    });
    validate({});
    validate({});
    expect(seenLengths).toEqual([0, 0]);
  });

  it("makes a type guard that narrows: true exactly when the validator finds no issue", () => {
    const isText: (value: unknown) => value is string = guard(validator(checkText));
    const value: unknown = "abc";
    if (isText(value)) expect(value.length).toBe(3);
    expect(isText(42)).toBe(false);
  });
});
