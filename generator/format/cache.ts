/**
 * Reusing last run's formatting. A formatted file's text on disk is taken instead of running
 * Prettier only when all of these hold: the manifest names this anvil and the same formatter
 * (Prettier version and options), it recorded the same hash for the file's rendered text, and the file on disk
 * still has the hash the manifest recorded for it (so a hand edit is never taken as formatted
 * output: the file is formatted again and the edit shows as drift).
 */
import { contentHash } from "../hash.js";
import { GENERATOR } from "../write/manifest.js";
import type { PreviousOutput } from "../write/previous.js";

/** Formatted text a previous run left, by path and rendered-text hash. */
export type FormatCache = (path: string, renderedHash: string) => string | undefined;

/** The cache over one client folder's previous output, for this anvil and the current formatter. */
export function formatCache(previous: PreviousOutput, formatter: string): FormatCache {
  const manifest = previous.manifest;
  if (!manifest || manifest.generator !== GENERATOR || manifest.formatter !== formatter) return () => undefined;
  return (path, renderedHash) => {
    const entry = manifest.files[path];
    if (entry?.rendered !== renderedHash) return undefined;
    const text = previous.read(path);
    return text !== undefined && contentHash(text) === entry.sha256 ? text : undefined;
  };
}
