/**
 * The @pattern translator against every distinct pattern of the shared AWS models.
 *
 *   npx tsx bench/patterns/corpus.ts [models-dir] [--no-java] [--redos] [--show N]
 *
 * Prints how many patterns translate (by flag set), how many do not and why, and, when `java` is
 * on PATH, compares Java's `find()` with the translated RegExp on ~48 candidate strings per
 * pattern (sampled matches and near misses), printing every disagreement. `--redos` also times
 * the translations of patterns with nested quantifiers on adversarial strings.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseJavaPattern } from "../../generator/lower/patterns/parse-java.js";
import { translatePattern } from "../../generator/lower/patterns/translate.js";
import { candidates } from "./candidates.js";
import { loadCorpusPatterns } from "./corpus-patterns.js";
import { classify } from "./classify.js";
import { type JavaRequest, javaAvailable, runJava } from "./java.js";
import { attackStrings, hasNestedQuantifiers, timeAttack } from "./redos.js";

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--show") ?? fileURLToPath(new URL("../../../shared/aws-models", import.meta.url));
const useJava = !args.includes("--no-java");
const checkRedos = args.includes("--redos");
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
  const timed = nested.map((r, i) => {
    const translated = r.result.ok ? r.result : undefined;
    const timing = translated
      ? timeAttack(translated.source, translated.flags, attackStrings(parseJavaPattern(r.pattern).root, i + 1), 3000)
      : "timeout";
    return { ...r, timing };
  });
  const slow = timed.filter((t) => t.timing === "timeout" || t.timing > 50);
  console.log(`  timed on adversarial strings (~60 chars): ${slow.length} take over 50 ms or time out (3 s)`);
  for (const t of slow) {
    const label = t.timing === "timeout" ? ">3 s" : `${t.timing.toFixed(0)} ms`;
    console.log(`  ${label.padStart(6)}  ${JSON.stringify(t.pattern)} (${t.uses.length} uses, e.g. ${t.uses[0]})`);
  }
}
