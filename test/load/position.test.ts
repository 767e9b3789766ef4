/**
 * `positionAt` (generator/errors.ts): offsets to 1-based lines and columns, answered from a line
 * index kept for the last text (validators ask many positions of one large model file).
 */
import { describe, expect, it } from "vitest";
import { positionAt } from "../../generator/errors.js";

/** The plain definition: count the newlines before the offset. */
function reference(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.min(offset, text.length));
  const lines = before.split("\n");
  return { line: lines.length, column: (lines[lines.length - 1] ?? "").length + 1 };
}

describe("positionAt", () => {
  it("agrees with counting newlines at every offset, across texts asked in turn", () => {
    const texts = ["", "a", "\n", "ab\ncd\n\nefg", "\r\nx\r\n", "one\ntwo\nthree\n"];
    for (const text of texts) {
      for (let offset = 0; offset <= text.length + 2; offset++)
        expect(positionAt(text, offset), `${JSON.stringify(text)} @ ${offset}`).toEqual(reference(text, offset));
    }
    // Switching back and forth between texts must not reuse the other text's index.
    expect(positionAt("x\ny", 2)).toEqual({ line: 2, column: 1 });
    expect(positionAt("xy", 2)).toEqual({ line: 1, column: 3 });
    expect(positionAt("x\ny", 3)).toEqual({ line: 2, column: 2 });
  });
});
