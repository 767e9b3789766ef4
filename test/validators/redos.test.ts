/**
 * The patterns that made RegExp backtrack for seconds run, through the generated validator, on
 * their worst-case input of their maximum length, and finish with Java's verdict. The worst cases
 * and Java's verdicts come from bench/patterns/make-redos-fixture.ts (Java answers on the same
 * string with the pump repeated 1 to 8 times; on the full string it backtracks like RegExp did).
 * Times are measured by `npx tsx bench/patterns/corpus.ts --redos`, not here.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KNOWN_CATASTROPHIC } from "../../bench/patterns/redos-known.js";
import { validatorPattern } from "../../generator/patterns/engine.js";
import { validator, validatorsOfModel } from "./generated.js";

interface WorstCase {
  pattern: string;
  maxLength: number | null;
  worstCase: string;
  family: string[];
  java: boolean;
}

const cases = JSON.parse(readFileSync(new URL("./redos-worst-cases.json", import.meta.url), "utf8")) as WorstCase[];

/** A model whose input has one member per pattern, each on a string shape with the pattern and its length limit. */
function modelOf(patterns: readonly { pattern: string; maxLength: number | null }[]) {
  const shapes: Record<string, object> = {};
  const members: Record<string, object> = {};
  patterns.forEach((c, i) => {
    const traits: Record<string, unknown> = { "smithy.api#pattern": c.pattern };
    if (c.maxLength !== null) traits["smithy.api#length"] = { max: c.maxLength };
    shapes[`a.b#S${i}`] = { type: "string", traits };
    members[`m${i}`] = { target: `a.b#S${i}` };
  });
  return {
    smithy: "2.0",
    shapes: {
      "a.b#Service": { type: "service", version: "1", operations: [{ target: "a.b#Op" }], traits: { "aws.protocols#awsJson1_1": {} } },
      "a.b#Op": { type: "operation", input: { target: "a.b#OpInput" } },
      "a.b#OpInput": { type: "structure", members, traits: { "smithy.api#input": {} } },
      ...shapes,
    },
  };
}

describe("patterns at risk of catastrophic backtracking", () => {
  it("the fixture holds the 11 known ones", () => {
    expect(cases.map((c) => c.pattern)).toEqual([...KNOWN_CATASTROPHIC]);
  });

  it("are put on RE2 at generation time, and the client folder declares re2js", async () => {
    const { text, ir } = await validatorsOfModel(modelOf(cases));
    for (const c of cases) expect(validatorPattern(c.pattern)).toMatchObject({ ok: true, engine: "re2" });
    expect(text.match(/= \/\* @__PURE__ \*\/ RE2JS\.compile\(/g)?.length).toBe(cases.length);
    expect(text).not.toContain("new RegExp(");
    expect(text).toMatch(/^import \{ RE2JS \} from "re2js";$/m);
    expect(JSON.parse(ir.packageJson).dependencies).toHaveProperty("re2js");
  });

  it("finish on their worst case within their length limit, with Java's verdict", async () => {
    const { module } = await validatorsOfModel(modelOf(cases));
    const validate = validator(module, "validateOpInput");
    cases.forEach((c, i) => {
      if (c.maxLength !== null) expect([...c.worstCase].length).toBeLessThanOrEqual(c.maxLength);
      const patternIssue = (s: string): boolean => validate({ [`m${i}`]: s }).some((issue) => issue.constraint === "pattern");
      expect(patternIssue(c.worstCase), c.pattern).toBe(!c.java);
      for (const s of c.family) expect(patternIssue(s), `${c.pattern} on ${JSON.stringify(s)}`).toBe(!c.java);
    });
  });

  it("a model whose patterns are not at risk keeps RegExp and does not depend on re2js", async () => {
    const { text, ir } = await validatorsOfModel(modelOf([{ pattern: "^[a-z]+(-[a-z]+)*$", maxLength: 64 }]));
    expect(text).toContain("new RegExp(");
    expect(text).not.toContain("re2js");
    expect(JSON.parse(ir.packageJson).dependencies).not.toHaveProperty("re2js");
  });
});
