/**
 * A parser for `java.util.regex.Pattern` syntax (JDK 17) that yields a {@link JavaNode} tree with
 * Java's meaning resolved. It follows Java's grammar including its quirks, because the AWS models
 * were validated by Java and rely on them:
 * - a `-` after a class escape is a literal (`[\w-_]`), as is a `-` before `]` or `[`;
 * - `&&` inside a class intersects, `[...]` inside a class unites, `^` negates the whole class;
 * - a second quantifier in a row (`{11}{0,1011}`) applies to nothing and is therefore ignored,
 *   while `**` is an error;
 * - `]` and `}` outside a class are literals; `\` before any non-letter is that character;
 * - `$` may be quantified (`${1,128}` is `$`);
 * - inline flags (`(?i)`, `(?s)`, `(?-m)`, `(?x)`) last until the enclosing group closes.
 *
 * Errors Java would report throw {@link JavaSyntaxError}; valid Java this translator cannot
 * express throws {@link UnsupportedJavaConstruct}.
 */
import { type CharSet, and, classBody, codePoints, escapeCodePoint, not, ranges, union } from "./char-set.js";
import type { AnchorKind, JavaNode, QuantifierMode } from "./java-ast.js";
import {
  ASCII_DIGIT,
  ASCII_SPACE,
  ASCII_WORD,
  HORIZONTAL_SPACE,
  LINE_TERMINATORS,
  UnknownJavaProperty,
  UnsupportedJavaProperty,
  VERTICAL_SPACE,
  javaProperty,
} from "./java-properties.js";
import { removeQuoting } from "./java-quote.js";

/** The pattern does not compile in Java; the message follows Java's wording. */
export class JavaSyntaxError extends Error {}

/** The pattern is valid Java but has no exact JavaScript translation. */
export class UnsupportedJavaConstruct extends Error {}

/** What the parser found, for the translation's notes. */
export interface ParseResult {
  root: JavaNode;
  /** Number of capturing groups. */
  groupCount: number;
  /** Java constructs met that JavaScript writes differently, one short phrase each. */
  notes: Set<string>;
  /** Characters escaped without need (`\:`), in order of appearance. */
  needlessEscapes: string[];
}

// Java's flag bits (java.util.regex.Pattern constants).
const UNIX_LINES = 0x01;
const CASE_INSENSITIVE = 0x02;
const COMMENTS = 0x04;
const MULTILINE = 0x08;
const DOTALL = 0x20;
const UNICODE_CASE = 0x40;
const CANON_EQ = 0x80;
const UNICODE_CHARACTER_CLASS = 0x100;
/** Java's "no upper bound" repetition count. */
export const MAX_REPS = 0x7fffffff;

const ch = (s: string): number => s.codePointAt(0) ?? 0;
const isAsciiSpace = (c: number): boolean => (c >= 0x09 && c <= 0x0d) || c === 0x20;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const isAlpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAlnum = (c: number): boolean => isAlpha(c) || isDigit(c);
const asciiLower = (c: number): number => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
const asciiUpper = (c: number): number => (c >= 0x61 && c <= 0x7a ? c - 0x20 : c);
const isSupplementary = (c: number): boolean => c >= 0x10000 || (c >= 0xd800 && c <= 0xdfff);

/** Characters JavaScript accepts after a backslash with the `u` flag (outside / inside classes). */
const JS_IDENTITY_ESCAPES = new Set("^$\\.*+?()[]{}|/".split("").map(ch));

/**
 * The Latin-1 "bit class" Java collects single characters of a class into. Java keeps adding to
 * the same object after it has been combined with an `&&`, so it is shared by reference here and
 * read only once the whole class is parsed.
 */
class Bits {
  readonly members = new Set<number>();
}

/** A class while it is being parsed: sets, shared bit classes, and their combinations. */
type ParseSet =
  | { kind: "set"; set: CharSet }
  | { kind: "bits"; bits: Bits }
  | { kind: "union" | "and"; of: ParseSet[] }
  | { kind: "not"; of: ParseSet };

function resolve(p: ParseSet): CharSet {
  switch (p.kind) {
    case "set":
      return p.set;
    case "bits":
      return codePoints(...p.bits.members);
    case "union":
      return union(...p.of.map(resolve));
    case "and":
      return and(...p.of.map(resolve));
    case "not":
      return not(resolve(p.of));
  }
}

/** The result of an escape: a literal code point, a set, or a zero-width/reference node. */
type Escape = { cp: number } | { set: CharSet; text?: string } | { node: JavaNode };

