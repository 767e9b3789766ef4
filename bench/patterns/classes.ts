/**
 * Compares, code point by code point over all of Unicode, what each Java character-class
 * construct matches (asked of Java through JavaClassRanges.java) with what its translation
 * matches in this JavaScript engine. Differences on code points Java 17 (Unicode 13) leaves
 * unassigned are reported apart: they come from the engines' Unicode versions.
 *
 *   npx tsx bench/patterns/classes.ts
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { translatePattern } from "../../generator/patterns/translate.js";

const PROPERTIES = [
  "L",
  "Lu",
  "Ll",
  "Lt",
  "Lm",
  "Lo",
  "M",
  "Mn",
  "Mc",
  "Me",
  "N",
  "Nd",
  "Nl",
  "No",
  "P",
  "Pd",
  "Ps",
  "Pe",
  "Pc",
  "Po",
  "Pi",
  "Pf",
  "S",
  "Sm",
  "Sc",
  "Sk",
  "So",
  "Z",
  "Zs",
  "Zl",
  "Zp",
  "C",
  "Cc",
  "Cf",
  "Co",
  "Cs",
  "Cn",
  "LC",
  "LD",
  "L1",
  "all",
  "ASCII",
  "Alnum",
  "Alpha",
  "Blank",
  "Cntrl",
  "Digit",
  "Graph",
  "Lower",
  "Print",
  "Punct",
  "Space",
  "Upper",
  "XDigit",
  "javaLowerCase",
  "javaUpperCase",
  "javaTitleCase",
  "javaAlphabetic",
  "javaIdeographic",
  "javaDigit",
  "javaDefined",
  "javaLetter",
  "javaLetterOrDigit",
  "javaJavaIdentifierStart",
  "javaJavaIdentifierPart",
  "javaUnicodeIdentifierStart",
  "javaUnicodeIdentifierPart",
  "javaIdentifierIgnorable",
  "javaSpaceChar",
  "javaWhitespace",
  "javaISOControl",
  "javaMirrored",
  "IsAlphabetic",
  "IsIdeographic",
  "IsLetter",
  "IsLowercase",
  "IsUppercase",
  "IsTitlecase",
  "IsPunctuation",
  "IsControl",
  "IsWhite_Space",
  "IsWhitespace",
  "IsDigit",
  "IsHex_Digit",
  "IsJoin_Control",
  "IsNoncharacter_Code_Point",
  "IsAssigned",
  "IsWord",
  "IsAlnum",
  "IsPunct",
  "IsGraph",
  "IsPrint",
  "IsBlank",
  "IsCntrl",
  "IsXDigit",
  "IsSpace",
  "IsLower",
  "IsUpper",
  "IsL",
  "IsLu",
  "IsLatin",
  "IsGreek",
  "IsHan",
  "sc=Cyrillic",
  "gc=Nd",
  "general_category=Lu",
];
const CLASSES = [
  ...PROPERTIES.flatMap((p) => [`\\p{${p}}`, `\\P{${p}}`]),
  ...[
    "Lu",
    "Ll",
    "Lt",
    "Lower",
    "Upper",
    "javaLowerCase",
    "javaUpperCase",
    "IsLowercase",
    "IsUppercase",
    "IsTitlecase",
    "IsLower",
    "IsUpper",
  ].map((p) => `(?i)\\p{${p}}`),
  "\\s",
  "\\S",
  "\\d",
  "\\D",
  "\\w",
  "\\W",
  "\\h",
  "\\H",
  "\\v",
  "\\V",
  ".",
  "(?s).",
  "(?d).",
  "(?i)[a-z]",
  "(?i)[^k]",
  "(?i)k",
  "(?i)[Z-a]",
  "[\\w-_]",
  "[\\p{Print}&&[^|:/]]",
  "[^\\p{C}\\p{IsWhitespace}]",
  "[a-z&&[^aeiou]]",
  "[\\p{L}&&[^\\p{Lu}]]",
  "[^\\p{L}[\\p{N}]]",
  "[\\x{1F600}-\\x{1F64F}]",
  "[\\uD800\\uDC00-\\uDBFF\\uDFFF]",
  "\\pL",
  "\\PN",
];

const javaSource = fileURLToPath(new URL("./JavaClassRanges.java", import.meta.url));
const run = spawnSync("java", [javaSource], { input: CLASSES.join("\n") + "\n", encoding: "utf8", maxBuffer: 1 << 28 });
if (run.status !== 0) throw new Error(run.stderr);
const javaLines = run.stdout.trim().split("\n");
const assignedInJava = new Set<number>();
// \P{Cn} is the first complement in the list; use it to know what Java 17 assigns.
const cnIndex = CLASSES.indexOf("\\P{Cn}");

function expand(line: string): Set<number> {
  const set = new Set<number>();
  if (line === "") return set;
  for (const part of line.split(",")) {
    const [lo, hi] = part.split("-").map((h) => parseInt(h, 16));
    for (let cp = lo; cp <= hi; cp++) set.add(cp);
  }
  return set;
}
for (const cp of expand(javaLines[cnIndex])) assignedInJava.add(cp);

let exact = 0;
let versionOnly = 0;
const problems: string[] = [];
CLASSES.forEach((cls, i) => {
  const t = translatePattern(`^${cls}$`);
  if (!t.ok) {
    problems.push(`${cls}: not translated (${t.reason})`);
    return;
  }
  const re = new RegExp(t.source, t.flags);
  const java = expand(javaLines[i]);
  const diffs: number[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (re.test(String.fromCodePoint(cp)) !== java.has(cp)) diffs.push(cp);
  }
  const real = diffs.filter((cp) => assignedInJava.has(cp) || !/\P{Cn}/u.test(String.fromCodePoint(cp)));
  if (diffs.length === 0) exact++;
  else if (real.length === 0) versionOnly++;
  if (real.length > 0) {
    const sample = real
      .slice(0, 8)
      .map((cp) => `U+${cp.toString(16).toUpperCase()}${java.has(cp) ? "(java)" : "(js)"}`);
    problems.push(`${cls}: ${real.length} code points differ, e.g. ${sample.join(" ")}  [JS ${t.source}]`);
  }
});
console.log(
  `${CLASSES.length} classes: ${exact} identical on all 1,114,112 code points, ${versionOnly} differ only on code points ` +
    `Unicode 13 leaves unassigned, ${problems.length} differ on assigned code points too (listed: check each is a ` +
    `property change between Java 17's Unicode 13 and this engine's Unicode ${process.versions.unicode})`,
);
for (const p of problems) console.log(`  ${p}`);
