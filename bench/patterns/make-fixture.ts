/**
 * Writes test/patterns/java-verdicts.json: each pattern of fixture-spec.ts with Java's own
 * `find()` verdict on each of its strings (or Java's compile error). Needs `java` on PATH; the
 * tests that read the file do not.
 *
 *   npx tsx bench/patterns/make-fixture.ts
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FIXTURE } from "./fixture-spec.js";
import { javaAvailable, runJava } from "./java.js";

if (!javaAvailable()) {
  console.error("java is not on PATH");
  process.exit(2);
}
const verdicts = runJava(FIXTURE.map((f) => ({ p: f.pattern, s: f.strings })));
const entries = FIXTURE.map((f, i) => {
  const v = verdicts[i];
  if (!v.ok) return { pattern: f.pattern, why: f.why, expect: "java-rejects", javaError: v.error };
  return {
    pattern: f.pattern,
    why: f.why,
    expect: f.translates === false ? "untranslatable" : "translates",
    cases: f.strings.map((input, k) => ({ input, java: v.v[k] })),
  };
});
const out = fileURLToPath(new URL("../../test/patterns/java-verdicts.json", import.meta.url));
const header = {
  generatedBy: "bench/patterns/make-fixture.ts (java.util.regex, Pattern.compile(pattern).matcher(input).find())",
  javaVersion: "17",
  entries,
};
writeFileSync(out, JSON.stringify(header, null, 2) + "\n");
console.log(
  `${entries.length} patterns, ${entries.reduce((n, e) => n + (e.cases?.length ?? 0), 0)} verdicts -> ${out}`,
);
