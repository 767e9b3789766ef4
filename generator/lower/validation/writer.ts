/**
 * Small code-building atoms for the validator planner: a line writer with fresh local names, and
 * path expressions that stay unevaluated parts until an issue needs them (so the happy path never
 * concatenates a string). Lines are Code: their references to runtime helpers are symbols.
 */
import { code, joinCode, runtime, toCode, valueRef, type Code, type Codeable } from "../../code/index.js";

/** Fresh local variable names, unique within one generated function. */
export class LocalNames {
  private next = 0;

  /** `prefix` followed by a number never used before in this function. */
  fresh(prefix: string): string {
    return `${prefix}${this.next++}`;
  }
}

/** Lines of a function body being written, with indentation. */
export class Writer {
  readonly lines: Code[] = [];
  /** The one line written at this depth, when it is a plain statement (see `branch`). */
  private sole: Code | undefined;

  constructor(
    readonly locals: LocalNames,
    private depth = 1,
  ) {}

  /** A writer for a block that may be discarded (shares the local names, so names stay unique). */
  scratch(): Writer {
    return new Writer(this.locals, this.depth);
  }

  /**
   * One line. `inlinable`: a plain statement that `branch` may put after its head (a declaration
   * or a comment may not).
   */
  line(text: Codeable, inlinable = true): void {
    this.sole = this.lines.length === 0 && inlinable ? toCode(text) : undefined;
    this.lines.push(code`${"  ".repeat(this.depth)}${text}`);
  }

  /** `head {`, then the lines `body` writes one level deeper, then `}`. */
  block(head: Codeable, body: () => void): void {
    this.line(code`${head} {`, false);
    this.depth++;
    body();
    this.depth--;
    this.line("}", false);
  }

  /**
   * `head stmt` when `body` writes a single plain statement, else `head {`, the lines, `}`
   * (fewer braces, shorter files; `head` ends with `else` or a condition in parentheses).
   */
  branch(head: Codeable, body: (w: Writer) => void): void {
    const inner = new Writer(this.locals, this.depth + 1);
    body(inner);
    if (inner.lines.length === 1 && inner.sole !== undefined) {
      this.line(code`${head} ${inner.sole}`);
    } else {
      this.line(code`${head} {`, false);
      this.lines.push(...inner.lines);
      this.line("}", false);
    }
  }

  /** Appends another writer's lines (a scratch block that was kept). */
  append(other: Writer): void {
    this.sole = this.lines.length === 0 ? other.sole : undefined;
    this.lines.push(...other.lines);
  }
}

type Part =
  | { literal: string }
  | { expression: Codeable }
  /** A computed segment: an index (`escape: false`) or a map key, escaped only when the path is built. */
  | { segment: string; escape: boolean };

/**
 * A JSON Pointer as a JavaScript expression, built from literal and computed parts. It is
 * evaluated only when an issue is reported, so the happy path never builds a string.
 */
export class PathExpr {
  private constructor(private readonly parts: readonly Part[]) {}

  /** The value itself: `""`. */
  static root(): PathExpr {
    return new PathExpr([]);
  }

  /** A path computed by an expression (a helper's `at(p, k)`, or a local holding it). */
  static expression(text: Codeable): PathExpr {
    return new PathExpr([{ expression: text }]);
  }

  /** Appends literal text (merged with a preceding literal). */
  literal(text: string): PathExpr {
    const last = this.parts[this.parts.length - 1];
    if (last && "literal" in last) return new PathExpr([...this.parts.slice(0, -1), { literal: last.literal + text }]);
    return new PathExpr([...this.parts, { literal: text }]);
  }

  /** Appends `/` and a computed segment: a list index, or a map key (`escape`: RFC 6901). */
  segment(expression: string, escape: boolean): PathExpr {
    return new PathExpr([...this.literal("/").parts, { segment: expression, escape }]);
  }

  /** True when the path is built on a computed expression (a helper's own path). */
  startsWithExpression(): boolean {
    const first = this.parts[0];
    return first !== undefined && "expression" in first;
  }

  /** The JavaScript expression (`"/entities/" + i0`, `at(p, k) + "/eventId"`, `""`). */
  toCode(): Code {
    return render(this.parts);
  }

  /**
   * The two arguments a helper takes for this path: the path up to its last computed segment,
   * and that segment unescaped (or `undefined`), so that calling a helper concatenates nothing.
   */
  helperArguments(): [Code, Code] {
    const last = this.parts[this.parts.length - 1];
    if (!last || !("segment" in last)) return [render(this.parts), code`undefined`];
    const before = this.parts.slice(0, -1);
    const slash = before[before.length - 1] as { literal: string };
    const prefix = slash.literal === "/" ? before.slice(0, -1) : [...before.slice(0, -1), { literal: slash.literal.slice(0, -1) }];
    return [render(prefix), code`${last.segment}`];
  }
}

function render(parts: readonly Part[]): Code {
  if (parts.length === 0) return code`""`;
  const pointerSegment = valueRef(runtime.validate("pointerSegment"));
  const text = parts.map((p) =>
    "literal" in p ? code`${JSON.stringify(p.literal)}` : "expression" in p ? toCode(p.expression) : p.escape ? code`${pointerSegment}(${p.segment})` : code`${p.segment}`,
  );
  // A path never starts with a computed segment: one always follows a literal "/", so `+` concatenates strings.
  return joinCode(text, " + ");
}
