/**
 * anvil's definitions of the add-on trait libraries that published models use without defining
 * them (AWS's `aws.*` and Smithy's `smithy.waiters`, `smithy.rules`, `smithy.protocols`,
 * `smithy.test`), written as IDL files in this folder from the Smithy specs. Built in like the
 * prelude, so every trait value of these libraries is checked against its shape; a model that
 * brings its own definition of one of these shapes replaces anvil's (assemble/index.ts).
 * Parsed once per process and cached; callers must not mutate what they get.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LoadedFile } from "../../load/ast.js";
import { parseIdl } from "../../load/idl/index.js";

const here = dirname(fileURLToPath(import.meta.url));

let files: LoadedFile[] | undefined;
let ids: Set<string> | undefined;

/** The add-on libraries as loaded files, in a stable order; `preludeIds` are the prelude's own ids. */
export function addOnFiles(preludeIds: readonly string[]): LoadedFile[] {
  if (files) return files;
  const names = readdirSync(here)
    .filter((n) => n.endsWith(".smithy"))
    .sort();
  const pending = names.map((n) => parseIdl(readFileSync(join(here, n), "utf8"), join(here, n)));
  const defined = new Set<string>();
  for (const p of pending) for (const id of p.definedIds) defined.add(id);
  ids = new Set(defined);
  for (const id of preludeIds) defined.add(id);
  files = pending.map((p) => p.finish((id) => defined.has(id)));
  return files;
}

/** Ids of every add-on shape (after `addOnFiles` has run). */
export function addOnIds(preludeIds: readonly string[]): ReadonlySet<string> {
  addOnFiles(preludeIds);
  return ids as Set<string>;
}
