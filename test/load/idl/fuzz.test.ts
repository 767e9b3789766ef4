/**
 * Robustness: real model files with random edits (deleted, duplicated or swapped spans,
 * truncation, inserted junk and unicode) must either load or be rejected with an AnvilError whose
 * every position lies inside the file, never anything else, and quickly.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AnvilError } from "../../../generator/errors.js";
import { parseIdl } from "../../../generator/load/idl/index.js";
import { preludeShapeIds } from "../../../generator/assemble/prelude/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const preludeDir = join(here, "../../../generator/assemble/prelude");
const sharedIdl = join(here, "../../../../shared/smithy-conformance/idl/valid");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith(".smithy") ? [p] : [];
  });
}

// Always the repository's own prelude files; the shared corpus too when it is there.
const corpus = [...walk(preludeDir), ...(existsSync(sharedIdl) ? walk(sharedIdl) : [])].map((f) =>
  readFileSync(f, "utf8"),
);
const known = new Set(preludeShapeIds());

const JUNK = [
  "{",
  "}",
  "[",
  "]",
  "(",
  ")",
  '"',
  '"""',
  "\\",
  "@",
  "$",
  "#",
  ".",
  ":",
  ":=",
  "=",
  ",",
  "\n",
  "\r",
  "\t",
  " ",
  "//",
  "///",
  "-",
  "1e",
  "0.",
  "é",
  "😀",
  "\u2028",
  "\uD800",
  "\0",
  "with",
  "for",
  "apply",
  "use",
  "namespace",
  "metadata",
  "structure",
  "operation",
];

type Edit =
  | { kind: "delete" | "duplicate"; at: number; len: number }
  | { kind: "swap"; at: number; len: number; to: number }
  | { kind: "truncate"; at: number }
  | { kind: "insert"; at: number; junk: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constantFrom("delete" as const, "duplicate" as const),
    at: fc.nat(),
    len: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }), to: fc.nat() }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    junk: fc.oneof(fc.constantFrom(...JUNK), fc.string({ unit: "binary", maxLength: 8 })),
  }),
);

function apply(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  switch (e.kind) {
    case "delete":
      return text.slice(0, at) + text.slice(at + e.len);
    case "duplicate":
      return text.slice(0, at + e.len) + text.slice(at, at + e.len) + text.slice(at + e.len);
    case "swap": {
      const a = text.slice(at, at + e.len);
      const rest = text.slice(0, at) + text.slice(at + e.len);
      const to = rest.length === 0 ? 0 : e.to % (rest.length + 1);
      return rest.slice(0, to) + a + rest.slice(to);
    }
    case "truncate":
      return text.slice(0, at);
    case "insert":
      return text.slice(0, at) + e.junk + text.slice(at);
  }
}

/** Loads `text`; returns the error, or undefined when it loads. Anything but an AnvilError fails. */
function tryLoad(text: string): AnvilError | undefined {
  try {
    const p = parseIdl(text, "fuzz.smithy");
    const ids = new Set(known);
    for (const id of p.definedIds) ids.add(id);
    p.finish((id) => ids.has(id));
    return undefined;
  } catch (e) {
    if (e instanceof AnvilError) return e;
    throw e;
  }
}

function expectPositionsInside(text: string, error: AnvilError): void {
  const lines = text.split(/\r\n|\r|\n/);
  expect(error.kind).toBe("model");
  expect(error.diagnostics.length).toBeGreaterThan(0);
  for (const d of error.diagnostics) {
    expect(d.location, d.message).toBeDefined();
    const { line, column, file } = d.location!;
    expect(file).toBe("fuzz.smithy");
    expect(line).toBeGreaterThanOrEqual(1);
    expect(line).toBeLessThanOrEqual(lines.length);
    expect(column).toBeGreaterThanOrEqual(1);
    expect(column).toBeLessThanOrEqual(lines[line - 1].length + 1);
  }
}

describe("IDL parser under random edits", () => {
  it("every corpus file loads unchanged", () => {
    for (const text of corpus) expect(tryLoad(text)).toBeUndefined();
  });

  it("loads or rejects edited files with positions inside the file, in bounded time", () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 4 }), (index, edits) => {
        const text = edits.reduce(apply, corpus[index % corpus.length]);
        const started = performance.now();
        const error = tryLoad(text);
        expect(performance.now() - started).toBeLessThan(1000);
        if (error) expectPositionsInside(text, error);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1500) },
    );
  });
});
