/**
 * The tree a Java regex parses into, with Java's meaning already resolved: inline flags have been
 * applied (a `.` under DOTALL is a set of every code point, a letter under CASE_INSENSITIVE is a
 * set of both cases), escapes and properties are sets, and each anchor says which of Java's
 * anchors it is. Emitting JavaScript from it needs no knowledge of Java's flags.
 */
import type { CharSet } from "./char-set.js";

/** Java's zero-width anchors, named after what they match. */
export type AnchorKind =
  /** `^` (no MULTILINE), `\A`, and `\G` (the start, for a first `find()`). */
  | "start"
  /** `\z`: the very end. */
  | "end"
  /** `$` (no MULTILINE) and `\Z`: the end, or before a line terminator that ends the input. */
  | "endOrFinalTerminator"
  /** `$` or `\Z` under UNIX_LINES: the end, or before a final `\n`. */
  | "endOrFinalNewline"
  /** `$` under MULTILINE: before any line terminator (not between \r and \n), or the end. */
  | "lineEnd"
  /** `$` under MULTILINE and UNIX_LINES: before any `\n`, or the end. */
  | "unixLineEnd"
  /** `^` under MULTILINE: the start or after a line terminator, never at the very end. */
  | "lineStart"
  /** `^` under MULTILINE and UNIX_LINES. */
  | "unixLineStart"
  /** `\b`. */
  | "wordBoundary"
  /** `\B`. */
  | "notWordBoundary";

/** How a quantifier backtracks. */
export type QuantifierMode = "greedy" | "lazy" | "possessive";

/** One node of a parsed Java pattern. */
export type JavaNode =
  | { readonly type: "seq"; readonly items: readonly JavaNode[] }
  | { readonly type: "alt"; readonly branches: readonly JavaNode[] }
  /**
   * Exactly one code point from `set`. `display`, when present, is an equivalent JavaScript
   * class (`[...]`) that keeps the order the pattern's author wrote the members in.
   */
  | { readonly type: "char"; readonly set: CharSet; readonly display?: string }
  | { readonly type: "anchor"; readonly kind: AnchorKind }
  /** A group; `capture` is Java's group number, or null for `(?:...)` and flag groups. */
  | { readonly type: "group"; readonly capture: number | null; readonly body: JavaNode }
  /**
   * A lookaround. `countsUnits`: Java bounds this lookbehind's reach in UTF-16 units rather than
   * code points (it does so when no supplementary character follows in the pattern text).
   */
  | {
      readonly type: "look";
      readonly behind: boolean;
      readonly negate: boolean;
      readonly body: JavaNode;
      readonly countsUnits: boolean;
    }
  /** `(?>...)`: the body's first match, never revisited. */
  | { readonly type: "atomic"; readonly body: JavaNode }
  /**
   * A quantifier. `onGroup` tells how Java runs it: a quantifier on anything but a group takes
   * each repetition's first match and never backtracks into it (Java's `Curly`), which matters
   * only for `\R`.
   */
  | {
      readonly type: "repeat";
      readonly body: JavaNode;
      readonly min: number;
      readonly max: number;
      readonly mode: QuantifierMode;
      readonly onGroup: boolean;
    }
  | { readonly type: "backref"; readonly group: number }
  /** `\R`: `\r\n` or one of `[\n\x0B\f\r\x85\u2028\u2029]`. */
  | { readonly type: "lineBreak" };
