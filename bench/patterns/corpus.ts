/**
 * The @pattern translator against every distinct pattern of the shared AWS models.
 *
 *   npx tsx bench/patterns/corpus.ts [models-dir] [--no-java] [--redos] [--growth [--before]] [--show N]
 *
 * Prints how many patterns translate (by flag set), how many do not and why, and which engine the
 * validators run each on (engine.ts: RE2 for patterns at risk of slow backtracking). When `java`
 * is on PATH it compares Java's `find()` with the translated RegExp on ~48 candidate strings per
 * pattern (sampled matches and near misses), and with the RE2 form of every pattern put on RE2 on
 * the same strings plus short adversarial ones, printing every disagreement. `--redos` times every
 * pattern, on the engine the validators use, on worst-case inputs of its maximum length (the
 * largest `@length` max of its uses, at most {@link MAX_TIMED_LENGTH}; {@link UNBOUNDED_LENGTH} when
 * a use has none) and prints the
 * medians (worst-case.ts), with the `--show N` slowest patterns on each engine. `--growth` times the RegExp translations of patterns with nested
 * quantifiers on adversarial strings of 250, 1,000 and 4,000 characters, from which it tells how
 * the time grows (linear, quadratic, worse, past the deadline); `--before` times them emitted
 * without the nested-quantifier rewrites too.
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
import {
  type Growth,
  type GrowthClass,
  attackStrings,
  classifyGrowth,
  hasNestedQuantifiers,
  pumpedAttacks,
  timeAttack,
  timeGrowth,
} from "./redos.js";
import { validatorPattern } from "../../generator/patterns/engine.js";
import { rewriteNestedQuantifiers } from "../../generator/patterns/nested-quantifiers.js";
import { compareRe2WithJava } from "./re2-compare.js";
import { type CompiledForm, timeWorstCases } from "./worst-case.js";

/** The input length timed for a pattern some use of which has no `@length` max. */
const UNBOUNDED_LENGTH = 4096;
/** The longest input timed: a few `@length` maxes run to millions, where no engine takes 10 ms. */
const MAX_TIMED_LENGTH = 65_536;

const args = process.argv.slice(2);
const dir =
  args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--show") ??
  fileURLToPath(new URL("../../../shared/aws-models", import.meta.url));
