/**
 * utf8Length gives `content-length` for text bodies: it must equal the bytes TextEncoder writes,
 * on the ASCII fast path and off it (multi-byte characters, surrogate pairs, lone surrogates).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Length } from "../../generator/runtime/body.js";

const encoder = new TextEncoder();

describe("utf8Length", () => {
  it.each([
    ["empty", ""],
    ["ASCII JSON", '{"eventId":"evt-0001","n":1}'],
    ["two-byte characters", "café ü"],
    ["three-byte characters", "€ 日本"],
    ["a surrogate pair (four bytes)", "a😀b"],
    ["a lone high surrogate", "a\ud800b"],
    ["a lone low surrogate", "\udc00"],
    ["a high surrogate at the end", "x\ud83d"],
  ])("counts %s as TextEncoder writes it", (_name, text) => {
    expect(utf8Length(text)).toBe(encoder.encode(text).length);
  });

  it("counts any string as TextEncoder writes it", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 64 }),
        (text) => utf8Length(text) === encoder.encode(text).length,
      ),
      { numRuns: 500 },
    );
  });
});
