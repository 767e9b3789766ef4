/**
 * Random Java regexes built from the constructs where Java and JavaScript part ways, checked
 * against Java itself.
 *
 *   npx tsx bench/patterns/fuzz.ts [count=2000] [seed=1]
 *
 * For each pattern: if Java compiles it and it translates, every candidate string must get the
 * same verdict; if Java compiles it, the translator must not call it invalid Java; if Java
 * rejects it, the translator should not produce a RegExp (reported, as it is harmless for
 * models Smithy already validated). Every pattern that also has an RE2 form (engine.ts, the form
 * validators use for patterns at risk of slow backtracking) is compared on the same strings
 * through re2js.
 */
import { parseJavaPattern } from "../../generator/patterns/parse-java.js";
import { translatePattern } from "../../generator/patterns/translate.js";
import { re2Form } from "../../generator/patterns/engine.js";
import { re2Tester } from "./re2-tester.js";
import { TRICKY, candidates, prng } from "./candidates.js";
import { type Disagreement, classify } from "./classify.js";
import { javaAvailable, runJava } from "./java.js";

const count = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? 1);
const random = prng(seed);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

const LITERALS = [
  "a",
  "b",
  "c",
  "#",
  "\n",
  "\\Qa#b\\E",
  "(?-x)",
  "A",
  "-",
  "_",
  ":",
  " ",
  "é",
  "\\.",
  "\\:",
  "\\-",
  "\\_",
  "\\ ",
  "\\#",
  "x",
  "1",
  "\\t",
  "\\n",
  "\\u00e9",
  "\\x41",
  "\\x{1D400}",
  "\\0101",
  "\\cA",
  "}",
  "]",
  "\u{1D400}",
  "\\uD835\\uDC00",
];
const CLASS_ITEMS = [
  "a-c",
  "x",
  "\\w",
  "\\d",
  "\\s",
  "\\S",
  "\\W",
  "\\h",
  "\\v",
  "-",
  "_",
  "\\-",
  ":",
  "\\p{L}",
  "\\p{Alnum}",
  "\\p{Punct}",
  "\\P{L}",
  "\\p{IsAlphabetic}",
  "\\p{Lu}",
  "\\p{javaLowerCase}",
  "A-Z",
  "é",
  "\\x{1D400}-\\x{1D4FF}",
  "&",
  "^",
  "\\[",
  "\\]",
  "\\\\",
  "\\u0085",
  "\\x20-\\x7E",
];
const ATOMS = [
  ".",
  "\\w",
  "\\s",
  "\\S",
  "\\d",
  "\\b",
  "\\B",
  "\\R",
  "\\h",
  "\\v",
  "\\p{L}",
  "\\pL",
  "\\p{Print}",
  "\\P{Alpha}",
  "\\p{IsWhite_Space}",
  "$",
  "^",
  "\\A",
  "\\z",
  "\\Z",
  "\\G",
];
const FLAGS = ["(?i)", "(?s)", "(?m)", "(?d)", "(?x)", "(?-i)", "(?is)", "(?mi)", "(?u)"];

function charClass(depth: number): string {
  const n = 1 + Math.floor(random() * 3);
  let body = random() < 0.3 ? "^" : "";
  for (let i = 0; i < n; i++) {
    const r = random();
    if (r < 0.12 && depth < 2) body += charClass(depth + 1);
    else if (r < 0.2 && depth < 2 && i > 0) body += "&&" + (random() < 0.5 ? charClass(depth + 1) : pick(CLASS_ITEMS));
    else body += pick(CLASS_ITEMS);
  }
  return `[${body}]`;
}

function quantifier(): string {
  const base = pick(["*", "+", "?", "{2}", "{1,3}", "{0,2}", "{2,}", "{0}"]);
  const r = random();
  const mode = r < 0.15 ? "?" : r < 0.3 ? "+" : "";
  return base + mode + (random() < 0.04 ? "{2}" : "");
}

function term(depth: number, groups: { n: number }): string {
  const r = random();
  let t: string;
  if (r < 0.3) t = pick(LITERALS);
  else if (r < 0.45) t = charClass(0);
  else if (r < 0.6) t = pick(ATOMS);
  else if (r < 0.65) t = pick(FLAGS);
  else if (r < 0.68 && groups.n > 0) t = `\\${1 + Math.floor(random() * groups.n)}`;
  else if (r < 0.7) t = `\\Q${pick(["a.b", "(x)", "1+", "\\"])}${random() < 0.5 ? "\\E" : ""}`;
  else if (depth < 3) {
    const kind = pick(["(", "(?:", "(?=", "(?!", "(?<=", "(?<!", "(?>", "(?i:", "(?s:", "(?<g"]);
    const inner = expression(depth + 1, groups);
    if (kind === "(") groups.n++;
    if (kind === "(?<g") {
      groups.n++;
      t = `(?<g${groups.n}>${inner})`;
    } else t = `${kind}${inner})`;
  } else t = pick(LITERALS);
  return random() < 0.3 ? t + quantifier() : t;
}

