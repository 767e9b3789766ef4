/**
 * Every corpus pattern, as the generated validators run it (RegExp or RE2, as engine.ts decides),
 * timed on its worst-case input of its maximum length: adversarial strings (redos.ts: a prefix
 * reaching each repeat, the repeat pumped, a character that makes the match fail at the end) of
 * the largest `@length` max its uses allow, the slowest of them timed again, and the median of
 * those runs reported. Times are CPU time of the timing process (user + system, from
 * `process.cpuUsage`), which other processes on a shared machine do not inflate as they do wall
 * time. Runs in child processes killed at a deadline (wall time), so a runaway match is reported
 * rather than waited for.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import type { JavaNode } from "../../generator/patterns/java-ast.js";
import { pumpedAttacks } from "./redos.js";

/** How one pattern is run: the engine and what to compile. */
export type CompiledForm =
  | { engine: "regexp"; source: string; flags: string }
  | { engine: "re2"; source: string; crlfSource: string | undefined };

/** One pattern to time. */
export interface WorstCaseJob {
  form: CompiledForm;
  root: JavaNode;
  /** The longest input its uses allow, in code points. */
  length: number;
}

/** The median time of the slowest input, or the deadline it hit. */
export type WorstCaseTime = { medianMs: number; input: string } | { timedOut: true };

const RUNS = 5;

// One JSON line in per job, one out: the slowest input's median of RUNS runs. "start" lines tell
// the parent which job was running when the deadline struck.
const CHILD = `
const { RE2JS } = require(process.argv[1]);
let data = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (d) => (data += d));
process.stdin.on("end", () => {
  for (const line of data.split("\\n")) {
    if (!line) continue;
    const { i, form, inputs, runs } = JSON.parse(line);
    process.stdout.write(JSON.stringify({ start: i }) + "\\n");
    // As the generated validators compile it (runtime/validate.ts, splitOnFinalCrLf).
    const re2 = (form) => {
      const other = RE2JS.compile(form.source);
      if (form.crlfSource === undefined) return other;
      const crlf = RE2JS.compile(form.crlfSource);
      return { test: (s) => (s.endsWith("\\r\\n") ? crlf : other).test(s) };
    };
    const re = form.engine === "re2" ? re2(form) : new RegExp(form.source, form.flags);
    for (let k = 0; k < 3; k++) re.test("warm-up " + k);
    const cpuMs = (s) => {
      const t = process.cpuUsage();
      re.test(s);
      const d = process.cpuUsage(t);
      return (d.user + d.system) / 1000;
    };
    let worst = 0, worstInput = inputs[0] ?? "";
    for (const s of inputs) {
      const ms = cpuMs(s);
      if (ms > worst) (worst = ms), (worstInput = s);
    }
    const times = [];
    for (let r = 0; r < runs; r++) times.push(cpuMs(worstInput));
    times.sort((a, b) => a - b);
    process.stdout.write(JSON.stringify({ i, medianMs: times[Math.floor(times.length / 2)], input: worstInput }) + "\\n");
  }
});`;

/** Adversarial inputs of at most `length` code points for `root`. */
export function worstCaseInputs(root: JavaNode, seed: number, length: number): string[] {
  // The pumped strings end with a killer of up to two characters after `length - 2`.
  const inputs = pumpedAttacks(root, seed, Math.max(1, length - 2)).filter((s) => [...s].length <= length);
  return inputs.length > 0 ? inputs : ["a".repeat(Math.max(0, length - 1)) + "!"];
}

/**
 * Times every job, `perPatternMs` being the deadline one job may take; a job past it is reported
 * as timed out and the rest go on in a new child.
 */
export function timeWorstCases(jobs: readonly WorstCaseJob[], perPatternMs: number): WorstCaseTime[] {
  const re2Entry = createRequire(import.meta.url).resolve("re2js");
  const results: (WorstCaseTime | undefined)[] = new Array(jobs.length).fill(undefined);
  let next = 0;
  while (next < jobs.length) {
    const batch = jobs.slice(next, next + 25).map((job, k) => ({
      i: next + k,
      form: job.form,
      inputs: worstCaseInputs(job.root, next + k + 1, job.length),
      runs: RUNS,
    }));
    const run = spawnSync(process.execPath, ["-e", CHILD, re2Entry], {
      input: batch.map((b) => JSON.stringify(b)).join("\n") + "\n",
      timeout: perPatternMs * batch.length,
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    let running: number | undefined;
    for (const line of (run.stdout ?? "").split("\n")) {
      if (!line.trim()) continue;
      const msg = JSON.parse(line) as { start?: number; i?: number; medianMs?: number; input?: string };
      if (msg.start !== undefined) running = msg.start;
      else if (msg.i !== undefined && msg.medianMs !== undefined)
        results[msg.i] = { medianMs: msg.medianMs, input: msg.input ?? "" };
    }
    const finished = run.status === 0 && !run.error;
    if (!finished && run.signal === null && run.error === undefined)
      throw new Error(`timing child failed (${run.status}): ${run.stderr}`);
    if (finished) next += batch.length;
    else {
      const stuck = running ?? next;
      results[stuck] = { timedOut: true };
      next = stuck + 1;
    }
  }
  return results.map((r) => r ?? { timedOut: true });
}
