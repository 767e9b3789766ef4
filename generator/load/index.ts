/**
 * Stage 1, load: reads model files (`.json` JSON AST, `.smithy` IDL) into `LoadedFile`s with
 * absolute shape ids. Gives: LoadedFile[] in the order the files were named.
 */
import { readFileSync, statSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { AnvilError } from "../errors.js";
import type { LoadedFile } from "./ast.js";
import { loadJsonAst } from "./json-loader.js";
import { parseIdl } from "./idl/index.js";

/** One input: a path (for messages) and its text. */
export interface SourceText {
  file: string;
  text: string;
}

/** Expands directories to the `.smithy`/`.json` files inside them (sorted, recursively). */
export function expandModelPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new AnvilError("usage", { message: `Model file not found: ${p}` });
    }
    if (st.isDirectory()) {
      const entries = readdirSync(p, { withFileTypes: true }).sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
      out.push(
        ...expandModelPaths(
          entries.filter((e) => e.isDirectory() || /\.(smithy|json)$/.test(e.name)).map((e) => join(p, e.name)),
        ),
      );
    } else out.push(p);
  }
  return out;
}

/** Reads files from disk and loads them. */
export function loadFiles(paths: string[], knownIds: Iterable<string> = []): LoadedFile[] {
  return loadSources(
    expandModelPaths(paths).map((file) => ({ file, text: readFileSync(file, "utf8") })),
    knownIds,
  );
}

/**
 * Loads in-memory sources. IDL files resolve relative ids against every file's shapes, so all are
 * parsed first; `knownIds` are ids defined elsewhere (the prelude).
 */
export function loadSources(sources: SourceText[], knownIds: Iterable<string> = []): LoadedFile[] {
  const errors: AnvilError[] = [];
  const pending: Array<LoadedFile | ReturnType<typeof parseIdl>> = [];
  for (const { file, text } of sources) {
    try {
      if (file.endsWith(".json")) pending.push(loadJsonAst(text, file));
      else if (file.endsWith(".smithy")) pending.push(parseIdl(text, file));
      else
        throw new AnvilError("usage", {
          message: `Unsupported model file extension: ${file}`,
          hint: "Model files end in .smithy (IDL) or .json (JSON AST)",
        });
    } catch (e) {
      if (e instanceof AnvilError) errors.push(e);
      else throw e;
    }
  }
  if (errors.length > 0) throw mergeErrors(errors);
  const defined = new Set<string>(knownIds);
  for (const p of pending) {
    if ("finish" in p) for (const id of p.definedIds) defined.add(id);
    else for (const s of p.shapes) defined.add(s.id);
  }
  const isDefined = (id: string) => defined.has(id);
  const out: LoadedFile[] = [];
  for (const p of pending) {
    try {
      out.push("finish" in p ? p.finish(isDefined) : p);
    } catch (e) {
      if (e instanceof AnvilError) errors.push(e);
      else throw e;
    }
  }
  if (errors.length > 0) throw mergeErrors(errors);
  return out;
}

/** One error carrying every file's diagnostics, so a user sees all problems at once. */
export function mergeErrors(errors: AnvilError[]): AnvilError {
  if (errors.length === 1) return errors[0];
  const kind = errors.some((e) => e.kind === "usage") ? "usage" : errors[0].kind;
  return new AnvilError(
    kind,
    errors.flatMap((e) => e.diagnostics),
  );
}
