/**
 * The JMESPath parser: a top-down operator precedence (Pratt) parser over ./lexer.ts's tokens,
 * by the JMESPath spec's grammar and binding powers. Nodes carry the positions Smithy's parser
 * gives them (a field at its name, a comparison at its right operand, a function at its name),
 * and a syntax error is worded as Smithy words it ("Syntax error at line 1 column 5: Expected
 * ['[', '{', '*', 'A-Z|a-z|_'], but found '@'"), since Smithy's waiter validator prints it.
 */
import type { ComparatorName, Node, Position } from "./ast.js";
import {
  BINDING_POWER,
  describeToken,
  describeTokenType,
  JmespathSyntaxError,
  tokenize,
  type Token,
  type TokenType,
} from "./lexer.js";

/** Parses `expression`. Throws `JmespathSyntaxError`. */
export function parseExpression(expression: string): Node {
  const parser = new Parser(tokenize(expression));
  const node = parser.expression(0);
  parser.expect("EOF");
  return node;
}

/** Tokens that can start an expression, in the order Smithy lists them in its message. */
const NUD_TOKENS: readonly TokenType[] = [
  "CURRENT",
  "IDENTIFIER",
  "LITERAL",
  "STAR",
  "LBRACE",
  "LBRACKET",
  "FLATTEN",
  "EXPREF",
  "NOT",
  "FILTER",
  "LPAREN",
];

/** Tokens that can continue an expression. */
const LED_TOKENS: readonly TokenType[] = [
  "DOT",
  "LBRACKET",
  "OR",
  "AND",
  "PIPE",
  "FLATTEN",
  "FILTER",
  "EQUAL",
  "NOT_EQUAL",
  "GREATER_THAN",
  "GREATER_THAN_EQUAL",
  "LESS_THAN",
  "LESS_THAN_EQUAL",
  "LPAREN",
];

const COMPARATORS: Partial<Record<TokenType, ComparatorName>> = {
  EQUAL: "EQ",
  NOT_EQUAL: "NE",
  LESS_THAN: "LT",
  LESS_THAN_EQUAL: "LTE",
  GREATER_THAN: "GT",
  GREATER_THAN_EQUAL: "GTE",
};

/** A token's binding power below this ends a projection's right side. */
const PROJECTION_STOP = 10;

