/**
 * Writes a parsed Java pattern ({@link JavaNode}) as JavaScript source for a `u`-flag RegExp whose
 * `test()` agrees with Java's `Matcher.find()`.
 *
 * Java constructs without a direct JavaScript spelling are written out:
 * - anchors become lookarounds over Java's line terminators (`$` also matches before a final
 *   `\r\n`, `\n`, `\r`, `\u0085`, `\u2028` or `\u2029`);
 * - `\b`/`\B` use Java 17's word characters (letters and decimal digits of any script, `_`, and a
 *   non-spacing mark that follows one), not JavaScript's ASCII `\w`;
 * - atomic groups and possessive quantifiers become `(?=(X))\N`: a lookahead is never re-entered
 *   once it has matched, so the back-reference consumes exactly X's first match;
 * - capturing groups keep Java's order; groups added for atomicity shift the numbers, and
 *   back-references are renumbered to match.
 *
 * Back-references are kept only where the group has certainly matched when the reference runs:
 * JavaScript lets a reference to an unmatched group match the empty string, Java fails it.
 */
import { type CharSet, emitCharSet, explicitRanges } from "./char-set.js";
import type { AnchorKind, JavaNode } from "./java-ast.js";
import {
  alwaysNullable,
  checkBackrefs,
  checkLookbehinds,
  groupBodies,
  groupsIn,
  javaDeterministic,
  maxLength,
  nullable,
  someNode,
  startsSafely,
} from "./java-checks.js";
import { MAX_REPS, UnsupportedJavaConstruct } from "./parse-java.js";

/** A piece of regex source and how tightly it binds. */
interface Piece {
  text: string;
  /**
   * "atom": may take a quantifier; "seq": must be wrapped in `(?:...)` first (a concatenation, a
   * quantified atom, an assertion); "alt": contains a top-level `|`.
   */
  kind: "atom" | "seq" | "alt";
}

const atom = (text: string): Piece => ({ text, kind: "atom" });
const unquantifiable = (text: string): Piece => ({ text, kind: "seq" });

const LINE_BREAK_CHARS = "[\\n\\v\\f\\r\\x85\\u2028\\u2029]";
/** `\R`, free to backtrack from `\r\n` to `\r`. */
const LINE_BREAK = `(?:\\r\\n|${LINE_BREAK_CHARS})`;
/** `\R` taking its first match only, as Java runs it under a quantifier. */
const LINE_BREAK_ATOMIC = `(?:\\r\\n|(?!\\r\\n)${LINE_BREAK_CHARS})`;

// Java 17 word boundaries. A word character is `_`, a letter or a decimal digit; a non-spacing
// mark counts too when BMP marks lead back from it to a BMP letter or digit (Java walks back one
// UTF-16 unit at a time and gives up at a surrogate).
const NOT_ASTRAL = "(?![\\u{10000}-\\u{10FFFF}])";
const BMP_LETTER_OR_DIGIT = `(?:${NOT_ASTRAL}[\\p{L}\\p{Nd}])`;
const BMP_MARK = `(?:${NOT_ASTRAL}\\p{Mn})`;
const WORD_CHAR = "[\\p{L}\\p{Nd}_]";
/** Matches (inside a lookbehind) when the character before is a word character. */
const WORD_BEFORE = `${WORD_CHAR}|${BMP_LETTER_OR_DIGIT}${BMP_MARK}*${BMP_MARK}`;
/** Matches (inside a lookahead) when the character after is a word character. */
const WORD_AFTER = `${WORD_CHAR}|(?<=${BMP_LETTER_OR_DIGIT}${BMP_MARK}*)\\p{Mn}`;

const ANCHORS: Record<Exclude<AnchorKind, "wordBoundary" | "notWordBoundary">, string> = {
  start: "^",
  end: "$",
  endOrFinalTerminator: `(?=(?:\\r\\n|(?<!\\r)\\n|[\\r\\x85\\u2028\\u2029])?$)`,
  endOrFinalNewline: "(?=\\n?$)",
  lineEnd: `(?=$|[\\r\\x85\\u2028\\u2029]|(?<!\\r)\\n)`,
  unixLineEnd: "(?=\\n|$)",
  lineStart: `(?<=^|[\\n\\x85\\u2028\\u2029]|\\r(?!\\n))(?=[^])`,
  unixLineStart: "(?<=^|\\n)(?=[^])",
};

