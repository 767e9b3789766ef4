/**
 * The @pattern translator against every distinct pattern of the shared AWS models.
 *
 *   npx tsx bench/patterns/corpus.ts [models-dir] [--no-java] [--redos [--before]] [--show N]
 *
 * Prints how many patterns translate (by flag set), how many do not and why, and, when `java` is
 * on PATH, compares Java's `find()` with the translated RegExp on ~48 candidate strings per
 * pattern (sampled matches and near misses), printing every disagreement. `--redos` also times
 * the translations of patterns with nested quantifiers on adversarial strings: sampled ones of
 * ~60 characters, and pumped ones of 250, 1,000 and 4,000 characters, from which it tells how
 * the time grows (linear, quadratic, worse, past the deadline); for each pattern that is not
 * linear it also times the longest input its shapes' `@length` lets through. `--before` times
 * the same patterns emitted without the nested-quantifier rewrites too.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseJavaPattern } from "../../generator/patterns/parse-java.js";
import { translatePattern } from "../../generator/patterns/translate.js";
import { candidates } from "./candidates.js";
import { loadCorpusPatterns } from "./corpus-patterns.js";
import { classify } from "./classify.js";
import { type JavaRequest, javaAvailable, runJava } from "./java.js";
import { emitJavaScript } from "../../generator/patterns/emit-js.js";
import { type Growth, type GrowthClass, attackStrings, classifyGrowth, hasNestedQuantifiers, pumpedAttacks, timeAttack, timeGrowth } from "./redos.js";

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--show") ?? fileURLToPath(new URL("../../../shared/aws-models", import.meta.url));
const useJava = !args.includes("--no-java");
const checkRedos = args.includes("--redos");
const withoutRewrites = args.includes("--before");
const showIndex = args.indexOf("--show");
const show = showIndex >= 0 ? Number(args[showIndex + 1]) : 20;

if (!existsSync(dir)) {
  console.error(`No models at ${dir}; pass the folder of Smithy JSON AST models.`);
  process.exit(2);
}

const corpus = loadCorpusPatterns(dir);
const started = performance.now();
const results = corpus.map((c) => ({ ...c, result: translatePattern(c.pattern) }));
const elapsed = performance.now() - started;

const okCount = results.filter((r) => r.result.ok).length;
console.log(`distinct patterns: ${corpus.length} (${corpus.reduce((n, c) => n + c.uses.length, 0)} uses)`);
console.log(`translated: ${okCount}   untranslatable: ${corpus.length - okCount}   (${elapsed.toFixed(0)} ms in all)`);

const byFlags = new Map<string, number>();
let unchanged = 0;
for (const { pattern, result } of results) {
  if (!result.ok) continue;
  byFlags.set(result.flags, (byFlags.get(result.flags) ?? 0) + 1);
  if (result.source === pattern) unchanged++;
}
for (const [flags, n] of byFlags) console.log(`  flags "${flags}": ${n}`);
console.log(`  identical to the Java source: ${unchanged}`);

const reasons = new Map<string, string[]>();
for (const { pattern, result } of results) {
  if (result.ok) continue;
  reasons.set(result.reason, [...(reasons.get(result.reason) ?? []), pattern]);
}
if (reasons.size > 0) console.log("untranslatable, by reason:");
for (const [reason, patterns] of reasons) {
  console.log(`  ${patterns.length} × ${reason}`);
  for (const p of patterns.slice(0, 3)) console.log(`      ${JSON.stringify(p)}`);
}

const noteCounts = new Map<string, number>();
for (const { result } of results) {
  if (result.ok) for (const n of result.notes) noteCounts.set(n.replace(/`\\.`( `\\.`)*/, "…"), (noteCounts.get(n.replace(/`\\.`( `\\.`)*/, "…")) ?? 0) + 1);
}
console.log("rewrites, by note:");
for (const [note, n] of [...noteCounts].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${note}`);

if (useJava && !javaAvailable()) console.log("java is not on PATH: skipping the comparison with Java.");
if (useJava && javaAvailable()) {
  const compared = results.flatMap((r, index) => {
    if (!r.result.ok) return [];
    return [{ ...r, source: r.result.source, flags: r.result.flags, strings: candidates(parseJavaPattern(r.pattern).root, index + 1) }];
  });
  const requests: JavaRequest[] = compared.map((c) => ({ p: c.pattern, s: c.strings }));
  const javaStarted = performance.now();
  const verdicts = runJava(requests);
  let strings = 0;
  let javaRejects = 0;
  const shown: string[] = [];
  const mismatched: { pattern: string; source: string; s: string; java: boolean }[] = [];
  compared.forEach((c, i) => {
    const verdict = verdicts[i];
    if (!verdict.ok) {
      javaRejects++;
      shown.push(`  Java rejects ${JSON.stringify(c.pattern)} (${verdict.error}) but it translated`);
      return;
    }
    const re = new RegExp(c.source, c.flags);
    c.strings.forEach((s, k) => {
      strings++;
      const java = verdict.v[k];
      if (typeof java !== "boolean") return;
      if (re.test(s) !== java) mismatched.push({ pattern: c.pattern, source: c.source, s, java });
    });
  });
  // A code point the JDK's Unicode tables leave unassigned while the JavaScript engine's newer
  // ones assign it explains a disagreement on properties: tell those apart from real ones.
  const sorted = classify(mismatched);
  const real = sorted.real;
  const mismatches = real.length;
  for (const m of real.slice(0, show)) {
    shown.push(`  ${JSON.stringify(m.pattern)} on ${JSON.stringify(m.s)}: Java ${m.java}, JS ${!m.java}   (JS source ${JSON.stringify(m.source)})`);
  }
  const overflows = verdicts.flatMap((v) => (v.ok ? v.v.filter((x) => typeof x !== "boolean") : [])).length;
  console.log(
    `Java comparison: ${compared.length} patterns, ${strings} strings, ${mismatches} mismatches ` +
      `(+${sorted.unicode.length} only on characters Java 17's Unicode 13 leaves unassigned, ` +
      `+${sorted.midPair.length} only from Java starting a match inside a surrogate pair), ` +
      `${javaRejects} patterns Java rejects, ${overflows} Java stack overflows or timeouts (${((performance.now() - javaStarted) / 1000).toFixed(1)} s)`,
  );
  for (const line of shown) console.log(line);
}

