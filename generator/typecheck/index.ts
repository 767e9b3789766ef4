/**
 * Stage 7, type-check: compiles the whole output (strict, no emit) before anything is written,
 * with TypeScript 7's native compiler on a temporary copy of the files. The runtime copies in
 * that copy are the runtime's declarations, checked once per runtime (runtime-declarations.ts).
 * A type error aborts generation with the diagnostics and the template behind them.
 */
import { contentHash } from "../hash.js";
import type { RenderedFile } from "../render/index.js";
import { nativeCompilerVersion } from "./compiler.js";
import type { TypeCheckProblem } from "./diagnostics.js";
import { TYPECHECK_COMPILER_OPTIONS } from "./options.js";
import { checkFiles, type CheckFile } from "./run.js";

export type { TypeCheckProblem } from "./diagnostics.js";
export { TYPECHECK_COMPILER_OPTIONS } from "./options.js";
export { checkProject, checkedForm, copyDeclarationPath, runtimeCopyOf, type CheckFile } from "./run.js";
export { declarationPath, runtimeDeclarations, type RuntimeDeclarations } from "./runtime-declarations.js";

/** Checks generated clients' files; returns every problem (empty when clean). */
export type TypeChecker = (clients: Array<{ folder: string; files: RenderedFile[] }>) => Promise<TypeCheckProblem[]>;

/** The files of some clients that a check reads (`.ts` files and package.json), as the checker takes them. */
export function checkFilesOf(clients: Array<{ folder: string; files: RenderedFile[] }>): CheckFile[] {
  const read = (path: string) => path.endsWith(".ts") || path === "package.json";
  return clients.flatMap((c) =>
    c.files
      .filter((f) => read(f.path))
      .map((f) => ({ folder: c.folder, path: f.path, text: f.text, origin: f.origin })),
  );
}

/** The checker: every client's files in one program, checked by the native compiler. */
export function typeChecker(): TypeChecker {
  return (clients) => checkFiles(checkFilesOf(clients));
}

/**
 * @deprecated The checker no longer runs in this process; use {@link typeChecker}. Kept so
 * callers written against the earlier in-process checker keep compiling.
 */
export const inProcessTypeChecker = typeChecker;

/**
 * What a check depends on besides the files: the compiler's version and the options. Recorded in
 * each output's manifest, so output checked by another compiler or with other options is not
 * taken as checked.
 */
export function checkerIdentity(): string {
  const options = contentHash(JSON.stringify(TYPECHECK_COMPILER_OPTIONS)).slice(0, 12);
  return `typescript ${nativeCompilerVersion()}, options ${options}`;
}
