/**
 * A reusable type-checking session: a ts-morph project with the compiler options generated code
 * must pass. `warm` parses the lib and Node type files and the runtime up front, so checking
 * the generated files afterwards only costs their own parse and check.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Project, ts } from "ts-morph";
import { GENERATED_CODE_COMPILER_OPTIONS } from "./compiler-options.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Where in-memory files live: inside the repo (so node_modules resolves), never written. */
export const VIRTUAL_ROOT = join(ROOT, ".anvil-typecheck");

/** GENERATED_CODE_COMPILER_OPTIONS, converted, with Node types found in this repository's node_modules. */
const COMPILER_OPTIONS: ts.CompilerOptions = {
  ...ts.convertCompilerOptionsFromJson(GENERATED_CODE_COMPILER_OPTIONS, ROOT).options,
  typeRoots: [join(ROOT, "node_modules", "@types")],
};

/** A file to check: where it goes in the output and what produced it. */
export interface CheckFile {
  folder: string;
  path: string;
  text: string;
  origin: string;
}

/** One type error, located in a generated file and attributed to what produced it. */
export interface TypeCheckProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  origin: string;
}

/**
 * A checking session; create once per process (or once per worker, for many checks in a row).
 *
 * Files passed to `warm` are parsed up front and trusted (see `warm`) when `check` is given the
 * same text again: a generated file is a module that declares no globals, so adding it cannot
 * change another file's diagnostics. Only the files that are new or changed are checked at
 * `check` time.
 */
export class TypeCheckSession {
  private readonly project = new Project({ compilerOptions: COMPILER_OPTIONS, skipAddingFilesFromTsConfig: true });
  /** Files already checked, by absolute virtual path: the text they were checked with and what was found. */
  private readonly checked = new Map<string, { text: string; problems: TypeCheckProblem[] }>();

  /**
   * Parses lib and Node types and adds `files` (the runtime) ahead of the real check, as trusted:
   * they are verbatim copies of generator/runtime/, which the test suite type-checks under
   * stricter options than these, so `check` reports nothing in them when it gets the same text
   * again. What generated files use of them is still checked, lazily, when those are.
   */
  warm(files: CheckFile[]): void {
    const warmPath = join(VIRTUAL_ROOT, files[0]?.folder ?? "", "__warm__.ts");
    const paths = files.map((f) => this.add(f));
    files.forEach((f, i) => this.checked.set(paths[i], { text: f.text, problems: [] }));
    // Importing node:http and the runtime's entry points from a throwaway file loads lib and
    // @types/node and binds the runtime, so the real check starts from a built program.
    const entries = files.filter((f) => /^runtime\/[\w-]+\.ts$/.test(f.path)).map((f) => `import "./${f.path.replace(/\.ts$/, ".js")}";`);
    this.project.createSourceFile(warmPath, ['import "node:http";', ...entries, "export {};"].join("\n"), { overwrite: true });
    this.diagnose([warmPath], new Map());
    const warm = this.project.getSourceFile(warmPath);
    if (warm) this.project.removeSourceFile(warm);
  }

  private pathOf(f: CheckFile): string {
    return join(VIRTUAL_ROOT, f.folder, f.path);
  }

  private add(f: CheckFile): string {
    const path = this.pathOf(f);
    this.project.createSourceFile(path, f.text, { overwrite: true });
    return path;
  }

  /** Checks the files (plus whatever was warmed); returns every problem in them. */
  check(files: CheckFile[]): TypeCheckProblem[] {
    const origins = new Map<string, string>();
    const reused: TypeCheckProblem[] = [];
    const fresh: string[] = [];
    for (const f of files) {
      const path = this.pathOf(f);
      origins.set(path, f.origin);
      const prior = this.checked.get(path);
      if (prior && prior.text === f.text && this.project.getSourceFile(path)) reused.push(...prior.problems);
      else {
        this.checked.delete(path);
        fresh.push(this.add(f));
      }
    }
    return [...reused, ...this.diagnose(fresh, origins).map(stripPath)];
  }

  /**
   * Removes files from the session (a caller checking many outputs in a row, like the corpus
   * run, releases each before the next so the program does not grow). Warmed files given with
   * the same text can be kept by leaving them out of `files`.
   */
  release(files: CheckFile[]): void {
    for (const f of files) {
      const path = this.pathOf(f);
      this.checked.delete(path);
      const sf = this.project.getSourceFile(path);
      if (sf) this.project.removeSourceFile(sf);
    }
  }

  /** Options and global diagnostics, then syntactic and semantic diagnostics of the given files only. */
  private diagnose(paths: string[], origins: Map<string, string>): Array<TypeCheckProblem & { path: string }> {
    const program = this.project.getProgram().compilerObject;
    const diagnostics: ts.Diagnostic[] = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
    for (const path of paths) {
      const sf = program.getSourceFile(path);
      if (!sf) continue;
      diagnostics.push(...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf));
    }
    return diagnostics.map((d) => {
      const path = d.file?.fileName ?? "";
      const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: -1, character: -1 };
      return {
        path,
        file: path.startsWith(VIRTUAL_ROOT) ? path.slice(VIRTUAL_ROOT.length + 1) : path,
        line: pos.line + 1,
        column: pos.character + 1,
        message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
        origin: origins.get(path) ?? "(unknown)",
      };
    });
  }
}

function stripPath({ path: _path, ...problem }: TypeCheckProblem & { path: string }): TypeCheckProblem {
  return problem;
}
