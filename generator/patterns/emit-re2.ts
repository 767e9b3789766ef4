/**
 * Writes a parsed Java pattern ({@link JavaNode}) as RE2 syntax, for `re2js` (a JavaScript port
 * of RE2, which matches in time linear in the input), such that `RE2JS.compile(source,
 * flags).test(s)` agrees with Java's `Matcher.find()` on every string.
 *
 * RE2 has no lookaheads and no back-references, and its `\b`, `\s`, `$` and `.` mean other things
 * than Java's; so everything is written from the parsed tree, where Java's meaning is already
 * resolved: every class is written out as code points (or as a Unicode general category or
 * script), and Java's `$` (the end, or before a line terminator that ends the input) becomes a
 * consuming tail, `(?:\r\n|\n|[\r\x85\x{2028}\x{2029}])?\z`, which is exact where nothing follows
 * it, except that Java's `$` never matches between `\r` and `\n`. Where the pattern may have read a
 * `\r` just before the `$`, that takes a second program: a value that ends with `\r\n` is tested
 * on a form whose tail has no lone `\n` (the only `\n` it could take follows a `\r`), any other
 * value on the form above (a final `\n` there never follows a `\r`). A lookbehind `(?<!\r)` would
 * say the same in one program, but re2js then gives up its DFA, which made a 20,000-character
 * value take 7 ms instead of 0.15.
 *
 * What has no exact RE2 form is refused with {@link UnsupportedJavaConstruct}: lookarounds,
 * back-references, `\b`/`\B`, multi-line anchors, a `$` that more text may follow, atomic groups
 * and possessive quantifiers that can change a verdict, `\R` under a quantifier, and properties
 * outside Unicode's general categories and scripts.
 */
import { type CharSet, complementRanges, explicitRanges, MAX_CODE_POINT } from "./char-set.js";
import type { JavaNode } from "./java-ast.js";
import {
  alwaysNullable,
  groupsIn,
  javaDeterministic,
  maxLength,
  nullable,
  someNode,
  startsSafely,
} from "./java-checks.js";
import { MAX_REPS, UnsupportedJavaConstruct } from "./parse-java.js";

/** RE2 source, and the source for values that end with `\r\n` when those need their own. */
export interface Re2Emission {
  source: string;
  /** Set when a `$` may follow a `\r` the pattern read: the program for values ending with `\r\n`. */
  crlfSource: string | undefined;
}

/** What the emitter knows at a node: whether only end anchors may follow, and what came before. */
interface Context {
  /** Nothing after this node consumes a character (so a `$` here may consume the final terminator). */
  tail: boolean;
  /** The character just before this node may be a `\r` (or is not known). */
  crBefore: boolean;
}

const LINE_TERMINATOR_TAIL = "[\\r\\x{85}\\x{2028}\\x{2029}]";
/** RE2's largest repeat count. */
const RE2_MAX_REPEAT = 1000;

function hex(cp: number): string {
  return `\\x{${cp.toString(16).toUpperCase()}}`;
}

/** One code point, inside or outside a class: ASCII letters and digits as they are, the rest escaped. */
function codePointText(cp: number): string {
  if (/^[A-Za-z0-9]$/.test(String.fromCodePoint(cp))) return String.fromCodePoint(cp);
  // RE2 reads a backslash before any ASCII punctuation as that character.
  if (cp > 0x20 && cp < 0x7f) return `\\${String.fromCodePoint(cp)}`;
  return hex(cp);
}

function rangesText(list: readonly (readonly [number, number])[]): string {
  return list.map(([lo, hi]) => (lo === hi ? codePointText(lo) : `${codePointText(lo)}-${codePointText(hi)}`)).join("");
}

/** A Unicode property as RE2 names it, when RE2 has it with the same meaning. */
function propertyText(name: string): string | undefined {
  // General categories (RE2 has no `LC`, nor `Cn`: unassigned code points are not a class there).
  if (/^(?:[LMNPSZC]|L[ultmo]|M[nce]|N[dlo]|P[cdseifo]|S[mcko]|Z[slp]|C[cfso])$/.test(name)) return `\\p{${name}}`;
  const script = /^Script=([A-Za-z_]+)$/.exec(name);
  return script ? `\\p{${script[1]}}` : undefined;
}

/** The inside of one `[...]` for `set`, when RE2 can write it as one class. */
function classBody(set: CharSet): string | undefined {
  const explicit = explicitRanges(set);
  if (explicit) return rangesText(explicit);
  switch (set.kind) {
    case "prop":
      return propertyText(set.name);
    case "not":
      return set.of.kind === "prop" ? propertyText(set.of.name)?.replace("\\p", "\\P") : undefined;
    case "union": {
      const parts = set.of.map(classBody);
      return parts.every((p) => p !== undefined) ? parts.join("") : undefined;
    }
    default:
      return undefined;
  }
}

