/**
 * The corpus's record of clean type-checks (bench/corpus/cache.ts) and how the summary reports
 * the cache: a check is reused only for the same output under the same checker, a failed check
 * is forgotten, `--cold` matches nothing, and the summary tells warm from cold.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CheckRecord, outputHash } from "../../bench/corpus/cache.js";
import { buildReport, formatReport } from "../../bench/corpus/summary.js";
import { outcomeOf } from "./outcome.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "anvil-check-record-"));
  dirs.push(d);
  return d;
};

describe("corpus check record", () => {
  it("reuses a clean check only for the same output under the same checker, after a save", () => {
    const dir = tempDir();
    const record = new CheckRecord(dir, "checker A", false);
    record.set("s3", "hash 1", true);
    record.save();
    const again = new CheckRecord(dir, "checker A", false);
    expect(again.checkedClean("s3", "hash 1")).toBe(true);
    expect(again.checkedClean("s3", "hash 2")).toBe(false);
    expect(again.checkedClean("sqs", "hash 1")).toBe(false);
    expect(new CheckRecord(dir, "checker B", false).checkedClean("s3", "hash 1")).toBe(false);
  });

  it("forgets a model whose check failed, so the next run checks it again", () => {
    const dir = tempDir();
    const record = new CheckRecord(dir, "checker", false);
    record.set("s3", "hash", true);
    record.set("s3", "hash", false);
    record.save();
    expect(new CheckRecord(dir, "checker", false).checkedClean("s3", "hash")).toBe(false);
  });

  it("matches nothing when cold, but keeps the other models' entries when it saves", () => {
    const dir = tempDir();
    const warm = new CheckRecord(dir, "checker", false);
    warm.set("s3", "hash", true);
    warm.set("sqs", "hash", true);
    warm.save();
    const cold = new CheckRecord(dir, "checker", true);
    expect(cold.checkedClean("s3", "hash")).toBe(false);
    cold.set("s3", "hash 2", true);
    cold.save();
    const after = new CheckRecord(dir, "checker", false);
    expect(after.checkedClean("sqs", "hash")).toBe(true);
    expect(after.checkedClean("s3", "hash 2")).toBe(true);
  });

  it("treats an unreadable record as empty", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "typecheck.json"), "{ not json");
    expect(new CheckRecord(dir, "checker", false).checkedClean("s3", "hash")).toBe(false);
    new CheckRecord(dir, "checker", false).save();
    expect(JSON.parse(readFileSync(join(dir, "typecheck.json"), "utf8"))).toEqual({});
  });

  it("hashes an output over every file's path and text, whatever their order", () => {
    const a = { path: "a.ts", text: "x" };
    const b = { path: "b.ts", text: "y" };
    expect(outputHash([a, b])).toBe(outputHash([b, a]));
    expect(outputHash([a, b])).not.toBe(outputHash([a, { ...b, text: "y " }]));
    expect(outputHash([a, b])).not.toBe(outputHash([a, { ...b, path: "c.ts" }]));
  });
});

describe("corpus summary: the cache line", () => {
  const memory = { allPeak: 0, workersPeak: 0, workerPeak: 0, runnerPeak: 0 };
  const outcome = (formatted: number, formatReused: number, checkReused: boolean) =>
    outcomeOf({ model: "m.json", cache: { formatted, formatReused, outputHash: "h", checkReused } });

  it("sums what came from the cache, in the report and the summary", () => {
    const report = buildReport([outcome(0, 9, true), outcome(2, 7, false)], 1000, 2, memory, undefined, {
      dir: "/c",
      cold: false,
    });
    expect(report.cache).toEqual({
      dir: "/c",
      cold: false,
      formatted: 2,
      formatReused: 16,
      typechecked: 1,
      typecheckReused: 1,
    });
    expect(formatReport(report)).toContain(
      "cache                 warm: formatting reused for 16/18 files, type-check reused for 1/2 models; cache /c",
    );
  });

  it("says cold when --cold, or when nothing matched", () => {
    const cold = buildReport([outcome(9, 0, false)], 1000, 2, memory, undefined, { dir: "/c", cold: true });
    expect(formatReport(cold)).toContain(
      "cache                 cold (--cold: nothing reused): formatting reused for 0/9",
    );
    const empty = buildReport([outcome(9, 0, false)], 1000, 2, memory, undefined, { dir: "/c", cold: false });
    expect(formatReport(empty)).toContain("cache                 cold (nothing in the cache matched)");
  });
});