/** Whether a neighbouring character is known to be a word character (true/false) or not known. */
type WordSide = boolean | undefined;

/** True/false when every member of `set` is (is not) a Java word character, from explicit ASCII. */
function wordness(set: CharSet): WordSide {
  const r = explicitRanges(set);
  if (!r || r.length === 0) return undefined;
  const isWord = (c: number): boolean =>
    (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
  if (r.some(([, hi]) => hi >= 0x80)) return undefined;
  const members = r.flatMap(([lo, hi]) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i));
  if (members.every(isWord)) return true;
  if (members.every((c) => !isWord(c))) return false;
  return undefined;
}

function boundary(negate: boolean, left: WordSide, right: WordSide): string {
  const before = `(?<=${WORD_BEFORE})`;
  const notBefore = `(?<!${WORD_BEFORE})`;
  const after = `(?=${WORD_AFTER})`;
  const notAfter = `(?!${WORD_AFTER})`;
  // \b: exactly one side is a word character; \B: both or neither.
  if (left !== undefined && right !== undefined) return (left !== right) !== negate ? "" : "(?!)";
  if (left !== undefined) return left !== negate ? notAfter : after;
  if (right !== undefined) return right !== negate ? notBefore : before;
  return negate ? `(?:${before}${after}|${notBefore}${notAfter})` : `(?:${before}${notAfter}|${notBefore}${after})`;
}

function quantifierText(min: number, max: number, lazy: boolean): string {
  const unbounded = max >= MAX_REPS;
  let q: string;
  if (min === 0 && unbounded) q = "*";
  else if (min === 1 && unbounded) q = "+";
  else if (min === 0 && max === 1) q = "?";
  else if (unbounded) q = `{${min},}`;
  else if (min === max) q = `{${min}}`;
  else q = `{${min},${max}}`;
  return lazy ? `${q}?` : q;
}

/** Emits one pattern; create one per translation (it numbers JavaScript's groups). */
class Emitter {
  private jsGroups = 0;
  private readonly groupMap = new Map<number, number>();

  constructor(private readonly groups: ReadonlyMap<number, JavaNode>) {}

  emit(node: JavaNode): Piece {
    switch (node.type) {
      case "char":
        return atom(node.display ?? emitCharSet(node.set));
      case "anchor":
        return unquantifiable(this.anchor(node.kind, undefined, undefined));
      case "lineBreak":
        return atom(LINE_BREAK);
      case "backref": {
        const js = this.groupMap.get(node.group);
        if (js === undefined) throw new UnsupportedJavaConstruct(`back-reference to group ${node.group} before it`);
        return atom(`(?:\\${js})`);
      }
      case "seq":
        return this.sequence(node.items);
      case "alt":
        return { text: node.branches.map((b) => this.emit(b).text).join("|"), kind: "alt" };
      case "group": {
        if (node.capture === null) return this.emit(node.body);
        const js = ++this.jsGroups;
        this.groupMap.set(node.capture, js);
        return atom(`(${this.emit(node.body).text})`);
      }
      case "look": {
        const opener = `(?${node.behind ? "<" : ""}${node.negate ? "!" : "="}`;
        return unquantifiable(`${opener}${this.emit(node.body).text})`);
      }
      case "atomic":
        // A body with a single way to match needs no protection from backtracking.
        if (javaDeterministic(node.body) && !someNode(node.body, (n) => n.type === "lineBreak" || n.type === "look")) {
          const piece = this.emit(node.body);
          return piece.kind === "alt" ? atom(`(?:${piece.text})`) : piece;
        }
        return this.atomic(() => this.emit(node.body).text);
      case "repeat":
        return this.repeat(node);
    }
  }

  private anchor(kind: AnchorKind, left: WordSide, right: WordSide): string {
    if (kind === "wordBoundary" || kind === "notWordBoundary") return boundary(kind === "notWordBoundary", left, right);
    return ANCHORS[kind];
  }

  private sequence(items: readonly JavaNode[]): Piece {
    if (items.length === 1) return this.emit(items[0]);
    const parts: string[] = [];
    items.forEach((item, i) => {
      if (item.type === "anchor" && (item.kind === "wordBoundary" || item.kind === "notWordBoundary")) {
        parts.push(this.anchor(item.kind, this.sideOf(items[i - 1], "left"), this.sideOf(items[i + 1], "right")));
        return;
      }
      const piece = this.emit(item);
      parts.push(piece.kind === "alt" ? `(?:${piece.text})` : piece.text);
    });
    return { text: parts.join(""), kind: "seq" };
  }

