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
import { linkPackages, tsconfigText } from "./project.js";

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
 * Checks in-memory files: writes them to a temporary folder (removed afterwards) and checks the
 * `.ts` ones there. Other files are written too: a client's package.json says its `.ts` files
 * are ES modules, which changes how their imports resolve.
 */
export async function checkFiles(files: CheckFile[]): Promise<TypeCheckProblem[]> {
  const root = mkdtempSync(join(tmpdir(), "anvil-typecheck-"));
  try {
    const origins = new Map<string, string>();
    for (const f of files) {
      const rel = `${f.folder}/${f.path}`;
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), f.text);
      if (f.path.endsWith(".ts")) origins.set(rel, f.origin);
    }
    return await checkProject(root, [...origins.keys()], origins);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