/**
 * Parses one Java pattern.
 *
 * @throws JavaSyntaxError when Java would not compile the pattern.
 * @throws UnsupportedJavaConstruct for Java features with no JavaScript equivalent.
 */
export function parseJavaPattern(pattern: string): ParseResult {
  return new Parser(pattern).parse();
}

class Parser {
  private readonly cps: number[];
  private readonly length: number;
  private pos = 0;
  private flags = 0;
  private groupCount = 1; // Java counts from 1; group 0 is the whole match.
  private readonly namedGroups = new Map<string, number>();
  private readonly notes = new Set<string>();
  private readonly needlessEscapes: string[] = [];

  constructor(pattern: string) {
    const raw = [...pattern].map((c) => c.codePointAt(0) ?? 0);
    if (raw.some((c, i) => c === 0x5c && raw[i + 1] === 0x51)) this.notes.add("\\Q...\\E quoting written as escapes");
    this.cps = removeQuoting(raw);
    this.length = this.cps.length;
    this.cps.push(0, 0); // Java's double-zero terminator
  }

  parse(): ParseResult {
    const root = this.expr();
    if (this.pos !== this.length) {
      if (this.peek() === ch(")")) throw this.error("Unmatched closing ')'");
      throw this.error("Unexpected internal error");
    }
    return { root, groupCount: this.groupCount - 1, notes: this.notes, needlessEscapes: this.needlessEscapes };
  }

  // ------------------------------------------------------------------ cursor (Java's semantics)

  private has(flag: number): boolean {
    return (this.flags & flag) !== 0;
  }

  private error(message: string): JavaSyntaxError {
    return new JavaSyntaxError(`${message} near index ${Math.max(this.pos - 1, 0)}`);
  }

  /** In COMMENTS mode, moves past whitespace and `#` comments starting at the cursor. */
  private skipIgnorable(c: number, consume: boolean): number {
    let x = c;
    while (isAsciiSpace(x) || x === ch("#")) {
      while (isAsciiSpace(x)) x = consume ? this.cps[this.pos++] : this.cps[++this.pos];
      if (x === ch("#")) x = this.skipCommentLine(consume);
    }
    return x;
  }

  private skipCommentLine(consume: boolean): number {
    const isTerminator = (c: number): boolean =>
      this.has(UNIX_LINES) ? c === 0x0a : c === 0x0a || c === 0x0d || c === 0x85 || (c | 1) === 0x2029;
    let x = consume ? this.cps[this.pos++] : this.cps[++this.pos];
    while (x !== 0 && !isTerminator(x)) x = consume ? this.cps[this.pos++] : this.cps[++this.pos];
    if (x === 0 && this.pos > this.length) {
      this.pos = this.length;
      x = consume ? this.cps[this.pos++] : this.cps[this.pos];
    }
    return x;
  }

  private peek(): number {
    const c = this.cps[this.pos];
    return this.has(COMMENTS) ? this.skipIgnorable(c, false) : c;
  }

  private read(): number {
    const c = this.cps[this.pos++];
    return this.has(COMMENTS) ? this.skipIgnorable(c, true) : c;
  }

  private next(): number {
    const c = this.cps[++this.pos];
    return this.has(COMMENTS) ? this.skipIgnorable(c, false) : c;
  }

  private nextEscaped(): number {
    return this.cps[++this.pos];
  }

  /** The character after the next one; the cursor moves past both. */
  private skip(): number {
    const c = this.cps[this.pos + 1];
    this.pos += 2;
    return c;
  }

  private unread(): void {
    this.pos--;
  }

  private accept(expected: number, message: string): void {
    let c = this.cps[this.pos++];
    if (this.has(COMMENTS)) c = this.skipIgnorable(c, true);
    if (c !== expected) throw this.error(message);
  }

  // ------------------------------------------------------------------ structure

  private expr(): JavaNode {
    const branches: JavaNode[] = [];
    for (;;) {
      branches.push(this.sequence());
      if (this.peek() !== ch("|")) break;
      this.next();
    }
    return branches.length === 1 ? branches[0] : { type: "alt", branches };
  }

