/**
 * Parses Smithy's selector language (https://smithy.io/2.0/spec/selectors.html) by its grammar, so
 * that a selector that is not valid Smithy fails with Smithy's syntax error (`SelectorSyntaxError`,
 * worded as Smithy words it: line, column, the text from there, the reason). anvil evaluates shape
 * types, attributes (`[trait|x|y]`, `[id|name]`, `[service|version]`, `[var|x]`) with the
 * comparators `= != ^= $= *= ?= < <= > >=` and the ` i` flag, the functions `:is`, `:not`,
 * `:test` (and `:each`, the old `:is`), and the neighbour steps `>`, `~>`, `<`, `-[rel]->`,
 * `<-[rel]-`. Valid selectors beyond that (variables, `:in`, `:root`, `:topdown`, `:recursive`,
 * scoped attributes, `(keys)`-style projections) throw `UnsupportedSelector` once the whole text
 * has parsed, and the caller leaves what the selector decides unchecked.
 */
import { SHAPE_TYPES } from "../../../load/ast.js";

/** One step of a selector: steps apply in order, each to the shapes the previous one gave. */
export type Step =
  | { kind: "type"; type: string }
  | { kind: "attr"; path: string[]; op?: string; values?: string[]; caseInsensitive?: boolean }
  | { kind: "is" | "not" | "test"; selectors: Step[][] }
  | { kind: "neighbor"; relationships?: string[]; recursive?: boolean; reverse?: boolean };

/** A selector this module cannot evaluate (valid Smithy perhaps, but not supported here). */
export class UnsupportedSelector extends Error {}

/**
 * A selector that is not valid Smithy at all, worded as Smithy's SelectorSyntaxException:
 * the line and column of the fault, the text from there, the reason and the whole expression.
 */
