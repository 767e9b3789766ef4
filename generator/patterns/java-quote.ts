/**
 * Java removes `\Q...\E` quoting before it parses a pattern, by rewriting the quoted text as
 * escaped characters; this does the same rewrite on code points so the parser never sees `\Q`.
 */

const BACKSLASH = 0x5c;
const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAsciiDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * The pattern (as code points) with every `\Q...\E` span turned into escapes: inside a span,
 * letters and non-ASCII characters stay, other ASCII characters get a backslash, a backslash
 * becomes `\\`, and a digit right after `\Q` becomes `\x3N` so that an escape before the span
 * cannot swallow it. An unterminated `\Q` quotes to the end. `\\Q` is not a quote.
 */
export function removeQuoting(cps: readonly number[]): number[] {
  let start = 0;
  while (start < cps.length - 1) {
    if (cps[start] !== BACKSLASH) start += 1;
    else if (cps[start + 1] !== 0x51 /* Q */) start += 2;
    else break;
  }
  if (start >= cps.length - 1) return [...cps];

  const out = cps.slice(0, start);
  let i = start + 2;
  let inQuote = true;
  let justOpened = true;
  while (i < cps.length) {
    const c = cps[i++];
    if (c >= 0x80 || isAsciiLetter(c)) {
      out.push(c);
    } else if (isAsciiDigit(c)) {
      if (justOpened) out.push(BACKSLASH, 0x78 /* x */, 0x33 /* 3 */);
      out.push(c);
    } else if (c !== BACKSLASH) {
      if (inQuote) out.push(BACKSLASH);
      out.push(c);
    } else if (inQuote) {
      if (cps[i] === 0x45 /* E */) {
        i++;
        inQuote = false;
      } else {
        out.push(BACKSLASH, BACKSLASH);
      }
    } else if (cps[i] === 0x51 /* Q */) {
      i++;
      inQuote = true;
      justOpened = true;
      continue;
    } else {
      out.push(c);
      if (i !== cps.length) out.push(cps[i++]);
    }
    justOpened = false;
  }
  return out;
}