function expression(depth: number, groups: { n: number }): string {
  const branches = random() < 0.2 ? 2 : 1;
  const out: string[] = [];
  for (let b = 0; b < branches; b++) {
    const n = 1 + Math.floor(random() * 4);
    let s = "";
    for (let i = 0; i < n; i++) s += term(depth, groups);
    out.push(s);
  }
  return out.join("|");
}

if (!javaAvailable()) {
  console.error("java is not on PATH");
  process.exit(2);
}

const patterns = Array.from({ length: count }, () => expression(0, { n: 0 }));
const SHORT = [
  "",
  "a",
  "b",
  "A",
  "-",
  "_",
  ":",
  " ",
  "é",
  "É",
  "\n",
  "\r\n",
  "\u0085",
  "\u00a0",
  "\u{1D400}",
  "K",
  "ab",
  "aa",
  "a\n",
  "x\u0301",
  "\u212a",
];
const work = patterns.map((p, i) => {
  const result = translatePattern(p);
  let strings = [...SHORT];
  try {
    strings = [...new Set([...strings, ...candidates(parseJavaPattern(p).root, seed * 100000 + i, 40)])];
  } catch {
    // Java decides whether the pattern is valid; keep the short strings.
  }
  for (let k = 0; k < 10; k++)
    strings.push(
      Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick([...TRICKY, "a", "b", "c", "x", "1"])).join(""),
    );
  return { p, result, strings };
});
const verdicts = runJava(work.map((w) => ({ p: w.p, s: w.strings })));

const counts = { translated: 0, untranslatable: 0, javaRejects: 0, acceptedInvalid: 0, rejectedValid: 0, strings: 0 };
const problems: string[] = [];
const disagreements: (Disagreement & { source: string })[] = [];
const re2Disagreements: (Disagreement & { source: string })[] = [];
let re2Patterns = 0;
const reasons = new Map<string, number>();
work.forEach((w, i) => {
  const v = verdicts[i];
  if (!v.ok) {
    counts.javaRejects++;
    if (w.result.ok) {
      counts.acceptedInvalid++;
      problems.push(`accepts what Java rejects (${v.error}): ${JSON.stringify(w.p)}`);
    }
    return;
  }
  if (!w.result.ok) {
    counts.untranslatable++;
    const key = w.result.reason.replace(/\\\d+|group \d+|\{[^}]*\}|near index \d+/g, "…");
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
    if (w.result.reason.startsWith("not a valid Java regex") || w.result.reason.startsWith("internal error")) {
      counts.rejectedValid++;
      problems.push(`says "${w.result.reason}" for valid Java ${JSON.stringify(w.p)}`);
    }
    return;
  }
  counts.translated++;
  const re = new RegExp(w.result.source, w.result.flags);
  w.strings.forEach((s, k) => {
    counts.strings++;
    const java = v.v[k];
    if (typeof java !== "boolean") return;
    if (re.test(s) !== java && w.result.ok) disagreements.push({ pattern: w.p, s, java, source: w.result.source });
  });
  const re2 = re2Form(w.p, true);
  if (typeof re2 === "string") return;
  re2Patterns++;
  const compiled = re2Tester(re2);
  w.strings.forEach((s, k) => {
    const java = v.v[k];
    if (typeof java === "boolean" && compiled.test(s) !== java)
      re2Disagreements.push({ pattern: w.p, s, java, source: re2.source });
  });
});
const re2Sorted = classify(re2Disagreements);
for (const d of re2Sorted.real)
  problems.push(
    `RE2: ${JSON.stringify(d.pattern)} on ${JSON.stringify(d.s)}: Java ${d.java}  (RE2 ${JSON.stringify(d.source)})`,
  );
const sorted = classify(disagreements);
for (const d of sorted.real)
  problems.push(
    `${JSON.stringify(d.pattern)} on ${JSON.stringify(d.s)}: Java ${d.java}  (JS ${JSON.stringify(d.source)})`,
  );
console.log({
  ...counts,
  mismatches: sorted.real.length,
  mismatchesFromNewerUnicode: sorted.unicode.length,
  mismatchesFromJavaMidPairStart: sorted.midPair.length,
  re2Patterns,
  re2Mismatches: re2Sorted.real.length,
  re2MismatchesFromKnownCauses: re2Sorted.unicode.length + re2Sorted.midPair.length,
});
for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1]))
  console.log(`  ${String(n).padStart(4)}  ${reason}`);
for (const p of problems.slice(0, 40)) console.log(p);