const nested = results.filter((r) => r.result.ok && hasNestedQuantifiers(parseJavaPattern(r.pattern).root));
console.log(`nested quantifiers (candidates for catastrophic backtracking): ${nested.length} patterns`);
if (!checkRedos) {
  for (const r of nested.slice(0, show)) console.log(`  ${JSON.stringify(r.pattern)} (e.g. ${r.uses[0]})`);
  if (nested.length > show) console.log(`  ... ${nested.length - show} more; --redos times each on adversarial strings`);
} else {
  reportRedos(nested);
}

/** What bounds a pattern's input: the largest `@length` max over its uses, or null if one has none. */
function inputBound(maxLengths: readonly (number | null)[]): number | null {
  return maxLengths.some((m) => m === null) ? null : Math.max(...(maxLengths as number[]));
}

function reportRedos(patterns: typeof results): void {
  const lengths = [250, 1000, 4000];
  const rows = patterns.map((r, i) => {
    const root = parseJavaPattern(r.pattern).root;
    const translated = r.result.ok ? r.result : undefined;
    const short = translated ? timeAttack(translated.source, translated.flags, attackStrings(root, i + 1), 3000) : "timeout";
    const sets = lengths.map((length) => ({ length, inputs: pumpedAttacks(root, i + 1, length) }));
    const time = (source: string): Growth => timeGrowth(source, "u", sets, 5000);
    const after = translated ? time(translated.source) : { points: [], timedOutAt: lengths[0] };
    // The same emitter without the rewrites of nested-quantifiers.ts: what the translation was before them.
    const before = withoutRewrites ? time(emitJavaScript(root)) : undefined;
    return { ...r, short, after, before, bound: inputBound(r.maxLengths) };
  });
  const slowShort = rows.filter((t) => t.short === "timeout" || t.short > 50);
  console.log(`  on the sampled adversarial strings (~60 chars): ${slowShort.length} take over 50 ms or time out (3 s)`);
  for (const t of slowShort) {
    const label = t.short === "timeout" ? ">3 s" : `${t.short.toFixed(0)} ms`;
    console.log(`  ${label.padStart(6)}  ${JSON.stringify(t.pattern)} (${t.uses.length} uses, e.g. ${t.uses[0]})`);
  }
  const tally = (key: "after" | "before"): string => {
    const counts = new Map<GrowthClass, number>();
    for (const row of rows) {
      const g = row[key];
      if (g) counts.set(classifyGrowth(g), (counts.get(classifyGrowth(g)) ?? 0) + 1);
    }
    return (["linear", "quadratic", "worse", "timeout"] as const).map((c) => `${counts.get(c) ?? 0} ${c}`).join(", ");
  };
  console.log(`  slowest pumped attack, ${lengths.join("/")} chars (5 s deadline): ${tally("after")}`);
  if (withoutRewrites) console.log(`    without the nested-quantifier rewrites: ${tally("before")}`);
  for (const row of rows) {
    const growthClass = classifyGrowth(row.after);
    if (growthClass === "linear") continue;
    const last = row.after.points[row.after.points.length - 1];
    const measured = row.after.timedOutAt !== undefined ? `deadline at ${row.after.timedOutAt} chars` : `${last.worstMs.toFixed(1)} ms at ${last.length} chars`;
    let bounded = "no @length max on some use";
    if (row.bound !== null && row.result.ok) {
      const atBound = timeGrowth(row.result.source, "u", [{ length: row.bound, inputs: pumpedAttacks(parseJavaPattern(row.pattern).root, 7, row.bound) }], 5000);
      const worst = atBound.timedOutAt !== undefined ? ">5 s" : `${(atBound.points[0]?.worstMs ?? 0).toFixed(1)} ms`;
      bounded = `@length max ${row.bound} on every use: ${worst} there`;
    }
    console.log(`  ${growthClass.padEnd(9)} ${measured}; ${bounded}: ${JSON.stringify(row.pattern)} (e.g. ${row.uses[0]})`);
  }
}
