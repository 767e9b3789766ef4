/**
 * The corpus's CPU figure (bench/corpus/cpu.ts and the summary's time line): the runner's own
 * time plus that of the processes it started and waited for, which wall time under load cannot give.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { cpuMsWithChildren } from "../../bench/corpus/cpu.js";
import { buildReport, formatReport } from "../../bench/corpus/summary.js";

const memory = { allPeak: 0, workersPeak: 0, workerPeak: 0, runnerPeak: 0 };

describe("corpus CPU time", () => {
  it.runIf(process.platform === "linux")("counts a child process's CPU once the runner has waited for it", () => {
    const before = cpuMsWithChildren() as number;
    // A child that spins for 400 ms of its own CPU time (not wall time: the machine may be loaded).
    const child = spawnSync(process.execPath, [
      "-e",
      "const s = process.cpuUsage(); while ((process.cpuUsage(s).user + process.cpuUsage(s).system) < 400e3);",
    ]);
    expect(child.status).toBe(0);
    const spent = (cpuMsWithChildren() as number) - before;
    expect(spent).toBeGreaterThanOrEqual(380);
  });

  it("prints CPU seconds beside wall time when measured, and leaves them out when not", () => {
    expect(formatReport(buildReport([], 90_000, 2, memory, 123_456))).toContain(
      "total time            1m30s wall, 123.5 CPU-s in all (runner, workers, compiler runs), 2 workers",
    );
    const report = formatReport(buildReport([], 90_000, 2, memory));
    expect(report).toContain("total time            1m30s wall, 2 workers");
    expect(report).not.toContain("CPU-s");
  });
});
