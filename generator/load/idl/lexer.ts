/**
 * The Smithy IDL tokenizer: a hand-written scanner over char codes. It keeps exactly one current
 * token in number fields (kind, start, end, line, column) and allocates nothing per token except
 * the decoded value of string literals, so the parser built on it runs close to the speed of
 * `JSON.parse`. Whitespace is tokenized (SPACE, NEWLINE, COMMA, COMMENT) because the IDL grammar
 * is whitespace-sensitive: statements end at line breaks and some productions need a space.
 */
import * as K from "./tokens.js";

// Token kinds copied into module constants: reading them through the module namespace on every
// token costs a property getter call each time under the TypeScript loader.
const {
  AT,
  COLON,
  COMMA,
  COMMENT,
  DOC_COMMENT,
  DOLLAR,
  DOT,
  EOF,
  EQUAL,
  ERROR,
  IDENTIFIER,
  LBRACE,
  LBRACKET,
  LPAREN,
  NEWLINE,
  NUMBER,
  POUND,
  RBRACE,
  RBRACKET,
  RPAREN,
  SPACE,
  STRING,
  TEXT_BLOCK,
  WALRUS,
} = K;
import { decodeEscapes, decodeTextBlock, StringLiteralError } from "./strings.js";

/** A syntax problem with a 0-based offset; the parser turns it into a diagnostic. */
export class IdlSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly hint?: string,
    readonly shapeId?: string,
  ) {
    super(message);
  }
}

// Character classes, indexed by char code (ASCII only; everything else is an error character).
const IDENT_START = 1;
const IDENT_PART = 2;
const CLASS = new Uint8Array(128);
for (let c = 65; c <= 90; c++) CLASS[c] = IDENT_START | IDENT_PART;
for (let c = 97; c <= 122; c++) CLASS[c] = IDENT_START | IDENT_PART;
for (let c = 48; c <= 57; c++) CLASS[c] = IDENT_PART;
CLASS[95] = IDENT_START | IDENT_PART;

/**
 * 1-based line and column of an offset, counting line breaks as the lexer does: LF, CRLF and a
 * lone CR each end a line (so positions agree with code frames that split lines the same way).
 */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** Scans IDL text one token at a time. */
export class Lexer {
  readonly text: string;
  readonly len: number;
  /** Offset of the next character to scan (just after the current token). */
  pos = 0;
  /** Line number at `pos`, and the offset where that line starts. */
  line = 1;
  lineStart = 0;

  /** The current token. */
  tok: number = EOF;
  tokStart = 0;
  tokEnd = 0;
  tokLine = 1;
  tokCol = 1;
  /** Decoded value of a STRING or TEXT_BLOCK token. */
  strValue = "";
  /** Value of a NUMBER token, and whether it was written with a fraction or exponent. */
  numValue = 0;
  numIsFloat = false;
  /** Offset of the next carriage return at or after the last comment (Infinity if none). */
  private nextCr = -1;
  /** What is wrong, for an ERROR token, and where (it may be inside the token). */
  errMsg = "";
  errOffset = 0;

  /** Call `next()` to read the first token (it may throw, so it is not done here). */
  constructor(text: string) {
    this.text = text;
    this.len = text.length;
  }

  /** The current token's source text. */
  lexeme(): string {
    return this.text.slice(this.tokStart, this.tokEnd);
  }

  /** Whether the current token is the identifier `word`. */
  isWord(word: string): boolean {
    return (
      this.tok === IDENTIFIER &&
      this.tokEnd - this.tokStart === word.length &&
      this.text.startsWith(word, this.tokStart)
    );
  }

  /** 1-based line and column of an offset at or before the current token (no rescan from the top). */
  positionOf(offset: number): { line: number; column: number } {
    if (offset >= this.tokStart) {
      // On the current token's line or later: count forward from the token.
      let line = this.tokLine;
      let lineStart = this.tokStart - this.tokCol + 1;
      for (let i = lineStart; i < offset && i < this.len; i++) {
        const c = this.text.charCodeAt(i);
        if (c === 10 || (c === 13 && this.text.charCodeAt(i + 1) !== 10)) {
          line++;
          lineStart = i + 1;
        }
      }
      return { line, column: offset - lineStart + 1 };
    }
    return lineAndColumn(this.text, offset);
  }

  /** Saves the scan state, to look ahead and come back. */
  mark(): number[] {
    return [this.pos, this.line, this.lineStart, this.tok, this.tokStart, this.tokEnd, this.tokLine, this.tokCol];
  }

