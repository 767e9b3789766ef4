/**
 * The corpus's workers run a bundle of bench/corpus/worker.ts (bench/corpus/worker-bundle.ts),
 * not the sources through tsx. What must not change with it: a model still generates and
 * type-checks, a failing model's stage is still read from its stack trace (through the
 * bundle's source map), `--tsx` gives the same verdicts, and the bundle is gone after the run.
 * Two tiny models written here; needs nothing from ../shared.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { CorpusReport } from "../../bench/corpus/summary.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const OK = {
  smithy: "2.0",
  shapes: {
    "example.ok#Service": { type: "service", version: "1", operations: [{ target: "example.ok#Ping" }] },
    "example.ok#Ping": { type: "operation", input: { target: "example.ok#PingInput" } },
    "example.ok#PingInput": {
      type: "structure",
      members: { name: { target: "smithy.api#String", traits: { "smithy.api#length": { min: 1 } } } },
    },
  },
};
const BROKEN = {
  smithy: "2.0",
  shapes: {
    "example.broken#Service": { type: "service", version: "1", operations: [{ target: "example.broken#Op" }] },
    "example.broken#Op": { type: "operation", input: { target: "example.broken#Missing" } },
  },
};

describe("npm run corpus: the workers' bundle", () => {
  const work = mkdtempSync(join(tmpdir(), "anvil-corpus-bundle-test-"));
  const models = join(work, "models");
  mkdirSync(models);
  writeFileSync(join(models, "ok.json"), JSON.stringify(OK));
  writeFileSync(join(models, "broken.json"), JSON.stringify(BROKEN));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const corpus = (...args: string[]) => {
    const report = join(work, "report.json");
    rmSync(report, { force: true });
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "bench/corpus/run.ts",
        "--dir",
        models,
        "--cache",
        join(work, "cache"),
        "--cold",
        "--json",
        report,
        ...args,
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    // One model fails on purpose, so the run exits 1.
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(1);
    const verdicts = Object.fromEntries(
      (JSON.parse(readFileSync(report, "utf8")) as CorpusReport).outcomes.map((o) => [
        o.model.split("/").pop(),
        o.failure ? `${o.failure.stage}: ${o.failure.kind}` : o.clean ? "clean" : "not clean",
      ]),
    );
    return { verdicts, stderr: run.stderr, pid: run.pid };
  };

  it(
    "generates and checks through the bundle, reads a failure's stage through its source map, and removes the bundle",
    { timeout: 120_000 },
    () => {
      const bundled = corpus();
      expect(bundled.stderr).toMatch(/workers run a bundle \(worker-\d+\.mjs\)/);
      expect(bundled.verdicts).toEqual({ "ok.json": "clean", "broken.json": "assemble: model" });
      const file = bundled.stderr.match(/worker-\d+\.mjs/)?.[0] ?? "";
      expect(existsSync(join(ROOT, "node_modules", ".cache", "anvil", "corpus", file))).toBe(false);
      expect(existsSync(join(ROOT, "node_modules", ".cache", "anvil", "corpus", `${file}.map`))).toBe(false);

      const tsx = corpus("--tsx");
      expect(tsx.stderr).toContain("workers run through tsx");
      expect(tsx.verdicts).toEqual(bundled.verdicts);
    },
  );
});