/** RE2 text matching exactly one code point of `set`. */
export function re2CharSet(set: CharSet): string {
  const explicit = explicitRanges(set);
  if (explicit) {
    if (explicit.length === 0) return `[^\\x{0}-${hex(MAX_CODE_POINT)}]`;
    const [only] = explicit;
    if (explicit.length === 1 && only && only[0] === only[1]) return codePointText(only[0]);
    const outside = complementRanges(explicit);
    if (outside.length === 0) return "(?s:.)";
    return outside.length < explicit.length ? `[^${rangesText(outside)}]` : `[${rangesText(explicit)}]`;
  }
  const body = classBody(set);
  if (body !== undefined) return `[${body}]`;
  if (set.kind === "not") {
    const inner = classBody(set.of);
    if (inner !== undefined) return `[^${inner}]`;
  }
  throw new UnsupportedJavaConstruct(
    "a character class RE2 cannot write (a property outside general categories and scripts, or an intersection with one)",
  );
}

/** True when `set` may hold `\r`: general categories other than C and Cc do not; other properties may. */
function setMayHoldCR(set: CharSet): boolean {
  const r = explicitRanges(set);
  if (r) return r.some(([lo, hi]) => lo <= 0x0d && 0x0d <= hi);
  if (set.kind === "prop")
    return !/^(?:L|L[ultmo]|M|M[nce]|N|N[dlo]|P|P[cdseifo]|S|S[mcko]|Z|Z[slp]|C[fso])$/.test(set.name);
  if (set.kind === "union") return set.of.some(setMayHoldCR);
  if (set.kind === "and") return set.of.every(setMayHoldCR);
  return true;
}

/** True when a match of `node` may end with a `\r` (classes that are not explicit count as may). */
function mayEndWithCR(node: JavaNode): boolean {
  switch (node.type) {
    case "char":
      return setMayHoldCR(node.set);
    case "lineBreak":
      return true;
    case "seq":
      for (const item of [...node.items].reverse()) {
        if (mayEndWithCR(item)) return true;
        if (!nullable(item)) return false;
      }
      return false;
    case "alt":
      return node.branches.some(mayEndWithCR);
    case "group":
    case "atomic":
      return mayEndWithCR(node.body);
    case "repeat":
      return node.max > 0 && mayEndWithCR(node.body);
    default:
      return false;
  }
}

function isEndAnchor(node: JavaNode): boolean {
  if (node.type === "group") return isEndAnchor(node.body);
  return (
    node.type === "anchor" &&
    (node.kind === "end" || node.kind === "endOrFinalTerminator" || node.kind === "endOrFinalNewline")
  );
}

function quantifier(min: number, max: number): string {
  if (max >= MAX_REPS) return min === 0 ? "*" : min === 1 ? "+" : `{${min},}`;
  if (min === 0 && max === 1) return "?";
  return min === max ? `{${min}}` : `{${min},${max}}`;
}

/**
 * `C{min,max}` for one class C with counts over RE2's limit, as runs of at most that many: the
 * strings of C of each length from min to max, which consecutive runs of C match too.
 */
function splitRun(atom: string, min: number, max: number): string {
  const parts: string[] = [];
  for (let left = min; left > 0; left -= RE2_MAX_REPEAT) parts.push(`${atom}{${Math.min(left, RE2_MAX_REPEAT)}}`);
  if (max >= MAX_REPS) return `${parts.join("")}${atom}*`;
  for (let left = max - min; left > 0; left -= RE2_MAX_REPEAT)
    parts.push(`${atom}{0,${Math.min(left, RE2_MAX_REPEAT)}}`);
  return parts.join("");
}

class Re2Emitter {
  /** A `$` may follow a `\r` the pattern read: values ending with `\r\n` need their own program. */
  crSensitive = false;

  /** `finalCrLf`: writing the program for values that end with `\r\n`. */
  constructor(private readonly finalCrLf: boolean) {}

  emit(node: JavaNode, ctx: Context): string {
    switch (node.type) {
      case "char":
        return re2CharSet(node.set);
      case "anchor":
        return this.anchor(node.kind, ctx);
      case "lineBreak":
        return "(?:\\r\\n|[\\n\\x{B}\\f\\r\\x{85}\\x{2028}\\x{2029}])";
      case "backref":
        throw new UnsupportedJavaConstruct("back-reference (RE2 has none)");
      case "look":
        throw new UnsupportedJavaConstruct("lookaround (RE2 has none)");
      case "seq":
        return this.sequence(node.items, ctx);
      case "alt":
        return `(?:${node.branches.map((b) => this.emit(b, ctx)).join("|")})`;
      case "group":
        return `(?:${this.emit(node.body, ctx)})`;
      case "atomic":
        // A body with a single way to match needs no protection from backtracking.
        if (javaDeterministic(node.body) && !someNode(node.body, (n) => n.type === "lineBreak"))
          return `(?:${this.emit(node.body, ctx)})`;
        throw new UnsupportedJavaConstruct("atomic group that can match in more than one way");
      case "repeat":
        return this.repeat(node, ctx);
    }
  }

