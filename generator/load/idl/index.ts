/**
 * The Smithy IDL loader. `parseIdl` reads one `.smithy` file; because relative shape ids resolve
 * against every file of the model (a shape named in the current namespace may be defined in another
 * file), the result is pending: the load stage parses all files, collects their `definedIds` (plus
 * the prelude's), then calls `finish` on each to get a `LoadedFile` with absolute ids.
 */
import { AnvilError } from "../../errors.js";
import type { LoadedFile } from "../ast.js";
import { resolveParsed } from "./resolve.js";
import { ShapeParser } from "./shape-parser.js";

export { printIdl, printIdlFiles, type PrintedIdl } from "./print.js";
export { coerceAnnotation, isAnnotationValue } from "./annotation.js";

/** An IDL file parsed but not yet resolved: relative ids need every file's defined ids. */
export interface PendingIdlFile {
  /** Absolute ids of the shapes this file defines (including inline operation input/output). */
  definedIds: string[];
  /** Resolves relative ids; `isDefined` answers for any file of the model and the prelude. */
  finish(isDefined: (absoluteId: string) => boolean): LoadedFile;
}

/**
 * Parses Smithy IDL text (2.0, and 1.0 files). Throws an `AnvilError` (kind "model") listing every
 * syntax error found, each with file, line, column and a hint.
 */
export function parseIdl(text: string, file: string): PendingIdlFile {
  const parsed = new ShapeParser(text, file).parse();
  if (parsed.diagnostics.length > 0) throw new AnvilError("model", [...parsed.diagnostics, ...parsed.shapeErrors]);
  return {
    definedIds: parsed.definedIds,
    finish: (isDefined) => resolveParsed(parsed, isDefined),
  };
}
