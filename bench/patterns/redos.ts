/**
 * Catastrophic backtracking: flags patterns with nested quantifiers, builds adversarial strings
 * for them, and times translated RegExps on those strings in a child process, so that a runaway
 * match is killed at a deadline instead of hanging the caller.
 */
import { spawnSync } from "node:child_process";
import type { JavaNode } from "../../generator/patterns/java-ast.js";
import { MAX_REPS } from "../../generator/patterns/parse-java.js";
import { prng, sample } from "./candidates.js";

function children(node: JavaNode): JavaNode[] {
  switch (node.type) {
    case "seq":
      return [...node.items];
    case "alt":
      return [...node.branches];
    case "group":
    case "atomic":
    case "look":
    case "repeat":
      return [node.body];
    default:
      return [];
  }
}

function contains(node: JavaNode, target: JavaNode): boolean {
  return node === target || children(node).some((c) => contains(c, target));
}

function hasUnboundedRepeat(node: JavaNode): boolean {
  if (node.type === "repeat" && node.max >= MAX_REPS && node.mode !== "possessive") return true;
  return children(node).some(hasUnboundedRepeat);
}

/** True when a repeated group contains an unbounded quantifier (star height 2 or more). */
export function hasNestedQuantifiers(node: JavaNode): boolean {
  if (node.type === "repeat" && node.max > 1 && node.mode !== "possessive" && children(node).some(hasUnboundedRepeat)) {
    return true;
  }
  return children(node).some(hasNestedQuantifiers);
}

/** Strings built to make a backtracking engine work hard: long runs that fail at the very end. */
export function attackStrings(root: JavaNode, seed: number): string[] {
  const random = prng(seed);
  const out: string[] = [];
  for (let i = 0; i < 4; i++) {
    const base = sample(root, random);
    const longRun = base.length > 0 ? base.repeat(Math.ceil(40 / base.length)).slice(0, 60) : "a".repeat(40);
    for (const tail of ["!", "\u0000", " ", "\n!"]) out.push(longRun + tail);
  }
  return out;
}

/** Characters that end a pumped string, so that the match fails only after all the work. */
const KILLERS = ["!", "\u0000", "\n!", "\u0001 "];

/** A sampled string that leads from the start of `root` up to (not into) `target`. */
function prefixTo(root: JavaNode, target: JavaNode, random: () => number): string {
  const walk = (node: JavaNode): string => {
    if (node === target) return "";
    switch (node.type) {
      case "seq": {
        let out = "";
        for (const item of node.items) {
          if (contains(item, target)) return out + walk(item);
          out += sample(item, random);
        }
        return out;
      }
      case "alt":
        return walk(node.branches.find((b) => contains(b, target)) ?? node.branches[0]);
      case "look":
        return node.behind ? "" : walk(node.body);
      case "group":
      case "atomic":
        return walk(node.body);
      case "repeat": {
        // Enough earlier repetitions to reach the minimum, then the one that holds the target.
        let out = "";
        for (let i = 1; i < node.min && i < 4; i++) out += sample(node.body, random);
        return out + walk(node.body);
      }
      default:
        return "";
    }
  };
  return walk(root);
}

/** Single characters from each class inside `node` (one per class), for one-character pumps. */
function classChars(node: JavaNode, random: () => number): string[] {
  const out = new Set<string>();
  const visit = (n: JavaNode): void => {
    if (n.type === "char") {
      const c = sample(n, random);
      if (c) out.add(c);
    }
    children(n).forEach(visit);
  };
  visit(node);
  return [...out];
}

/** An adversarial string in its parts: `prefix + pump × count + killer`. */
export interface PumpedAttack {
  prefix: string;
  pump: string;
  count: number;
  killer: string;
}

/** The text of an attack; `count` overrides how many times the pump repeats. */
export function attackText(a: PumpedAttack, count = a.count): string {
  return a.prefix + a.pump.repeat(count) + a.killer;
}

/**
 * Adversarial strings of about `length` code units for every repeat of `root` that can loop:
 * a prefix that reaches the repeat, one of a few "pumps" (samples of the repeated body, single
 * characters of its classes) repeated, and a character that makes the match fail at the end.
 */
