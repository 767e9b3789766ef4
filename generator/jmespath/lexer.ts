/**
 * The JMESPath lexer: an expression's text as tokens, each with the line and column (1-based)
 * where it starts, so the type checker can say where a problem is, as Smithy's linter does
 * (`... (1:8)`). A malformed token is a `JmespathSyntaxError` worded as Smithy's lexer words
 * it ("Syntax error at line 1 column 5: ..."), the message Smithy's waiter validator prints.
 */

/** Token kinds, with the lexeme Smithy prints for each in "Expected [...]" messages. */
export const TOKEN_LEXEMES = {
  EOF: undefined,
  IDENTIFIER: "A-Z|a-z|_",
  LITERAL: "`",
  RBRACKET: "]",
  RPAREN: ")",
  COMMA: ",",
  // Smithy prints "]" for a right brace too; its messages are matched by prefix, so keep its wording.
  RBRACE: "]",
  NUMBER: "-|0-9",
  CURRENT: "@",
  EXPREF: "&",
  COLON: ":",
  PIPE: "|",
  OR: "||",
  AND: "&&",
  EQUAL: "==",
  GREATER_THAN: ">",
  LESS_THAN: "<",
  GREATER_THAN_EQUAL: ">=",
  LESS_THAN_EQUAL: "<=",
  NOT_EQUAL: "!=",
  FLATTEN: "[]",
  STAR: "*",
  FILTER: "[?",
  DOT: ".",
  NOT: "!",
  LBRACE: "{",
  LBRACKET: "[",
  LPAREN: "(",
} as const;

export type TokenType = keyof typeof TOKEN_LEXEMES;

/**
 * Left binding powers (the JMESPath grammar's precedence): a token with a binding power above
 * the caller's continues the expression to its left. Those below 10 end a projection.
 */
export const BINDING_POWER: Readonly<Record<TokenType, number>> = {
  EOF: -1,
  IDENTIFIER: 0,
  LITERAL: 0,
  RBRACKET: 0,
  RPAREN: 0,
  COMMA: 0,
  RBRACE: 0,
  NUMBER: 0,
  CURRENT: 0,
  EXPREF: 0,
  COLON: 0,
  PIPE: 1,
  OR: 2,
  AND: 3,
  EQUAL: 5,
  GREATER_THAN: 5,
  LESS_THAN: 5,
  GREATER_THAN_EQUAL: 5,
  LESS_THAN_EQUAL: 5,
  NOT_EQUAL: 5,
  FLATTEN: 9,
  STAR: 20,
  FILTER: 21,
  DOT: 40,
  NOT: 45,
  LBRACE: 50,
  LBRACKET: 55,
  LPAREN: 60,
};

/** One token. `value` is set for identifiers (their name), numbers and literals. */
export interface Token {
  type: TokenType;
  value?: unknown;
  /** A `"quoted"` identifier (it cannot name a function). */
  quoted?: boolean;
  line: number;
  column: number;
}

/** A syntax error, its message worded as Smithy's ("Syntax error at line L column C: ..."). */
export class JmespathSyntaxError extends Error {}

const quote = (text: string) => `'${text.replace(/'/g, "\\'")}'`;

/** How Smithy prints a token in a message: its value quoted, or its kind. */
export function describeToken(token: Token): string {
  return token.value !== undefined ? quote(String(token.value)) : describeTokenType(token.type);
}

/** How Smithy prints a token kind ("Expected ['[', '*']"): its lexeme quoted, or EOF. */
export function describeTokenType(type: TokenType): string {
  const lexeme = TOKEN_LEXEMES[type];
  return lexeme === undefined ? type : quote(lexeme);
}

const SINGLE: Readonly<Record<string, TokenType>> = {
  ".": "DOT",
  "*": "STAR",
  "@": "CURRENT",
  "]": "RBRACKET",
  "{": "LBRACE",
  "}": "RBRACE",
  "(": "LPAREN",
  ")": "RPAREN",
  ",": "COMMA",
  ":": "COLON",
};

/** Two-character tokens: the first character, the second, the pair's kind, and the kind alone. */
const PAIRS: ReadonlyArray<[string, string, TokenType, TokenType | undefined]> = [
  ["|", "|", "OR", "PIPE"],
  ["&", "&", "AND", "EXPREF"],
  [">", "=", "GREATER_THAN_EQUAL", "GREATER_THAN"],
  ["<", "=", "LESS_THAN_EQUAL", "LESS_THAN"],
  ["!", "=", "NOT_EQUAL", "NOT"],
  ["=", "=", "EQUAL", undefined],
];

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isIdentifierStart = (c: string | undefined) =>
  c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_");
const isIdentifierPart = (c: string | undefined) => isIdentifierStart(c) || isDigit(c);

/** The tokens of `expression`, ending with EOF. Throws `JmespathSyntaxError`. */
export function tokenize(expression: string): Token[] {
  return new Lexer(expression).run();
}

class Lexer {
  private position = 0;
  private line = 1;
  private column = 1;
  private readonly tokens: Token[] = [];

