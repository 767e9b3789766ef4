/**
 * Runs TypeScript 7's native compiler (`tsc -p`) on a project: a tsconfig.json that names the
 * files to check. The compiler is a separate process, so a check runs beside the formatting done
 * in this one, on another core.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runNativeCompiler } from "./compiler.js";
import { parseDiagnostics, type TypeCheckProblem } from "./diagnostics.js";
import { runtimeFileSet, runtimeFileText } from "../runtime-files.js";
import { linkPackages, tsconfigText } from "./project.js";
import { declarationPath, runtimeDeclarations, type RuntimeDeclarations } from "./runtime-declarations.js";

/** A file to check: where it goes in the output, its text, and what produced it. */
export interface CheckFile {
  folder: string;
  path: string;
  text: string;
  origin: string;
}

/**
 * Checks files that are on disk under `root` (`files` relative to it, `origins` keyed the same
 * way). The tsconfig.json (named `configName`) and a `node_modules` of links to the packages the
 * files may import are written to `root`, left for the caller to remove with the folder.
 */
export async function checkProject(
  root: string,
  files: string[],
  origins: Map<string, string>,
  configName = "tsconfig.json",
): Promise<TypeCheckProblem[]> {
  const config = join(root, configName);
  writeFileSync(config, tsconfigText(files));
  linkPackages(root);
  // Paths in diagnostics are relative to the working directory: the root, like `files`.
  const { code, output } = await runNativeCompiler(["-p", config, "--pretty", "false"], root);
  const problems = parseDiagnostics(output, origins);
  if (code !== 0 && problems.length === 0)
    throw new Error(`internal: the TypeScript compiler exited with ${code} and no diagnostics: ${output.trim()}`);
  return problems;
}

/**
 * A file as a check lays it out: a runtime copy, exactly as the renderer writes it, becomes the
 * runtime's declaration file (see runtime-declarations.ts), which the check parses but does not
 * check; anything else stays as it is and is checked. `path` is relative to the client folder.
 */
export function checkedForm(
  path: string,
  text: string,
  declarations: RuntimeDeclarations | undefined,
): { path: string; text: string; checked: boolean } {
  const rel = runtimeCopyOf(path, text);
  const declaration = rel === undefined ? undefined : declarations?.get(rel);
  if (rel !== undefined && declaration !== undefined)
    return { path: copyDeclarationPath(path, rel), text: declaration, checked: false };
  return { path, text, checked: path.endsWith(".ts") };
}

/** Where the declaration file of the runtime copy at `path` (a copy of `rel`) goes: the same folder. */
export function copyDeclarationPath(path: string, rel: string): string {
  return path.slice(0, -rel.length) + declarationPath(rel);
}

/**
 * The runtime file (relative to generator/runtime/) that a client's file is an exact copy of,
 * as the renderer writes it; undefined for any other file, and for an edited copy, which is
 * then checked as it is.
 */
export function runtimeCopyOf(path: string, text: string): string | undefined {
  if (!path.startsWith("runtime/") || !path.endsWith(".ts")) return undefined;
  const rel = path.slice("runtime/".length);
  return runtimeFileSet().has(rel) && text === runtimeFileText(rel) ? rel : undefined;
}

/**
 * Checks in-memory files: writes them to a temporary folder (removed afterwards) and checks the
 * `.ts` ones there, with runtime copies as the runtime's declarations. Other files are written
 * too: a client's package.json says its `.ts` files are ES modules, which changes how their
 * imports resolve.
 */
export async function checkFiles(files: CheckFile[]): Promise<TypeCheckProblem[]> {
  const declarations = await runtimeDeclarations();
  const root = mkdtempSync(join(tmpdir(), "anvil-typecheck-"));
  try {
    const origins = new Map<string, string>();
    for (const f of files) {
      const form = checkedForm(f.path, f.text, declarations);
      const rel = `${f.folder}/${form.path}`;
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), form.text);
      if (form.checked) origins.set(rel, f.origin);
    }
    return await checkProject(root, [...origins.keys()], origins);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
