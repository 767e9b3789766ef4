/**
 * Small helpers shared by stage tests: build a model from an in-memory JSON AST, and capture the
 * AnvilError a call throws.
 */
import { AnvilError } from "../generator/errors.js";
import { loadSources } from "../generator/load/index.js";
import { assemble } from "../generator/assemble/index.js";
import { preludeIds } from "../generator/assemble/prelude.js";
import type { Model } from "../generator/assemble/model.js";

/** Assembles JSON AST documents given as objects (file names a.json, b.json, ...). */
export function modelOf(...docs: object[]): Model {
  const sources = docs.map((d, i) => ({
    file: `${String.fromCharCode(97 + i)}.json`,
    text: JSON.stringify(d, null, 2),
  }));
  return assemble(loadSources(sources, preludeIds()));
}

/** Runs `fn` and returns the AnvilError it throws (failing the test when it throws nothing else). */
export function errorOf(fn: () => unknown): AnvilError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AnvilError) return e;
    throw e;
  }
  throw new Error("expected an AnvilError, but nothing was thrown");
}

/** Where the shared corpus lives, and whether it is here (tests that need it skip otherwise). */
export const SHARED = new URL("../../shared/", import.meta.url).pathname;
