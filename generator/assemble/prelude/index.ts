/**
 * anvil's Smithy prelude (`smithy.api`): the simple types, `Unit`, and every prelude trait
 * definition, written as IDL files in this folder and loaded with anvil's own IDL parser. Parsed
 * once per process and cached; callers must not mutate what they get.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LoadedFile } from "../../load/ast.js";
import { parseIdl } from "../../load/idl/index.js";

const here = dirname(fileURLToPath(import.meta.url));

let files: LoadedFile[] | undefined;
let allIds: string[] | undefined;
let publicIds: string[] | undefined;

/** The prelude as loaded files (namespace `smithy.api`), in a stable order. */
export function preludeFiles(): LoadedFile[] {
  if (files) return files;
  const names = readdirSync(here)
    .filter((n) => n.endsWith(".smithy"))
    .sort();
  const pending = names.map((n) => parseIdl(readFileSync(join(here, n), "utf8"), join(here, n)));
  const ids = new Set<string>();
  for (const p of pending) for (const id of p.definedIds) ids.add(id);
  files = pending.map((p) => p.finish((id) => ids.has(id)));
  allIds = [...ids];
  return files;
}

/** Ids of every prelude shape, private ones included. */
export function preludeShapeIds(): string[] {
  preludeFiles();
  return allIds as string[];
}

/**
 * Ids of the prelude shapes other namespaces may refer to by a relative name (not `@private`):
 * what relative shape-id resolution consults after the current namespace.
 */
export function publicPreludeIds(): string[] {
  if (publicIds) return publicIds;
  publicIds = preludeFiles()
    .flatMap((f) => f.shapes)
    .filter((s) => s.shape.traits?.["smithy.api#private"] === undefined)
    .map((s) => s.id);
  return publicIds;
}