  /** Restores a state saved by `mark` (only used where the token is not a literal). */
  reset(m: number[]): void {
    [this.pos, this.line, this.lineStart, this.tok, this.tokStart, this.tokEnd, this.tokLine, this.tokCol] = m;
    this.nextCr = -1;
  }

  /** Advances to the next token and returns its kind. */
  next(): number {
    const text = this.text;
    let p = this.pos;
    this.tokStart = p;
    this.tokLine = this.line;
    this.tokCol = p - this.lineStart + 1;
    if (p >= this.len) {
      this.tokEnd = p;
      return (this.tok = EOF);
    }
    const c = text.charCodeAt(p);
    switch (c) {
      case 32:
      case 9: {
        p++;
        let d = text.charCodeAt(p);
        while (d === 32 || d === 9) d = text.charCodeAt(++p);
        return this.finish(SPACE, p);
      }
      case 10:
        this.line++;
        this.lineStart = p + 1;
        return this.finish(NEWLINE, p + 1);
      case 13:
        p += text.charCodeAt(p + 1) === 10 ? 2 : 1;
        this.line++;
        this.lineStart = p;
        return this.finish(NEWLINE, p);
      case 44:
        return this.finish(COMMA, p + 1);
      case 64:
        return this.finish(AT, p + 1);
      case 36:
        return this.finish(DOLLAR, p + 1);
      case 46:
        return this.finish(DOT, p + 1);
      case 123:
        return this.finish(LBRACE, p + 1);
      case 125:
        return this.finish(RBRACE, p + 1);
      case 91:
        return this.finish(LBRACKET, p + 1);
      case 93:
        return this.finish(RBRACKET, p + 1);
      case 40:
        return this.finish(LPAREN, p + 1);
      case 41:
        return this.finish(RPAREN, p + 1);
      case 35:
        return this.finish(POUND, p + 1);
      case 61:
        return this.finish(EQUAL, p + 1);
      case 58:
        return text.charCodeAt(p + 1) === 61 ? this.finish(WALRUS, p + 2) : this.finish(COLON, p + 1);
      case 34:
        return this.scanString(p);
      case 47:
        return this.scanComment(p);
      default:
        if (c === 45 || (c >= 48 && c <= 57)) return this.scanNumber(p);
        if (c < 128 && (CLASS[c] & IDENT_START) !== 0) return this.scanIdentifier(p);
        {
          // A surrogate pair is one character; a lone surrogate is one code unit.
          const pair = c >= 0xd800 && c <= 0xdbff && p + 1 < this.len && (text.charCodeAt(p + 1) & 0xfc00) === 0xdc00;
          return this.error(`Unexpected character: '${text.slice(p, pair ? p + 2 : p + 1)}'`, pair ? p + 2 : p + 1);
        }
    }
  }

  private finish(kind: number, end: number): number {
    this.pos = end;
    this.tokEnd = end;
    return (this.tok = kind);
  }

  private error(message: string, end: number, at = this.tokStart): number {
    this.errMsg = message;
    this.errOffset = at;
    return this.finish(ERROR, end);
  }

  private scanIdentifier(p: number): number {
    const text = this.text;
    const start = p;
    // Leading underscores must be followed by a letter or digit (`_` alone is not an identifier).
    while (text.charCodeAt(p) === 95) p++;
    if (p > start) {
      const c = text.charCodeAt(p);
      if (!(c < 128 && (CLASS[c] & IDENT_PART) !== 0)) {
        const found = p < this.len ? `'${text[p]}'` : "'[EOF]'";
        return this.error(`Expected a valid identifier character, but found ${found}`, p, p);
      }
    }
    let c = text.charCodeAt(p);
    while (c < 128 && (CLASS[c] & IDENT_PART) !== 0) c = text.charCodeAt(++p);
    return this.finish(IDENTIFIER, p);
  }

  private scanComment(p: number): number {
    const text = this.text;
    if (text.charCodeAt(p + 1) !== 47) return this.error("Expected a '/' to follow '/' to form a comment.", p + 1);
    const kind = text.charCodeAt(p + 2) === 47 ? DOC_COMMENT : COMMENT;
    // A comment runs to the end of its line and includes the line break.
    const end = this.lineEnd(p + 2);
    if (end < this.len) {
      p = end + 1;
      this.line++;
      this.lineStart = p;
    } else p = this.len;
    return this.finish(kind, p);
  }

  /**
   * Offset of the line break that ends the line holding `p`: its line feed, or a lone carriage
   * return (old Mac line endings); the text length on the last line. `indexOf` finds line feeds
   * fast; carriage returns are looked up once and cached, as most files have none.
   */
  private lineEnd(p: number): number {
    const text = this.text;
    let lf = text.indexOf("\n", p);
    if (lf < 0) lf = this.len;
    if (this.nextCr < p) {
      this.nextCr = text.indexOf("\r", p);
      if (this.nextCr < 0) this.nextCr = Infinity;
    }
    return this.nextCr < lf && text.charCodeAt(this.nextCr + 1) !== 10 ? this.nextCr : lf;
  }

