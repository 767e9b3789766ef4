/**
 * Token kinds of the Smithy IDL and how error messages name them. Kinds are small integers so
 * the lexer can keep the current token in plain number fields (no object per token). Names and
 * their example lexemes follow the spelling Smithy's own tooling uses in syntax errors
 * (`RBRACE('}')`), so users moving between tools see the same words.
 */

export const SPACE = 0;
export const NEWLINE = 1;
export const COMMA = 2;
export const COMMENT = 3;
export const DOC_COMMENT = 4;
export const AT = 5;
export const STRING = 6;
export const TEXT_BLOCK = 7;
export const COLON = 8;
export const WALRUS = 9;
export const IDENTIFIER = 10;
export const DOT = 11;
export const POUND = 12;
export const DOLLAR = 13;
export const NUMBER = 14;
export const LBRACE = 15;
export const RBRACE = 16;
export const LBRACKET = 17;
export const RBRACKET = 18;
export const LPAREN = 19;
export const RPAREN = 20;
export const EQUAL = 21;
export const EOF = 22;
export const ERROR = 23;

const NAMES = [
  "SPACE", "NEWLINE", "COMMA", "COMMENT", "DOC_COMMENT", "AT", "STRING", "TEXT_BLOCK", "COLON", "WALRUS",
  "IDENTIFIER", "DOT", "POUND", "DOLLAR", "NUMBER", "LBRACE", "RBRACE", "LBRACKET", "RBRACKET", "LPAREN",
  "RPAREN", "EQUAL", "EOF", "ERROR",
];

/** The lexeme shown when a token kind is *expected* (empty: the kind has no single spelling). */
const EXAMPLES = [
  " ", "\\n", ",", "//", "///", "@", '"', '"""', ":", ":=", "", ".", "#", "$", "", "{", "}", "[", "]", "(", ")", "=", "", "",
];

/** Longest lexeme quoted in a message; longer ones (a big text block) are cut. */
const MAX_LEXEME = 120;

/** Whether a token kind is insignificant whitespace (spaces, newlines, commas, line comments). */
export function isWhitespace(kind: number): boolean {
  return kind <= COMMENT;
}

/** `RBRACE('}')`: how a message names a token kind that was expected. */
export function describeExpected(kind: number): string {
  const example = EXAMPLES[kind];
  return example ? `${NAMES[kind]}('${example}')` : NAMES[kind];
}

/** `IDENTIFIER('apply')`: how a message names the token that was found, with its text. */
export function describeFound(kind: number, lexeme: string): string {
  if (lexeme.length === 0) return NAMES[kind];
  let shown = lexeme.length > MAX_LEXEME ? `${lexeme.slice(0, MAX_LEXEME)}…` : lexeme;
  // Newlines are shown escaped so a message stays on one line.
  shown = shown.replace(/\r\n|\r|\n/g, "\\n");
  return `${NAMES[kind]}('${shown}')`;
}
