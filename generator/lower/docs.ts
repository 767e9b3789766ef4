/**
 * Turns a model's documentation (AWS writes HTML) into plain TSDoc text lines, safe inside a
 * `/** ... *\/` block: no `*\/` can close it early, and TSDoc's markup characters (`@`, `{`, `}`,
 * `<`, `>`, `\`) are escaped outside code spans, so the text passes `tsdoc/syntax` and shows as
 * the model wrote it.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith("#x")) return safeFromCodePoint(parseInt(body.slice(2), 16)) ?? whole;
    if (body.startsWith("#")) return safeFromCodePoint(parseInt(body.slice(1), 10)) ?? whole;
    return ENTITIES[body] ?? whole;
  });
}

function safeFromCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

/** Converts HTML documentation to paragraphs of plain text (lists become `- item` lines). */
export function htmlToText(html: string): string[] {
  let s = html.replace(/\r\n?/g, "\n");
  s = s.replace(/<a\s[^>]*href\s*=\s*"([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, text: string) => {
    const t = text.replace(/<[^>]+>/g, "").trim();
    return t && t !== href ? `${t} (${href})` : href;
  });
  s = s.replace(/<\/?(code|i|b|em|strong|u)\b[^>]*>/gi, (tag) => (/^<\/?code/i.test(tag) ? "`" : ""));
  s = s.replace(/<li\b[^>]*>/gi, "\n\n- ").replace(/<\/li>/gi, "");
  s = s.replace(
    /<(important|note)\b[^>]*>/gi,
    (_m, kind: string) => `\n\n${kind.charAt(0).toUpperCase()}${kind.slice(1).toLowerCase()}: `,
  );
  s = s.replace(/<\/?(p|div|ul|ol|dl|dt|dd|important|note|br|h[1-6]|fullname|pre)\b[^>]*\/?>/gi, "\n\n");
  s = s.replace(/<[^>]+>/g, "");
  s = decodeEntities(s);
  const paragraphs = s
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p !== "");
  return paragraphs;
}

/**
 * Wraps a paragraph of TSDoc words at `width` columns. A word is never split, and a code span is
 * one word even when it holds spaces: TSDoc ends a code span at the end of its line.
 */
function wrap(words: string[], width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line !== "" && line.length + 1 + w.length > width) {
      lines.push(line);
      line = indent + w;
    } else line = line === "" ? w : `${line} ${w}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** Characters TSDoc reads as markup in plain text (tags, inline tags, HTML, escapes). */
const TSDOC_MARKUP = /[\\{}<>@]/g;

/**
 * Plain text with TSDoc's markup characters backslash-escaped, so it shows as written, and with
 * `*\/` and `/*` (which would end or nest the block comment) broken by an escape TSDoc accepts.
 */
function escapePlain(s: string): string {
  // Most words hold none of these characters; skipping the three replacements for them was a
  // tenth of `lower` on large models.
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(TSDOC_MARKUP, (c) => `\\${c}`)
    .replace(/\*\//g, "*\\/")
    .replace(/\/\*/g, "/\\*");
}

/** Whether {@link escapePlain} changes a text: a markup character, or either half of a comment delimiter. */
const NEEDS_ESCAPE = /[\\{}<>@*/]/;
/** A run of whitespace, and a run of text outside code spans, each matched where the scan stands. */
const SPACE_RUN = /\s+/y;
const PLAIN_RUN = /[^\s`]+/y;

/**
 * Splits text into TSDoc words with whitespace between them: plain runs escaped, code spans kept
 * as written and whole (spaces inside a span do not split it). A backtick that opens no span of
 * at least one character on its line is escaped, since TSDoc would read it as an unclosed span.
 * A code span cannot hold escapes, so a comment end inside one gets a space (`* /`).
 */
function tsdocWords(s: string): string[] {
  const words: string[] = [];
  let word = "";
  let i = 0;
  while (i < s.length) {
    if (s.charCodeAt(i) === 0x60 /* ` */) {
      const close = s.indexOf("`", i + 1);
      const body = close > i + 1 ? s.slice(i + 1, close) : "";
      if (body !== "" && !body.includes("\n")) {
        word += `\`${body.replace(/\*\//g, "* /").replace(/\/\*/g, "/ *")}\``;
        i = close + 1;
      } else {
        word += "\\`";
        i += 1;
      }
      continue;
    }
    SPACE_RUN.lastIndex = i;
    if (SPACE_RUN.test(s)) {
      if (word !== "") words.push(word);
      word = "";
      i = SPACE_RUN.lastIndex;
      continue;
    }
    PLAIN_RUN.lastIndex = i;
    PLAIN_RUN.test(s);
    word += escapePlain(s.slice(i, PLAIN_RUN.lastIndex));
    i = PLAIN_RUN.lastIndex;
  }
  if (word !== "") words.push(word);
  return words;
}

/**
 * Makes text safe and literal in a TSDoc comment: TSDoc markup outside code spans is escaped,
 * nothing can close the block comment early, lone surrogates become U+FFFD, and whitespace runs
 * become one space.
 */
export function escapeCommentText(s: string): string {
  return tsdocWords(replaceLoneSurrogates(s)).join(" ");
}

/**
 * A literal (a pattern, a value) for a doc comment: a code span of the text as written when a
 * span can hold it (no backtick, line break or comment delimiter), which TSDoc shows verbatim and
 * a reader of the source reads without escapes; else the JSON string, escaped as plain text.
 */
export function commentLiteral(text: string): string {
  const spanSafe = text !== "" && !/[`\r\n\u2028\u2029]|\*\/|\/\*/.test(text) && text === replaceLoneSurrogates(text);
  return spanSafe ? `\`${text}\`` : escapeCommentText(JSON.stringify(text));
}

/** Lone surrogates (which no file encoding can hold) become U+FFFD. */
function replaceLoneSurrogates(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** Documentation (HTML or plain) to comment lines, paragraphs separated by blank lines. */
export function docLines(doc: string | undefined, width = 96): string[] {
  if (!doc) return [];
  const out: string[] = [];
  for (const p of htmlToText(doc)) {
    if (out.length > 0 && !(p.startsWith("- ") && out[out.length - 1].startsWith("- "))) out.push("");
    out.push(...wrap(tsdocWords(replaceLoneSurrogates(p)), width, p.startsWith("- ") ? "  " : ""));
  }
  return out;
}
