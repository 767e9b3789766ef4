/**
 * Runs the translator over every distinct @pattern of the shared AWS models (no Java needed):
 * every translation must compile, and the number of untranslatable patterns must not grow past
 * what was measured (2 of 3,009: ISO 8601 patterns with a back-reference to a group that may
 * not have matched). Skipped when ../shared is absent.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCorpusPatterns } from "../../bench/patterns/corpus-patterns.js";
import { translatePattern } from "../../generator/patterns/translate.js";

const MODELS = fileURLToPath(new URL("../../../shared/aws-models", import.meta.url));
const MAX_UNTRANSLATABLE = 2;
const present = existsSync(MODELS);
if (!present) console.log(`corpus.test: ${MODELS} is absent; skipping the AWS pattern corpus`);

describe.skipIf(!present)("the AWS model pattern corpus", () => {
  const corpus = present ? loadCorpusPatterns(MODELS) : [];
  const results = corpus.map(({ pattern }) => ({ pattern, result: translatePattern(pattern) }));

  it("finds the distinct patterns of the published models", () => {
    expect(corpus.length).toBeGreaterThan(3000);
  });

  it("produces a RegExp that compiles for every translated pattern", () => {
    const broken = results.flatMap(({ pattern, result }) => {
      if (!result.ok) return [];
      try {
        new RegExp(result.source, result.flags);
        return [];
      } catch (e) {
        return [`${pattern}: ${(e as Error).message}`];
      }
    });
    expect(broken).toEqual([]);
  });

  it(`leaves at most ${MAX_UNTRANSLATABLE} patterns untranslated, each with a reason`, () => {
    const failed = results.filter((r) => !r.result.ok);
    expect(failed.map((r) => r.pattern).length).toBeLessThanOrEqual(MAX_UNTRANSLATABLE);
    for (const { result } of failed) if (!result.ok) expect(result.reason).toMatch(/^no JavaScript equivalent: /);
  });

  it("translates Fraud Detector's ARN pattern, which JavaScript rejects as written", () => {
    const arn = "^arn\\:aws[a-z-]{0,15}\\:frauddetector\\:[a-z0-9-]{3,20}\\:[0-9]{12}\\:[^\\s]{2,128}$";
    expect(corpus.some((c) => c.pattern === arn)).toBe(true);
    expect(() => new RegExp(arn, "u")).toThrow();
    const result = translatePattern(arn);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const re = new RegExp(result.source, result.flags);
    expect(re.test("arn:aws:frauddetector:us-east-1:123456789012:detector/x")).toBe(true);
    expect(re.test("arn:aws:frauddetector:us-east-1:123456789012:a b")).toBe(false);
  });
});
