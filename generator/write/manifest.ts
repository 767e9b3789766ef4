/**
 * The manifest written into every client folder: which anvil made the files, which Prettier
 * formatted them, which compiler checked them, and a hash of each file (and, for a formatted
 * file, of its text before formatting). The next run uses it to skip work whose result it
 * already has on disk: formatting a file whose rendered text has not changed, and the type-check
 * of an output that is the same as last time. It is an ordinary output file: the drift check
 * compares it like the others, so a new anvil, Prettier or compiler shows as drift.
 */
import { contentHash } from "../hash.js";
import { GENERATOR_NAME, GENERATOR_VERSION } from "../version.js";

/** The manifest's file name inside a client folder. */
export const MANIFEST_FILE = "anvil-manifest.json";

/** This anvil, as the manifest names it. */
export const GENERATOR = `${GENERATOR_NAME} ${GENERATOR_VERSION}`;

/** What the manifest records about one file. */
export interface ManifestEntry {
  /** Hash of the file's text as written. */
  sha256: string;
  /** Hash of the text before formatting (formatted files only): the format cache's key. */
  rendered?: string;
}

/** The parsed manifest. */
export interface Manifest {
  generator: string;
  formatter: string;
  checker: string;
  files: Record<string, ManifestEntry>;
}

/** The tools a run uses, as the manifest names them. */
export interface ToolIdentities {
  formatter: string;
  checker: string;
}

/**
 * The manifest text for a client's files. `rendered` maps a formatted file's path to the hash
 * of its text before formatting. Keys are sorted so the text is deterministic.
 */
export function manifestText(
  files: Array<{ path: string; text: string }>,
  rendered: Record<string, string>,
  tools: ToolIdentities,
): string {
  const entries: Record<string, ManifestEntry> = {};
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (f.path === MANIFEST_FILE) continue;
    entries[f.path] =
      rendered[f.path] === undefined
        ? { sha256: contentHash(f.text) }
        : { sha256: contentHash(f.text), rendered: rendered[f.path] };
  }
  const manifest = {
    note: "Written by anvil: how each file of this folder was made, so the next run can skip unchanged work. DO NOT EDIT.",
    generator: GENERATOR,
    formatter: tools.formatter,
    checker: tools.checker,
    files: entries,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Reads a manifest; undefined for anything that is not one (a hand-edited or foreign file is simply not trusted). */
export function parseManifest(text: string): Manifest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const m = value as Record<string, unknown>;
  if (typeof m.generator !== "string" || typeof m.formatter !== "string" || typeof m.checker !== "string")
    return undefined;
  if (typeof m.files !== "object" || m.files === null) return undefined;
  const files: Record<string, ManifestEntry> = {};
  for (const [path, entry] of Object.entries(m.files as Record<string, unknown>)) {
    const e = entry as Record<string, unknown> | null;
    if (typeof e?.sha256 !== "string" || (e.rendered !== undefined && typeof e.rendered !== "string")) return undefined;
    files[path] =
      e.rendered === undefined ? { sha256: e.sha256 } : { sha256: e.sha256, rendered: e.rendered as string };
  }
  return { generator: m.generator, formatter: m.formatter, checker: m.checker, files };
}

/** A client's output with its manifest added as one more file. */
export function withManifest(
  client: { folder: string; files: Array<{ path: string; text: string }>; rendered: Record<string, string> },
  tools: ToolIdentities,
): { folder: string; files: Array<{ path: string; text: string }> } {
  const files = client.files.filter((f) => f.path !== MANIFEST_FILE);
  return {
    folder: client.folder,
    files: [...files, { path: MANIFEST_FILE, text: manifestText(files, client.rendered, tools) }],
  };
}
