/**
 * Turns a model's documentation (AWS writes HTML) into plain TSDoc text lines, safe inside a
 * `/** ... *\/` block: no `*\/` can close it early and no `@` starts a stray tag.
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

/** Wraps a paragraph at `width` columns (words longer than the width stay whole). */
function wrap(paragraph: string, width: number): string[] {
  const indent = paragraph.startsWith("- ") ? "  " : "";
  const words = paragraph.split(" ");
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

/** Neutralises what would break a block comment or be read as a TSDoc tag; drops lone surrogates. */
export function escapeCommentText(s: string): string {
  return s
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/\*\//g, "*\\/")
    .replace(/\/\*/g, "/\\*")
    .replace(/(^|\s)@(?=[A-Za-z])/g, "$1\\@")
    .replace(/[\u2028\u2029]/g, " ");
}

/** Documentation (HTML or plain) to comment lines, paragraphs separated by blank lines. */
export function docLines(doc: string | undefined, width = 96): string[] {
  if (!doc) return [];
  const out: string[] = [];
  for (const p of htmlToText(doc)) {
    if (out.length > 0 && !(p.startsWith("- ") && out[out.length - 1].startsWith("- "))) out.push("");
    out.push(...wrap(escapeCommentText(p), width));
  }
  return out;
}
