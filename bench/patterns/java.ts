/**
 * Runs bench/patterns/JavaMatch.java (Java's own regex engine) over batches of patterns and
 * candidate strings. Needs `java` (17+) on PATH; callers check {@link javaAvailable} first.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** One pattern and the strings to try it on. */
export interface JavaRequest {
  p: string;
  s: string[];
}

/** Java's answer: `find()` per string, or the compile error. */
export type JavaVerdict = { ok: true; v: (boolean | "overflow" | "timeout")[] } | { ok: false; error: string };

const SOURCE = fileURLToPath(new URL("./JavaMatch.java", import.meta.url));

/** True when a `java` launcher is on PATH. */
export function javaAvailable(): boolean {
  const probe = spawnSync("java", ["-version"], { encoding: "utf8" });
  return probe.status === 0;
}

/** Java's verdicts for every request, in order (one JVM for the whole batch). */
export function runJava(requests: readonly JavaRequest[]): JavaVerdict[] {
  const input = requests.map((r) => JSON.stringify(r)).join("\n") + "\n";
  const run = spawnSync("java", ["-Xss64m", SOURCE], { input, encoding: "utf8", maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`JavaMatch failed (${run.status}): ${run.stderr}`);
  const lines = run.stdout.trim().split("\n");
  if (lines.length !== requests.length) {
    throw new Error(`JavaMatch answered ${lines.length} lines for ${requests.length} requests`);
  }
  return lines.map((line) => JSON.parse(line) as JavaVerdict);
}
