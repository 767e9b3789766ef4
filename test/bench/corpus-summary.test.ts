/**
 * The corpus summary's validation figures (bench/corpus/summary.ts): time summed over models and
 * its share, the slowest models, and events by severity with the models they came from.
 */
import { describe, expect, it } from "vitest";
import { countEvents, type Outcome } from "../../bench/corpus/protocol.js";
import { buildReport, validationDetail, validationLines } from "../../bench/corpus/summary.js";
import { outcomeOf } from "./outcome.js";

function outcome(model: string, validateMs: number, events: Partial<Outcome["events"]>): Outcome {
  return outcomeOf({
    model: `/models/${model}.json`,
    events: { error: 0, danger: 0, warning: 0, note: 0, ...events },
    timings: { assemble: 100, validate: validateMs },
    ms: 1000,
  });
}

describe("corpus summary: validation", () => {
  it("counts events by severity, leaving suppressed ones out", () => {
    expect(
      countEvents([
        { message: "a" },
        { message: "b", severity: "DANGER" },
        { message: "c", severity: "WARNING" },
        { message: "d", severity: "WARNING" },
        { message: "e", severity: "SUPPRESSED" },
        { message: "f", severity: "NOTE" },
      ]),
    ).toEqual({
      error: 1,
      danger: 1,
      warning: 2,
      note: 1,
    });
  });

  it("sums validation time, gives its share of generation time and the slowest models, and the events per severity with their models", () => {
    const report = buildReport(
      [outcome("a", 50, { warning: 3 }), outcome("b", 150, {}), outcome("c", 100, { warning: 5, note: 1 })],
      2000,
      2,
      { workersPeak: 0, workerPeak: 0, runnerPeak: 0, allPeak: 0 },
    );
    expect(validationLines(report)).toEqual([
      "validation            0.3s summed over models, 10.0% of their generation time; slowest: b 150ms, c 100ms, a 50ms",
      "validation events     ERROR 0 in 0 models, DANGER 0 in 0 models, WARNING 8 in 2 models, NOTE 1 in 1 models (suppressed events left out)",
      "  WARNING  c 5, a 3",
      "  NOTE     c 1",
    ]);
    expect(report.stageMs.validate).toBe(300);
  });

  it("puts one model's validation time and events on its progress line", () => {
    expect(validationDetail(outcome("a", 42, { warning: 2, danger: 1 }))).toBe("validate 42ms (1 DANGER, 2 WARNING)");
    expect(validationDetail(outcome("b", 1500, {}))).toBe("validate 1.5s");
  });
});
