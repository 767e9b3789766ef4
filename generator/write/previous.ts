/**
 * What the last run left in a client folder: its manifest and its files, read lazily. The
 * pipeline uses it to reuse formatting and to skip the type-check of an unchanged output.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MANIFEST_FILE, parseManifest, type Manifest } from "./manifest.js";

/** A client folder as the last run left it. */
export interface PreviousOutput {
  /** The manifest's text, or undefined when there is none. */
  manifestText?: string;
  /** The parsed manifest, or undefined when absent or malformed. */
  manifest?: Manifest;
  /** A file's text, or undefined when it is not there. */
  read(path: string): string | undefined;
}

/** Reads `outRoot/folder` (which may not exist). Nothing is read until asked for, but the manifest. */
export function previousOutput(outRoot: string, folder: string): PreviousOutput {
  const dir = join(outRoot, folder);
  const read = (path: string): string | undefined => {
    try {
      return readFileSync(join(dir, path), "utf8");
    } catch {
      return undefined;
    }
  };
  const manifestText = read(MANIFEST_FILE);
  return { manifestText, manifest: manifestText === undefined ? undefined : parseManifest(manifestText), read };
}
