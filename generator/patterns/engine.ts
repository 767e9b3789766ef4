/**
 * Which engine a validator runs a `@pattern` on. JavaScript's RegExp backtracks; for most patterns
 * that is fast, and it needs no dependency. A pattern at risk of slow backtracking
 * (backtracking-risk.ts: its automaton is ambiguous) runs on `re2js` instead, whose matching time
 * is linear in the input, in the RE2 syntax emit-re2.ts writes with Java's meaning. A pattern at
 * risk that RE2 cannot express stays on RegExp, with the reason in the generated comment.
 */
import { emitJavaScript } from "./emit-js.js";
import { type Re2Emission, emitRe2 } from "./emit-re2.js";
import { trimOpenEnds } from "./find-trim.js";
import type { JavaNode } from "./java-ast.js";
import { classCount, someNode } from "./java-checks.js";
import { type BacktrackingRisk, backtrackingRisk } from "./backtracking-risk.js";
import { rewriteNestedQuantifiers } from "./nested-quantifiers.js";
import { UnsupportedJavaConstruct, parseJavaPattern } from "./parse-java.js";
import { type PatternTranslation, translatePattern } from "./translate.js";

/** The npm package that runs RE2 patterns (declared by a client folder only when it uses it). */
export const RE2_PACKAGE = "re2js";

/** A pattern as a validator runs it. */
export type ValidatorPattern =
  | (Extract<PatternTranslation, { ok: true }> & {
      engine: "regexp";
      /** Set when the pattern is at risk but RE2 cannot express it: the risk and why it stays. */
      riskKept?: string;
    })
  | {
      ok: true;
      engine: "re2";
      /** RE2 source for `RE2JS.compile`. */
      source: string;
      /** RE2 source for values that end with `\r\n`, when they need their own (emit-re2.ts: Java's `$` after a `\r`). */
      crlfSource: string | undefined;
      risk: BacktrackingRisk;
      notes: string[];
    }
  | Extract<PatternTranslation, { ok: false }>;

/**
 * The most character states one counted repeat may make in an RE2 program. RE2 writes `X{m,n}` out
 * as n copies of X, and when many copies are active at once re2js falls back from its DFA to a
 * simulation whose cost grows with them: `\S{1,2000}` took a second on 2,000 characters. Past
 * this, only an exponential risk goes to RE2.
 */
const RE2_REPEAT_LIMIT = 256;

/** The most states any one counted repeat of `node` makes. */
function largestRepeat(node: JavaNode): number {
  let largest = 0;
  someNode(node, (n) => {
    if (n.type === "repeat" && (n.max > 1 || n.min > 1)) largest = Math.max(largest, classCount(n, true));
    return false;
  });
  return largest;
}

/**
 * RE2 source and flag for a Java pattern (after the nested-quantifier rewrites and with the runs
 * at its open ends shortened), or why there is none. A counted repeat over {@link RE2_REPEAT_LIMIT}
 * states is refused unless `anySize` (an exponential risk, where even a slow RE2 run wins).
 */
export function re2Form(javaPattern: string, anySize = false): Re2Emission | string {
  try {
    const root = trimOpenEnds(rewriteNestedQuantifiers(parseJavaPattern(javaPattern).root).root);
    const states = largestRepeat(root);
    if (states > RE2_REPEAT_LIMIT && !anySize)
      return `a counted repeat of about ${states} states in RE2, which re2js runs slowly`;
    return emitRe2(root);
  } catch (e) {
    if (e instanceof UnsupportedJavaConstruct) return e.message;
    throw e;
  }
}

/**
 * Decides the engine for one Java pattern and writes it for that engine. Never throws (a
 * pattern that does not translate is `ok: false`, as from {@link translatePattern}).
 */
export function validatorPattern(javaPattern: string): ValidatorPattern {
  const js = translatePattern(javaPattern);
  if (!js.ok) return js;
  const risk = backtrackingRisk(rewriteNestedQuantifiers(parseJavaPattern(javaPattern).root).root);
  if (!risk) return { ...js, engine: "regexp" };
  const re2 = re2Form(javaPattern, risk === "exponential");
  if (typeof re2 === "string") return keptOnRegExp(javaPattern, js, risk, re2);
  const notes = [`${risk} backtracking possible on RegExp: runs on RE2 (${RE2_PACKAGE}), in time linear in the input`];
  return { ok: true, engine: "re2", source: re2.source, crlfSource: re2.crlfSource, risk, notes };
}

/**
 * A pattern at risk that RE2 cannot express, on RegExp. It is written from its tree with the runs
 * at its open ends shortened (find-trim.ts: the same `find()` verdicts), which takes away the
 * retries of a run at an unanchored end: `^(arn:…)|(\bTSTALIASID\b|[0-9a-zA-Z]+)$` took 8 ms on
 * 2,048 characters as written, 0.01 ms with `[0-9a-zA-Z]{1}$`. Not when a back-reference reads a
 * group, whose capture the shortening would change. The risk is assessed again on the result.
 */
function keptOnRegExp(
  javaPattern: string,
  js: Extract<PatternTranslation, { ok: true }>,
  risk: BacktrackingRisk,
  why: string,
): ValidatorPattern {
  const kept = (left: BacktrackingRisk): string => `${left} backtracking possible, but RE2 cannot express it: ${why}`;
  const root = rewriteNestedQuantifiers(parseJavaPattern(javaPattern).root).root;
  if (someNode(root, (n) => n.type === "backref")) return { ...js, engine: "regexp", riskKept: kept(risk) };
  const trimmed = trimOpenEnds(root);
  const source = emitJavaScript(trimmed);
  if (source === js.source) return { ...js, engine: "regexp", riskKept: kept(risk) };
  const left = backtrackingRisk(trimmed);
  const notes = [
    ...js.notes,
    "runs at the pattern's unanchored ends shortened to their minimum (`find()` needs no more)",
  ];
  return { ...js, source, notes, engine: "regexp", ...(left ? { riskKept: kept(left) } : {}) };
}
