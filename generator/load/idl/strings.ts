/**
 * String literal contents of the Smithy IDL: escape sequences, newline normalisation and the
 * incidental-whitespace removal of text blocks (https://smithy.io/2.0/spec/idl.html#text-blocks).
 * Problems are thrown as `StringLiteralError` (a message only); the lexer turns them into an error
 * token positioned at the start of the literal.
 */

/** A malformed string literal; `message` says what is wrong with its contents. */
export class StringLiteralError extends Error {}

const BACKSLASH = 92;
const CR = 13;
const LF = 10;
const SP = 32;
const TAB = 9;

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/**
 * Decodes `src[start, end)`: expands escapes and turns CR and CRLF into LF. Returns a slice of
 * `src` when there is nothing to decode (the common case), so no copy is made.
 */
export function decodeEscapes(src: string, start: number, end: number): string {
  let i = start;
  while (i < end) {
    const c = src.charCodeAt(i);
    if (c === BACKSLASH || c === CR) break;
    i++;
  }
  if (i === end) return src.slice(start, end);
  const parts: string[] = [];
  let runStart = start;
  while (i < end) {
    const c = src.charCodeAt(i);
    if (c === CR) {
      parts.push(src.slice(runStart, i), "\n");
      i += src.charCodeAt(i + 1) === LF && i + 1 < end ? 2 : 1;
      runStart = i;
      continue;
    }
    if (c !== BACKSLASH) {
      i++;
      continue;
    }
    if (i > runStart) parts.push(src.slice(runStart, i));
    if (i + 1 >= end) throw new StringLiteralError("Invalid escape found in string: `\\` at the end of the string");
    const e = src.charCodeAt(i + 1);
    let width = 2;
    switch (e) {
      case 34:
        parts.push('"');
        break;
      case BACKSLASH:
        parts.push("\\");
        break;
      case 47:
        parts.push("/");
        break;
      case 98:
        parts.push("\b");
        break;
      case 102:
        parts.push("\f");
        break;
      case 110:
        parts.push("\n");
        break;
      case 114:
        parts.push("\r");
        break;
      case 116:
        parts.push("\t");
        break;
      case LF:
        break; // An escaped newline continues the line: it expands to nothing.
      case CR:
        if (i + 2 < end && src.charCodeAt(i + 2) === LF) width = 3;
        break;
      case 117: {
        if (i + 6 > end) throw new StringLiteralError("Invalid unclosed unicode escape found in string");
        let code = 0;
        for (let k = 2; k < 6; k++) {
          const h = hexValue(src.charCodeAt(i + k));
          if (h < 0) throw new StringLiteralError(`Invalid unicode escape character: \`${src[i + k]}\``);
          code = code * 16 + h;
        }
        parts.push(String.fromCharCode(code));
        width = 6;
        break;
      }
      default:
        throw new StringLiteralError(
          `Invalid escape found in string: \`\\${String.fromCodePoint(src.codePointAt(i + 1) ?? e)}\``,
        );
    }
    i += width;
    runStart = i;
  }
  if (runStart < end) parts.push(src.slice(runStart, end));
  return parts.join("");
}

/**
 * Decodes the contents of a text block (`src[start, end)` is what lies between the delimiters):
 * checks the opening line break, removes the common indentation and trailing spaces of every line,
 * then expands escapes (escapes are expanded last, as the specification says).
 */
export function decodeTextBlock(src: string, start: number, end: number): string {
  if (start === end) throw new StringLiteralError("Text block is empty");
  // Spaces may follow the opening delimiter, then a line break must.
  let i = start;
  while (i < end && (src.charCodeAt(i) === SP || src.charCodeAt(i) === TAB)) i++;
  const first = i < end ? src.charCodeAt(i) : -1;
  if (first !== LF && first !== CR) throw new StringLiteralError("Text block must start with a new line");
  i += first === CR && src.charCodeAt(i + 1) === LF && i + 1 < end ? 2 : 1;

  // Split the remaining content into lines (CR and CRLF count as LF).
  const lineStarts: number[] = [];
  const lineEnds: number[] = [];
  let ls = i;
  for (let p = i; p < end; p++) {
    const c = src.charCodeAt(p);
    if (c === LF || c === CR) {
      lineStarts.push(ls);
      lineEnds.push(p);
      if (c === CR && p + 1 < end && src.charCodeAt(p + 1) === LF) p++;
      ls = p + 1;
    }
  }
  lineStarts.push(ls);
  lineEnds.push(end);

  // The common prefix: blank lines do not count, except the last one (the closing delimiter's).
  const last = lineStarts.length - 1;
  let indent = Infinity;
  for (let n = 0; n <= last; n++) {
    let p = lineStarts[n];
    const e = lineEnds[n];
    while (p < e && (src.charCodeAt(p) === SP || src.charCodeAt(p) === TAB)) p++;
    if (p === e && n !== last) continue;
    const lead = p - lineStarts[n];
    if (lead < indent) indent = lead;
  }
  if (indent === Infinity) indent = 0;

  const out: string[] = new Array<string>(lineStarts.length);
  let hasEscape = false;
  for (let n = 0; n <= last; n++) {
    const s = lineStarts[n] + indent;
    let e = lineEnds[n];
    while (e > s && (src.charCodeAt(e - 1) === SP || src.charCodeAt(e - 1) === TAB)) e--;
    if (e <= s) {
      out[n] = "";
      continue;
    }
    const line = src.slice(s, e);
    if (!hasEscape && line.indexOf("\\") >= 0) hasEscape = true;
    out[n] = line;
  }
  const joined = out.join("\n");
  return hasEscape ? decodeEscapes(joined, 0, joined.length) : joined;
}
