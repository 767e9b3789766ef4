/**
 * Replays Java's own verdicts (recorded by bench/patterns/make-fixture.ts from java.util.regex)
 * against the translated RegExps: for every hand-picked tricky pattern and string, `test()` must
 * equal Java's `Matcher.find()`. Needs neither Java nor the shared models.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { re2Tester } from "../../bench/patterns/re2-tester.js";
import { validatorPattern } from "../../generator/patterns/engine.js";
import { translatePattern } from "../../generator/patterns/translate.js";

interface Entry {
  pattern: string;
  why: string;
  expect: "translates" | "untranslatable" | "java-rejects";
  javaError?: string;
  cases?: { input: string; java: boolean }[];
}

const fixture = JSON.parse(readFileSync(new URL("./java-verdicts.json", import.meta.url), "utf8")) as {
  entries: Entry[];
};

describe("translated patterns agree with Java's find() on every recorded string", () => {
  const translatable = fixture.entries.filter((e) => e.expect === "translates");
  it.each(translatable.map((e) => [e.why, e] as const))("%s", (_why, entry) => {
    const result = translatePattern(entry.pattern);
    if (!result.ok) throw new Error(`did not translate ${JSON.stringify(entry.pattern)}: ${result.reason}`);
    const re = new RegExp(result.source, result.flags);
    const got = (entry.cases ?? []).map((c) => ({ input: c.input, verdict: re.test(c.input) }));
    expect(got).toEqual((entry.cases ?? []).map((c) => ({ input: c.input, verdict: c.java })));
  });

  it("covers a few dozen patterns and a few hundred strings", () => {
    expect(translatable.length).toBeGreaterThanOrEqual(60);
    expect(translatable.reduce((n, e) => n + (e.cases?.length ?? 0), 0)).toBeGreaterThanOrEqual(250);
  });
});

describe("patterns with no exact JavaScript form are refused with a reason", () => {
  const refused = fixture.entries.filter((e) => e.expect === "untranslatable");
  it.each(refused.map((e) => [e.pattern, e] as const))("refuses %s", (_p, entry) => {
    const result = translatePattern(entry.pattern);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^no JavaScript equivalent: /);
  });
});

describe("patterns Java rejects are reported as invalid Java", () => {
  const rejected = fixture.entries.filter((e) => e.expect === "java-rejects");
  it.each(rejected.map((e) => [e.pattern, e] as const))("rejects %s", (_p, entry) => {
    const result = translatePattern(entry.pattern);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(`not a valid Java regex: ${entry.javaError}`);
  });
});

describe("the form a validator runs agrees with Java's find() on every recorded string", () => {
  // engine.ts: the RegExp translation, the RegExp written with its open ends shortened (at risk,
  // but RE2 cannot express it), or the RE2 form (split on a final \r\n where `$` may follow a \r).
  const translatable = fixture.entries.filter((e) => e.expect === "translates");
  const forms = translatable.map((e) => ({ entry: e, form: validatorPattern(e.pattern) }));
  it.each(forms.map(({ entry, form }) => [entry.why, entry, form] as const))("%s", (_why, entry, form) => {
    if (!form.ok) throw new Error(`did not translate ${JSON.stringify(entry.pattern)}: ${form.reason}`);
    const tester = form.engine === "re2" ? re2Tester(form) : new RegExp(form.source, form.flags);
    const got = (entry.cases ?? []).map((c) => ({ input: c.input, verdict: tester.test(c.input) }));
    expect(got).toEqual((entry.cases ?? []).map((c) => ({ input: c.input, verdict: c.java })));
  });

  it("covers each engine choice", () => {
    const shortened = forms.filter(
      ({ form }) =>
        form.ok &&
        form.engine === "regexp" &&
        form.notes.some((n) => n.startsWith("runs at the pattern's unanchored ends")),
    );
    const split = forms.filter(({ form }) => form.ok && form.engine === "re2" && form.crlfSource !== undefined);
    expect(shortened.length).toBeGreaterThanOrEqual(1);
    expect(split.length).toBeGreaterThanOrEqual(1);
    expect(forms.filter(({ form }) => form.ok && form.engine === "re2").length).toBeGreaterThanOrEqual(2);
  });
});
