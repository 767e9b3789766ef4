/**
 * What the translator writes for Java constructs, case by case: readable output where nothing
 * needs to change, Java's meaning where it differs, renumbered back-references, refusals with
 * reasons, and no exceptions whatever the input.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { translatePattern } from "../../generator/patterns/translate.js";

function translated(pattern: string): { source: string; flags: string; notes: string[]; re: RegExp } {
  const result = translatePattern(pattern);
  if (!result.ok) throw new Error(`${pattern} did not translate: ${result.reason}`);
  return { ...result, re: new RegExp(result.source, result.flags) };
}

const DOLLAR = "(?=(?:\\r\\n|(?<!\\r)\\n|[\\r\\x85\\u2028\\u2029])?$)";

describe("translatePattern output", () => {
  it.each([
    ["keeps a pattern JavaScript reads the same way", "^[a-z0-9-]{1,64}", "^[a-z0-9-]{1,64}"],
    ["drops needless escapes", "^arn\\:aws\\_x\\-y", "^arn:aws_x-y"],
    ["writes $ as Java's end-or-final-terminator test", "^[a-z]+$", `^[a-z]+${DOLLAR}`],
    ["makes a - after a class escape literal", "[\\w-_]", "[\\w\\-_]"],
    ["narrows \\s to ASCII whitespace", "\\s", "[\\t-\\r ]"],
    ["writes . without \\u0085", "a.b", "a[^\\n\\r\\x85\\u2028\\u2029]b"],
    ["spells (?i) out for ASCII letters", "(?i)all|[0-9]{12}", "[Aa][Ll][Ll]|[0-9]{12}"],
    ["computes a class intersection", "[\\p{Print}&&[^|:/]]", "[ -.0-9;-{}~]"],
    ["writes Java's \\p{Alnum} as ASCII", "\\p{Alnum}", "[0-9A-Za-z]"],
    ["writes \\p{IsAlphabetic} as the Unicode property", "\\p{IsAlphabetic}", "[\\p{Alphabetic}]"],
    ["joins surrogate-pair escapes", "[\\uD800\\uDC00-\\uDBFF\\uDFFF]", "[\\u{10000}-\\u{10FFFF}]"],
    ["drops a second quantifier", "[a-z]{11}{0,1011}", "[a-z]{11}"],
    ["reads a quantified $ as $", "a${2,64}", `a${DOLLAR}`],
    ["reads \\A and \\z as ^ and $", "\\Aabc\\z", "^abc$"],
    ["keeps a possessive exact count on a class as is", "[0-9]{2}+", "[0-9]{2}"],
    ["emulates a possessive star", "a*+b", "(?:(?=(a*))\\1)b"],
    ["emulates an atomic group", "(?>a|ab)c", "(?:(?=(a|ab))\\1)c"],
    ["quotes \\Q...\\E", "\\Qa.b\\E", "a\\.b"],
    ["writes \\x{...} as a code point", "\\x{1F600}", "\\u{1F600}"],
  ])("%s", (_name, java, js) => {
    expect(translated(java).source).toBe(js);
  });

  it("always uses the u flag", () => {
    for (const p of ["abc", "\\p{L}", "(?i)x", "(?s).", "\\x{1F600}"]) expect(translated(p).flags).toBe("u");
  });

  it("has no notes when the source is unchanged, and says what changed otherwise", () => {
    expect(translated("^[a-z]{3}").notes).toEqual([]);
    const notes = translated("^arn\\:aws\\_x\\s$").notes;
    expect(notes[0]).toBe("needless escapes `\\:` `\\_` read as plain characters");
    expect(notes).toContain("\\s narrowed to Java's ASCII whitespace [ \\t\\n\\x0B\\f\\r]");
    expect(notes).toContain("`$` also matches before a line terminator that ends the input, as in Java");
  });

  it("uses a neighbouring literal to shorten \\b", () => {
    const { source, re } = translated("\\bTSTALIASID\\b");
    expect(source.startsWith("(?<!")).toBe(true);
    expect(source).toContain("TSTALIASID(?!");
    expect(re.test("x TSTALIASID y")).toBe(true);
    expect(re.test("éTSTALIASID")).toBe(false);
  });

  it("renumbers back-references past the groups added for atomic groups", () => {
    const { source, re } = translated("^(a)(?>b|bc)(c)\\2$");
    expect(source).toContain("(?:\\3)");
    expect(re.test("abcc")).toBe(true);
    expect(re.test("abcb")).toBe(false);
  });

  it("guards a pattern that starts with a zero-width test against starts inside a surrogate pair", () => {
    const { source, re } = translated("(?!\\p{L})");
    expect(source.startsWith("(?:^|(?<=[^])|(?=[^]))")).toBe(true);
    expect(re.test("\u{1D400}")).toBe(true); // matches at the end, after the letter
    expect(re.exec("\u{1D400}")?.index).toBe(2);
  });

  it.each([
    [
      "a reference to a group that may not have matched",
      "(a)?\\1",
      /back-reference \\1 may run before group 1 has matched/,
    ],
    ["a Unicode block", "\\p{InGreek}", /Unicode block/],
    ["(?U)", "(?U)\\w", /\(\?U\)/],
    ["CANON_EQ", "(?c)a", /\(\?c\)/],
    ["\\N{...}", "\\N{LATIN SMALL LETTER A}", /named character/],
  ])("refuses %s", (_name, java, reason) => {
    const result = translatePattern(java);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it("never throws, and every translation compiles, whatever the input", () => {
    const alphabet = fc.constantFrom(
      ..."ab()[]{}^$.*+?|\\-&:pPQExu0123{},<=!>#iskdmwW \n\u{1F600}é".split(""),
      "\\p{L}",
      "(?i)",
      "\\x{41}",
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 14 }), (parts) => {
        const result = translatePattern(parts.join(""));
        if (result.ok) new RegExp(result.source, result.flags);
      }),
      { numRuns: 3000 },
    );
  });
});
