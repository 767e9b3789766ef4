/**
 * Writes test/validators/redos-worst-cases.json: for each of the 11 known catastrophic patterns
 * (redos-known.ts), its worst-case input of its maximum length and the verdict Java gives it.
 *
 *   npx tsx bench/patterns/make-redos-fixture.ts [models-dir]
 *
 * The worst case is the adversarial string (redos.ts: prefix, pumped repeat, failing end) whose
 * short form (~24 characters) is slowest on the RegExp translation, pumped to the maximum length.
 * Java cannot answer on that string (it backtracks the same way), so its verdict comes from the
 * same string with the pump repeated 1 to 8 times, where Java answers: the fixture is written only
 * when all eight agree, and the test checks the validator against each of them too.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseJavaPattern } from "../../generator/patterns/parse-java.js";
import { translatePattern } from "../../generator/patterns/translate.js";
import { loadCorpusPatterns } from "./corpus-patterns.js";
import { runJava } from "./java.js";
import { type PumpedAttack, attackText, pumpedAttackParts } from "./redos.js";
import { KNOWN_CATASTROPHIC } from "./redos-known.js";

/** The input length for a pattern some use of which has no `@length` max (as corpus.ts --redos). */
const UNBOUNDED_LENGTH = 4096;
const FAMILY = [1, 2, 3, 4, 5, 6, 7, 8];

const dir = process.argv[2] ?? fileURLToPath(new URL("../../../shared/aws-models", import.meta.url));
const corpus = new Map(loadCorpusPatterns(dir).map((c) => [c.pattern, c]));

/** Milliseconds the RegExp takes on each string (in a child, 20 s in all; unfinished ones count as slowest). */
function regexpTimes(source: string, flags: string, inputs: string[]): number[] {
  const child = `let d="";process.stdin.on("data",(c)=>(d+=c));process.stdin.on("end",()=>{const {source,flags,inputs}=JSON.parse(d);const re=new RegExp(source,flags);for(const s of inputs){const t=performance.now();re.test(s);process.stdout.write((performance.now()-t)+"\\n");}});`;
  const run = spawnSync(process.execPath, ["-e", child], {
    input: JSON.stringify({ source, flags, inputs }),
    timeout: 20_000,
    encoding: "utf8",
  });
  const times = (run.stdout ?? "").split("\n").filter(Boolean).map(Number);
  return inputs.map((_, i) => times[i] ?? Infinity);
}

const cases = KNOWN_CATASTROPHIC.map((pattern, index) => {
  const use = corpus.get(pattern);
  if (!use) throw new Error(`not in the corpus: ${pattern}`);
  const bounded = use.maxLengths.every((m) => m !== null);
  const length = bounded ? Math.max(...(use.maxLengths as number[])) : UNBOUNDED_LENGTH;
  const js = translatePattern(pattern);
  if (!js.ok) throw new Error(`does not translate: ${pattern}`);
  const root = parseJavaPattern(pattern).root;
  const attacks = pumpedAttackParts(root, index + 1, length - 2).filter((a) => [...attackText(a)].length <= length);
  const short = (a: PumpedAttack): string => attackText(a, Math.max(1, Math.floor(24 / a.pump.length)));
  const times = regexpTimes(js.source, js.flags, attacks.map(short));
  const ranked = attacks.map((a, i) => ({ a, ms: times[i] ?? 0 })).sort((x, y) => y.ms - x.ms);
  return { pattern, length, bounded, ranked };
});

const verdicts = runJava(
  cases.flatMap((c) => c.ranked.map((r) => ({ p: c.pattern, s: FAMILY.map((k) => attackText(r.a, k)) }))),
);
let at = 0;
const fixture = cases.map((c) => {
  const answers = c.ranked.map(() => verdicts[at++]);
  const chosen = c.ranked.findIndex((_, i) => {
    const v = answers[i];
    return v?.ok && v.v.every((x) => typeof x === "boolean" && x === v.v[0]);
  });
  const pick = c.ranked[chosen];
  const answer = answers[chosen];
  if (!pick || !answer?.ok) throw new Error(`no attack on ${c.pattern} whose family Java answers alike`);
  return {
    pattern: c.pattern,
    maxLength: c.bounded ? c.length : null,
    worstCase: attackText(pick.a),
    family: FAMILY.map((k) => attackText(pick.a, k)),
    java: answer.v[0],
  };
});
const out = fileURLToPath(new URL("../../test/validators/redos-worst-cases.json", import.meta.url));
writeFileSync(out, `${JSON.stringify(fixture, null, 1)}\n`);
console.log(`wrote ${fixture.length} worst cases to ${out}`);
for (const f of fixture)
  console.log(`  ${[...f.worstCase].length} chars, Java ${f.java}: ${JSON.stringify(f.pattern)}`);
