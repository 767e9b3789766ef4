/**
 * Flags patterns that look prone to catastrophic backtracking (nested unbounded quantifiers) and
 * times the translated RegExp on adversarial strings in a child process, so a runaway match
 * cannot hang the bench.
 */
import { spawnSync } from "node:child_process";
import type { JavaNode } from "../../generator/lower/patterns/java-ast.js";
import { MAX_REPS } from "../../generator/lower/patterns/parse-java.js";
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

/** Milliseconds the slowest attack string took, or "timeout" past `limitMs`. */
export function timeAttack(source: string, flags: string, inputs: string[], limitMs: number): number | "timeout" {
  const script = `
    const re = new RegExp(${JSON.stringify(source)}, ${JSON.stringify(flags)});
    const inputs = ${JSON.stringify(inputs)};
    let worst = 0;
    for (const s of inputs) { const t = performance.now(); re.test(s); worst = Math.max(worst, performance.now() - t); }
    process.stdout.write(String(worst));`;
  const run = spawnSync(process.execPath, ["-e", script], { timeout: limitMs, encoding: "utf8" });
  if (run.error || run.status !== 0) return "timeout";
  return Number(run.stdout);
}
