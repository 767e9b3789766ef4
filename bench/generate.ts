/**
 * Whole-process generator speed, side by side with TypeScript's own compilers on the same output:
 * `anvil generate` as a user runs it (a fresh process each time, the way `npm run generate` starts
 * it) into an empty folder, again over its own unchanged output, and `--check` on that output;
 * then `tsc --noEmit` of TypeScript 5.9 and of TypeScript 7 on the generated folder (its own
 * tsconfig.json). The commands of a case run round-robin, one round after another, so a busy
 * machine slows them alike; medians over the rounds, and ratios to TypeScript 5.9's `tsc`.
 *
 * `npm run bench -- generate [--runs N] [--baseline DIR]`: `--baseline` adds an empty-folder
 * run of another anvil checkout (e.g. an older commit with its own node_modules) to each round.
 * CPU figures (the process and everything it started) are read from /proc on Linux.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const root = new URL("../", import.meta.url).pathname;
const dynamodb = join(root, "../shared/aws-models/dynamodb/service/2012-08-10/dynamodb-2012-08-10.json");
const published = join(root, "../shared/aws-models/frauddetector/service/2019-11-15/frauddetector-2019-11-15.json");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU seconds used by this process's waited-for children so far (Linux), or undefined. */
function childrenCpu(): number | undefined {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // cutime and cstime are fields 16 and 17 of /proc/PID/stat (14 and 15 after the command), in ticks of 1/100 s.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/** One command of a case. */
interface Command {
  label: string;
  /** Runs before each timed run (untimed): e.g. empty the output folder. */
  before?: () => void;
  argv: string[];
  cwd: string;
  /** Exit codes that count as success. */
  ok?: number[];
}

interface Sample {
  wall: number;
  cpu?: number;
  stderr: string;
}

function run(c: Command): Sample {
  c.before?.();
  const cpu0 = childrenCpu();
  const start = performance.now();
  const r = spawnSync(c.argv[0], c.argv.slice(1), { cwd: c.cwd, encoding: "utf8" });
  const wall = performance.now() - start;
  const cpu1 = childrenCpu();
  if (!(c.ok ?? [0]).includes(r.status ?? -1))
    throw new Error(`${c.label} failed (exit ${r.status}): ${r.stdout}\n${r.stderr}`);
  return { wall, cpu: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0, stderr: r.stderr };
}

/** The command that `npm run generate` runs, for an anvil checkout at `dir`. */
const anvilArgv = (dir: string, args: string[]) => [process.execPath, join(dir, "bin/anvil.mjs"), "generate", ...args];

/** Measures one case: anvil's commands and both compilers on its output, `runs` rounds. */
function measure(label: string, folder: string, args: string[], runs: number, baseline?: string): void {
  const work = mkdtempSync(join(tmpdir(), "anvil-bench-"));
  // The compilers resolve @types/node and the runtime's packages from here, as in a vendoring project.
  symlinkSync(join(root, "node_modules"), join(work, "node_modules"), "junction");
  const out = join(work, "out");
  const fresh = join(work, "fresh");
  const commands: Command[] = [
    {
      label: "anvil generate, empty output folder",
      before: () => rmSync(fresh, { recursive: true, force: true }),
      argv: anvilArgv(root, [...args, "--out", fresh, "--timings"]),
      cwd: root,
    },
    { label: "anvil generate, output unchanged", argv: anvilArgv(root, [...args, "--out", out]), cwd: root },
    {
      label: "anvil generate --check, up to date",
      argv: anvilArgv(root, [...args, "--out", out, "--check"]),
      cwd: root,
    },
    {
      label: "tsc --noEmit, TypeScript 5.9",
      argv: [process.execPath, join(root, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", join(out, folder)],
      cwd: work,
    },
    {
      label: "tsc --noEmit, TypeScript 7",
      argv: [process.execPath, join(root, "node_modules/typescript7/bin/tsc"), "--noEmit", "-p", join(out, folder)],
      cwd: work,
    },
  ];
  if (baseline) {
    const base = join(work, "baseline");
    commands.push({
      label: `baseline anvil (${baseline}), empty output folder`,
      before: () => rmSync(base, { recursive: true, force: true }),
      argv: anvilArgv(baseline, [...args, "--out", base]),
      cwd: baseline,
    });
  }
  const samples = new Map<string, Sample[]>(commands.map((c) => [c.label, []]));
  try {
    run(commands[1]); // the output the unchanged run, --check and the compilers work on
    for (let i = 0; i < runs; i++) for (const c of commands) samples.get(c.label)?.push(run(c));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const tsc = median((samples.get(commands[3].label) ?? []).map((s) => s.wall));
  console.log(`\n${label}: medians of ${runs} rounds (wall; CPU of the process and its children)`);
  for (const c of commands) {
    const xs = samples.get(c.label) ?? [];
    const wall = median(xs.map((s) => s.wall));
    const cpus = xs.map((s) => s.cpu).filter((x): x is number => x !== undefined);
    const cpu = cpus.length > 0 ? `${median(cpus).toFixed(2).padStart(6)} s CPU` : "";
    console.log(
      `  ${c.label.padEnd(44)} ${(wall / 1000).toFixed(2).padStart(6)} s  ${cpu}  ${(wall / tsc).toFixed(2).padStart(5)}x tsc 5.9  (min ${(Math.min(...xs.map((s) => s.wall)) / 1000).toFixed(2)}, max ${(Math.max(...xs.map((s) => s.wall)) / 1000).toFixed(2)})`,
    );
  }
  const stages: Record<string, number[]> = {};
  for (const s of samples.get(commands[0].label) ?? [])
    for (const m of s.stderr.matchAll(/^(\w+)\s+([\d.]+) ms$/gm)) (stages[m[1]] ??= []).push(Number(m[2]));
  console.log(
    `  stages of the empty-folder run (--timings, medians): ${Object.entries(stages)
      .map(([stage, xs]) => `${stage} ${median(xs).toFixed(0)} ms`)
      .join(", ")}`,
  );
}

/** `npm run -s check` in this repository, as CI runs it, against TypeScript 5.9's `tsc` on generated/. */
function measureRepoCheck(runs: number): void {
  const check: Command = {
    label: "npm run -s check (this repository)",
    argv: ["npm", "run", "-s", "check"],
    cwd: root,
  };
  const tsc: Command = {
    label: "tsc --noEmit, TypeScript 5.9, generated/frauddetector",
    argv: [
      process.execPath,
      join(root, "node_modules/typescript/bin/tsc"),
      "--noEmit",
      "-p",
      join(root, "generated/frauddetector"),
    ],
    cwd: root,
  };
  const xs: Sample[] = [];
  const ys: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    xs.push(run(check));
    ys.push(run(tsc));
  }
  const a = median(xs.map((s) => s.wall));
  const b = median(ys.map((s) => s.wall));
  const cpu = (samples: Sample[]) => {
    const cpus = samples.map((s) => s.cpu).filter((x): x is number => x !== undefined);
    return cpus.length > 0 ? `, ${median(cpus).toFixed(2)} s CPU` : "";
  };
  console.log(
    `\n${check.label}: ${(a / 1000).toFixed(2)} s${cpu(xs)} median of ${runs} (${(a / b).toFixed(2)}x ${tsc.label}, ${(b / 1000).toFixed(2)} s${cpu(ys)})`,
  );
}

/** The generator benchmarks. */
export function runGenerateBench(argv: string[] = []): void {
  const { values } = parseArgs({
    args: argv,
    options: { runs: { type: "string", default: "5" }, baseline: { type: "string" } },
    strict: false,
  });
  const runs = Number(values.runs);
  const baseline = typeof values.baseline === "string" ? values.baseline : undefined;
  // bin/anvil.mjs runs the TypeScript sources through tsx (about 0.5 s more per process) when
  // dist/cli.mjs is older than them: measuring that would be measuring a stale build.
  for (const checkout of [root, ...(baseline === undefined ? [] : [baseline])]) {
    const bundle = join(checkout, "generator/bundle/bundle.mjs");
    const fresh = spawnSync(process.execPath, [
      "--input-type=module",
      "-e",
      `import { freshBundle } from ${JSON.stringify(pathToFileURL(bundle).href)}; process.exit(freshBundle() ? 0 : 1);`,
    ]);
    if (fresh.status !== 0) {
      throw new Error(
        `${checkout}: dist/cli.mjs is missing or older than generator/ (run \`node generator/bundle/build.mjs\` there, as npm ci does); the bench would time the tsx path`,
      );
    }
  }
  measure("our spec (codegen.yaml)", "frauddetector", ["--config", join(root, "codegen.yaml")], runs, baseline);
  measureRepoCheck(runs);
  for (const [name, model, label] of [
    ["dynamodb", dynamodb, "full DynamoDB model, all 57 operations"],
    ["frauddetector-full", published, "published Fraud Detector model, all operations"],
  ]) {
    if (existsSync(model)) measure(label, name, ["--model", model, "--name", name], runs, baseline);
    else console.log(`\nskipped ${label}: ${model} is absent`);
  }
}
