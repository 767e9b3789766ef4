/**
 * Fuzzing the JSON AST loader and everything after it that needs no formatter: random
 * structural mutations of real models go through load, assemble, select, lower and render.
 * The only failure allowed is an AnvilError (never a TypeError, a stack overflow or an
 * "internal" error), and every case finishes in bounded time.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AnvilError } from "../../generator/errors.js";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";
import { loadSources } from "../../generator/load/index.js";
import { lower } from "../../generator/lower/index.js";
import { render } from "../../generator/render/index.js";
import { select } from "../../generator/select/index.js";
import { applyMutations, damageText, mutationArb, textDamageArb } from "./mutate.js";
import { baseModels } from "./models.js";

/** ANVIL_FUZZ_SCALE=20 runs twenty times the cases (for a long hunt; the default keeps CI fast). */
const SCALE = Number(process.env.ANVIL_FUZZ_SCALE ?? 1);

/** A case slower than this is a hang as far as this test is concerned. */
const CASE_LIMIT_MS = 5000;

const { models, missingShared } = baseModels();
if (missingShared)
  console.warn(
    "fuzz: some shared AWS models are absent (../shared is not beside this checkout); fuzzing our spec and the fixture only",
  );

/** What a case ended in. */
type Outcome = "generated" | "rejected";

/** Load -> render for every service of the text (at most two), in memory. */
function runStages(text: string): Outcome {
  try {
    const model = assemble(loadSources([{ file: "fuzz.json", text }], preludeIds()));
    const services = [...model.shapes.values()].filter((s) => s.type === "service" && !s.prelude).slice(0, 2);
    for (const service of services) {
      const selection = select(model, { service: service.id });
      render(
        lower(model, selection, {
          name: "fuzz",
          models: ["fuzz.json"],
          modelsAsWritten: ["fuzz.json"],
          validation: "reject",
        }),
      );
    }
    return "generated";
  } catch (e) {
    if (e instanceof AnvilError && e.kind !== "internal") return "rejected";
    throw e;
  }
}

describe("JSON AST loader under random mutation", () => {
  it.each(models.map((m) => [m.name, m] as const))(
    "%s: only AnvilErrors, in bounded time",
    (_name, base) => {
      const seen: Record<Outcome, number> = { generated: 0, rejected: 0 };
      fc.assert(
        fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), textDamageArb, (mutations, damage) => {
          const text = damageText(JSON.stringify(applyMutations(base.doc, mutations), null, 1), damage);
          const started = performance.now();
          seen[runStages(text)]++;
          expect(performance.now() - started).toBeLessThan(CASE_LIMIT_MS);
        }),
        { numRuns: SCALE * (base.name === "our spec" || base.name === "kitchen sink" ? 300 : 120) },
      );
      // The mutations must exercise both paths, or the property proves little.
      expect(seen.generated).toBeGreaterThan(0);
      expect(seen.rejected).toBeGreaterThan(0);
    },
    240_000,
  );

  it("rejects arbitrary JSON values and arbitrary text with AnvilErrors", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.string(),
          fc.string({ unit: "binary" }),
        ),
        (text) => {
          expect(runStages(text)).toBe("rejected");
        },
      ),
      { numRuns: SCALE * 300 },
    );
  });
});