const useJava = !args.includes("--no-java");
const checkRedos = args.includes("--redos");
const checkGrowth = args.includes("--growth");
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
  if (result.ok)
    for (const n of result.notes)
      noteCounts.set(n.replace(/`\\.`( `\\.`)*/, "…"), (noteCounts.get(n.replace(/`\\.`( `\\.`)*/, "…")) ?? 0) + 1);
}
console.log("rewrites, by note:");
for (const [note, n] of [...noteCounts].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${note}`);

const engines = results.map((r) => validatorPattern(r.pattern));
const onRe2 = engines.filter((e) => e.ok && e.engine === "re2").length;
const riskKept = engines.filter((e) => e.ok && e.engine === "regexp" && e.riskKept !== undefined);
console.log(
  `engines: ${onRe2} patterns at risk of slow backtracking run on RE2 (re2js), ${riskKept.length} at risk stay on RegExp (RE2 cannot express them), ${engines.filter((e) => e.ok && e.engine === "regexp" && e.riskKept === undefined).length} on RegExp`,
);
results.forEach((r, i) => {
  const e = engines[i];
  if (e?.ok && e.engine === "regexp" && e.riskKept)
    console.log(`  stays on RegExp: ${JSON.stringify(r.pattern)} (${e.riskKept})`);
});

if (useJava && !javaAvailable()) console.log("java is not on PATH: skipping the comparison with Java.");
if (useJava && javaAvailable()) {
  const compared = results.flatMap((r, index) => {
    if (!r.result.ok) return [];
    return [
      {
        ...r,
        source: r.result.source,
        flags: r.result.flags,
        strings: candidates(parseJavaPattern(r.pattern).root, index + 1),
      },
    ];
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
    shown.push(
      `  ${JSON.stringify(m.pattern)} on ${JSON.stringify(m.s)}: Java ${m.java}, JS ${!m.java}   (JS source ${JSON.stringify(m.source)})`,
    );
  }
  const overflows = verdicts.flatMap((v) => (v.ok ? v.v.filter((x) => typeof x !== "boolean") : [])).length;
  console.log(
    `Java comparison: ${compared.length} patterns, ${strings} strings, ${mismatches} mismatches ` +
      `(+${sorted.unicode.length} only on characters Java 17's Unicode 13 leaves unassigned, ` +
      `+${sorted.midPair.length} only from Java starting a match inside a surrogate pair), ` +
      `${javaRejects} patterns Java rejects, ${overflows} Java stack overflows or timeouts (${((performance.now() - javaStarted) / 1000).toFixed(1)} s)`,
  );
  for (const line of shown) console.log(line);

  const re2Cases = results.flatMap((r, index) => {
    const e = engines[index];
    if (!e?.ok || e.engine !== "re2") return [];
    const root = rewriteNestedQuantifiers(parseJavaPattern(r.pattern).root).root;
    return [
      {
        pattern: r.pattern,
        source: e.source,
        crlfSource: e.crlfSource,
        root,
        strings: candidates(parseJavaPattern(r.pattern).root, index + 1),
      },
    ];
  });
  const re2Started = performance.now();
  const re2 = compareRe2WithJava(re2Cases, 1);
  console.log(
    `Java vs RE2 form: ${re2.patterns} patterns, ${re2.strings} strings, ${re2.real.length} mismatches ` +
      `(+${re2.explained} from the two known causes above), ${re2.javaGaveUp} strings Java gave up on (${((performance.now() - re2Started) / 1000).toFixed(1)} s)`,
  );
  for (const m of re2.real.slice(0, show))
    console.log(
      `  ${JSON.stringify(m.pattern)} on ${JSON.stringify(m.s)}: Java ${m.java}, RE2 ${!m.java}   (RE2 source ${JSON.stringify(m.source)})`,
    );
}

if (checkRedos) reportWorstCases();

/** Every pattern on its validator engine, on worst-case inputs of its maximum length. */
function reportWorstCases(): void {
  const jobs = results.flatMap((r, i) => {
    const e = engines[i];
    if (!e?.ok) return [];
    const form: CompiledForm =
      e.engine === "re2"
        ? { engine: "re2", source: e.source, crlfSource: e.crlfSource }
        : { engine: "regexp", source: e.source, flags: e.flags };
    const bound = inputBound(r.maxLengths);
    return [
      {
        pattern: r.pattern,
        form,
        root: parseJavaPattern(r.pattern).root,
        length: Math.min(bound ?? UNBOUNDED_LENGTH, MAX_TIMED_LENGTH),
        bounded: bound !== null,
        capped: bound !== null && bound > MAX_TIMED_LENGTH,
      },
    ];
  });
  const started = performance.now();
  const times = timeWorstCases(jobs, 3000);
  const ms = times.map((t) => ("timedOut" in t ? Infinity : t.medianMs));
  const over = jobs.map((j, i) => ({ ...j, ms: ms[i] ?? Infinity })).filter((j) => j.ms >= 10);
  const quantile = (values: number[], q: number): number =>
    values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
  for (const engine of ["regexp", "re2"] as const) {
    const values = jobs.flatMap((j, i) => (j.form.engine === engine ? [ms[i] ?? Infinity] : [])).sort((a, b) => a - b);
    if (values.length === 0) continue;
    console.log(
      `worst case at maximum length, ${engine === "re2" ? "RE2" : "RegExp"} (${values.length} patterns): median ${quantile(values, 0.5).toFixed(3)} ms, ` +
        `p99 ${quantile(values, 0.99).toFixed(2)} ms, max ${(values[values.length - 1] ?? 0).toFixed(2)} ms`,
    );
  }
  const unbounded = jobs.filter((j) => !j.bounded).length;
  const capped = jobs.filter((j) => j.capped).length;
  console.log(
    `  (CPU time, median of 5 runs of each pattern's slowest input; ${unbounded} patterns have a use with no @length max and were timed at ${UNBOUNDED_LENGTH} characters, ` +
      `${capped} with a max over ${MAX_TIMED_LENGTH} at ${MAX_TIMED_LENGTH}; ${((performance.now() - started) / 1000).toFixed(0)} s in all)`,
  );
  const slowest = jobs.map((j, i) => ({ ...j, ms: ms[i] ?? Infinity })).sort((a, b) => b.ms - a.ms);
  for (const engine of ["regexp", "re2"] as const) {
    console.log(`  slowest ${show} on ${engine === "re2" ? "RE2" : "RegExp"}:`);
    for (const j of slowest.filter((s) => s.form.engine === engine).slice(0, show)) {
      console.log(
        `    ${Number.isFinite(j.ms) ? `${j.ms.toFixed(2)} ms` : ">3 s"} at ${j.length} chars: ${JSON.stringify(j.pattern)}`,
      );
    }
  }
  console.log(`  ${over.length} patterns take 10 ms or more:`);
  for (const j of over)
    console.log(
      `    ${Number.isFinite(j.ms) ? `${j.ms.toFixed(1)} ms` : ">3 s"} on ${j.form.engine} at ${j.length} chars: ${JSON.stringify(j.pattern)}`,
    );
}

