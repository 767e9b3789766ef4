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
import { JavaSyntaxError, MAX_REPS, UnsupportedJavaConstruct } from "./parse-java.js";

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
  if (left !== undefined && right !== undefined) return left !== right !== negate ? "" : "(?!)";
  if (left !== undefined) return left !== negate ? notAfter : after;
  if (right !== undefined) return right !== negate ? notBefore : before;
  return negate ? `(?:${before}${after}|${notBefore}${notAfter})` : `(?:${before}${notAfter}|${notBefore}${after})`;
}

/** The longest match of `node` in code points (Infinity when unbounded). */
export function maxLength(node: JavaNode): number {
  switch (node.type) {
    case "char":
      return 1;
    case "anchor":
    case "look":
      return 0;
    case "lineBreak":
      return 2;
    case "backref":
      return Infinity;
    case "seq":
      return node.items.reduce((sum, item) => sum + maxLength(item), 0);
    case "alt":
      return Math.max(...node.branches.map(maxLength));
    case "group":
    case "atomic":
      return maxLength(node.body);
    case "repeat": {
      const body = maxLength(node.body);
      if (body === 0) return 0;
      return node.max >= MAX_REPS ? Infinity : body * node.max;
    }
  }
}

function someNode(node: JavaNode, test: (n: JavaNode) => boolean): boolean {
  if (test(node)) return true;
  switch (node.type) {
    case "seq":
      return node.items.some((n) => someNode(n, test));
    case "alt":
      return node.branches.some((n) => someNode(n, test));
    case "group":
    case "atomic":
    case "look":
    case "repeat":
      return someNode(node.body, test);
    default:
      return false;
  }
}

function groupsIn(node: JavaNode): Set<number> {
  const found = new Set<number>();
  someNode(node, (n) => {
    if (n.type === "group" && n.capture !== null) found.add(n.capture);
    return false;
  });
  return found;
}

/**
 * Java treats a group body as "deterministic" (and repeats it without backtracking into earlier
 * repetitions) when it has no alternation and no variable quantifier outside lookarounds.
 */
function javaDeterministic(node: JavaNode): boolean {
  switch (node.type) {
    case "alt":
      return false;
    case "repeat":
      return node.min === node.max && javaDeterministic(node.body);
    case "seq":
      return node.items.every(javaDeterministic);
    case "group":
    case "atomic":
      return javaDeterministic(node.body);
    default:
      return true;
  }
}

/**
 * Checks every back-reference: the group it names must have matched on every path that reaches
 * it, counting JavaScript's reset of a quantified group's captures at each repetition.
 * Returns the groups certainly set after `node` matches, given those set before.
 */
function checkBackrefs(node: JavaNode, before: ReadonlySet<number>): Set<number> {
  switch (node.type) {
    case "char":
    case "anchor":
    case "lineBreak":
      return new Set(before);
    case "backref":
      if (!before.has(node.group)) {
        throw new UnsupportedJavaConstruct(
          `back-reference \\${node.group} may run before group ${node.group} has matched (Java fails it, JavaScript matches empty)`,
        );
      }
      return new Set(before);
    case "seq":
      return node.items.reduce<Set<number>>((acc, item) => checkBackrefs(item, acc), new Set(before));
    case "alt": {
      const outs = node.branches.map((b) => checkBackrefs(b, before));
      return new Set([...outs[0]].filter((g) => outs.every((o) => o.has(g))));
    }
    case "group": {
      const out = checkBackrefs(node.body, before);
      if (node.capture !== null) out.add(node.capture);
      return out;
    }
    case "atomic":
      return checkBackrefs(node.body, before);
    case "look": {
      const out = checkBackrefs(node.body, before);
      // A lookbehind's captures come from JavaScript's right-to-left matching: do not rely on them.
      return node.negate || node.behind ? new Set(before) : out;
    }
    case "repeat": {
      const inner = groupsIn(node.body);
      const inside = new Set([...before].filter((g) => !inner.has(g)));
      const out = checkBackrefs(node.body, inside);
      if (node.min >= 1) return out;
      return new Set([...before].filter((g) => out.has(g)));
    }
  }
}

