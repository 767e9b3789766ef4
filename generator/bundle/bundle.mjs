/**
 * Where the prebuilt generator bundle lives (`dist/`, built by `build.mjs` from npm's `prepare`
 * script, not committed) and whether it may be run: only when it was built from the sources now
 * on disk, so an edit to the generator is never hidden behind an old bundle.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ANVIL_ROOT, generatorHash } from "../seal/seal.mjs";

/** The bundle: the CLI and every generator module it imports, npm packages left as imports. */
export const BUNDLE_FILE = join(ANVIL_ROOT, "dist", "cli.mjs");

/** The record beside it: the hash of the sources (`generatorHash`) it was built from. */
export const BUNDLE_RECORD = join(ANVIL_ROOT, "dist", "cli.json");

/**
 * The bundle's path when it was built from the sources now on disk (whose hash is `generator`),
 * as its record (`record`) says, else undefined (run the sources through tsx).
 */
export function freshBundle(generator = generatorHash(), record = BUNDLE_RECORD) {
  try {
    return JSON.parse(readFileSync(record, "utf8")).generator === generator ? BUNDLE_FILE : undefined;
  } catch {
    return undefined;
  }
}
