import { describe, expect, it } from "vitest";
import type { Outcome } from "../../bench/corpus/protocol.js";
import { buildReport, formatReport } from "../../bench/corpus/summary.js";
import { outcomeOf } from "./outcome.js";

function outcome(
  model: string,
  clientsByProtocol: Record<string, number>,
  leftOutOperations: Record<string, number> = {},
  notes: string[] = [],
): Outcome {
  return outcomeOf({
    model,
    files: 10,
    bytes: 1000,
    lines: 100,
    validatorLines: 40,
    notes,
    counts: { paginators: 0, waiters: 0, compiledPaths: 0, clientsByProtocol, leftOutOperations },
    ms: 10,
  });
}

const memory = { allPeak: 0, workersPeak: 0, workerPeak: 0, runnerPeak: 0 };

describe("corpus summary: clients and left-out operations", () => {
  it("counts the models that got a client, by protocol, most first", () => {
    const report = buildReport(
      [
        outcome("a.json", { restJson1: 1 }),
        outcome("b.json", { restJson1: 1 }),
        outcome("c.json", { awsJson1_1: 1 }),
        outcome("d.json", {}),
      ],
      1000,
      2,
      memory,
    );
    expect(formatReport(report)).toContain("clients               3/4: restJson1 2, awsJson1_1 1");
  });

  it("counts operations left out by kind, from the pipeline's counts, and ignores other notes", () => {
    const report = buildReport(
      [
        outcome("a.json", { restJson1: 1 }, { "event stream": 1, "streaming blob": 1 }, [
          "a: @pattern of x#Y left out of the validators (too long): .*",
        ]),
        outcome("b.json", { restJson1: 1 }, { "event stream": 1 }),
        outcome("c.json", { restJson1: 1 }, {}, ["c: @pattern of x#Z left out of the validators (too long): .*"]),
      ],
      1000,
      2,
      memory,
    );
    expect(formatReport(report)).toContain(
      "operations left out   3 in 2 models (types and validators generated, a note each): event streams 2, streaming blobs 1",
    );
  });

  it("prints no left-out line when every operation got a method", () => {
    const report = buildReport([outcome("a.json", { restXml: 1 })], 1000, 2, memory);
    expect(formatReport(report)).not.toContain("operations left out");
  });
});