/** Like {@link someNode}, but not looking inside lookarounds (whose length Java ignores). */
function someOnPath(node: JavaNode, test: (n: JavaNode) => boolean): boolean {
  if (test(node)) return true;
  if (node.type === "look") return false;
  switch (node.type) {
    case "seq":
      return node.items.some((n) => someOnPath(n, test));
    case "alt":
      return node.branches.some((n) => someOnPath(n, test));
    case "group":
    case "atomic":
    case "repeat":
      return someOnPath(node.body, test);
    default:
      return false;
  }
}

function checkLookbehinds(node: JavaNode): void {
  someNode(node, (n) => {
    if (n.type !== "look" || !n.behind) return false;
    // Java sizes a lookbehind from its parts; a back-reference, or a quantified group that can
    // match in more than one way, has no "obvious maximum length" and Java rejects the pattern.
    const unsized = (m: JavaNode): boolean =>
      m.type === "backref" ||
      (m.type === "repeat" &&
        m.body.type === "group" &&
        !(m.min === 0 && m.max === 1) &&
        m.mode !== "possessive" &&
        !javaDeterministic(m.body));
    if (someOnPath(n.body, unsized)) {
      throw new JavaSyntaxError("Look-behind group does not have an obvious maximum length");
    }
    if (someNode(n.body, (m) => m.type === "backref")) {
      throw new UnsupportedJavaConstruct("back-reference inside a lookbehind");
    }
    // JavaScript matches a lookbehind right to left, so the lookahead-and-back-reference spelling
    // of an atomic group cannot work inside one.
    const needsAtomic = (m: JavaNode): boolean =>
      (m.type === "atomic" && !javaDeterministic(m.body)) || (m.type === "repeat" && m.mode === "possessive");
    if (someNode(n.body, needsAtomic)) {
      throw new UnsupportedJavaConstruct("atomic group or possessive quantifier inside a lookbehind");
    }
    if (maxLength(n.body) === Infinity) {
      throw new UnsupportedJavaConstruct("lookbehind of unbounded length (Java bounds it in ways JavaScript does not)");
    }
    if (n.countsUnits && someOnPath(n.body, (m) => m.type === "char" && mayMatchAstral(m.set))) {
      throw new UnsupportedJavaConstruct(
        "lookbehind that can match a character outside the BMP: Java measures its reach in UTF-16 units here",
      );
    }
    return false;
  });
}

function mayMatchAstral(set: CharSet): boolean {
  const r = explicitRanges(set);
  return r === undefined || r.some(([, hi]) => hi > 0xffff);
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

/** True when `node` can match the empty string. */
function nullable(node: JavaNode): boolean {
  switch (node.type) {
    case "char":
    case "lineBreak":
      return false;
    case "anchor":
    case "look":
    case "backref":
      return true;
    case "seq":
      return node.items.every(nullable);
    case "alt":
      return node.branches.some(nullable);
    case "group":
    case "atomic":
      return nullable(node.body);
    case "repeat":
      return node.min === 0 || nullable(node.body);
  }
}

/**
 * True when every match of `node` begins with `^` or by consuming a character. Otherwise an
 * empty match made of zero-width tests may be tried, and V8 tries those even between the two
 * halves of a surrogate pair (where it sees no character on either side): that needs a guard.
 */
function startsSafely(node: JavaNode): boolean {
  switch (node.type) {
    case "char":
    case "lineBreak":
      return true;
    case "anchor":
      return node.kind === "start";
    case "seq":
      return node.items.length > 0 && startsSafely(node.items[0]);
    case "alt":
      return node.branches.every(startsSafely);
    case "group":
    case "atomic":
      return startsSafely(node.body);
    case "repeat":
      return node.min >= 1 && startsSafely(node.body);
    default:
      return false;
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
  const piece = new Emitter().emit(root);
  if (startsSafely(root) || !nullable(root)) return piece.text;
  return `${START_GUARD}${piece.kind === "alt" ? `(?:${piece.text})` : piece.text}`;
}
