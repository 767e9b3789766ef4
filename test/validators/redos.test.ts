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
import { worstCaseInputs } from "../../bench/patterns/worst-case.js";
import { backtrackingRisk } from "../../generator/patterns/backtracking-risk.js";
import { validatorPattern } from "../../generator/patterns/engine.js";
import { rewriteNestedQuantifiers } from "../../generator/patterns/nested-quantifiers.js";
import { parseJavaPattern } from "../../generator/patterns/parse-java.js";
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
      "a.b#Service": {
        type: "service",
        version: "1",
        operations: [{ target: "a.b#Op" }],
        traits: { "aws.protocols#awsJson1_1": {} },
      },
      "a.b#Op": { type: "operation", input: { target: "a.b#OpInput" } },
      "a.b#OpInput": { type: "structure", members, traits: { "smithy.api#input": {} } },
      ...shapes,
    },
  };
}

/** Milliseconds of CPU time `run` takes (user + system: what other processes do not add to). */
function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe("patterns at risk of catastrophic backtracking", () => {
  it("the fixture holds the 11 known ones", () => {
    expect(cases.map((c) => c.pattern)).toEqual([...KNOWN_CATASTROPHIC]);
  });

  it("run on RE2, or on RegExp where the rewrites left no risk, and the client folder declares re2js", async () => {
    const { text, ir } = await validatorsOfModel(modelOf(cases));
    const forms = cases.map((c) => validatorPattern(c.pattern));
    for (const [i, form] of forms.entries()) {
      if (!form.ok) throw new Error(`does not translate: ${cases[i]?.pattern}`);
      // On RegExp only when the tree RegExp runs has no ambiguity left (not merely kept there).
      if (form.engine === "regexp") expect(form.riskKept, cases[i]?.pattern).toBeUndefined();
      if (form.engine === "regexp")
        expect(
          backtrackingRisk(rewriteNestedQuantifiers(parseJavaPattern(cases[i]?.pattern ?? "").root).root),
        ).toBeUndefined();
    }
    const onRe2 = forms.filter((f) => f.ok && f.engine === "re2").length;
    // The two IAM role paths lose their risk when their pieces merge (nested-quantifiers.ts).
    expect(onRe2).toBe(cases.length - 2);
    expect(text.match(/= \/\* @__PURE__ \*\/ (?:RE2JS\.compile|splitOnFinalCrLf)\(/g)?.length).toBe(onRe2);
    expect(text.match(/= \/\* @__PURE__ \*\/ new RegExp\(/g)?.length).toBe(cases.length - onRe2);
    expect(text).toMatch(/^import \{ RE2JS \} from "re2js";$/m);
    expect(JSON.parse(ir.packageJson).dependencies).toHaveProperty("re2js");
  });

  it("finish on their worst case within their length limit, with Java's verdict", async () => {
    const { module } = await validatorsOfModel(modelOf(cases));
    const validate = validator(module, "validateOpInput");
    cases.forEach((c, i) => {
      if (c.maxLength !== null) expect([...c.worstCase].length).toBeLessThanOrEqual(c.maxLength);
      const patternIssue = (s: string): boolean =>
        validate({ [`m${i}`]: s }).some((issue) => issue.constraint === "pattern");
      expect(patternIssue(c.worstCase), c.pattern).toBe(!c.java);
      for (const s of c.family) expect(patternIssue(s), `${c.pattern} on ${JSON.stringify(s)}`).toBe(!c.java);
    });
  });

  it("take far less CPU time on their worst case than they took before", async () => {
    const { module } = await validatorsOfModel(modelOf(cases));
    const validate = validator(module, "validateOpInput");
    // Each now takes well under a millisecond; before, RegExp took seconds and re2js 0.3 s on the
    // IAM role paths. The bound is a hundred times the present cost, on CPU time (which other
    // processes on a loaded machine do not add to), the fastest of three runs.
    cases.forEach((c, i) => {
      const runs = [0, 1, 2].map(() => cpuMs(() => validate({ [`m${i}`]: c.worstCase })));
      expect(Math.min(...runs), c.pattern).toBeLessThan(100);
    });
  });

  it("a model whose patterns are not at risk keeps RegExp and does not depend on re2js", async () => {
    const { text, ir } = await validatorsOfModel(modelOf([{ pattern: "^[a-z]+(-[a-z]+)*$", maxLength: 64 }]));
    expect(text).toContain("new RegExp(");
    expect(text).not.toContain("re2js");
    expect(JSON.parse(ir.packageJson).dependencies).not.toHaveProperty("re2js");
  });
});

describe("the corpus patterns that took 10 ms or more at their maximum length (corpus.ts --redos)", () => {
  const slow = [
    // RegExp: a run at an unanchored start, retried from every position (8 to 20 ms at 2,048).
    {
      pattern:
        "^(arn:aws:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:flow/[0-9a-zA-Z]{10}/alias/[0-9a-zA-Z]{10})|(\\bTSTALIASID\\b|[0-9a-zA-Z]+)$",
      maxLength: 2048,
    },
    // RE2 with a lookbehind for `$`, which turned off re2js's DFA (7 to 17 ms at 20,000).
    {
      pattern:
        "^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{##[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*##\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*$",
      maxLength: 20000,
    },
    {
      pattern: "^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*$",
      maxLength: 20000,
    },
  ];

  it("run in forms without what made them slow", () => {
    const [bedrock, ...withDollar] = slow.map((c) => validatorPattern(c.pattern));
    expect(bedrock).toMatchObject({ ok: true, engine: "regexp" });
    if (bedrock?.ok && bedrock.engine === "regexp") expect(bedrock.riskKept).toBeUndefined();
    for (const form of withDollar) {
      expect(form).toMatchObject({ ok: true, engine: "re2", crlfSource: expect.any(String) });
      if (form?.ok && form.engine === "re2") expect(`${form.source} ${form.crlfSource ?? ""}`).not.toContain("(?<");
    }
  });

  it("finish the bench's worst-case inputs of their maximum length through the generated validator", async () => {
    const { module } = await validatorsOfModel(modelOf(slow));
    const validate = validator(module, "validateOpInput");
    slow.forEach((c, i) => {
      const inputs = worstCaseInputs(parseJavaPattern(c.pattern).root, i + 1, c.maxLength);
      for (const s of [...inputs, `${"a".repeat(c.maxLength - 2)}\r\n`]) {
        // Now well under a millisecond each; the bound is generous, on CPU time, fastest of three.
        const runs = [0, 1, 2].map(() => cpuMs(() => validate({ [`m${i}`]: s })));
        expect(Math.min(...runs), `${c.pattern} on ${JSON.stringify(s.slice(0, 40))}…`).toBeLessThan(100);
      }
    });
  });
});
