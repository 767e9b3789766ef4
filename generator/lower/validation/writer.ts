/**
 * Small code-building atoms for the validator planner: a writer of statements (kept as a tree
 * until printed, so an `else` holding a single `if` becomes `else if` by structure, and every
 * branch gets braces), and path expressions that stay unevaluated parts until an issue needs
 * them (so the happy path never concatenates a string). Statements are Code: their references to
 * runtime helpers and module constants are symbols.
 */
import { code, joinCode, runtime, toCode, valueRef, type Code, type Codeable } from "../../code/index.js";
import type { NameScope } from "../naming.js";

/** One statement of a generated function body. */
type Statement =
  | { kind: "line"; text: Code }
  /** `head {`, the body, `}` (loops, plain blocks). */
  | { kind: "block"; head: Code; body: Statement[] }
  /** `if (c1) { … } else if (c2) { … } else { … }`. */
  | { kind: "if"; arms: Array<{ condition: Code; body: Statement[] }>; otherwise: Statement[] | undefined };

/** Statements of a function body being written; `names` holds the function's local names. */
export class Writer {
  private readonly statements: Statement[] = [];

  constructor(readonly names: NameScope) {}

  /** One plain statement or comment. */
  line(text: Codeable): void {
    this.statements.push({ kind: "line", text: toCode(text) });
  }

  /** Puts a statement before everything written so far (a local the rest turned out to need). */
  prepend(text: Codeable): void {
    this.statements.unshift({ kind: "line", text: toCode(text) });
  }

  /** `head {`, what `body` writes, `}`. */
  block(head: Codeable, body: (w: Writer) => void): void {
    this.statements.push({ kind: "block", head: toCode(head), body: this.nested(body) });
  }

  /**
   * `if (condition) { then } else { otherwise }`; the `else` is left out when `otherwise` writes
   * nothing, and is written `else if` when it writes a single `if`.
   */
  if(condition: Codeable, then: (w: Writer) => void, otherwise?: (w: Writer) => void): void {
    const arms = [{ condition: toCode(condition), body: this.nested(then) }];
    let rest = otherwise ? this.nested(otherwise) : [];
    // Nothing to do either way (a present value with no constraint): no empty `if` block.
    if (arms[0].body.length === 0 && rest.length === 0) return;
    const sole = rest.length === 1 ? rest[0] : undefined;
    if (sole?.kind === "if") {
      arms.push(...sole.arms);
      rest = sole.otherwise ?? [];
    }
    this.statements.push({ kind: "if", arms, otherwise: rest.length > 0 ? rest : undefined });
  }

  /**
   * `read` (the declaration of the local `then` checks), then `if (condition) { then }`. When
   * `then` writes nothing, the local is declared only if `keepRead` (something else uses it):
   * a member with nothing to check is not read at all.
   */
  readThenIf(read: Codeable, condition: Codeable, then: (w: Writer) => void, keepRead: boolean): void {
    const body = this.nested(then);
    if (body.length > 0 || keepRead) this.line(read);
    if (body.length > 0)
      this.statements.push({ kind: "if", arms: [{ condition: toCode(condition), body }], otherwise: undefined });
  }

  /** True when nothing has been written. */
  get isEmpty(): boolean {
    return this.statements.length === 0;
  }

  /** The statements as lines, indented `depth` levels. */
  lines(depth: number): Code[] {
    const out: Code[] = [];
    const indent = (d: number) => "  ".repeat(d);
    const print = (list: Statement[], d: number): void => {
      for (const s of list) {
        if (s.kind === "line") out.push(code`${indent(d)}${s.text}`);
        else if (s.kind === "block") {
          out.push(code`${indent(d)}${s.head} {`);
          print(s.body, d + 1);
          out.push(code`${indent(d)}}`);
        } else {
          s.arms.forEach((arm, i) => {
            out.push(code`${indent(d)}${i === 0 ? "" : "} else "}if (${arm.condition}) {`);
            print(arm.body, d + 1);
          });
          if (s.otherwise) {
            out.push(code`${indent(d)}} else {`);
            print(s.otherwise, d + 1);
          }
          out.push(code`${indent(d)}}`);
        }
      }
    };
    print(this.statements, depth);
    return out;
  }