  private sequence(): JavaNode {
    const items: JavaNode[] = [];
    for (;;) {
      const c = this.peek();
      let node: JavaNode;
      if (c === ch("(")) {
        const group = this.group();
        if (group) items.push(group);
        continue;
      } else if (c === ch("[")) {
        node = this.classNode();
      } else if (c === ch("\\")) {
        const e = this.nextEscaped();
        if (e === ch("p") || e === ch("P")) {
          node = { type: "char", set: this.propertyAfterP(e === ch("P")) };
        } else {
          this.unread();
          node = this.atom();
        }
      } else if (c === ch("^")) {
        this.next();
        node = this.anchor(this.has(MULTILINE) ? (this.has(UNIX_LINES) ? "unixLineStart" : "lineStart") : "start");
      } else if (c === ch("$")) {
        this.next();
        node = this.dollar(this.has(MULTILINE));
      } else if (c === ch(".")) {
        this.next();
        node = { type: "char", set: this.dotSet() };
      } else if (c === ch("|") || c === ch(")")) {
        break;
      } else if (c === ch("?") || c === ch("*") || c === ch("+")) {
        this.next();
        throw this.error(`Dangling meta character '${String.fromCodePoint(c)}'`);
      } else if (c === 0 && this.pos >= this.length) {
        break;
      } else {
        node = this.atom();
      }
      items.push(this.closure(node, false));
    }
    return items.length === 1 ? items[0] : { type: "seq", items };
  }

  private anchor(kind: AnchorKind): JavaNode {
    return { type: "anchor", kind };
  }

  private dollar(multiline: boolean): JavaNode {
    if (this.has(UNIX_LINES)) return this.anchor(multiline ? "unixLineEnd" : "endOrFinalNewline");
    if (!multiline) this.notes.add("`$` also matches before a line terminator that ends the input, as in Java");
    return this.anchor(multiline ? "lineEnd" : "endOrFinalTerminator");
  }

  private dotSet(): CharSet {
    if (this.has(DOTALL)) return ranges([[0, 0x10ffff]]);
    if (this.has(UNIX_LINES)) return not(codePoints(0x0a));
    this.notes.add("`.` excludes Java's line terminators (\\n \\r \\u0085 \\u2028 \\u2029)");
    return not(LINE_TERMINATORS);
  }

  /** A run of literal characters (Java's "slice"), or one escape that is not a literal. */
  private atom(): JavaNode {
    const chars: number[] = [];
    let prev = -1;
    let c = this.peek();
    for (;;) {
      if (c === ch("*") || c === ch("+") || c === ch("?") || c === ch("{")) {
        // The quantifier applies to the last character only: give it back.
        if (chars.length > 1) {
          this.pos = prev;
          chars.pop();
        }
        break;
      }
      if ([ch("$"), ch("."), ch("^"), ch("("), ch("["), ch("|"), ch(")")].includes(c)) break;
      if (c === ch("\\")) {
        const e = this.nextEscaped();
        if (e === ch("p") || e === ch("P")) {
          if (chars.length > 0) {
            this.unread();
            break;
          }
          return { type: "char", set: this.propertyAfterP(e === ch("P")) };
        }
        this.unread();
        prev = this.pos;
        const escaped = this.escape(false, chars.length === 0, false);
        if ("cp" in escaped) {
          chars.push(escaped.cp);
          c = this.peek();
          continue;
        }
        if (chars.length === 0) {
          if (!("set" in escaped)) return escaped.node;
          return escaped.text
            ? { type: "char", set: escaped.set, display: escaped.text }
            : { type: "char", set: escaped.set };
        }
        this.pos = prev;
        break;
      }
      if (c === 0 && this.pos >= this.length) break;
      prev = this.pos;
      chars.push(c);
      c = this.next();
    }
    const nodes = chars.map((cp): JavaNode => ({ type: "char", set: this.single(cp) }));
    return nodes.length === 1 ? nodes[0] : { type: "seq", items: nodes };
  }

  // ------------------------------------------------------------------ quantifiers

  private closure(node: JavaNode, onGroup: boolean): JavaNode {
    const c = this.peek();
    if (c === ch("?")) return this.repeat(node, 0, 1, this.quantifierMode(), onGroup);
    if (c === ch("*")) return this.repeat(node, 0, MAX_REPS, this.quantifierMode(), onGroup);
    if (c === ch("+")) return this.repeat(node, 1, MAX_REPS, this.quantifierMode(), onGroup);
    if (c !== ch("{")) return node;
    let d = this.skip();
    if (!isDigit(d)) throw this.error("Illegal repetition");
    let min = 0;
    let max: number;
    const grow = (n: number, digit: number): number => {
      const value = n * 10 + (digit - 0x30);
      if (value > MAX_REPS) throw this.error("Illegal repetition range");
      return value;
    };
    do {
      min = grow(min, d);
    } while (isDigit((d = this.read())));
    if (d === ch(",")) {
      d = this.read();
      if (d === ch("}")) {
        this.unread();
        return this.repeat(node, min, MAX_REPS, this.quantifierMode(), onGroup);
      }
      max = 0;
      while (isDigit(d)) {
        max = grow(max, d);
        d = this.read();
      }
    } else {
      max = min;
    }
    if (d !== ch("}")) throw this.error("Unclosed counted closure");
    if (max < min) throw this.error("Illegal repetition range");
    this.unread();
    return this.repeat(node, min, max, this.quantifierMode(), onGroup);
  }

