/**
 * The generation-time check that decides which patterns run on RE2: it must flag the patterns
 * whose automaton is ambiguous (exponentially or polynomially many ways to read one text) and
 * leave unambiguous ones, anchored or not, on RegExp.
 */
import { describe, expect, it } from "vitest";
import { KNOWN_CATASTROPHIC } from "../../bench/patterns/redos-known.js";
import { backtrackingRisk } from "../../generator/patterns/backtracking-risk.js";
import { rewriteNestedQuantifiers } from "../../generator/patterns/nested-quantifiers.js";
import { parseJavaPattern } from "../../generator/patterns/parse-java.js";

const riskOf = (pattern: string) => backtrackingRisk(rewriteNestedQuantifiers(parseJavaPattern(pattern).root).root);

describe("backtracking risk", () => {
  it.each([...KNOWN_CATASTROPHIC])("flags the known catastrophic %s as written", (pattern) => {
    expect(backtrackingRisk(parseJavaPattern(pattern).root)).toBeDefined();
  });

  it.each([
    ["^(\\w+.)+\\w+$", "exponential"],
    ["^(ab|a[a-z])*$", "exponential"],
    ["^(x\\w*)+$", "exponential"],
    ["^arn:aws:.+:[0-9]{12}:.+$", "polynomial"],
    ["^[a-z]+[a-z0-9]*$", "polynomial"],
    ["[a-z]+$", "polynomial"],
  ])("flags %s as %s", (pattern, risk) => {
    expect(riskOf(pattern)).toBe(risk);
  });

  it.each([
    "^[a-z]+$",
    "^([a-zA-Z0-9]+-)*[a-zA-Z0-9]+$",
    "^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+$",
    "^arn:aws:iam::\\d{12}:role/.*$",
    "[a-zA-Z0-9_-]+",
    "^[0-9]{1,63}$",
    "^(0|[1-9]\\d*)(\\.(0|[1-9]\\d*))*$",
  ])("leaves the unambiguous %s alone", (pattern) => {
    expect(riskOf(pattern)).toBeUndefined();
  });

  it("reads a nested repeat the nested-quantifier rewrites make safe as safe", () => {
    expect(backtrackingRisk(parseJavaPattern("^([0-9]+)+$").root)).toBe("exponential");
    expect(riskOf("^([0-9]+)+$")).toBeUndefined();
  });

  it.each([
    "^([^/]([!-~]+/){1,511})?[A-Za-z0-9_+=,.@-]{1,64}$",
    "^arn:aws:iam::[0-9]{12}:role/(([^/][!-~]+/){1,511})?[A-Za-z0-9_+=,.@-]{1,64}$",
  ])("reads the IAM role path %s as safe once its pieces are merged", (pattern) => {
    expect(backtrackingRisk(parseJavaPattern(pattern).root)).toBeDefined();
    expect(riskOf(pattern)).toBeUndefined();
  });
});
