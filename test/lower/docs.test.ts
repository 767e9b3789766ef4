import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { commentLiteral, docLines, escapeCommentText, htmlToText } from "../../generator/lower/docs.js";

describe("documentation to TSDoc", () => {
  it("turns AWS HTML into readable paragraphs", () => {
    expect(
      htmlToText('<p>Use <code>SendEvent</code> to upload.</p><p>See <a href="https://x.test/a">the guide</a>.</p>'),
    ).toEqual(["Use `SendEvent` to upload.", "See the guide (https://x.test/a)."]);
    expect(htmlToText("<ul><li>one</li><li>two &amp; three</li></ul><important><p>Careful</p></important>")).toEqual([
      "- one",
      "- two & three",
      "Important:",
      "Careful",
    ]);
  });

  it("cannot close the comment early or start a tag", () => {
    const lines = docLines(
      "ends */ here, opens /* there, @deprecated not really, mail a@b.c, ${x} {{y}} </script> `tick`",
    );
    const text = lines.join("\n");
    expect(text).not.toContain("*/");
    expect(text).not.toMatch(/(^|\s)@deprecated/);
    expect(text).toContain("a\\@b.c");
  });

  it("escapes TSDoc markup outside code spans and keeps code spans literal and on one line", () => {
    expect(docLines("Use {Name} in <b>bold</b> paths like a\\b and `{x}@y` as is.")).toEqual([
      "Use \\{Name\\} in bold paths like a\\\\b and `{x}@y` as is.",
    ]);
    expect(docLines("Run <code>a &lt;b&gt;</code>, not `` (empty).")).toEqual(["Run `a <b>`, not \\`\\` (empty)."]);
    const span = "`" + "x ".repeat(30).trim() + "`";
    const lines = docLines(`${"word ".repeat(20)}${span} end`);
    expect(lines.some((l) => l.includes(span))).toBe(true);
  });

  it("replaces unpaired surrogates and wraps long paragraphs", () => {
    expect(docLines("bad \uD800 pair")).toEqual(["bad \uFFFD pair"]);
    const long = docLines("word ".repeat(60));
    expect(long.length).toBeGreaterThan(2);
    expect(Math.max(...long.map((l) => l.length))).toBeLessThanOrEqual(96);
  });

  it("writes a literal such as a @pattern as a code span, verbatim, when a span can hold it", () => {
    expect(commentLiteral("^[1-9][0-9]{0,3}\\.[0-9]{1,2}$")).toBe("`^[1-9][0-9]{0,3}\\.[0-9]{1,2}$`");
    expect(commentLiteral("^arn:aws:@x$")).toBe("`^arn:aws:@x$`");
  });

  it("falls back to the escaped JSON string when a span cannot hold the literal", () => {
    // A backtick would end the span, a line break cannot be in one, and `*/` would end the comment.
    expect(commentLiteral("a`b")).toBe('"a\\`b"');
    expect(commentLiteral("a\nb")).toBe('"a\\\\nb"');
    expect(commentLiteral("x*/y{")).toBe('"x*\\/y\\{"');
    expect(commentLiteral("")).toBe('""');
  });
});

/** tsdocWords as first written, character by character, for the property below. */
function referenceWords(s: string): string[] {
  const escape = (p: string) =>
    p
      .replace(/[\\{}<>@]/g, (c) => `\\${c}`)
      .replace(/\*\//g, "*\\/")
      .replace(/\/\*/g, "/\\*");
  const words: string[] = [];
  let word = "";
  let plain = "";
  let i = 0;
  while (i < s.length) {
    const c = s.charAt(i);
    if (c === "`") {
      word += escape(plain);
      plain = "";
      const close = s.indexOf("`", i + 1);
      const body = close > i + 1 ? s.slice(i + 1, close) : "";
      if (body !== "" && !body.includes("\n")) {
        word += `\`${body.replace(/\*\//g, "* /").replace(/\/\*/g, "/ *")}\``;
        i = close + 1;
      } else {
        word += "\\`";
        i += 1;
      }
    } else if (/\s/.test(c)) {
      word += escape(plain);
      plain = "";
      if (word !== "") words.push(word);
      word = "";
      i += 1;
    } else {
      plain += c;
      i += 1;
    }
  }
  word += escape(plain);
  if (word !== "") words.push(word);
  return words;
}

describe("TSDoc words", () => {
  it("are what the character-by-character definition gives, on text full of markup, spans and spaces", () => {
    const piece = fc.constantFrom(
      "a",
      "Bc",
      " ",
      "  ",
      "\n",
      "\t",
      "\u00a0",
      "\u2028",
      "`",
      "*",
      "/",
      "*/",
      "/*",
      "\\",
      "{",
      "}",
      "<",
      ">",
      "@",
      "é",
      "\u{1f600}",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join("");
        expect(escapeCommentText(text)).toBe(referenceWords(text).join(" "));
      }),
      { numRuns: 2000 },
    );
  });
});