  private quantifierMode(): QuantifierMode {
    const c = this.next();
    if (c === ch("?")) {
      this.next();
      return "lazy";
    }
    if (c === ch("+")) {
      this.next();
      this.notes.add("possessive quantifier emulated with a lookahead and a back-reference");
      return "possessive";
    }
    return "greedy";
  }

  private repeat(body: JavaNode, min: number, max: number, mode: QuantifierMode, onGroup: boolean): JavaNode {
    if (body.type === "seq" && body.items.length === 0) {
      this.notes.add("a quantifier right after another quantifier applies to nothing in Java and is dropped");
    } else if (body.type === "anchor" || body.type === "look") {
      this.notes.add("a quantified zero-width assertion is kept once (or dropped when optional)");
    }
    return { type: "repeat", body, min, max, mode, onGroup };
  }

  // ------------------------------------------------------------------ groups

  private group(): JavaNode | null {
    const saved = this.flags;
    let node: JavaNode;
    let c = this.next();
    if (c === ch("?")) {
      c = this.skip();
      if (c === ch(":")) {
        node = { type: "group", capture: null, body: this.expr() };
      } else if (c === ch("=") || c === ch("!")) {
        node = { type: "look", behind: false, negate: c === ch("!"), body: this.expr(), countsUnits: false };
      } else if (c === ch(">")) {
        this.notes.add("atomic group emulated with a lookahead and a back-reference");
        node = { type: "atomic", body: this.expr() };
      } else if (c === ch("<")) {
        c = this.read();
        if (c !== ch("=") && c !== ch("!")) {
          const name = this.groupName(c);
          if (this.namedGroups.has(name)) throw this.error(`Named capturing group <${name}> is already defined`);
          const index = this.groupCount++;
          this.namedGroups.set(name, index);
          node = { type: "group", capture: index, body: this.expr() };
        } else {
          // Java measures a lookbehind in code points only when the pattern text from here on
          // holds a supplementary character or a surrogate; otherwise in UTF-16 units.
          const countsUnits = !this.cps.slice(this.pos, this.length).some(isSupplementary);
          node = { type: "look", behind: true, negate: c === ch("!"), body: this.expr(), countsUnits };
        }
      } else if (c === ch("$") || c === ch("@")) {
        throw this.error("Unknown group type");
      } else {
        this.unread();
        this.inlineFlags();
        c = this.read();
        if (c === ch(")")) return null; // (?i): the flags stay on until the enclosing group ends
        if (c !== ch(":")) throw this.error("Unknown inline modifier");
        node = { type: "group", capture: null, body: this.expr() };
      }
    } else {
      const index = this.groupCount++;
      node = { type: "group", capture: index, body: this.expr() };
    }
    this.accept(ch(")"), "Unclosed group");
    this.flags = saved;
    return this.closure(node, true);
  }

  private groupName(first: number): string {
    if (!isAlpha(first)) throw this.error("capturing group name does not start with a Latin letter");
    let name = "";
    let c = first;
    do {
      name += String.fromCodePoint(c);
    } while (isAlnum((c = this.read())));
    if (c !== ch(">")) throw this.error("named capturing group is missing trailing '>'");
    return name;
  }

  private inlineFlags(): void {
    const bits: Record<string, number> = {
      i: CASE_INSENSITIVE,
      m: MULTILINE,
      s: DOTALL,
      d: UNIX_LINES,
      u: UNICODE_CASE,
      c: CANON_EQ,
      x: COMMENTS,
      U: UNICODE_CHARACTER_CLASS | UNICODE_CASE,
    };
    let c = this.peek();
    let on = true;
    for (;;) {
      const letter = String.fromCodePoint(c);
      if (c === ch("-") && on) {
        on = false;
        c = this.next();
        continue;
      }
      const bit = Object.hasOwn(bits, letter) ? bits[letter] : undefined;
      if (bit === undefined) return;
      this.flags = on ? this.flags | bit : this.flags & ~bit;
      this.notes.add(`inline flag (?${on ? "" : "-"}${letter}) applied to the pattern itself`);
      if (on && (bit & (CANON_EQ | UNICODE_CHARACTER_CLASS)) !== 0) {
        throw new UnsupportedJavaConstruct(`inline flag (?${letter}) has no JavaScript equivalent`);
      }
      c = this.next();
    }
  }