const at = (token: Position): Position => ({ line: token.line, column: token.column });

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  expression(rbp: number): Node {
    let left = this.nud();
    while (this.index < this.tokens.length && rbp < BINDING_POWER[this.peek().type]) left = this.led(left);
    return left;
  }

  private nud(): Node {
    const token = this.expect(...NUD_TOKENS);
    const pos = at(token);
    switch (token.type) {
      case "CURRENT":
        return { type: "Current", ...pos };
      case "IDENTIFIER": {
        const name = String(token.value);
        if (this.peek().type !== "LPAREN") return { type: "Field", name, ...pos };
        if (token.quoted === true) throw this.syntax("A quoted identifier cannot name a function");
        this.expect("LPAREN");
        return { type: "Function", name, args: this.list("RPAREN"), ...pos };
      }
      case "LITERAL":
        return { type: "Literal", value: token.value, ...pos };
      case "STAR":
        return {
          type: "ValueProjection",
          left: { type: "Current", ...pos },
          right: this.projectionRight(BINDING_POWER.STAR),
          ...pos,
        };
      case "LBRACKET":
        return this.nudBracket(pos);
      case "LBRACE":
        return this.hash(pos);
      case "FLATTEN":
        return {
          type: "Projection",
          left: { type: "Flatten", inner: { type: "Current", ...pos }, ...pos },
          right: this.projectionRight(BINDING_POWER.FLATTEN),
          ...this.here(),
        };
      case "EXPREF":
        return { type: "ExpressionReference", inner: this.expression(BINDING_POWER.EXPREF), ...pos };
      case "NOT":
        return { type: "Not", inner: this.expression(BINDING_POWER.NOT), ...pos };
      case "FILTER":
        return this.filter({ type: "Current", ...pos });
      default: {
        // LPAREN: a parenthesised expression.
        const inner = this.expression(0);
        this.expect("RPAREN");
        return inner;
      }
    }
  }

  private led(left: Node): Node {
    const token = this.expect(...LED_TOKENS);
    const pos = at(token);
    switch (token.type) {
      case "DOT":
        if (this.peek().type === "STAR") {
          this.expect("STAR");
          return { type: "ValueProjection", left, right: this.projectionRight(BINDING_POWER.STAR), ...pos };
        }
        return { type: "Subexpression", left, right: this.dotRight(BINDING_POWER.DOT), ...pos };
      case "FLATTEN":
        return {
          type: "Projection",
          left: { type: "Flatten", inner: left, line: left.line, column: left.column },
          right: this.projectionRight(BINDING_POWER.FLATTEN),
          ...this.here(),
        };
      case "OR":
        return { type: "Or", left, right: this.expression(BINDING_POWER.OR), ...pos };
      case "AND":
        return { type: "And", left, right: this.expression(BINDING_POWER.AND), ...pos };
      case "PIPE":
        return { type: "Pipe", left, right: this.expression(BINDING_POWER.PIPE), ...pos };
      case "FILTER":
        return this.filter(left);
      case "LBRACKET":
        if (this.expectPeek("NUMBER", "COLON", "STAR").type === "STAR") return this.wildcardIndex(left);
        return this.indexOrSlice(left, pos);
      case "LPAREN":
        throw this.syntax(`Invalid led token: ${describeToken(token)}`);
      default: {
        // A comparator: Smithy places it at its right operand.
        const where = this.here();
        const right = this.expression(BINDING_POWER.EQUAL);
        return { type: "Comparator", name: COMPARATORS[token.type] ?? "EQ", left, right, ...where };
      }
    }
  }

  /** After a nud `[`: an index or slice of the current value, `[*]`, or a multi-select list. */
  private nudBracket(pos: Position): Node {
    const next = this.peek();
    if (next.type === "NUMBER" || next.type === "COLON") return this.indexOrSlice({ type: "Current", ...pos }, pos);
    if (next.type === "STAR" && this.peek(1).type === "RBRACKET")
      return this.wildcardIndex({ type: "Current", ...pos });
    return { type: "MultiSelectList", items: this.list("RBRACKET"), ...pos };
  }

  /** `[0]`, `[1:2]`, `[::-1]` after `left` (the `[` read): an index, or a projection over a slice. */
  private indexOrSlice(left: Node, pos: Position): Node {
    const where = this.here();
    const parts: Array<number | null> = [null, null, null];
    let colons = 0;
    for (;;) {
      const next = this.expectPeek("NUMBER", "RBRACKET", "COLON");
      if (next.type === "RBRACKET") break;
      this.next();
      if (next.type === "NUMBER") {
        parts[colons] = next.value as number;
        this.expectPeek("COLON", "RBRACKET");
      } else if (++colons === 3) {
        throw this.syntax("Too many colons in slice expression");
      }
    }
    this.expect("RBRACKET");
    const [start = null, stop = null, step = null] = parts;
    if (colons === 0)
      return { type: "Subexpression", left, right: { type: "Index", index: start ?? 0, ...where }, ...pos };
    const slice: Node = { type: "Subexpression", left, right: { type: "Slice", start, stop, step, ...where }, ...pos };
    return { type: "Projection", left: slice, right: this.projectionRight(BINDING_POWER.STAR), ...where };
  }

  /** `[*]` after `left` (the `[` read). */
  private wildcardIndex(left: Node): Node {
    const where = this.here();
    this.expect("STAR");
    this.expect("RBRACKET");
    return { type: "Projection", left, right: this.projectionRight(BINDING_POWER.STAR), ...where };
  }

  /** `[?condition]` after `left` (the `[?` read), and the projection's right side. */
  private filter(left: Node): Node {
    const condition = this.expression(0);
    this.expect("RBRACKET");
    const right = this.projectionRight(BINDING_POWER.FILTER);
    return { type: "FilterProjection", left, right, condition, line: condition.line, column: condition.column };
  }

  /** What a projection runs on each element: nothing more (the element), `.rhs`, `[...]` or `[?...]`. */
  private projectionRight(rbp: number): Node {
    const next = this.peek();
    if (next.type === "DOT") {
      this.expect("DOT");
      return this.dotRight(rbp);
    }
    if (next.type === "LBRACKET" || next.type === "FILTER") return this.expression(rbp);
    if (BINDING_POWER[next.type] < PROJECTION_STOP) return { type: "Current", ...at(next) };
    throw this.syntax("Invalid projection");
  }

  /** What follows a `.`: a field, function, `*`, multi-select list or hash. */
  private dotRight(rbp: number): Node {
    const token = this.expectPeek("LBRACKET", "LBRACE", "STAR", "IDENTIFIER");
    if (token.type !== "LBRACKET") return this.expression(rbp);
    this.next();
    return { type: "MultiSelectList", items: this.list("RBRACKET"), ...at(token) };
  }

  /** `{key: value, ...}` (the `{` read). */
  private hash(pos: Position): Node {
    const entries: Array<{ key: string; value: Node }> = [];
    for (;;) {
      const key = this.expect("IDENTIFIER");
      this.expect("COLON");
      entries.push({ key: String(key.value), value: this.expression(0) });
      if (this.expectPeek("RBRACE", "COMMA").type !== "COMMA") break;
      this.expect("COMMA");
    }
    this.expect("RBRACE");
    return { type: "MultiSelectHash", entries, ...pos };
  }

  /** Comma-separated expressions up to `closing` (read too); an empty list is allowed. */
  private list(closing: TokenType): Node[] {
    const nodes: Node[] = [];
    while (this.peek().type !== closing) {
      nodes.push(this.expression(0));
      if (this.expectPeek("COMMA", closing).type === "COMMA") {
        this.expect("COMMA");
        if (this.peek().type === closing) throw this.syntax(`Invalid token after ',': ${describeToken(this.peek())}`);
      }
    }
    this.expect(closing);
    return nodes;
  }

  private peek(offset = 0): Token {
    // The last token is EOF: looking past it sees EOF again.
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    this.index++;
    return token;
  }

  /** The position of the next token (where Smithy places a node it builds after reading a token). */
  private here(): Position {
    return at(this.peek());
  }

  private expectPeek(...types: TokenType[]): Token {
    const token = this.peek();
    if (types.includes(token.type)) return token;
    const wanted =
      types.length === 1 ? describeTokenType(types[0] as TokenType) : `[${types.map(describeTokenType).join(", ")}]`;
    throw this.syntax(`Expected ${wanted}, but found ${describeToken(token)}`);
  }

  expect(...types: TokenType[]): Token {
    this.expectPeek(...types);
    return this.next();
  }

  private syntax(message: string): JmespathSyntaxError {
    const { line, column } = this.peek();
    return new JmespathSyntaxError(`Syntax error at line ${line} column ${column}: ${message}`);
  }
}
