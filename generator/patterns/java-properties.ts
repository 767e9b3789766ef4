/**
 * Java's named character sets (`\p{...}` names, POSIX and `java*` names, the `\s \d \w \h \v`
 * escapes) as {@link CharSet}s, following `java.util.regex` (JDK 17): which name means what, which
 * are ASCII-only and which are Unicode, and how case-insensitive mode widens the cased ones.
 *
 * Unicode categories and binary properties are written as JavaScript `\p{...}`, so their contents
 * come from the JavaScript engine's Unicode version, not the JDK's; the two agree on every code
 * point both versions assign (see bench/patterns/classes.ts, which compares them exhaustively).
 */
import { type CharSet, codePoints, not, prop, ranges, union } from "./char-set.js";

/** Thrown for a name Java would reject: the pattern does not compile in Java. */
export class UnknownJavaProperty extends Error {}

/** Thrown for a name Java accepts that this translator cannot express. */
export class UnsupportedJavaProperty extends Error {}

const r = (lo: string | number, hi: string | number): readonly [number, number] => [
  typeof lo === "number" ? lo : (lo.codePointAt(0) ?? 0),
  typeof hi === "number" ? hi : (hi.codePointAt(0) ?? 0),
];

/** `\s` without UNICODE_CHARACTER_CLASS: space, \t \n \x0B \f \r. */
export const ASCII_SPACE = ranges([r(0x09, 0x0d), r(0x20, 0x20)]);
/** `\d` without UNICODE_CHARACTER_CLASS. */
export const ASCII_DIGIT = ranges([r("0", "9")]);
/** `\w` without UNICODE_CHARACTER_CLASS. */
export const ASCII_WORD = ranges([r("0", "9"), r("A", "Z"), r("_", "_"), r("a", "z")]);
/** `\h`: horizontal whitespace. */
export const HORIZONTAL_SPACE = ranges([
  r(0x09, 0x09),
  r(0x20, 0x20),
  r(0xa0, 0xa0),
  r(0x1680, 0x1680),
  r(0x180e, 0x180e),
  r(0x2000, 0x200a),
  r(0x202f, 0x202f),
  r(0x205f, 0x205f),
  r(0x3000, 0x3000),
]);
/** `\v` (since Java 8): vertical whitespace, \n \x0B \f \r \x85 \u2028 \u2029. */
export const VERTICAL_SPACE = ranges([r(0x0a, 0x0d), r(0x85, 0x85), r(0x2028, 0x2029)]);
/** The line terminators `.` does not match and `$` stops before (without UNIX_LINES). */
export const LINE_TERMINATORS = codePoints(0x0a, 0x0d, 0x85, 0x2028, 0x2029);

const ASCII_ALPHA = ranges([r("A", "Z"), r("a", "z")]);
const ASCII_PUNCT = ranges([r("!", "/"), r(":", "@"), r("[", "`"), r("{", "~")]);

// Unicode building blocks.
const LETTER = prop("L");
const DECIMAL = prop("Nd");
const ALPHABETIC = prop("Alphabetic");
const LOWERCASE = prop("Lowercase");
const UPPERCASE = prop("Uppercase");
const TITLECASE = prop("Lt");
const ANY_CASE = union(LOWERCASE, UPPERCASE, TITLECASE);
const WHITE_SPACE = union(ranges([r(0x09, 0x0d), r(0x85, 0x85)]), prop("Z"));
const HEX_DIGIT = union(DECIMAL, ranges([r("A", "F"), r("a", "f"), r(0xff21, 0xff26), r(0xff41, 0xff46)]));
const JOIN_CONTROL = codePoints(0x200c, 0x200d);
const GRAPH = not(union(prop("Z"), prop("Cc"), prop("Cs"), prop("Cn")));
// (GRAPH ∪ BLANK) minus controls: BLANK adds Zs and \t, and \t is a control.
const PRINT = not(union(prop("Zl"), prop("Zp"), prop("Cc"), prop("Cs"), prop("Cn")));
const IDENTIFIER_IGNORABLE = union(ranges([r(0x00, 0x08), r(0x0e, 0x1b), r(0x7f, 0x9f)]), prop("Cf"));