  // ------------------------------------------------------------------ character classes

  /**
   * The members of the class being parsed, written for JavaScript in the author's order, or
   * null once the class holds something that cannot be written member by member (a nested
   * class, an intersection, case-insensitive widening, a set with no single-class spelling).
   */
  private classDisplay: string[] | null = null;

  private classNode(): JavaNode {
    this.classDisplay = [];
    const set = resolve(this.parseClass(true));
    const display = this.classDisplay;
    this.classDisplay = null;
    if (display && display.length > 0) {
      // A '-' needs no escape as the first or last member.
      const first = display[0] === "^" ? 1 : 0;
      if (display[first] === "\\-") display[first] = "-";
      if (display.length - 1 > first && display[display.length - 1] === "\\-") display[display.length - 1] = "-";
    }
    return display ? { type: "char", set, display: `[${display.join("")}]` } : { type: "char", set };
  }

  private displayItem(text: string | undefined): void {
    if (this.classDisplay === null) return;
    if (text === undefined || this.has(CASE_INSENSITIVE)) this.classDisplay = null;
    else this.classDisplay.push(text);
  }

  private parseClass(consume: boolean): ParseSet {
    let prev: ParseSet | null = null;
    let curr: ParseSet | null = null;
    const bits = new Bits();
    const bitsSet: ParseSet = { kind: "bits", bits };
    let hasBits = false;
    let negated = false;
    let c = this.next();
    const outermost = this.classDisplay !== null && this.classDisplay.length === 0 && consume;
    if (c === ch("^") && this.cps[this.pos - 1] === ch("[")) {
      c = this.next();
      negated = true;
      if (outermost) this.displayItem("^");
      else this.classDisplay = null;
    }
    const unite = (a: ParseSet | null, b: ParseSet): ParseSet => (a === null ? b : { kind: "union", of: [a, b] });
    for (;;) {
      if (c === ch("[")) {
        this.classDisplay = null;
        this.notes.add("nested character class written as a union");
        curr = this.parseClass(true);
        prev = unite(prev, curr);
        c = this.peek();
        continue;
      }
      if (c === ch("&")) {
        c = this.next();
        if (c === ch("&")) {
          this.classDisplay = null;
          this.notes.add("character class intersection (&&) computed or written with lookaheads");
          c = this.next();
          let right: ParseSet | null = null;
          while (c !== ch("]") && c !== ch("&")) {
            if (c === ch("[")) {
              right = unite(right, this.parseClass(true));
            } else {
              this.unread();
              right = unite(right, this.parseClass(false));
            }
            c = this.peek();
          }
          if (hasBits) {
            if (prev === null) prev = curr = bitsSet;
            else prev = unite(prev, bitsSet);
            hasBits = false;
          }
          if (right !== null) curr = right;
          if (prev === null) {
            if (right === null) throw this.error("Bad class syntax");
            prev = right;
          } else {
            prev = { kind: "and", of: [prev, curr ?? prev] };
          }
          continue;
        }
        this.unread(); // a single '&' is a literal
      } else if (c === 0 && this.pos >= this.length) {
        throw this.error("Unclosed character class");
      } else if (c === ch("]") && (prev !== null || hasBits)) {
        if (consume) this.next();
        if (prev === null) prev = bitsSet;
        else if (hasBits) prev = unite(prev, bitsSet);
        return negated ? { kind: "not", of: prev } : prev;
      }
      curr = this.classItem(bits);
      if (curr === null) hasBits = true;
      else prev = unite(prev, curr);
      c = this.peek();
    }
  }