export class SelectorSyntaxError extends UnsupportedSelector {
  /** `position` starts the quoted text; `at` gives the line and column (Smithy's function-argument errors quote from the function's name). */
  constructor(reason: string, text: string, position: number, at = position) {
    const before = text.slice(0, at);
    const line = before.split("\n").length;
    const column = at - (before.lastIndexOf("\n") + 1) + 1;
    super(
      `Syntax error at line ${line} column ${column}${position <= text.length ? `, near \`${text.slice(position)}\`` : ""}: ${reason}; expression: ${text}`,
    );
  }
}

/** Shape type names a selector may use: Smithy's categories, its shape types, and `member`. */
const SELECTOR_SHAPE_TYPES = new Set<string>([
  "number",
  "simpleType",
  "collection",
  "aggregateType",
  "serviceType",
  "dataType",
  ...SHAPE_TYPES,
  "member",
]);

/** Functions anvil evaluates (`each` is the old name of `is`), and those it parses but cannot evaluate. */
const FUNCTIONS: Record<string, "is" | "not" | "test"> = { is: "is", each: "is", not: "not", test: "test" };
const UNSUPPORTED_FUNCTIONS = new Set(["in", "root", "topdown", "recursive"]);
/** The functions that take exactly one selector. */
const SINGLE_ARGUMENT = new Set(["not", "in", "root", "recursive"]);

const BREAK_TOKENS = new Set([",", "]", ")"]);
const EVALUATED_COMPARATORS = new Set(["=", "!=", "^=", "$=", "*=", "?=", "<", "<=", ">", ">="]);

/** Parses a selector into its steps: throws `SelectorSyntaxError`, or `UnsupportedSelector` for valid Smithy anvil cannot evaluate. */
export function parseSelector(text: string): Step[] {
  const p = new Parser(text);
  const steps = p.selectors();
  p.ws();
  if (!p.done()) throw p.syntax(`Unexpected selector character: ${p.peek()}`);
  if (p.unsupported !== undefined) throw new UnsupportedSelector(p.unsupported);
  return steps;
}

class Parser {
  i = 0;
  /** Why the selector, though valid, cannot be evaluated (the first reason met). */
  unsupported: string | undefined;

  constructor(private readonly s: string) {}

  done(): boolean {
    return this.i >= this.s.length;
  }

  /** The next character, or "" at the end. */
  peek(): string {
    return this.s[this.i] ?? "";
  }

  syntax(reason: string, position = this.i): SelectorSyntaxError {
    return new SelectorSyntaxError(reason, this.s, position, this.i);
  }

  private found(): string {
    return this.done() ? "[EOF]" : this.peek();
  }

  private expect(c: string): void {
    if (this.peek() !== c) throw this.syntax(`Expected: '${c}', but found '${this.found()}'`);
    this.i++;
  }

  private expectOneOf(...tokens: string[]): string {
    const c = this.peek();
    if (c !== "" && tokens.includes(c)) {
      this.i++;
      return c;
    }
    throw this.syntax(
      `Found '${this.found()}', but expected one of the following tokens: ${tokens.map((t) => `'${t}'`).join(" ")}`,
    );
  }

  private cannotEvaluate(reason: string): void {
    this.unsupported ??= `${reason} is not supported`;
  }

  /** Whitespace and `//` comments. */
  ws(): void {
    for (;;) {
      const c = this.peek();
      if (c === " " || c === "\t" || c === "\n" || c === "\r") this.i++;
      else if (c === "/" && this.s[this.i + 1] === "/") {
        while (!this.done() && this.peek() !== "\n") this.i++;
      } else return;
    }
  }

  /** One or more steps, until the end or a `,`, `]` or `)`. */
  selectors(): Step[] {
    const steps: Step[] = [];
    for (;;) {
      const step = this.step();
      if (step !== undefined) steps.push(step);
      this.ws();
      if (this.done() || BREAK_TOKENS.has(this.peek())) return steps;
    }
  }

  /** One step; undefined for one that keeps every shape (`*`, an unknown function, a variable). */
  private step(): Step | undefined {
    this.ws();
    const c = this.peek();
    switch (c) {
      case ":":
        this.i++;
        return this.selectorFunction();
      case "[":
        this.i++;
        if (this.peek() === "@") {
          // Scoped attributes have a grammar of their own, which anvil does not evaluate.
          throw new UnsupportedSelector("scoped attribute selectors ([@...]) are not supported");
        }
        return this.attribute();
      case ">":
        this.i++;
        return { kind: "neighbor" };
      case "<":
        this.i++;
        if (this.peek() !== "-") return { kind: "neighbor", reverse: true };
        this.i++;
        this.expect("[");
        {
          const relationships = this.relationships();
          this.expect("-");
          return { kind: "neighbor", reverse: true, relationships };
        }
      case "~":
        this.i++;
        this.expect(">");
        return { kind: "neighbor", recursive: true };
      case "-": {
        this.i++;
        this.expect("[");
        const relationships = this.relationships();
        this.expect("-");
        this.expect(">");
        return { kind: "neighbor", relationships };
      }
      case "*":
        this.i++;
        return undefined;
      case "$":
        this.i++;
        this.variable();
        return undefined;
      default: {
        if (!isIdentifierStart(c))
          throw this.syntax(c === "" ? "Unexpected selector EOF" : `Unexpected selector character: ${c}`);
        const type = this.identifier();
        if (!SELECTOR_SHAPE_TYPES.has(type)) throw this.syntax(`Unknown shape type: ${type}`);
        return { kind: "type", type };
      }
    }
  }

  /** `$name(selector)` stores a variable, `${name}` reads one: parsed, not evaluated. */
  private variable(): void {
    this.ws();
    this.cannotEvaluate("selector variables ($name)");
    if (this.peek() === "{") {
      this.i++;
      this.ws();
      this.identifier();
      this.ws();
      this.expect("}");
      return;
    }
    this.identifier();
    this.ws();
    this.expect("(");
    this.ws();
    this.selectors();
    this.ws();
    this.expect(")");
  }

  /** `rel, rel, ...]`: unknown relationship names are tolerated, as Smithy does (they match nothing). */
  private relationships(): string[] {
    const out: string[] = [];
    for (;;) {
      this.ws();
      out.push(this.identifier());
      this.ws();
      if (this.expectOneOf("]", ",") === "]") return out;
    }
  }

  private selectorFunction(): Step | undefined {
    const start = this.i;
    const name = this.identifier();
    this.ws();
    this.expect("(");
    const args: Step[][] = [];
    for (;;) {
      args.push(this.selectors());
      this.ws();
      if (this.expectOneOf(")", ",") === ")") break;
    }
    if (SINGLE_ARGUMENT.has(name) && args.length !== 1)
      throw this.syntax(`The :${name} function requires a single selector argument`, start);
    if (name === "topdown" && args.length > 2)
      throw this.syntax(`The :topdown function accepts 1 or 2 selectors, but found ${args.length}`, start);
    const kind = FUNCTIONS[name];
    if (kind !== undefined) return { kind, selectors: args };
    // Smithy lets an unknown function keep every shape (and logs a warning).
    if (UNSUPPORTED_FUNCTIONS.has(name)) this.cannotEvaluate(`:${name}`);
    return undefined;
  }

  /** `[path]` or `[path op value, ... i]`, after the `[`. */
  private attribute(): Step {
    this.ws();
    const path = [this.identifier(), ...this.pathSegments()];
    this.ws();
    const next = this.expectOneOf("]", "=", "!", "^", "$", "*", "?", ">", "<");
    if (next === "]") return { kind: "attr", path };
    let op = next;
    if ("!^$*?".includes(next)) {
      this.expect("=");
      op += "=";
    } else if ((next === ">" || next === "<") && this.peek() === "=") {
      this.i++;
      op += "=";
    }
    this.ws();
    const values = [this.attributeValue()];
    this.ws();
    while (this.peek() === ",") {
      this.i++;
      values.push(this.attributeValue());
      this.ws();
    }
    this.ws();
    const caseInsensitive = this.peek() === "i";
    if (caseInsensitive) {
      this.i++;
      this.ws();
    }
    this.expect("]");
    if (!EVALUATED_COMPARATORS.has(op)) this.cannotEvaluate(`the comparator ${op}`);
    return { kind: "attr", path, op, values, caseInsensitive };
  }

  /** `|segment|segment...` after an attribute's first key. */
  private pathSegments(): string[] {
    this.ws();
    const out: string[] = [];
    while (this.peek() === "|") {
      this.i++;
      this.ws();
      if (this.peek() === "(") {
        this.i++;
        const name = this.identifier();
        this.expect(")");
        this.cannotEvaluate(`the attribute projection (${name})`);
        out.push(`(${name})`);
      } else out.push(this.attributeValue());
    }
    return out;
  }

  /** A quoted string, a number or a shape id. */
  private attributeValue(): string {
    this.ws();
    const c = this.peek();
    if (c === "'" || c === '"') return this.quoted(c);
    if (c === "-" || isDigit(c)) return this.number();
    return this.rootShapeId();
  }

  private quoted(quote: string): string {
    this.i++;
    const start = this.i;
    while (!this.done()) {
      if (this.peek() === quote) {
        const v = this.s.slice(start, this.i);
        this.i++;
        this.ws();
        return v;
      }
      this.i++;
    }
    throw this.syntax(`Expected ${quote} to close ${this.s.slice(start)}`);
  }

  private number(): string {
    const start = this.i;
    const digits = (): number => {
      const from = this.i;
      while (isDigit(this.peek())) this.i++;
      return this.i - from;
    };
    const invalid = (why: string) => this.syntax(`Invalid number '${this.s.slice(start, this.i)}': ${why}`);
    if (this.peek() === "-") {
      this.i++;
      if (!isDigit(this.peek())) throw invalid("'-' must be followed by a digit");
    }
    digits();
    if (this.peek() === ".") {
      this.i++;
      if (digits() === 0) throw invalid("'.' must be followed by a digit");
    }
    if (this.peek() === "e" || this.peek() === "E") {
      this.i++;
      if (this.peek() === "+" || this.peek() === "-") this.i++;
      if (digits() === 0) throw invalid("'e', '+', and '-' must be followed by a digit");
    }
    return this.s.slice(start, this.i);
  }

  /** `namespace.parts#Name` or a bare identifier. */
  private rootShapeId(): string {
    const start = this.i;
    this.identifier();
    while (this.peek() === ".") {
      this.i++;
      this.identifier();
    }
    if (this.peek() === "#") {
      this.i++;
      this.identifier();
    }
    return this.s.slice(start, this.i);
  }

  /** Smithy's identifier: `_`s then a letter or digit, or a letter; then letters, digits and `_`. */
  private identifier(): string {
    const start = this.i;
    let c = this.peek();
    if (c === "_") {
      while (this.peek() === "_") this.i++;
      c = this.peek();
      if (!isIdentifierStart(c) && !isDigit(c)) throw this.invalidIdentifier();
    } else if (!isLetter(c)) throw this.invalidIdentifier();
    this.i++;
    while (isIdentifierStart(this.peek()) || isDigit(this.peek())) this.i++;
    return this.s.slice(start, this.i);
  }

  private invalidIdentifier(): SelectorSyntaxError {
    return this.syntax(`Expected a valid identifier character, but found '${this.found()}'`);
  }
}

/** `c` is one character, or "" at the end of the text (which no test below accepts). */
function isLetter(c: string): boolean {
  return (c >= "A" && c <= "Z") || (c >= "a" && c <= "z");
}

function isDigit(c: string): boolean {
  return c >= "0" && c <= "9";
}

function isIdentifierStart(c: string): boolean {
  return c === "_" || isLetter(c);
}
