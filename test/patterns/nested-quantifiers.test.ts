/**
 * Nested and overlapping quantifiers are rewritten into forms that match exactly the same
 * strings but cannot backtrack catastrophically. Each case checks both halves of that claim:
 * verdicts equal to the pattern as written (compared on every short string over the pattern's
 * alphabet plus a character it rejects), and a long adversarial input that the rewritten RegExp
 * finishes (in a child process, so a regression shows up as a killed process, not a hung run).
 */
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { translatePattern } from "../../generator/patterns/translate.js";

const REWRITE_NOTE =
  "nested quantifiers rewritten to a form that matches the same strings without catastrophic backtracking";

/** Pattern, the characters its strings are made of, and an input that is exponential as written. */
const CASES: Array<[pattern: string, alphabet: string, attack: string]> = [
  ["^([0-9]+)+$", "0123a", `${"1".repeat(5000)}a`],
  ["^(a*)*$", "ab", `${"a".repeat(5000)}b`],
  ["^(a+)*b$", "ab", `${"a".repeat(5000)}c`],
  ["^[a-zA-Z0-9](-*[a-zA-Z0-9\\+\\-\\.])*$", "a-+._", `a${"-".repeat(5000)}_`],
  ["^[a-z0-9](-*[a-z0-9-]){0,62}$", "a-0_", `a${"-".repeat(5000)}_`],
  ["^(a|b)+$", "abc", `${"ab".repeat(2500)}c`],
  ["^(?:[._/a-z0-9*]?[a-z0-9*]+)*$", "a._/*!", `${"a".repeat(5000)}!`],
  ["^[a-z]+[a-z]*$", "ab1", `${"a".repeat(5000)}1`],
  ["^[ \\t]*[a-z ]+([ \\t]+[a-z ]+)*[ \\t]*$", "a \t!", `${"a ".repeat(2500)}!`],
  // Counted pieces that merge: the bounds of 3 are reached within the compared strings' length.
  ["^([a-z/]+/){1,3}$", "a/!", `${"a/".repeat(2500)}!`],
  ["^x([^/][a-z/]+/){0,3}$", "a/é!x", `x${"a/".repeat(2500)}!`],
  ["^([^/][a-z/]+/){1,3}$", "a/é!", `${"é/".repeat(2500)}!`],
  ["^(.+:){2,4}$", "a:", `${"a:".repeat(2500)}a`],
  ["^([^/]([!-~]+/){1,511})?[A-Za-z0-9_+=,.@-]{1,64}$", "a/é!", `${"a/".repeat(2047)}!`],
];

/** The translation as a RegExp, requiring that the rewrite was applied. */
function rewritten(pattern: string): RegExp {
  const t = translatePattern(pattern);
  if (!t.ok) throw new Error(`${pattern} did not translate: ${t.reason}`);
  expect(t.notes).toContain(REWRITE_NOTE);
  return new RegExp(t.source, t.flags);
}

describe("nested quantifier rewrites", () => {
  it.each(CASES)("%s matches exactly what it matched as written", (pattern, alphabet) => {
    // These patterns read the same in Java and JavaScript, apart from `$` before a final line
    // terminator, which the alphabets leave out: the pattern as written is the reference.
    const reference = new RegExp(pattern, "u");
    const re = rewritten(pattern);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 14 }), (s) => {
        expect(re.test(s)).toBe(reference.test(s));
      }),
      { numRuns: 2000 },
    );
  });

  it.each(CASES)("%s finishes on its adversarial input once rewritten", (pattern, _alphabet, attack) => {
    const t = translatePattern(pattern);
    if (!t.ok) throw new Error(t.reason);
    const script =
      "const [source, flags, input] = JSON.parse(process.argv[1]); process.stdout.write(String(new RegExp(source, flags).test(input)));";
    // The deadline only tells a hang from an answer; as written, these take longer than the age of the universe.
    const child = spawnSync(process.execPath, ["-e", script, JSON.stringify([t.source, t.flags, attack])], {
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(child.signal).toBeNull();
    // Every attack ends in a character the pattern rejects.
    expect(child.stdout).toBe("false");
  });

  it.each([
    ["^([^/][a-z/]+/){1,3}$", ""],
    ["^x([^/][a-z/]+/){0,3}$", "x"],
    ["^([^/][a-z/]+/){1,}$", ""],
  ])("%s still counts the pieces that cannot merge into the one before", (pattern, lead) => {
    // Only pieces that begin outside [a-z/] (é) stay separate, so their number decides the verdict.
    const reference = new RegExp(pattern, "u");
    const re = rewritten(pattern);
    for (let k = 0; k <= 5; k++) {
      for (const first of ["", "a/", "éa/", "aa//"]) {
        for (const piece of ["éa/", "éa//", "é//", "éa/a/"]) {
          const s = lead + first + piece.repeat(k);
          expect(re.test(s), JSON.stringify(s)).toBe(reference.test(s));
        }
      }
    }
  });

  it("leaves pieces alone when none can merge into the one before", () => {
    // Every piece begins with a character its run never reads.
    const t = translatePattern("^([^/a-z][a-z/]+/){1,3}$");
    expect(t.ok && t.notes.includes(REWRITE_NOTE)).toBe(false);
  });

  it("leaves a loop alone when its pieces can only split one way", () => {
    // `-*` and `[a-zA-Z0-9]` share no character: every piece ends at the only alphanumeric it can.
    const t = translatePattern("^[a-zA-Z0-9](-*[a-zA-Z0-9])*$");
    expect(t.ok && t.notes.includes(REWRITE_NOTE)).toBe(false);
  });

  it("leaves a group that a back-reference reads alone", () => {
    const t = translatePattern("^(a+)+\\1$");
    expect(t.ok && t.notes.includes(REWRITE_NOTE)).toBe(false);
  });

  it("leaves patterns without nested quantifiers unchanged", () => {
    const t = translatePattern("^[a-z0-9-]{1,64}");
    expect(t.ok && t.source).toBe("^[a-z0-9-]{1,64}");
  });
});