  /** One member of a class: a character (added to `bits`, returning null), a range or a set. */
  private classItem(bits: Bits): ParseSet | null {
    let c = this.peek();
    if (c === ch("\\")) {
      c = this.nextEscaped();
      if (c === ch("p") || c === ch("P")) {
        const property = this.propertyAfterP(c === ch("P"));
        this.displayItem(classBody(property));
        return { kind: "set", set: property };
      }
      const isRange = this.cps[this.pos + 1] === ch("-");
      this.unread();
      const escaped = this.escape(true, true, isRange);
      if (!("cp" in escaped)) {
        if ("set" in escaped) {
          if (this.peek() === ch("-") && this.cps[this.pos + 1] !== ch("]")) {
            this.notes.add("`-` after a class escape is a literal in Java");
          }
          this.displayItem(escaped.text ?? classBody(escaped.set));
          return { kind: "set", set: escaped.set };
        }
        throw this.error("Illegal/unsupported escape sequence");
      }
      c = escaped.cp;
    } else {
      this.next();
    }
    if (this.peek() === ch("-")) {
      const end = this.cps[this.pos + 1];
      if (end === ch("[")) return this.bitsOrSingle(bits, c);
      if (end !== ch("]")) {
        this.next();
        let m = this.peek();
        if (m === ch("\\")) {
          const escaped = this.escape(true, false, true);
          m = "cp" in escaped ? escaped.cp : -1;
        } else {
          this.next();
        }
        if (m < c) throw this.error("Illegal character range");
        this.displayItem(`${escapeCodePoint(c, true)}-${escapeCodePoint(m, true)}`);
        return { kind: "set", set: this.caseRange(c, m) };
      }
    }
    return this.bitsOrSingle(bits, c);
  }

  private bitsOrSingle(bits: Bits, c: number): ParseSet | null {
    this.displayItem(escapeCodePoint(c, true));
    if (c < 256) {
      this.requireSimpleCase(c);
      if (this.has(CASE_INSENSITIVE) && c < 0x80) {
        bits.members.add(asciiUpper(c));
        bits.members.add(asciiLower(c));
      }
      bits.members.add(c);
      return null;
    }
    return { kind: "set", set: this.single(c) };
  }

  /** A range, widened by ASCII case under CASE_INSENSITIVE the way Java does it. */
  private caseRange(lo: number, hi: number): CharSet {
    const base = ranges([[lo, hi]]);
    if (!this.has(CASE_INSENSITIVE)) return base;
    if (this.has(UNICODE_CASE)) throw new UnsupportedJavaConstruct("Unicode case folding (?iu) of a range");
    const extra: number[] = [];
    for (let c = 0; c < 0x80; c++) {
      const inRange = (x: number): boolean => x >= lo && x <= hi;
      if (inRange(asciiUpper(c)) || inRange(asciiLower(c))) extra.push(c);
    }
    if (extra.length > 0) this.notes.add("case-insensitive matching limited to ASCII letters, as in Java");
    return union(base, codePoints(...extra));
  }

  /** One literal code point, with its other ASCII case under CASE_INSENSITIVE. */
  private single(c: number): CharSet {
    this.requireSimpleCase(c);
    if (this.has(CASE_INSENSITIVE) && c < 0x80 && asciiLower(c) !== asciiUpper(c)) {
      this.notes.add("case-insensitive matching limited to ASCII letters, as in Java");
      return codePoints(asciiLower(c), asciiUpper(c));
    }
    return codePoints(c);
  }

  /** Java's Unicode case folding (?iu) differs from JavaScript's: refuse it for cased characters. */
  private requireSimpleCase(c: number): void {
    if (!this.has(CASE_INSENSITIVE) || !this.has(UNICODE_CASE)) return;
    const s = String.fromCodePoint(c);
    if (s.toLowerCase() !== s || s.toUpperCase() !== s) {
      throw new UnsupportedJavaConstruct("Unicode case folding (?iu) differs between Java and JavaScript");
    }
  }

  /** Parses `\p`/`\P` properties; the cursor is on the `p`. */
  private propertyAfterP(complement: boolean): CharSet {
    let oneLetter = true;
    const c = this.next();
    if (c !== ch("{")) this.unread();
    else oneLetter = false;
    this.next();
    let name: string;
    if (oneLetter) {
      name = String.fromCodePoint(this.cps[this.pos]);
      this.read();
    } else {
      const start = this.pos;
      while (this.pos < this.length && this.cps[this.pos] !== ch("}")) this.pos++;
      if (this.pos >= this.length) throw this.error("Unclosed character family");
      if (this.pos === start) throw this.error("Empty character family");
      name = String.fromCodePoint(...this.cps.slice(start, this.pos));
      this.pos++;
    }
    if (this.has(CASE_INSENSITIVE) && this.has(UNICODE_CASE)) {
      throw new UnsupportedJavaConstruct("Unicode case folding (?iu) of a property");
    }
    try {
      const set = javaProperty(name, complement, this.has(CASE_INSENSITIVE));
      const inner = set.kind === "not" ? set.of : set;
      if (!(inner.kind === "prop" && inner.name === name)) {
        this.notes.add(`Java's \\p{${name}} written out with its Java meaning`);
      }
      return set;
    } catch (e) {
      if (e instanceof UnknownJavaProperty) throw this.error(e.message);
      if (e instanceof UnsupportedJavaProperty) throw new UnsupportedJavaConstruct(e.message);
      throw e;
    }
  }