const nested = results.filter((r) => r.result.ok && hasNestedQuantifiers(parseJavaPattern(r.pattern).root));
console.log(`nested quantifiers (candidates for catastrophic backtracking): ${nested.length} patterns`);
if (!checkGrowth) {
  for (const r of nested.slice(0, show)) console.log(`  ${JSON.stringify(r.pattern)} (e.g. ${r.uses[0]})`);
  if (nested.length > show)
    console.log(`  ... ${nested.length - show} more; --growth times each on adversarial strings`);
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
    const short = translated
      ? timeAttack(translated.source, translated.flags, attackStrings(root, i + 1), 3000)
      : "timeout";
    const sets = lengths.map((length) => ({ length, inputs: pumpedAttacks(root, i + 1, length) }));
    const time = (source: string): Growth => timeGrowth(source, "u", sets, 5000);
    const after = translated ? time(translated.source) : { points: [], timedOutAt: lengths[0] };
    // The same emitter without the rewrites of nested-quantifiers.ts: what the translation was before them.
    const before = withoutRewrites ? time(emitJavaScript(root)) : undefined;
    return { ...r, short, after, before, bound: inputBound(r.maxLengths) };
  });
  const slowShort = rows.filter((t) => t.short === "timeout" || t.short > 50);
  console.log(
    `  on the sampled adversarial strings (~60 chars): ${slowShort.length} take over 50 ms or time out (3 s)`,
  );
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
    const measured =
      row.after.timedOutAt !== undefined
        ? `deadline at ${row.after.timedOutAt} chars`
        : `${last.worstMs.toFixed(1)} ms at ${last.length} chars`;
    let bounded = "no @length max on some use";
    if (row.bound !== null && row.result.ok) {
      const atBound = timeGrowth(
        row.result.source,
        "u",
        [{ length: row.bound, inputs: pumpedAttacks(parseJavaPattern(row.pattern).root, 7, row.bound) }],
        5000,
      );
      const worst = atBound.timedOutAt !== undefined ? ">5 s" : `${(atBound.points[0]?.worstMs ?? 0).toFixed(1)} ms`;
      bounded = `@length max ${row.bound} on every use: ${worst} there`;
    }
    console.log(
      `  ${growthClass.padEnd(9)} ${measured}; ${bounded}: ${JSON.stringify(row.pattern)} (e.g. ${row.uses[0]})`,
    );
  }
}