  private nested(body: (w: Writer) => void): Statement[] {
    const inner = new Writer(this.names);
    body(inner);
    return inner.statements;
  }
}

type Part =
  | { literal: string }
  | { expression: Codeable }
  /** A computed segment: an index (`escape: false`) or a map key, escaped only when the path is built. */
  | { segment: string; escape: boolean }
  /** A member name: a segment known when generating (Smithy member names need no escaping). */
  | { member: string };

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

  /** A path computed by an expression (a helper's `at(base, segment)`, or a local holding it). */
  static expression(text: Codeable): PathExpr {
    return new PathExpr([{ expression: text }]);
  }

  /** Appends `/` and a member name. */
  member(name: string): PathExpr {
    return new PathExpr([...this.parts, { member: name }]);
  }

  /** Appends `/*` (a sensitive map's value, whose key must not show). */
  hiddenKey(): PathExpr {
    return new PathExpr([...this.parts, { literal: "/*" }]);
  }

  /** Appends `/` and a computed segment: a list index, or a map key (`escape`: RFC 6901). */
  segment(expression: string, escape: boolean): PathExpr {
    return new PathExpr([...this.parts, { segment: expression, escape }]);
  }

  /** True when the path is built on a computed expression (a helper's own path). */
  startsWithExpression(): boolean {
    const first = this.parts[0];
    return first !== undefined && "expression" in first;
  }

  /** The JavaScript expression (`"/entities/" + i`, `at(base, segment) + "/eventId"`, `""`). */
  toCode(): Code {
    return render(this.parts);
  }

  /**
   * The three path arguments a shared scalar checker takes (`base`, `segment`, `key`: the path is
   * `at(at(base, segment), key)`), so that the call concatenates nothing: a checker's own path
   * `at(base, segment)` is passed as its two parts. Undefined for a path that ends in an
   * expression.
   */
  scalarArguments(own: Codeable): [Code, Code, Code] | undefined {
    // A path known when generating (`"/eventId"`) is passed whole: reporting then joins nothing.
    if (this.parts.every((p) => "member" in p || "literal" in p))
      return [render(this.parts), code`undefined`, code`undefined`];
    const last = this.parts[this.parts.length - 1];
    if (last === undefined || "expression" in last) return undefined;
    let key: Code;
    if ("segment" in last) key = code`${last.segment}`;
    else if ("member" in last) key = code`${JSON.stringify(last.member)}`;
    else if (last.literal === "/*") key = code`"*"`;
    else return undefined;
    const before = this.parts.slice(0, -1);
    const first = before[0];
    if (before.length === 1 && first !== undefined && "expression" in first && first.expression === own)
      return [code`base`, code`segment`, key];
    return [render(before), code`undefined`, key];
  }

  /**
   * The two arguments a helper takes for this path: the path up to its last segment, and that
   * segment unescaped (or `undefined`), so that calling a helper concatenates nothing.
   */
  helperArguments(): [Code, Code] {
    const last = this.parts[this.parts.length - 1];
    const before = this.parts.slice(0, -1);
    if (last && "segment" in last) return [render(before), code`${last.segment}`];
    if (last && "member" in last) return [render(before), code`${JSON.stringify(last.member)}`];
    return [render(this.parts), code`undefined`];
  }
}

function render(parts: readonly Part[]): Code {
  if (parts.length === 0) return code`""`;
  const pointerSegment = valueRef(runtime.validate("pointerSegment"));
  // Adjacent literal text (member names included) becomes one string literal.
  const pieces: Array<string | Code> = [];
  const append = (text: string): void => {
    const last = pieces[pieces.length - 1];
    if (typeof last === "string") pieces[pieces.length - 1] = last + text;
    else pieces.push(text);
  };
  for (const p of parts) {
    if ("literal" in p) append(p.literal);
    else if ("member" in p) append(`/${p.member}`);
    else if ("expression" in p) pieces.push(toCode(p.expression));
    else {
      append("/");
      pieces.push(p.escape ? code`${pointerSegment}(${p.segment})` : code`${p.segment}`);
    }
  }
  // A path never starts with a computed segment: one always follows a literal "/", so `+` concatenates strings.
  return joinCode(
    pieces.map((p) => (typeof p === "string" ? code`${JSON.stringify(p)}` : p)),
    " + ",
  );
}
