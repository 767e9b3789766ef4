/**
 * The RE2 form of a Java pattern (generator/patterns/emit-re2.ts, run by re2js) against Java's own recorded verdicts:
 * every hand-picked tricky pattern of java-verdicts.json that RE2 can express must give Java's
 * `find()` verdict on every recorded string; the rest must be refused with a reason.
 */
import { readFileSync } from "node:fs";
import { RE2JS } from "re2js";
import { describe, expect, it } from "vitest";
import { emitRe2 } from "../../generator/patterns/emit-re2.js";
import { re2Form } from "../../generator/patterns/engine.js";
import { rewriteNestedQuantifiers } from "../../generator/patterns/nested-quantifiers.js";
import { parseJavaPattern } from "../../generator/patterns/parse-java.js";

interface Entry {
  pattern: string;
  why: string;
  expect: "translates" | "untranslatable" | "java-rejects";
  cases?: { input: string; java: boolean }[];
}

const fixture = JSON.parse(readFileSync(new URL("./java-verdicts.json", import.meta.url), "utf8")) as { entries: Entry[] };

/** The RE2 form, or the reason it was refused. */
const re2Of = re2Form;

const translatable = fixture.entries.filter((e) => e.expect === "translates");
const expressed = translatable.flatMap((e) => {
  const form = re2Of(e.pattern);
  return typeof form === "string" ? [] : [{ entry: e, form }];
});

describe("RE2 forms agree with Java's find() on every recorded string", () => {
  it.each(expressed.map(({ entry, form }) => [entry.why, entry, form] as const))("%s", (_why, entry, form) => {
    const re = RE2JS.compile(form.source, form.lookbehinds ? RE2JS.LOOKBEHINDS : 0);
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
    expect(re2Of("^(?:[a-z]{1,63}\\.){0,2}[a-z]{1,63}$")).toMatchObject({ lookbehinds: false });
  });

  it.each(["^\\*|[\\w\\-]{1,2048}$", "^(^$)|([\\w\\-]{1,1023}/$)$"])("runs at the open ends of %s are shortened, with the same verdicts", (pattern) => {
    const trimmed = re2Of(pattern);
    // The same pattern emitted without the trimming: RE2 with every counted repeat written out.
    const whole = emitRe2(rewriteNestedQuantifiers(parseJavaPattern(pattern).root).root);
    if (typeof trimmed === "string" || typeof whole === "string") throw new Error("no RE2 form");
    const size = (form: { source: string; lookbehinds: boolean }) => RE2JS.compile(form.source, form.lookbehinds ? RE2JS.LOOKBEHINDS : 0).programSize();
    expect(size(trimmed) * 10).toBeLessThan(size(whole));
    const inputs = ["", "*", "a", "-", "!", "a!", "!a", "a/", "a".repeat(1023) + "/", "a".repeat(1024) + "/", "a".repeat(3000), "a".repeat(3000) + "!", "!\n", "ab\n", "ab\r\n", "a/\n"];
    const run = (source: string) => inputs.map((s) => RE2JS.compile(source, trimmed.lookbehinds ? RE2JS.LOOKBEHINDS : 0).test(s));
    expect(run(trimmed.source)).toEqual(run(whole.source));
  });
});

describe("the `$` of Java", () => {
  it("needs the lookbehind only where a \\r may come just before it", () => {
    expect(re2Of("^[a-z]+$")).toMatchObject({ lookbehinds: false });
    expect(re2Of("^[^/]+$")).toMatchObject({ lookbehinds: true });
    expect(re2Of("^$|^[\\p{L}]+$")).toMatchObject({ lookbehinds: false });
    expect(re2Of("x\\s$")).toMatchObject({ lookbehinds: true });
  });

  it("splits a run longer than RE2's repeat limit into runs it accepts", () => {
    const form = re2Form("^[a-z]{1,1001}$", true);
    if (typeof form === "string") throw new Error(form);
    const re = RE2JS.compile(form.source);
    expect([re.test("a".repeat(1001)), re.test("a".repeat(1002)), re.test("")]).toEqual([true, false, false]);
  });
});
