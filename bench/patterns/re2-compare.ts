/**
 * Java's `find()` against the RE2 form (generator/patterns/emit-re2.ts, run by re2js) of every
 * pattern the validators run on RE2: the same sampled matches and near misses the RegExp
 * translation is compared on, plus short adversarial strings (pumped repeats that fail at the
 * end; short enough for Java's backtracking to answer).
 */
import { re2Tester } from "./re2-tester.js";
import type { JavaNode } from "../../generator/patterns/java-ast.js";
import { classify } from "./classify.js";
import { type JavaRequest, runJava } from "./java.js";
import { pumpedAttacks } from "./redos.js";

/** One pattern on RE2, with the strings it is compared on. */
export interface Re2Case {
  pattern: string;
  source: string;
  /** The program for values ending with `\r\n`, when they need their own (emit-re2.ts). */
  crlfSource: string | undefined;
  root: JavaNode;
  strings: string[];
}

/** What the comparison found. */
export interface Re2Comparison {
  patterns: number;
  strings: number;
  /** Disagreements that are neither of the two known causes (classify.ts). */
  real: { pattern: string; source: string; s: string; java: boolean }[];
  /** Disagreements only on characters Java 17 leaves unassigned, or from a start inside a surrogate pair. */
  explained: number;
  /** Strings Java gave no verdict on (stack overflow or its deadline). */
  javaGaveUp: number;
}

/** Compares every case with Java (one JVM for all). */
export function compareRe2WithJava(cases: readonly Re2Case[], seed: number): Re2Comparison {
  const withAttacks = cases.map((c, i) => ({
    ...c,
    strings: [...c.strings, ...pumpedAttacks(c.root, seed + i, 24).slice(0, 24)],
  }));
  const requests: JavaRequest[] = withAttacks.map((c) => ({ p: c.pattern, s: c.strings }));
  const verdicts = runJava(requests);
  let strings = 0;
  let javaGaveUp = 0;
  const mismatched: { pattern: string; source: string; s: string; java: boolean }[] = [];
  withAttacks.forEach((c, i) => {
    const verdict = verdicts[i];
    if (!verdict?.ok) throw new Error(`Java rejects ${JSON.stringify(c.pattern)}, which the generator put on RE2`);
    const re = re2Tester(c);
    c.strings.forEach((s, k) => {
      const java = verdict.v[k];
      if (typeof java !== "boolean") {
        javaGaveUp++;
        return;
      }
      strings++;
      if (re.test(s) !== java) mismatched.push({ pattern: c.pattern, source: c.source, s, java });
    });
  });
  const sorted = classify(mismatched);
  return {
    patterns: cases.length,
    strings,
    real: sorted.real,
    explained: sorted.unicode.length + sorted.midPair.length,
    javaGaveUp,
  };
}
