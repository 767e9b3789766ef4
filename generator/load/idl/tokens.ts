/**
 * Token kinds of the Smithy IDL and how error messages name them. Kinds are small integers so
 * the lexer can keep the current token in plain number fields (no object per token). Names and
 * their example lexemes follow the spelling Smithy's own tooling uses in syntax errors
 * (`RBRACE('}')`), so users moving between tools see the same words.
 */

// Typed `number` (not literal types) so TypeScript does not narrow `tok` across `next()` calls.
export const SPACE: number = 0;
export const NEWLINE: number = 1;
export const COMMA: number = 2;
export const COMMENT: number = 3;
export const DOC_COMMENT: number = 4;
export const AT: number = 5;
export const STRING: number = 6;
export const TEXT_BLOCK: number = 7;
export const COLON: number = 8;
export const WALRUS: number = 9;
export const IDENTIFIER: number = 10;
export const DOT: number = 11;
export const POUND: number = 12;
export const DOLLAR: number = 13;
export const NUMBER: number = 14;
export const LBRACE: number = 15;
export const RBRACE: number = 16;
export const LBRACKET: number = 17;
export const RBRACKET: number = 18;
export const LPAREN: number = 19;
export const RPAREN: number = 20;
export const EQUAL: number = 21;
export const EOF: number = 22;
export const ERROR: number = 23;

const NAMES = [
  "SPACE",
  "NEWLINE",
  "COMMA",
  "COMMENT",
  "DOC_COMMENT",
  "AT",
  "STRING",
  "TEXT_BLOCK",
  "COLON",
  "WALRUS",
  "IDENTIFIER",
  "DOT",
  "POUND",
  "DOLLAR",
  "NUMBER",
  "LBRACE",
  "RBRACE",
  "LBRACKET",
  "RBRACKET",
  "LPAREN",
  "RPAREN",
  "EQUAL",
  "EOF",
  "ERROR",
];

/** The lexeme shown when a token kind is *expected* (empty: the kind has no single spelling). */
const EXAMPLES = [
  " ",
  "\\n",
  ",",
  "//",
  "///",
  "@",
  '"',
  '"""',
  ":",
  ":=",
  "",
  ".",
  "#",
  "$",
  "",
  "{",
  "}",
  "[",
  "]",
  "(",
  ")",
  "=",
  "",
  "",
];

/** Longest lexeme quoted in a message; longer ones (a big text block) are cut. */
const MAX_LEXEME = 120;

/** The name of a token kind (`LBRACE`). */
export function tokenName(kind: number): string {
  return NAMES[kind];
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