  /** What a sequence neighbour tells about the character on one side of a word boundary. */
  private sideOf(neighbour: JavaNode | undefined, side: "left" | "right"): WordSide {
    if (!neighbour) return undefined;
    if (neighbour.type === "char") return wordness(neighbour.set);
    if (neighbour.type === "seq") {
      const edge = side === "left" ? neighbour.items[neighbour.items.length - 1] : neighbour.items[0];
      return this.sideOf(edge, side);
    }
    if (neighbour.type === "group") return this.sideOf(neighbour.body, side);
    if (neighbour.type === "anchor") {
      if (side === "left" && neighbour.kind === "start") return false;
      if (side === "right" && (neighbour.kind === "end" || neighbour.kind === "endOrFinalTerminator")) return false;
    }
    return undefined;
  }

  /** `(?=(X))\N`: X's first match, consumed and never backtracked into. */
  private atomic(body: () => string): Piece {
    const js = ++this.jsGroups;
    return atom(`(?:(?=(${body()}))\\${js})`);
  }

  private repeat(node: Extract<JavaNode, { type: "repeat" }>): Piece {
    const { body, min, max, mode } = node;
    if (max === 0) return { text: "", kind: "seq" };
    if (maxLength(body) === 0 && groupsIn(body).size === 0) {
      // A zero-width body matches the same way every time: Java (and JavaScript) stop after one
      // empty repetition, so `X{2,}` is X and `X*` is nothing at all.
      return min === 0 ? { text: "", kind: "seq" } : this.emit(body);
    }
    if (
      min >= 1 &&
      max >= 2 &&
      nullable(body, this.groups) &&
      someNode(body, (n) => n.type === "anchor" || n.type === "look" || n.type === "backref")
    ) {
      // Java ends a repetition at its first empty pass, even below the minimum; JavaScript lets
      // empty passes count towards the minimum anywhere. They disagree when the body can match
      // empty only where some assertion holds.
      throw new UnsupportedJavaConstruct(
        "a group repeated at least once that can match empty where an assertion holds (Java stops at the first empty repetition)",
      );
    }
    // Java runs each repetition of a non-group atom, or of a "deterministic" group under `*`,
    // `+` or `{n,m}`, to its first match only; that differs from backtracking only for `\R`.
    const isOptional = min === 0 && max === 1;
    const firstMatchOnly =
      mode === "possessive" ||
      !node.onGroup ||
      (!isOptional && javaDeterministic(body) && someNode(body, (n) => n.type === "lineBreak"));
    const one = (): string => {
      if (body.type === "lineBreak" && firstMatchOnly) return LINE_BREAK_ATOMIC;
      if (node.onGroup && firstMatchOnly && someNode(body, (n) => n.type !== "char" && n.type !== "seq")) {
        return this.atomic(() => this.emit(body).text).text;
      }
      const piece = this.emit(body);
      return piece.kind === "atom" ? piece.text : `(?:${piece.text})`;
    };
    if (mode !== "possessive") return unquantifiable(`${one()}${quantifierText(min, max, mode === "lazy")}`);
    if (body.type === "char" && min === max) return unquantifiable(`${one()}${quantifierText(min, max, false)}`);
    return this.atomic(() => `${one()}${quantifierText(min, max, false)}`);
  }
}

/** Refuses a match start that is not a code point boundary (see {@link startsSafely}). */
const START_GUARD = "(?:^|(?<=[^])|(?=[^]))";

/**
 * JavaScript source (for the `u` flag) equivalent to the Java pattern `root` under `find()`.
 *
 * @throws UnsupportedJavaConstruct when the pattern needs something JavaScript cannot express.
 */
export function emitJavaScript(root: JavaNode): string {
  checkBackrefs(root, new Set());
  checkLookbehinds(root);
  const piece = new Emitter(groupBodies(root)).emit(root);
  // Only an empty match that depends on an assertion can land inside a surrogate pair; a pattern
  // that matches empty unconditionally already matches at index 0.
  if (startsSafely(root) || !nullable(root) || alwaysNullable(root)) return piece.text;
  return `${START_GUARD}${piece.kind === "alt" ? `(?:${piece.text})` : piece.text}`;
}
