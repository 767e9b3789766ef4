/**
 * Reusing last run's formatting: only a file whose rendered text, anvil, Prettier and on-disk
 * bytes are all what the manifest recorded is taken as formatted.
 */
import { describe, expect, it } from "vitest";
import { formatCache } from "../../generator/format/cache.js";
import { contentHash } from "../../generator/hash.js";
import { GENERATOR, type Manifest } from "../../generator/write/manifest.js";
import type { PreviousOutput } from "../../generator/write/previous.js";

const rendered = "export  const a=1";
const formatted = "export const a = 1;\n";
const FORMATTER = "prettier 3.10.1, options abc";

function previous(disk: string, edit: (m: Manifest) => void = () => undefined): PreviousOutput {
  const manifest: Manifest = {
    generator: GENERATOR,
    formatter: FORMATTER,
    checker: "typescript 7",
    files: { "a.ts": { sha256: contentHash(formatted), rendered: contentHash(rendered) } },
  };
  edit(manifest);
  return { manifest, manifestText: JSON.stringify(manifest), read: (path) => (path === "a.ts" ? disk : undefined) };
}

describe("the format cache", () => {
  it("reuses the file on disk when everything matches", () => {
    expect(formatCache(previous(formatted), FORMATTER)("a.ts", contentHash(rendered))).toBe(formatted);
  });

  it("does not reuse a file whose rendered text changed", () => {
    expect(formatCache(previous(formatted), FORMATTER)("a.ts", contentHash(`${rendered};`))).toBeUndefined();
  });

  it("does not reuse a file edited by hand since", () => {
    expect(formatCache(previous(`${formatted}// edited\n`), FORMATTER)("a.ts", contentHash(rendered))).toBeUndefined();
  });

  it("does not reuse output formatted by another Prettier version or options", () => {
    expect(
      formatCache(previous(formatted), "prettier 3.11.0, options abc")("a.ts", contentHash(rendered)),
    ).toBeUndefined();
  });

  it("does not reuse output written by another anvil version", () => {
    expect(
      formatCache(
        previous(formatted, (m) => (m.generator = "anvil 0.0.9")),
        FORMATTER,
      )("a.ts", contentHash(rendered)),
    ).toBeUndefined();
  });

  it("does not reuse anything without a manifest, or for a file the manifest does not name", () => {
    expect(formatCache({ read: () => formatted }, FORMATTER)("a.ts", contentHash(rendered))).toBeUndefined();
    expect(formatCache(previous(formatted), FORMATTER)("b.ts", contentHash(rendered))).toBeUndefined();
  });
});
