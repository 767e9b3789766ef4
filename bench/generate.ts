/**
 * Whole-process generator speed: `anvil generate` as a user runs it (a fresh process each time),
 * median of N runs, with each stage's share from `--timings`. Output goes to a temporary folder.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("../", import.meta.url).pathname;
const loader = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href;
const published = join(root, "../shared/aws-models/frauddetector/service/2019-11-15/frauddetector-2019-11-15.json");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs one generate command `runs` times; returns wall-clock medians and stage medians. */
function measure(label: string, args: string[], runs: number): void {
  const out = mkdtempSync(join(tmpdir(), "anvil-bench-"));
  const walls: number[] = [];
  const stages: Record<string, number[]> = {};
  try {
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const r = spawnSync(process.execPath, ["--import", loader, join(root, "generator/cli.ts"), "generate", ...args, "--out", out, "--timings"], { cwd: root, encoding: "utf8" });
      walls.push(performance.now() - start);
      if (r.status !== 0) throw new Error(`${label} failed: ${r.stderr}`);
      for (const m of r.stderr.matchAll(/^(\w+)\s+([\d.]+) ms$/gm)) (stages[m[1]] ??= []).push(Number(m[2]));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const total = median(walls);
  console.log(`\n${label}: whole process median ${total.toFixed(0)} ms over ${runs} runs (min ${Math.min(...walls).toFixed(0)}, max ${Math.max(...walls).toFixed(0)})`);
  for (const [stage, xs] of Object.entries(stages)) {
    if (stage === "total") continue;
    const m = median(xs);
    console.log(`  ${stage.padEnd(10)} ${m.toFixed(1).padStart(8)} ms  ${((m / total) * 100).toFixed(1).padStart(5)}% of the process`);
  }
}

/** The generator benchmarks. */
export function runGenerateBench(runs = 5): void {
  measure("our spec (codegen.yaml)", ["--config", join(root, "codegen.yaml")], runs);
  if (existsSync(published)) {
    measure("published Fraud Detector model, all operations", ["--model", published, "--name", "frauddetector-full"], runs);
  } else {
    console.log(`\nskipped the published-model run: ${published} is absent`);
  }
}