export function pumpedAttackParts(root: JavaNode, seed: number, length: number): PumpedAttack[] {
  const random = prng(seed);
  const loops: JavaNode[] = [];
  const visit = (n: JavaNode): void => {
    if (n.type === "repeat" && n.max > 1 && n.min < n.max && n.mode !== "possessive") loops.push(n);
    children(n).forEach(visit);
  };
  visit(root);
  const out = new Map<string, PumpedAttack>();
  const add = (a: PumpedAttack): void => {
    if (!out.has(attackText(a))) out.set(attackText(a), a);
  };
  for (const loop of loops.slice(0, 12)) {
    if (loop.type !== "repeat") continue;
    const prefix = prefixTo(root, loop, random);
    const pumps = new Set<string>([
      sample(loop.body, random),
      sample(loop.body, random),
      ...classChars(loop.body, random),
    ]);
    const chars = [...pumps].filter((p) => [...p].length === 1);
    if (chars.length >= 2) pumps.add(chars[0] + chars[1]);
    for (const pump of [...pumps].filter((p) => p.length > 0).slice(0, 6)) {
      const count = Math.max(1, Math.floor(Math.max(0, length - prefix.length) / pump.length));
      for (const killer of KILLERS) add({ prefix, pump, count, killer });
    }
  }
  if (out.size === 0) for (const killer of KILLERS) add({ prefix: "", pump: "a", count: length, killer });
  return [...out.values()];
}

/** The texts of {@link pumpedAttackParts}. */
export function pumpedAttacks(root: JavaNode, seed: number, length: number): string[] {
  return pumpedAttackParts(root, seed, length).map((a) => attackText(a));
}

/** Milliseconds the slowest attack string took, or "timeout" past `limitMs`. */
export function timeAttack(source: string, flags: string, inputs: string[], limitMs: number): number | "timeout" {
  const growth = timeGrowth(source, flags, [{ length: 0, inputs }], limitMs);
  return growth.timedOutAt !== undefined ? "timeout" : (growth.points[0]?.worstMs ?? 0);
}

/** The slowest string's time at one input length. */
export interface GrowthPoint {
  length: number;
  worstMs: number;
}

/** Times per input length, in increasing length; `timedOutAt` is the length that hit the deadline. */
export interface Growth {
  points: GrowthPoint[];
  timedOutAt?: number;
}

// Runs in the child: one JSON line per length, written as soon as it is measured, so that a
// deadline still leaves the shorter lengths' figures.
const CHILD = `
let data = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (d) => (data += d));
process.stdin.on("end", () => {
  const { source, flags, sets } = JSON.parse(data);
  const re = new RegExp(source, flags);
  for (let i = 0; i < 3; i++) re.test("warm-up " + i);
  for (const { length, inputs } of sets) {
    let worst = 0;
    for (const s of inputs) {
      const t = performance.now();
      re.test(s);
      worst = Math.max(worst, performance.now() - t);
    }
    process.stdout.write(JSON.stringify({ length, worstMs: worst }) + "\\n");
  }
});`;

/**
 * Times `new RegExp(source, flags).test()` on each set of inputs, shortest first, in a child
 * process killed after `limitMs` in all.
 */
export function timeGrowth(
  source: string,
  flags: string,
  sets: { length: number; inputs: string[] }[],
  limitMs: number,
): Growth {
  const run = spawnSync(process.execPath, ["-e", CHILD], {
    input: JSON.stringify({ source, flags, sets }),
    timeout: limitMs,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const points = (run.stdout ?? "")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as GrowthPoint);
  const finished = run.status === 0 && !run.error;
  if (!finished && run.error === undefined && run.signal === null) {
    throw new Error(`timing child failed (${run.status}): ${run.stderr}`);
  }
  return finished ? { points } : { points, timedOutAt: sets[points.length]?.length };
}

/** How the slowest attack's time grows with input length. */
export type GrowthClass = "linear" | "quadratic" | "worse" | "timeout";

/**
 * Classifies a growth measurement: "timeout" when a length hit the deadline; otherwise by the
 * exponent of the time between the two longest lengths, with anything under `fastMs` at the
 * longest length counted as linear (too quick to measure a slope on).
 */
export function classifyGrowth(growth: Growth, fastMs = 5): GrowthClass {
  if (growth.timedOutAt !== undefined) return "timeout";
  const [a, b] = growth.points.slice(-2);
  if (!a || !b || b.worstMs < fastMs) return "linear";
  const exponent = Math.log(b.worstMs / Math.max(a.worstMs, 0.01)) / Math.log(b.length / a.length);
  if (exponent < 1.5) return "linear";
  if (exponent < 2.5) return "quadratic";
  return "worse";
}
