/**
 * The RE2 form of a Java pattern (generator/patterns/emit-re2.ts, run by re2js) against Java's own recorded verdicts:
 * every hand-picked tricky pattern of java-verdicts.json that RE2 can express must give Java's
 * `find()` verdict on every recorded string; the rest must be refused with a reason.
 */
import { readFileSync } from "node:fs";
import { RE2JS } from "re2js";
import { describe, expect, it } from "vitest";
import { type Re2Emission, emitRe2 } from "../../generator/patterns/emit-re2.js";
import { re2Form } from "../../generator/patterns/engine.js";
import { rewriteNestedQuantifiers } from "../../generator/patterns/nested-quantifiers.js";
import { parseJavaPattern } from "../../generator/patterns/parse-java.js";
import { re2Tester } from "../../bench/patterns/re2-tester.js";

interface Entry {
  pattern: string;
  why: string;
  expect: "translates" | "untranslatable" | "java-rejects";
  cases?: { input: string; java: boolean }[];
}

const fixture = JSON.parse(readFileSync(new URL("./java-verdicts.json", import.meta.url), "utf8")) as {
  entries: Entry[];
};

/** The RE2 form, or the reason it was refused. */
const re2Of = re2Form;

const translatable = fixture.entries.filter((e) => e.expect === "translates");
const expressed = translatable.flatMap((e) => {
  const form = re2Of(e.pattern);
  return typeof form === "string" ? [] : [{ entry: e, form }];
});

describe("RE2 forms agree with Java's find() on every recorded string", () => {
  it.each(expressed.map(({ entry, form }) => [entry.why, entry, form] as const))("%s", (_why, entry, form) => {
    const re = re2Tester(form);
    const got = (entry.cases ?? []).map((c) => ({ input: c.input, verdict: re.test(c.input) }));
    expect(got).toEqual((entry.cases ?? []).map((c) => ({ input: c.input, verdict: c.java })));
  });

  it("covers most of the recorded patterns (the rest need lookarounds, \\b or back-references)", () => {
    expect(expressed.length).toBeGreaterThanOrEqual(translatable.length / 2);
  });
});

describe("what RE2 cannot express is refused with a reason", () => {
  it.each([
    ["^(?!d-)[a-z]+$", /lookaround/],
    ["(a)\\1", /back-reference/],
    ["\\bword\\b", /\\b or \\B/],
    ["(?m)^a$", /multi-line anchor/],
    ["a$b", /`\$` with more of the pattern after it/],
    ["(?>a|ab)c", /atomic group/],
    ["(?:a|ab)++c", /possessive/],
    ["[\\p{L}&&[^a]]", /character class RE2 cannot write/],
  ])("%s", (pattern, reason) => {
    const form = re2Of(pattern);
    expect(typeof form).toBe("string");
    expect(form).toMatch(reason);
  });
});

describe("counted repeats", () => {
  it("a counted repeat of more states than re2js runs quickly is refused unless the risk is exponential", () => {
    expect(re2Of("^[a-z]{1,2048}$")).toMatch(/about 2048 states/);
    expect(re2Of("^(?:[a-z]{1,63}\\.){0,2}[a-z]{1,63}$")).toMatchObject({ crlfSource: undefined });
  });

  it.each(["^\\*|[\\w\\-]{1,2048}$", "^(^$)|([\\w\\-]{1,1023}/$)$"])(
    "runs at the open ends of %s are shortened, with the same verdicts",
    (pattern) => {
      const trimmed = re2Of(pattern);
      // The same pattern emitted without the trimming: RE2 with every counted repeat written out.
      const whole = emitRe2(rewriteNestedQuantifiers(parseJavaPattern(pattern).root).root);
      if (typeof trimmed === "string" || typeof whole === "string") throw new Error("no RE2 form");
      const size = (form: { source: string }) => RE2JS.compile(form.source).programSize();
      expect(size(trimmed) * 10).toBeLessThan(size(whole));
      const inputs = [
        "",
        "*",
        "a",
        "-",
        "!",
        "a!",
        "!a",
        "a/",
        "a".repeat(1023) + "/",
        "a".repeat(1024) + "/",
        "a".repeat(3000),
        "a".repeat(3000) + "!",
        "!\n",
        "ab\n",
        "ab\r\n",
        "a/\n",
      ];
      const run = (form: Re2Emission) => inputs.map((s) => re2Tester(form).test(s));
      expect(run(trimmed)).toEqual(run(whole));
    },
  );
});

describe("the `$` of Java", () => {
  it("needs a second program, for values ending with \\r\\n, only where a \\r may come just before it", () => {
    expect(re2Of("^[a-z]+$")).toMatchObject({ crlfSource: undefined });
    expect(re2Of("^[^/]+$")).toMatchObject({ crlfSource: expect.any(String) });
    expect(re2Of("^$|^[\\p{L}]+$")).toMatchObject({ crlfSource: undefined });
    expect(re2Of("x\\s$")).toMatchObject({ crlfSource: expect.any(String) });
  });

  it.each(["^[^/]+$", "x\\s$", "^a[\\s\\S]*$"])(
    "%s gives Java's verdicts on values ending with line terminators",
    (pattern) => {
      const form = re2Of(pattern);
      if (typeof form === "string") throw new Error(form);
      // Java's own verdicts (java.util.regex, JDK 17): `$` never stands between \r and \n, so `x\s$`
      // rejects "x\r\n" (`\s` can only take the \r) but accepts "x\r\r\n".
      const java: Record<string, Record<string, boolean>> = {
        "^[^/]+$": {
          "ab\r\n": true,
          "ab\r": true,
          "ab\n": true,
          "\r\n": true,
          "\r": true,
          "a/\r\n": false,
          "ab\r\n\n": true,
          "/\r\n": false,
        },
        "x\\s$": {
          "x\r\n": false,
          "x \r\n": true,
          "x\r": true,
          "x\n": true,
          "x\r\r\n": true,
          "x\n\n": true,
          "x\t\r\n": true,
        },
        "^a[\\s\\S]*$": { "a\r\n": true, "a\r": true, "a/\r\n": true, "b\r\n": false },
      };
      const verdicts = java[pattern] ?? {};
      const tester = re2Tester(form);
      expect(Object.fromEntries(Object.keys(verdicts).map((s) => [s, tester.test(s)]))).toEqual(verdicts);
    },
  );

  it("runs without re2js's lookbehinds, so that re2js keeps its DFA", () => {
    for (const pattern of ["^[^/]+$", "x\\s$", "^[\\p{L}\\p{M}\\s*]*\\{##[\\p{L}\\s*]*$"]) {
      const form = re2Of(pattern);
      if (typeof form === "string") throw new Error(form);
      expect(`${form.source} ${form.crlfSource ?? ""}`).not.toContain("(?<");
    }
  });

  it("splits a run longer than RE2's repeat limit into runs it accepts", () => {
    const form = re2Form("^[a-z]{1,1001}$", true);
    if (typeof form === "string") throw new Error(form);
    const re = RE2JS.compile(form.source);
    expect([re.test("a".repeat(1001)), re.test("a".repeat(1002)), re.test("")]).toEqual([true, false, false]);
  });
});
