/**
 * The JMESPath compliance suite (./compliance/), each expression compiled over an untyped root
 * (a `document`) and run: the result must equal the suite's, an expected error must be a syntax
 * error, a problem the type checker grades ERROR, or a run-time throw. What is not compiled must
 * say why. The checker's DANGER and WARNING problems do not stop a case (they are lint).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileExpression } from "../../generator/jmespath/compile.js";
import { ANY } from "../../generator/jmespath/types.js";
import { jmesEquals } from "../../generator/runtime/jmespath.js";
import { runnable } from "./run-compiled.js";

interface Case {
  expression: string;
  result?: unknown;
  error?: string;
}

const DIR = join(import.meta.dirname, "compliance");

/** Cases where the compiler knowingly differs, each with the reason (none today). */
const KNOWN_DIFFERENCES = new Set<string>([]);

/** Functions that take expression references, or are left out, and so are reported as not compiled. */
const NOT_COMPILED = /^(expression references|the function (sort_by|max_by|min_by|map|merge)\(\) is not compiled)/;

const groups = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .map((file) => ({
    file,
    suites: JSON.parse(readFileSync(join(DIR, file), "utf8")) as Array<{ given: unknown; cases: Case[] }>,
  }));

describe("JMESPath compliance suite, compiled", () => {
  it.each(groups)("$file", ({ suites }) => {
    let ran = 0;
    for (const { given, cases } of suites) {
      for (const c of cases) {
        if (KNOWN_DIFFERENCES.has(c.expression)) continue;
        const compiled = compileExpression(c.expression, { name: "root", type: ANY });
        if (compiled.kind === "unsupported") {
          expect(compiled.reason, c.expression).toMatch(NOT_COMPILED);
          continue;
        }
        const error =
          compiled.kind === "syntax"
            ? compiled.message
            : compiled.problems.find((p) => p.severity === "ERROR")?.message;
        if (c.error !== undefined) {
          if (error !== undefined || compiled.kind !== "compiled") continue;
          expect(() => runnable(compiled, "root")(given), `${c.expression} should fail (${c.error})`).toThrow();
          continue;
        }
        expect(error, c.expression).toBeUndefined();
        if (compiled.kind !== "compiled") continue;
        const got = runnable(compiled, "root")(given);
        expect(
          jmesEquals(got, c.result),
          `${c.expression} gave ${JSON.stringify(got)}, want ${JSON.stringify(c.result)}`,
        ).toBe(true);
        ran++;
      }
    }
    expect(ran).toBeGreaterThan(0);
  });
});
