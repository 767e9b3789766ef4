/**
 * Fuzzing of constraint trait values (fast-check, fixed seed from test/setup.ts): random models
 * whose shapes carry `@length`, `@range` and `@pattern` with values that are right, of the wrong
 * type, misspelt, out of order, Java-invalid, or applied to shapes they do not fit. Whatever the
 * model, assembling it never crashes, and no constraint is silently dropped: every constraint
 * the generator broke is named by an event (error or warning) on its shape, and when the model is
 * accepted, every constraint with bounds or a pattern is one the validator plan enforces with
 * exactly the model's values.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assemble } from "../../generator/assemble/index.js";
import type { Model } from "../../generator/assemble/model.js";
import { preludeIds } from "../../generator/assemble/prelude.js";
import { AnvilError, type Diagnostic } from "../../generator/errors.js";
import { loadSources } from "../../generator/load/index.js";
import type { NodeValue } from "../../generator/load/ast.js";
import { lengthOf, patternOf, rangeOf, shapeFacts } from "../../generator/lower/validation/constraints.js";

/** A generated trait value, and whether the generator made it invalid on purpose. */
interface Gen {
  value: NodeValue;
  broken: boolean;
}

const ok = (value: NodeValue): Gen => ({ value, broken: false });
const bad = (value: NodeValue): Gen => ({ value, broken: true });
const small = fc.integer({ min: 0, max: 50 });

/** `@length` values: valid bounds, and each way a user gets one wrong. */
const lengthValue: fc.Arbitrary<Gen> = fc.oneof(
  {
    arbitrary: fc
      .record({ min: small, max: small })
      .map(({ min, max }) => (min <= max ? ok({ min, max }) : bad({ min, max }))),
    weight: 4,
  },
  { arbitrary: small.map((max) => ok({ max })), weight: 8 },
  small.map((max) => bad({ min: 1, max: String(max) })),
  small.map((max) => bad({ maxx: max })),
  fc.constantFrom<NodeValue>(true, "5", [1], null).map(bad),
  fc.integer({ min: -50, max: -1 }).map((min) => bad({ min })),
);

/** `@range` values, including decimals (valid only on decimal shapes) and wrong types. */
const rangeValue: fc.Arbitrary<Gen> = fc.oneof(
  {
    arbitrary: fc
      .record({ min: small, max: small })
      .map(({ min, max }) => (min <= max ? ok({ min, max }) : bad({ min, max }))),
    weight: 4,
  },
  { arbitrary: small.map((min) => ok({ min })), weight: 8 },
  small.map((min) => bad({ min: `${min}` })),
  small.map((max) => bad({ mx: max })),
  fc.constantFrom<NodeValue>("1", false, [], null).map(bad),
);

const patternValue: fc.Arbitrary<Gen> = fc.oneof(
  { arbitrary: fc.constantFrom("^[a-z]+$", "^\\d{3}$", "[\\p{L}]+", "^(?i)abc$").map(ok), weight: 8 },
  fc.constantFrom("[a-", "(unclosed", "a{2,1}", "*x").map(bad),
  fc.constantFrom<NodeValue>(1, null, ["^a$"]).map(bad),
);

/** Which constraint traits fit which shape types (their selectors). */
const FITS: Record<string, string[]> = {
  length: ["string", "blob", "list"],
  range: ["integer", "long", "double"],
  pattern: ["string"],
};

interface GenShape {
  type: "string" | "blob" | "list" | "integer" | "long" | "double";
  traits: { length?: Gen; range?: Gen; pattern?: Gen };
}