/** Unicode binary properties reached through `\p{IsXxx}` (name upper-cased, as Java does). */
function unicodeProperty(upper: string, ci: boolean): CharSet | undefined {
  switch (upper) {
    case "ALPHABETIC":
      return ALPHABETIC;
    case "ASSIGNED":
      return not(prop("Cn"));
    case "CONTROL":
      return prop("Cc");
    case "HEXDIGIT":
    case "HEX_DIGIT":
      return HEX_DIGIT;
    case "IDEOGRAPHIC":
      return prop("Ideographic");
    case "JOINCONTROL":
    case "JOIN_CONTROL":
      return JOIN_CONTROL;
    case "LETTER":
      return LETTER;
    case "LOWERCASE":
      return ci ? ANY_CASE : LOWERCASE;
    case "UPPERCASE":
      return ci ? ANY_CASE : UPPERCASE;
    case "TITLECASE":
      return ci ? ANY_CASE : TITLECASE;
    case "NONCHARACTERCODEPOINT":
    case "NONCHARACTER_CODE_POINT":
      return prop("Noncharacter_Code_Point");
    case "PUNCTUATION":
      return prop("P");
    case "WHITESPACE":
    case "WHITE_SPACE":
      return WHITE_SPACE;
    case "WORD":
      return union(ALPHABETIC, prop("M"), DECIMAL, prop("Pc"), JOIN_CONTROL);
    default:
      return posixUnicode(upper, ci);
  }
}

/** The Unicode flavour of the POSIX names, reached through `\p{IsXxx}`. */
function posixUnicode(upper: string, ci: boolean): CharSet | undefined {
  switch (upper) {
    case "ALPHA":
      return ALPHABETIC;
    case "LOWER":
      return ci ? ANY_CASE : LOWERCASE;
    case "UPPER":
      return ci ? ANY_CASE : UPPERCASE;
    case "SPACE":
      return WHITE_SPACE;
    case "PUNCT":
      return prop("P");
    case "XDIGIT":
      return HEX_DIGIT;
    case "ALNUM":
      return union(ALPHABETIC, DECIMAL);
    case "CNTRL":
      return prop("Cc");
    case "DIGIT":
      return DECIMAL;
    case "BLANK":
      return union(codePoints(0x09), prop("Zs"));
    case "GRAPH":
      return GRAPH;
    case "PRINT":
      return PRINT;
    default:
      return undefined;
  }
}

const CATEGORIES = new Set(
  "Cn Lm Lo Mn Me Mc Nd Nl No Zs Zl Zp Cc Cf Co Cs Pd Ps Pe Pc Po Sm Sc Sk So Pi Pf L M N Z C P S LC".split(" "),
);

/** Names Java looks up case-sensitively: categories, POSIX (ASCII) names, `java*` methods. */
function namedProperty(name: string, ci: boolean): CharSet | undefined {
  if (name === "Lu" || name === "Ll" || name === "Lt") return ci ? prop("LC") : prop(name);
  if (CATEGORIES.has(name)) return prop(name);
  switch (name) {
    case "LD":
      return union(LETTER, DECIMAL);
    case "L1":
      return ranges([r(0x00, 0xff)]);
    case "all":
      return ranges([r(0, 0x10ffff)]);
    case "ASCII":
      return ranges([r(0x00, 0x7f)]);
    case "Alnum":
      return union(ASCII_ALPHA, ASCII_DIGIT);
    case "Alpha":
      return ASCII_ALPHA;
    case "Blank":
      return codePoints(0x20, 0x09);
    case "Cntrl":
      return ranges([r(0x00, 0x1f), r(0x7f, 0x7f)]);
    case "Digit":
      return ASCII_DIGIT;
    case "Graph":
      return ranges([r(0x21, 0x7e)]);
    case "Lower":
      return ci ? ASCII_ALPHA : ranges([r("a", "z")]);
    case "Upper":
      return ci ? ASCII_ALPHA : ranges([r("A", "Z")]);
    case "Print":
      return ranges([r(0x20, 0x7e)]);
    case "Punct":
      return ASCII_PUNCT;
    case "Space":
      return ASCII_SPACE;
    case "XDigit":
      return ranges([r("0", "9"), r("A", "F"), r("a", "f")]);
    case "javaLowerCase":
      return ci ? ANY_CASE : LOWERCASE;
    case "javaUpperCase":
      return ci ? ANY_CASE : UPPERCASE;
    case "javaTitleCase":
      return ci ? ANY_CASE : TITLECASE;
    case "javaAlphabetic":
      return ALPHABETIC;
    case "javaIdeographic":
      return prop("Ideographic");
    case "javaDigit":
      return DECIMAL;
    case "javaDefined":
      return not(prop("Cn"));
    case "javaLetter":
      return LETTER;
    case "javaLetterOrDigit":
      return union(LETTER, DECIMAL);
    case "javaJavaIdentifierStart":
      return union(LETTER, prop("Nl"), prop("Sc"), prop("Pc"));
    case "javaJavaIdentifierPart":
      return union(LETTER, prop("Nl"), prop("Sc"), prop("Pc"), DECIMAL, prop("Mn"), prop("Mc"), IDENTIFIER_IGNORABLE);
    case "javaUnicodeIdentifierStart":
      return prop("ID_Start");
    case "javaUnicodeIdentifierPart":
      return union(prop("ID_Continue"), IDENTIFIER_IGNORABLE);
    case "javaIdentifierIgnorable":
      return IDENTIFIER_IGNORABLE;
    case "javaSpaceChar":
      return prop("Z");
    case "javaWhitespace":
      // Space separators except the no-break ones, plus \t-\r and \x1C-\x1F.
      return ranges([
        r(0x09, 0x0d),
        r(0x1c, 0x20),
        r(0x1680, 0x1680),
        r(0x2000, 0x2006),
        r(0x2008, 0x200a),
        r(0x2028, 0x2029),
        r(0x205f, 0x205f),
        r(0x3000, 0x3000),
      ]);
    case "javaISOControl":
      return ranges([r(0x00, 0x1f), r(0x7f, 0x9f)]);
    case "javaMirrored":
      return prop("Bidi_Mirrored");
    default:
      return undefined;
  }
}

