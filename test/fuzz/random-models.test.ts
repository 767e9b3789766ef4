/**
 * Random whole models: every draw is either rejected with an AnvilError (model or config kind)
 * or generated; and a sample of the generated ones goes through the full pipeline (format and
 * type-check included) and must compile.
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
import { outcomeOf } from "../hostile/harness.js";
import { buildModel, modelPlanArb } from "./random-models.js";

const SCALE = Number(process.env.ANVIL_FUZZ_SCALE ?? 1);

/** Load -> render in memory; "rejected" for a model/config AnvilError, anything else is thrown. */
function throughRender(text: string): "generated" | "rejected" {
  try {
    const model = assemble(loadSources([{ file: "random.json", text }], preludeIds()));
    render(
      lower(model, select(model, {}), {
        name: "fuzz",
        models: ["random.json"],
        modelsAsWritten: ["random.json"],
        validation: "reject",
      }),
    );
    return "generated";
  } catch (e) {
    if (e instanceof AnvilError && e.kind !== "internal") return "rejected";
    throw e;
  }
}

describe("random models", () => {
  it("are generated or rejected with an AnvilError, never crash (load to render)", () => {
    const seen = { generated: 0, rejected: 0 };
    fc.assert(
      fc.property(modelPlanArb, (plan) => {
        seen[throughRender(JSON.stringify(buildModel(plan)))]++;
      }),
      { numRuns: SCALE * 400 },
    );
    expect(seen.generated).toBeGreaterThan(SCALE * 40);
    expect(seen.rejected).toBeGreaterThan(0);
  }, 240_000);

  it("compile whenever they are generated (full pipeline, type-check included)", async () => {
    let compiled = 0;
    await fc.assert(
      fc.asyncProperty(modelPlanArb, async (plan) => {
        const { run } = await outcomeOf(buildModel(plan) as object);
        if (run) compiled++;
      }),
      { numRuns: SCALE * 20 },
    );
    expect(compiled).toBeGreaterThan(0);
  }, 600_000);
});
