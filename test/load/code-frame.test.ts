/**
 * `codeFrame` (generator/errors.ts): the frame under a diagnostic, built from a line index kept
 * for the last text framed (a report frames many events in one large model), must be exactly the
 * frame of the plain definition: split the text at every `\r\n`, `\r` or `\n` and show the line
 * with one line of context either side.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeFrame } from "../../generator/errors.js";

/** The plain definition, as codeFrame was first written: split the whole text each time. */
function reference(text: string, line: number, column: number): string {
  const lines = text.split(/\r\n|\r|\n/);
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const out: string[] = [];
  const truncate = (src: string) => {
    if (src.length <= 160) return src;
    const start = Math.max(0, column - 80);
    return (start > 0 ? "…" : "") + src.slice(start, start + 160) + "…";
  };
  for (let n = first; n <= last; n++) {
    const src = (lines[n - 1] ?? "").replace(/\t/g, "  ");
    out.push(`${n === line ? ">" : " "} ${String(n).padStart(width)} | ${truncate(src)}`);
    if (n === line) {
      const before = (lines[n - 1] ?? "").slice(0, column - 1).replace(/\t/g, "  ");
      out.push(`  ${" ".repeat(width)} | ${" ".repeat(Math.min(before.length, 120))}^`);
    }
  }
  return out.join("\n");
}

describe("codeFrame", () => {
  it("frames a line of a text with mixed line ends", () => {
    expect(codeFrame("one\r\ntwo\rthree\nfour", 3, 2)).toBe(
      ["  2 | two", "> 3 | three", "    |  ^", "  4 | four"].join("\n"),
    );
  });

  it("agrees with splitting the whole text, at every line and across texts framed in turn", () => {
    const piece = fc.constantFrom("a", "bc", "\t", "\n", "\r", "\r\n", "x".repeat(170));
    fc.assert(
      fc.property(
        fc.array(
          fc.array(piece, { maxLength: 12 }).map((p) => p.join("")),
          { minLength: 1, maxLength: 3 },
        ),
        fc.nat(14),
        fc.integer({ min: 1, max: 200 }),
        (texts, line, column) => {
          // Each text twice, interleaved, so a stale index for another text would show.
          for (const text of [...texts, ...texts])
            expect(codeFrame(text, line, column)).toBe(reference(text, line, column));
        },
      ),
      { numRuns: 300 },
    );
  });
});