  // ------------------------------------------------------------------ escapes

  /** Parses an escape; the cursor is on the backslash. */
  private escape(inClass: boolean, create: boolean, isRange: boolean): Escape {
    const c = this.skip();
    const letter = String.fromCodePoint(c);
    // \d \D \w \W mean the same in JavaScript with the `u` flag (and no `i`): keep them.
    const set = (s: CharSet, text?: string): Escape => ({ set: s, text });
    const outsideClass = (node: JavaNode): Escape => {
      if (inClass) throw this.error("Illegal/unsupported escape sequence");
      return { node };
    };
    switch (letter) {
      case "0":
        this.notes.add("octal escape written as a code point");
        return { cp: this.octal() };
      case "1":
      case "2":
      case "3":
      case "4":
      case "5":
      case "6":
      case "7":
      case "8":
      case "9":
        if (inClass) throw this.error("Illegal/unsupported escape sequence");
        this.refuseCaseInsensitiveBackref();
        return { node: { type: "backref", group: create ? this.backrefNumber(c - 0x30) : c - 0x30 } };
      case "A":
        this.notes.add("\\A written as ^");
        return outsideClass(this.anchor("start"));
      case "G":
        this.notes.add("\\G written as ^ (a single find() starts at 0)");
        return outsideClass(this.anchor("start"));
      case "z":
        this.notes.add("\\z written as $");
        return outsideClass(this.anchor("end"));
      case "Z":
        if (inClass) throw this.error("Illegal/unsupported escape sequence");
        this.notes.add("\\Z written as an end-or-final-line-terminator lookahead");
        return outsideClass(this.anchor(this.has(UNIX_LINES) ? "endOrFinalNewline" : "endOrFinalTerminator"));
      case "B":
        this.notes.add("\\B written with Java's word-character definition");
        return outsideClass(this.anchor("notWordBoundary"));
      case "b":
        if (inClass) throw this.error("Illegal/unsupported escape sequence");
        if (create && this.peek() === ch("{")) {
          if (this.skip() === ch("g")) {
            if (this.read() === ch("}")) throw new UnsupportedJavaConstruct("grapheme boundary \\b{g}");
            throw this.error("Illegal/unsupported escape sequence");
          }
          this.unread();
          this.unread();
        }
        this.notes.add("\\b written with Java's word-character definition (letters and digits of any script, _)");
        return { node: this.anchor("wordBoundary") };
      case "R":
        this.notes.add("\\R written as an alternation");
        return outsideClass({ type: "lineBreak" });
      case "X":
        if (inClass) throw this.error("Illegal/unsupported escape sequence");
        throw new UnsupportedJavaConstruct("grapheme cluster \\X");
      case "N":
        throw new UnsupportedJavaConstruct("named character \\N{...} needs Unicode name data");
      case "k": {
        if (inClass) throw this.error("Illegal/unsupported escape sequence");
        if (this.read() !== ch("<")) throw this.error("\\k is not followed by '<' for named capturing group");
        const name = this.groupName(this.read());
        const group = this.namedGroups.get(name);
        if (group === undefined) throw this.error(`named capturing group <${name}> does not exist`);
        this.refuseCaseInsensitiveBackref();
        return { node: { type: "backref", group } };
      }
      case "d":
        return set(this.unicodeClassCheck(ASCII_DIGIT), "\\d");
      case "D":
        return set(not(this.unicodeClassCheck(ASCII_DIGIT)), "\\D");
      case "w":
        return set(this.unicodeClassCheck(ASCII_WORD), "\\w");
      case "W":
        return set(not(this.unicodeClassCheck(ASCII_WORD)), "\\W");
      case "s":
        this.notes.add("\\s narrowed to Java's ASCII whitespace [ \\t\\n\\x0B\\f\\r]");
        return set(this.unicodeClassCheck(ASCII_SPACE));
      case "S":
        this.notes.add("\\S widened to everything but Java's ASCII whitespace");
        return set(not(this.unicodeClassCheck(ASCII_SPACE)));
      case "h":
        this.notes.add("\\h written as a class");
        return set(HORIZONTAL_SPACE);
      case "H":
        this.notes.add("\\H written as a class");
        return set(not(HORIZONTAL_SPACE));
      case "v":
        if (isRange) return { cp: 0x0b };
        this.notes.add("\\v is Java's vertical whitespace class, not just \\x0B");
        return set(VERTICAL_SPACE);
      case "V":
        this.notes.add("\\V written as a class");
        return set(not(VERTICAL_SPACE));
      case "a":
        return { cp: 0x07 };
      case "e":
        return { cp: 0x1b };
      case "f":
        return { cp: 0x0c };
      case "n":
        return { cp: 0x0a };
      case "r":
        return { cp: 0x0d };
      case "t":
        return { cp: 0x09 };
      case "c":
        if (this.pos < this.length) return { cp: this.read() ^ 64 };
        throw this.error("Illegal control escape sequence");
      case "u":
        return { cp: this.unicodeEscape() };
      case "x":
        return { cp: this.hexEscape() };
      default:
        if (isAlpha(c)) throw this.error("Illegal/unsupported escape sequence");
        if (!JS_IDENTITY_ESCAPES.has(c) && !(inClass && c === ch("-"))) {
          const text = `\\${letter}`;
          if (!this.needlessEscapes.includes(text)) this.needlessEscapes.push(text);
        }
        return { cp: c };
    }
  }