  private scanNumber(p: number): number {
    const text = this.text;
    const start = p;
    let float = false;
    if (text.charCodeAt(p) === 45) {
      p++;
      if (!isDigit(text.charCodeAt(p)))
        return this.error(`Invalid number '${text.slice(start, p)}': '-' must be followed by a digit`, p);
    }
    while (isDigit(text.charCodeAt(p))) p++;
    if (text.charCodeAt(p) === 46) {
      float = true;
      p++;
      if (!isDigit(text.charCodeAt(p)))
        return this.error(`Invalid number '${text.slice(start, p)}': '.' must be followed by a digit`, p);
      while (isDigit(text.charCodeAt(p))) p++;
    }
    const e = text.charCodeAt(p);
    if (e === 101 || e === 69) {
      float = true;
      p++;
      const s = text.charCodeAt(p);
      if (s === 43 || s === 45) p++;
      if (!isDigit(text.charCodeAt(p))) {
        return this.error(`Invalid number '${text.slice(start, p)}': 'e', '+', and '-' must be followed by a digit`, p);
      }
      while (isDigit(text.charCodeAt(p))) p++;
    }
    this.numValue = Number(text.slice(start, p));
    this.numIsFloat = float;
    return this.finish(NUMBER, p);
  }

  private scanString(p: number): number {
    const text = this.text;
    if (text.charCodeAt(p + 1) === 34) {
      if (text.charCodeAt(p + 2) === 34) return this.scanTextBlock(p + 3);
      this.strValue = "";
      return this.finish(STRING, p + 2);
    }
    p++;
    const contentStart = p;
    let lines = 0;
    let lastBreak = -1;
    for (;;) {
      if (p >= this.len) this.unclosed();
      let c = text.charCodeAt(p);
      if (c === 34) break;
      if (c === 92) {
        // Skip the escaped character (it may be a line break, which still counts as a line).
        if (++p >= this.len) this.unclosed();
        c = text.charCodeAt(p);
      }
      if (c === 10 || (c === 13 && text.charCodeAt(p + 1) !== 10)) {
        lines++;
        lastBreak = p;
      }
      p++;
    }
    const contentEnd = p;
    const end = p + 1;
    this.countBreaks(contentStart, contentEnd, lines, lastBreak);
    try {
      this.strValue = decodeEscapes(text, contentStart, contentEnd);
    } catch (e) {
      if (e instanceof StringLiteralError) return this.error(`Error parsing quoted string: ${e.message}`, end);
      throw e;
    }
    return this.finish(STRING, end);
  }

  private scanTextBlock(p: number): number {
    const text = this.text;
    const contentStart = p;
    for (;;) {
      if (p >= this.len) this.unclosed();
      const c = text.charCodeAt(p);
      if (c === 34 && text.charCodeAt(p + 1) === 34 && text.charCodeAt(p + 2) === 34) break;
      p += c === 92 ? 2 : 1;
    }
    const contentEnd = p;
    const end = p + 3;
    this.countBreaks(contentStart, contentEnd, -1, -1);
    try {
      this.strValue = decodeTextBlock(text, contentStart, contentEnd);
    } catch (e) {
      if (e instanceof StringLiteralError) return this.error(`Error parsing text block: ${e.message}`, end);
      throw e;
    }
    return this.finish(TEXT_BLOCK, end);
  }

  /** Moves the line counter over the line breaks inside a literal. */
  private countBreaks(from: number, to: number, known: number, lastBreak: number): void {
    if (known === 0) return;
    const text = this.text;
    if (known < 0) {
      known = 0;
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
          known++;
          lastBreak = i;
        }
      }
      if (known === 0) return;
    }
    this.line += known;
    this.lineStart = lastBreak + 1;
  }

  /** A string or text block ran into the end of the file: nothing after it can be parsed. */
  private unclosed(): never {
    // Leave the lexer at the end of the file (lines counted) so error recovery stops there.
    this.countBreaks(this.tokStart, this.len, -1, -1);
    this.pos = this.tokStart = this.tokEnd = this.len;
    this.tokLine = this.line;
    this.tokCol = this.len - this.lineStart + 1;
    this.tok = EOF;
    throw new IdlSyntaxError(
      `Expected: '"', but found '[EOF]'`,
      this.len,
      'A string is missing its closing quote; look for the first unclosed " above this point',
    );
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