  private anchor(kind: Extract<JavaNode, { type: "anchor" }>["kind"], ctx: Context): string {
    switch (kind) {
      case "start":
        return "^";
      case "end":
        return "\\z";
      case "endOrFinalNewline":
        if (ctx.tail) return "\\n?\\z";
        break;
      case "endOrFinalTerminator":
        if (!ctx.tail) break;
        if (!ctx.crBefore) return `(?:\\r\\n|\\n|${LINE_TERMINATOR_TAIL})?\\z`;
        this.crSensitive = true;
        // In a value ending with `\r\n`, the final `\n` follows a `\r`: Java's `$` cannot stand before it.
        return this.finalCrLf ? `(?:\\r\\n|${LINE_TERMINATOR_TAIL})?\\z` : `(?:\\r\\n|\\n|${LINE_TERMINATOR_TAIL})?\\z`;
      case "wordBoundary":
      case "notWordBoundary":
        throw new UnsupportedJavaConstruct("\\b or \\B (RE2's word characters are ASCII only, Java's are not)");
      default:
        throw new UnsupportedJavaConstruct(`multi-line anchor (${kind})`);
    }
    throw new UnsupportedJavaConstruct("`$` with more of the pattern after it");
  }

  private sequence(items: readonly JavaNode[], ctx: Context): string {
    let crBefore = ctx.crBefore;
    return items
      .map((item, i) => {
        // Only end anchors after an item leave it in tail position (`X$$`, `(?:^a$|^b$)$`).
        const tail = ctx.tail && items.slice(i + 1).every(isEndAnchor);
        const text = this.emit(item, { tail, crBefore });
        // At the start of the input no character comes before.
        crBefore =
          item.type === "anchor" && item.kind === "start" ? false : mayEndWithCR(item) || (nullable(item) && crBefore);
        return text;
      })
      .join("");
  }

  private repeat(node: Extract<JavaNode, { type: "repeat" }>, ctx: Context): string {
    const { body, min, max, mode } = node;
    if (max === 0) return "";
    if (maxLength(body) === 0 && groupsIn(body).size === 0) {
      // A zero-width body matches the same way every time: Java stops after one empty repetition.
      return min === 0 ? "" : this.emit(body, ctx);
    }
    if (min >= 1 && max >= 2 && nullable(body) && someNode(body, (n) => n.type === "anchor")) {
      throw new UnsupportedJavaConstruct(
        "a group repeated at least once that can match empty where an assertion holds",
      );
    }
    if (someNode(body, (n) => n.type === "lineBreak"))
      throw new UnsupportedJavaConstruct("\\R under a quantifier (Java takes its first match only)");
    if (mode === "possessive" && !(body.type === "char" && min === max)) {
      throw new UnsupportedJavaConstruct("possessive quantifier (RE2 has none)");
    }
    if (min > RE2_MAX_REPEAT || (max < MAX_REPS && max > RE2_MAX_REPEAT)) {
      if (body.type !== "char")
        throw new UnsupportedJavaConstruct(
          `a repeat count over ${RE2_MAX_REPEAT} (RE2's limit) on more than one class`,
        );
      return splitRun(re2CharSet(body.set), min, max);
    }
    const inner = this.emit(body, { tail: ctx.tail && max <= 1, crBefore: true });
    const atom = body.type === "char" || body.type === "group" || body.type === "alt" ? inner : `(?:${inner})`;
    return `${atom}${quantifier(min, max)}`;
  }
}

/**
 * RE2 source equivalent to the Java pattern `root` under `find()`.
 *
 * @throws UnsupportedJavaConstruct when the pattern needs something RE2 cannot express.
 */
export function emitRe2(root: JavaNode): Re2Emission {
  // Java may try an empty match between the two halves of a surrogate pair; RE2 starts matches on
  // code points only. That matters only for a pattern that can match empty on assertions alone.
  if (!(startsSafely(root) || !nullable(root) || alwaysNullable(root))) {
    throw new UnsupportedJavaConstruct(
      "an empty match that depends on an assertion (Java tries it inside surrogate pairs too)",
    );
  }
  const emitter = new Re2Emitter(false);
  const source = emitter.emit(root, { tail: true, crBefore: true });
  const crlfSource = emitter.crSensitive ? new Re2Emitter(true).emit(root, { tail: true, crBefore: true }) : undefined;
  return { source, crlfSource };
}