/** Mostly traits that fit their shape type (so some models are accepted), sometimes any trait on any type. */
const shapeArb: fc.Arbitrary<GenShape> = fc.oneof(
  {
    arbitrary: fc.record({
      type: fc.constant("string" as const),
      traits: fc.record({ length: lengthValue, pattern: patternValue }, { requiredKeys: [] }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      type: fc.constantFrom("blob" as const, "list" as const),
      traits: fc.record({ length: lengthValue }, { requiredKeys: [] }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      type: fc.constantFrom("integer" as const, "long" as const, "double" as const),
      traits: fc.record({ range: rangeValue }, { requiredKeys: [] }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      type: fc.constantFrom("string", "blob", "list", "integer", "long", "double"),
      traits: fc.record({ length: lengthValue, range: rangeValue, pattern: patternValue }, { requiredKeys: [] }),
    }) as fc.Arbitrary<GenShape>,
    weight: 1,
  },
);

/** A JSON AST model: one operation whose input has a member per generated shape. */
function modelText(shapes: GenShape[]): string {
  const doc: Record<string, unknown> = {
    "fz#Service": { type: "service", version: "1", operations: [{ target: "fz#Op" }] },
    "fz#Op": { type: "operation", input: { target: "fz#OpInput" } }, // named after its operation, as Smithy's OperationInputOutputName wants
    "fz#OpInput": {
      type: "structure",
      members: Object.fromEntries(shapes.map((_, i) => [`m${i}`, { target: `fz#S${i}` }])),
      traits: { "smithy.api#input": {} },
    },
  };
  shapes.forEach((s, i) => {
    const traits = Object.fromEntries(Object.entries(s.traits).map(([k, g]) => [`smithy.api#${k}`, g.value]));
    doc[`fz#S${i}`] =
      s.type === "list" ? { type: "list", member: { target: "smithy.api#String" }, traits } : { type: s.type, traits };
  });
  return JSON.stringify({ smithy: "2.0", shapes: doc }, null, 2);
}

/** Whether a trait value is broken for its shape: broken on purpose, or applied where it does not fit. */
function isBroken(s: GenShape, trait: keyof GenShape["traits"]): boolean {
  const g = s.traits[trait];
  if (!g) return false;
  if (g.broken || !FITS[trait].includes(s.type)) return true;
  // A decimal bound fits only decimal shapes; the arbitraries only make whole numbers, so no case.
  return false;
}

function run(shapes: GenShape[]): { model?: Model; events: Diagnostic[] } {
  try {
    const model = assemble(loadSources([{ file: "fuzz.json", text: modelText(shapes) }], preludeIds()));
    return { model, events: model.warnings ?? [] };
  } catch (e) {
    if (!(e instanceof AnvilError)) throw e; // a crash: the property fails with it
    return { events: [...e.diagnostics, ...e.warnings] };
  }
}

describe("fuzzed constraint trait values", () => {
  it("never crash, name every broken constraint, and keep every accepted one in the validator plan", () => {
    let rejected = 0;
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(shapeArb, { minLength: 1, maxLength: 4 }), (shapes) => {
        const { model, events } = run(shapes);
        if (model) accepted++;
        else rejected++;
        for (const e of events) {
          expect(e.location, e.message).toBeDefined();
          expect(e.hint, e.message).toBeTruthy();
        }
        shapes.forEach((s, i) => {
          const id = `fz#S${i}`;
          for (const trait of ["length", "range", "pattern"] as const) {
            const g = s.traits[trait];
            if (!g) continue;
            const named = events.some(
              (e) =>
                e.shapeId === id &&
                (e.message.includes(`\`${trait}\``) ||
                  e.message.includes(`@${trait}`) ||
                  e.message.includes(`A ${trait} trait`)),
            );
            if (isBroken(s, trait)) {
              expect(named, `${id} @${trait}(${JSON.stringify(g.value)}) on a ${s.type}: no event names it`).toBe(true);
              continue;
            }
            if (!model) continue;
            // Accepted and valid: the validator plan enforces it with the model's own values.
            const facts = shapeFacts(model.shapes.get(id) as NonNullable<ReturnType<Model["shapes"]["get"]>>);
            const v = g.value as Record<string, number>;
            if (trait === "pattern") expect(patternOf(facts)).toBe(g.value);
            else if (trait === "length" && !(v.max === undefined && (v.min ?? 0) <= 0))
              expect(lengthOf(facts)).toEqual({ min: v.min, max: v.max });
            else if (trait === "range") expect(rangeOf(facts)).toEqual({ min: v.min, max: v.max });
          }
        });
      }),
      { numRuns: 300 },
    );
    // Both outcomes must be exercised, or the property checked only half of what it claims.
    expect(accepted).toBeGreaterThan(10);
    expect(rejected).toBeGreaterThan(10);
  });
});