/** True when JavaScript accepts `\p{body}` with the `u` flag. */
function jsAccepts(body: string): boolean {
  try {
    new RegExp(`\\p{${body}}`, "u");
    return true;
  } catch {
    return false;
  }
}

/**
 * A Unicode script by Java's name for it (`Latin`, `LATIN`, `Old_Italic`, `Latn`: Java ignores
 * case), as a JavaScript `Script=` property; `undefined` when no spelling JavaScript knows fits.
 */
function script(name: string): CharSet | undefined {
  const titled = name
    .split("_")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join("_");
  const special: Record<string, string> = { SIGNWRITING: "SignWriting", NKO: "Nko", PHAGS_PA: "Phags_Pa" };
  for (const candidate of [name, titled, special[name.toUpperCase()]]) {
    if (candidate && /^[A-Za-z_]+$/.test(candidate) && jsAccepts(`Script=${candidate}`)) {
      return prop(`Script=${candidate}`);
    }
  }
  return undefined;
}

/**
 * The set a Java `\p{name}` (or `\pN`) stands for, negated for `\P`. Mirrors the JDK's lookup
 * order: `key=value` forms, `In` (blocks), `Is` (binary properties, POSIX names, categories,
 * scripts), then the plain names.
 *
 * @throws UnknownJavaProperty when Java would reject the name.
 * @throws UnsupportedJavaProperty when Java accepts it but JavaScript has no equivalent.
 */
export function javaProperty(name: string, complement: boolean, caseInsensitive: boolean): CharSet {
  const set = lookUp(name, caseInsensitive);
  return complement ? not(set) : set;
}

function lookUp(name: string, ci: boolean): CharSet {
  const eq = name.indexOf("=");
  if (eq !== -1) {
    const key = name.slice(0, eq).toLowerCase();
    const value = name.slice(eq + 1);
    let found: CharSet | undefined;
    if (key === "sc" || key === "script") found = script(value);
    else if (key === "blk" || key === "block")
      throw new UnsupportedJavaProperty(`Unicode block \\p{${name}} has no JavaScript equivalent`);
    else if (key === "gc" || key === "general_category") found = namedProperty(value, ci);
    else throw new UnknownJavaProperty(`Unknown Unicode property {name=<${key}>, value=<${value}>}`);
    if (!found) {
      if (key === "sc" || key === "script")
        throw new UnsupportedJavaProperty(`script \\p{${name}} is not one JavaScript knows`);
      throw new UnknownJavaProperty(`Unknown Unicode property {name=<${key}>, value=<${value}>}`);
    }
    return found;
  }
  if (name.startsWith("In")) {
    throw new UnsupportedJavaProperty(`Unicode block \\p{${name}} has no JavaScript equivalent`);
  }
  if (name.startsWith("Is")) {
    const short = name.slice(2);
    const found = unicodeProperty(short.toUpperCase(), ci) ?? namedProperty(short, ci) ?? script(short);
    if (!found) throw new UnsupportedJavaProperty(`\\p{${name}} is neither a property nor a script JavaScript knows`);
    return found;
  }
  const found = namedProperty(name, ci);
  if (!found) throw new UnknownJavaProperty(`Unknown character property name {${name}}`);
  return found;
}