  constructor(private readonly text: string) {}

  run(): Token[] {
    while (this.position < this.text.length) {
      const c = this.peek();
      const at = { line: this.line, column: this.column };
      if (isIdentifierStart(c)) {
        const start = this.position;
        while (isIdentifierPart(this.peek())) this.skip();
        this.tokens.push({ type: "IDENTIFIER", value: this.text.slice(start, this.position), ...at });
      } else if (c === "-" || isDigit(c)) {
        this.tokens.push({ type: "NUMBER", value: this.number(), ...at });
      } else if (c === "[") {
        this.skip();
        const next = this.peek();
        if (next === "]" || next === "?") this.skip();
        this.tokens.push({ type: next === "]" ? "FLATTEN" : next === "?" ? "FILTER" : "LBRACKET", ...at });
      } else if (c === '"') {
        this.tokens.push({ type: "IDENTIFIER", value: this.quoted(), quoted: true, ...at });
      } else if (c === "'") {
        this.tokens.push({ type: "LITERAL", value: this.rawString(), ...at });
      } else if (c === "`") {
        this.tokens.push({ type: "LITERAL", value: this.jsonLiteral(), ...at });
      } else if (c === " " || c === "\n" || c === "\r" || c === "\t") {
        this.skip();
      } else if (SINGLE[c] !== undefined) {
        this.skip();
        this.tokens.push({ type: SINGLE[c], ...at });
      } else {
        const pair = PAIRS.find(([first]) => first === c);
        if (pair === undefined) throw this.syntax(`Unexpected syntax: ${c}`);
        this.skip();
        const [, second, both, alone] = pair;
        if (this.peek() === second) {
          this.skip();
          this.tokens.push({ type: both, ...at });
        } else if (alone !== undefined) {
          this.tokens.push({ type: alone, ...at });
        } else {
          throw this.syntax(`Expected: '${second}', but found '${this.peekForMessage()}'`);
        }
      }
    }
    this.tokens.push({ type: "EOF", line: this.line, column: this.column });
    return this.tokens;
  }

  private peek(offset = 0): string {
    return this.text[this.position + offset] ?? "";
  }

  private peekForMessage(): string {
    return this.position < this.text.length ? this.peek() : "[EOF]";
  }

  private skip(): void {
    if (this.position >= this.text.length) return;
    const c = this.text[this.position];
    if (c === "\r" && this.peek(1) === "\n") this.position++;
    if (c === "\r" || c === "\n") {
      this.line++;
      this.column = 1;
    } else {
      this.column++;
    }
    this.position++;
  }

  private syntax(message: string): JmespathSyntaxError {
    return new JmespathSyntaxError(`Syntax error at line ${this.line} column ${this.column}: ${message}`);
  }

  private number(): number {
    const start = this.position;
    const invalid = (why: string) => this.syntax(`Invalid number '${this.text.slice(start, this.position)}': ${why}`);
    if (this.peek() === "-") {
      this.skip();
      if (!isDigit(this.peek())) throw invalid("'-' must be followed by a digit");
    }
    while (isDigit(this.peek())) this.skip();
    return Number(this.text.slice(start, this.position));
  }

  /** A `"quoted"` identifier: JSON string escapes. */
  private quoted(): string {
    const start = this.position;
    this.skip();
    while (this.position < this.text.length && this.peek() !== '"') {
      if (this.peek() === "\\") this.skip();
      this.skip();
    }
    if (this.position >= this.text.length) throw this.syntax("Unclosed quotes");
    this.skip();
    try {
      return JSON.parse(this.text.slice(start, this.position)) as string;
    } catch {
      throw this.syntax(`Invalid quoted identifier: ${this.text.slice(start, this.position)}`);
    }
  }

  /** A `'raw string'`: `\\'` is a quote, any other backslash stays. */
  private rawString(): string {
    this.skip();
    let out = "";
    while (this.position < this.text.length) {
      const c = this.peek();
      if (c === "\\") {
        // `\'` is a quote; any other escaped character stays as written, backslash included.
        const next = this.peek(1);
        out += next === "'" ? "'" : `\\${next}`;
        this.skip();
        this.skip();
      } else if (c === "'") {
        this.skip();
        return out;
      } else {
        out += c;
        this.skip();
      }
    }
    throw this.syntax(`Unclosed raw string: ${out}`);
  }

  /** A `` `json` `` literal: JSON text, where `` \` `` stands for a backtick. */
  private jsonLiteral(): unknown {
    this.skip();
    let body = "";
    while (this.position < this.text.length && this.peek() !== "`") {
      if (this.peek() === "\\" && this.peek(1) === "`") {
        body += "`";
        this.skip();
      } else {
        body += this.peek();
      }
      this.skip();
    }
    if (this.position >= this.text.length) throw this.syntax("Unclosed JSON literal");
    this.skip();
    try {
      return JSON.parse(body) as unknown;
    } catch {
      throw this.syntax(`Invalid JSON literal: ${body.trim()}`);
    }
  }
}
