/**
 * Stage 7, type-check: compiles the whole output in memory (strict, no emit) before anything is
 * written. A type error aborts generation with the diagnostics and the template behind them.
 */
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Project, ts } from "ts-morph";
import type { RenderedFile } from "../render/index.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * The options a vendoring project is expected to use at least: strict, ES2022, Node types
 * (the Node transport imports node:http). No DOM lib: the runtime uses only globals Node
 * declares too, and leaving DOM out keeps this stage fast.
 */
const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts"],
  types: ["node"],
  typeRoots: [join(ROOT, "node_modules", "@types")],
  noEmit: true,
  noUnusedLocals: true,
  noImplicitOverride: true,
  skipLibCheck: true,
  isolatedModules: true,
};

/** One type error, located in a generated file and attributed to what produced it. */
export interface TypeCheckProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  origin: string;
}

/** Type-checks clients' files together; returns every problem (empty when clean). */
export function typeCheck(clients: Array<{ folder: string; files: RenderedFile[] }>): TypeCheckProblem[] {
  const project = new Project({ compilerOptions: COMPILER_OPTIONS, skipAddingFilesFromTsConfig: true, skipLoadingLibFiles: false });
  // Files live at a path inside the repo that is never written, so node_modules (@types/node,
  // runtime dependencies) resolve as they would for a checked-out generated folder.
  const base = join(ROOT, ".anvil-typecheck");
  const origins = new Map<string, string>();
  for (const client of clients) {
    for (const f of client.files) {
      if (!f.path.endsWith(".ts")) continue;
      const path = join(base, client.folder, f.path);
      project.createSourceFile(path, f.text, { overwrite: true });
      origins.set(path, f.origin);
    }
  }
  const diagnostics = project.getPreEmitDiagnostics();
  return diagnostics.map((d) => {
    const sf = d.getSourceFile();
    const path = sf?.getFilePath() ?? "";
    const start = d.getStart() ?? 0;
    const pos = sf ? sf.getLineAndColumnAtPos(start) : { line: 0, column: 0 };
    return {
      file: path.startsWith(base) ? path.slice(base.length + 1) : path,
      line: pos.line,
      column: pos.column,
      message: ts.flattenDiagnosticMessageText(d.compilerObject.messageText, "\n"),
      origin: origins.get(path) ?? "(unknown)",
    };
  });
}