  private refuseCaseInsensitiveBackref(): void {
    if (this.has(CASE_INSENSITIVE)) {
      throw new UnsupportedJavaConstruct(
        "case-insensitive back-reference (Java folds ASCII only, JavaScript all of Unicode)",
      );
    }
  }

  private unicodeClassCheck(set: CharSet): CharSet {
    if (this.has(UNICODE_CHARACTER_CLASS)) throw new UnsupportedJavaConstruct("UNICODE_CHARACTER_CLASS (?U)");
    return set;
  }

  /** Java reads as many digits as still name an existing group, after the first. */
  private backrefNumber(first: number): number {
    let n = first;
    for (;;) {
      const c = this.peek();
      if (!isDigit(c)) return n;
      const candidate = n * 10 + (c - 0x30);
      if (this.groupCount - 1 < candidate) return n;
      n = candidate;
      this.read();
    }
  }

  private octal(): number {
    const isOctal = (c: number): boolean => c >= 0x30 && c <= 0x37;
    const n = this.read();
    if (!isOctal(n)) throw this.error("Illegal octal escape sequence");
    const m = this.read();
    if (!isOctal(m)) {
      this.unread();
      return n - 0x30;
    }
    const o = this.read();
    if (isOctal(o) && n <= ch("3")) return (n - 0x30) * 64 + (m - 0x30) * 8 + (o - 0x30);
    this.unread();
    return (n - 0x30) * 8 + (m - 0x30);
  }

  private hexEscape(): number {
    const n = this.read();
    if (isHex(n)) {
      const m = this.read();
      if (isHex(m)) return parseInt(String.fromCodePoint(n, m), 16);
    } else if (n === ch("{") && isHex(this.peek())) {
      this.notes.add("\\x{...} written as a code point");
      let value = 0;
      let d: number;
      while (isHex((d = this.read()))) {
        value = value * 16 + parseInt(String.fromCodePoint(d), 16);
        if (value > 0x10ffff) throw this.error("Hexadecimal codepoint is too big");
      }
      if (d !== ch("}")) throw this.error("Unclosed hexadecimal escape sequence");
      return value;
    }
    throw this.error("Illegal hexadecimal escape sequence");
  }

  private fourHex(): number {
    let value = 0;
    for (let i = 0; i < 4; i++) {
      const d = this.read();
      if (!isHex(d)) throw this.error("Illegal Unicode escape sequence");
      value = value * 16 + parseInt(String.fromCodePoint(d), 16);
    }
    return value;
  }

  /** `\uXXXX`, joining a `\uD8xx\uDCxx` pair into one code point as Java does. */
  private unicodeEscape(): number {
    const high = this.fourHex();
    if (high >= 0xd800 && high <= 0xdbff) {
      const saved = this.pos;
      if (this.read() === ch("\\") && this.read() === ch("u")) {
        const low = this.fourHex();
        if (low >= 0xdc00 && low <= 0xdfff) {
          this.notes.add("surrogate pair escapes joined into one code point");
          return 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
        }
      }
      this.pos = saved;
    }
    return high;
  }
}
