/**
 * Every waiter of the AWS models: read and compiled without a problem, and each compiled path
 * giving what the `jmespath` library gives on random outputs of the operation's output shape.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import jmespath from "jmespath";
import { describe, expect, it } from "vitest";
import { loadFiles } from "../../generator/load/index.js";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";
import type { Diagnostic } from "../../generator/errors.js";
import { serviceOperations } from "../../generator/select/index.js";
import { readServiceWaiters, OUTPUT_ROOT } from "../../generator/traits/waitable.js";
import { compileExpression } from "../../generator/jmespath/compile.js";
import { typeOfShape, type JType } from "../../generator/jmespath/types.js";
import { jmesEquals } from "../../generator/runtime/jmespath.js";
import { runnable } from "../jmespath/run-compiled.js";
import { SHARED } from "../helpers.js";

const MODELS = join(SHARED, "aws-models");
const present = existsSync(MODELS);
if (!present) console.warn(`skipping the waiter corpus: ${MODELS} is absent (needs ../shared)`);

/** Model files that declare waiters. */
function waiterModels(): string[] {
  const out = execFileSync("grep", ["-rl", "--include=*.json", "smithy.waiters#waitable", MODELS], {
    encoding: "utf8",
  });
  return out.trim().split("\n").sort();
}

/**
 * Random JSON values of a static type. Numbers are always present (the `jmespath` package orders
 * `null` against numbers as JavaScript does, where the spec says null, so absent numbers would
 * only measure that package's deviation); strings come from `strings` so comparisons can match.
 */
function valueOf(type: JType, strings: string[], depth = 0): fc.Arbitrary<unknown> {
  switch (type.kind) {
    case "string":
      return fc.constantFrom(...strings);
    case "number":
      return fc.integer({ min: -2, max: 5 });
    case "boolean":
      return fc.boolean();
    case "array":
      return depth > 4 ? fc.constant([]) : fc.array(valueOf(type.items, strings, depth + 1), { maxLength: 3 });
    case "map":
      return depth > 4
        ? fc.constant({})
        : fc.dictionary(fc.constantFrom("k1", "k2", "k3"), valueOf(type.values, strings, depth + 1), { maxKeys: 2 });
    case "object": {
      if (depth > 4) return fc.constant({});
      const fields = Object.fromEntries([...type.fields()].map(([name, t]) => [name, valueOf(t, strings, depth + 1)]));
      const numbers = [...type.fields()].filter(([, t]) => t.kind === "number").map(([n]) => n);
      return fc.record(fields, { requiredKeys: numbers });
    }
    default:
      return fc.constant(null);
  }
}

describe.skipIf(!present)("waiters of the AWS models", () => {
  const files = present ? waiterModels() : [];
  const counts = { models: files.length, waiters: 0, compiled: 0, evaluated: 0 };

  it.each(files.map((f) => [f.slice(MODELS.length + 1)]))(
    "%s: every waiter reads, its paths compile and agree with the jmespath library",
    (rel) => {
      const model = assemble(loadFiles([join(MODELS, rel)], preludeIds()));
      const problems: Diagnostic[] = [];
      for (const service of [...model.shapes.values()].filter((s) => s.type === "service" && !s.prelude)) {
        const operations = serviceOperations(model, service);
        for (const [operationId, waiters] of readServiceWaiters(model, operations, service, problems)) {
          const operation = model.shapes.get(operationId)!;
          const outputType = typeOfShape(model, operation.output!);
          counts.waiters += waiters.length;
          for (const acceptor of waiters.flatMap((w) => w.acceptors)) {
            const matcher = acceptor.matcher;
            if (matcher.kind !== "output" && matcher.kind !== "inputOutput") continue;
            if (matcher.path.kind === "evaluated") {
              counts.evaluated++;
              continue;
            }
            counts.compiled++;
            if (matcher.kind !== "output") continue;
            const compiled = compileExpression(matcher.path.expression, { name: OUTPUT_ROOT, type: outputType });
            if (compiled.kind !== "compiled") throw new Error("compiled once, not twice");
            const run = runnable(compiled, OUTPUT_ROOT);
            const expression = matcher.path.expression;
            fc.assert(
              fc.property(valueOf(outputType, [matcher.expected, "other", ""]), (output) => {
                // A JMESPath type error (length of an absent member) must throw on both sides.
                const attempt = (f: () => unknown) => {
                  try {
                    return { value: f() };
                  } catch {
                    return { threw: true };
                  }
                };
                const want = attempt(() => jmespath.search(output, expression));
                const got = attempt(() => run(output));
                expect(
                  "threw" in got ? "threw" in want : "value" in want && jmesEquals(got.value, want.value),
                  `${expression} on ${JSON.stringify(output)}: got ${JSON.stringify(got)}, jmespath ${JSON.stringify(want)}`,
                ).toBe(true);
              }),
              { numRuns: 60 },
            );
          }
        }
      }
      expect(problems.map((p) => p.message)).toEqual([]);
    },
  );

  it.runIf(files.length > 0)("compiles every path (counts printed)", () => {
    console.log(
      `waiter corpus: ${counts.models} models, ${counts.waiters} waiters, ${counts.compiled} paths compiled, ${counts.evaluated} left for run-time evaluation`,
    );
    expect(counts.waiters).toBeGreaterThan(0);
    expect(counts.evaluated).toBe(0);
  });
});
