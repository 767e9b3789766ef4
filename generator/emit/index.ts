/**
 * `--emit js` (codegen.yaml `emit: js`): a client folder for JavaScript projects, holding `.js`
 * plus `.d.ts` files and no TypeScript sources. Runs after the type-check, on the formatted
 * files: TypeScript 7's native compiler (the one the type-check stage runs, so no second
 * compiler is needed) emits them with the type-check's options plus `declaration`. The folder's
 * package.json points `types` at index.d.ts (lower/packaging.ts), and its tsconfig.json (how the
 * sources compile) is left out with the sources.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runNativeCompiler } from "../typecheck/compiler.js";
import { TYPECHECK_COMPILER_OPTIONS } from "../typecheck/options.js";
import { linkPackages } from "../typecheck/project.js";
import { listFiles } from "../write/index.js";

/** What a client folder holds: `ts` sources (the default) or `js` with declarations. */
export type EmitKind = "ts" | "js";

/** One client's files, as the pipeline carries them. */
export interface EmitClient {
  folder: string;
  files: Array<{ path: string; text: string }>;
}

/** Files of a `ts` folder that a `js` folder leaves out besides the sources. */
const SOURCE_ONLY = new Set(["tsconfig.json"]);

/** The clients with every `.ts` file replaced by the `.js` and `.d.ts` the compiler emits for it. */
export async function emitJavaScript(clients: EmitClient[]): Promise<EmitClient[]> {
  const root = mkdtempSync(join(tmpdir(), "anvil-emit-"));
  try {
    const sources: string[] = [];
    for (const c of clients) {
      for (const f of c.files) {
        const path = join(root, "src", c.folder, f.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, f.text);
        if (f.path.endsWith(".ts")) sources.push(`src/${c.folder}/${f.path}`);
      }
    }
    const compilerOptions = {
      ...TYPECHECK_COMPILER_OPTIONS,
      noEmit: false,
      declaration: true,
      rootDir: "src",
      outDir: "out",
      newLine: "lf",
    };
    writeFileSync(join(root, "tsconfig.json"), `${JSON.stringify({ compilerOptions, files: sources }, null, 2)}\n`);
    linkPackages(root);
    const { code, output } = await runNativeCompiler(["-p", "tsconfig.json", "--pretty", "false"], root);
    // The same files passed the type-check: any diagnostic here is anvil's bug, not the user's.
    if (code !== 0)
      throw new Error(`internal: the TypeScript compiler failed to emit JavaScript (exit ${code}): ${output.trim()}`);
    return clients.map((c) => {
      const emitted = listFiles(join(root, "out", c.folder)).map((path) => ({
        path,
        text: readFileSync(join(root, "out", c.folder, path), "utf8"),
      }));
      const kept = c.files.filter((f) => !f.path.endsWith(".ts") && !SOURCE_ONLY.has(f.path));
      return {
        folder: c.folder,
        files: [...kept, ...emitted].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
      };
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
