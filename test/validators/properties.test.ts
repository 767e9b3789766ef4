/**
 * Property tests: for every shape with a validator (in the fixture model and in Fraud Detector),
 * values generated from the shape's constraints validate clean, and one mutation that breaks one
 * constraint gives exactly one issue, with that constraint, at that path.
 */
import fc from "fast-check";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Model } from "../../generator/assemble/model.js";
import { getShape } from "../../generator/assemble/model.js";
import { loadFiles } from "../../generator/load/index.js";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";
import type { ValidationIssue } from "../../generator/runtime/validate.js";
import { modelOf } from "../helpers.js";
import { mutations, rootFacts, validArbitrary } from "./arbitraries.js";
import { validationModel } from "./fixture-model.js";
import { fraudDetectorValidators, validatorsOfModel, type GeneratedValidators } from "./generated.js";

interface Subject {
  name: string;
  model: Model;
  module: GeneratedValidators;
  validatorNames: Record<string, string>;
}

const subjects: Subject[] = [];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
beforeAll(async () => {
  const fixture = await validatorsOfModel(validationModel);
  dirs.push(fixture.dir);
  subjects.push({
    name: "fixture",
    model: modelOf(validationModel),
    module: fixture.module,
    validatorNames: fixture.ir.validators?.validatorNames ?? {},
  });
  const fd = await fraudDetectorValidators();
  dirs.push(fd.dir);
  const fdModel = assemble(loadFiles([new URL("../../specs", import.meta.url).pathname], preludeIds()));
  const names = Object.fromEntries(
    Object.keys(fd.module)
      .filter((n) => n.startsWith("validate"))
      .map((n) => [n, n]),
  );
  // Shape ids of Fraud Detector's validators, from the shape names the generated functions carry.
  const ids: Record<string, string> = {};
  for (const s of fdModel.shapes.values()) {
    const fn = `validate${s.id.slice(s.id.indexOf("#") + 1).replace(/^./, (c) => c.toUpperCase())}`;
    if (names[fn] && !s.prelude) ids[s.id] = fn;
  }
  subjects.push({ name: "frauddetector", model: fdModel, module: fd.module, validatorNames: ids });
}, 60_000);

const run = (module: GeneratedValidators, fn: string, v: unknown) =>
  (module[fn] as (v: unknown) => ValidationIssue[])(v);

describe.each(["fixture", "frauddetector"])("%s model", (which) => {
  const subject = () => subjects.find((s) => s.name === which) as Subject;

  it("has a validator for every shape the oracle covers", () => {
    expect(Object.keys(subject().validatorNames).length).toBeGreaterThan(10);
  });

  it("values built from each shape's constraints validate clean", () => {
    const { model, module, validatorNames } = subject();
    for (const [id, fn] of Object.entries(validatorNames)) {
      fc.assert(
        fc.property(validArbitrary(model, rootFacts(getShape(model, id))), (v) => {
          expect(run(module, fn, v), `${fn}`).toEqual([]);
        }),
        { numRuns: 60 },
      );
    }
  });

  it("one mutation that breaks one constraint gives exactly that issue at exactly that path", () => {
    const { model, module, validatorNames } = subject();
    let checked = 0;
    for (const [id, fn] of Object.entries(validatorNames)) {
      const facts = rootFacts(getShape(model, id));
      const cases = validArbitrary(model, facts).chain((v) => {
        const all = mutations(model, facts, v);
        return fc.record({ value: fc.constant(v), mutation: fc.constantFrom(...all) });
      });
      fc.assert(
        fc.property(cases, ({ value, mutation }) => {
          checked++;
          const issues = run(module, fn, mutation.apply(value)).map((i) => ({
            path: i.path,
            constraint: i.constraint,
          }));
          expect(issues, `${fn}: ${mutation.describe}`).toEqual([
            { path: mutation.path, constraint: mutation.constraint },
          ]);
        }),
        { numRuns: 150 },
      );
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
