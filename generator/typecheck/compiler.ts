/**
 * Where TypeScript 7's native compiler is: the `typescript7` dependency (`npm:typescript@7`) ships
 * a JavaScript launcher whose only job is to find the platform binary in an optional dependency
 * (`@typescript/typescript-<os>-<arch>`) and exec it. We ask that launcher's own lookup once and
 * spawn the binary directly, saving a Node start-up per check.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** The native compiler: the executable to spawn and the TypeScript version it is. */
export interface NativeCompiler {
  executable: string;
  version: string;
}

let found: Promise<NativeCompiler> | undefined;

/** Finds the native compiler (once per process). Rejects when the platform package is missing. */
export function nativeCompiler(): Promise<NativeCompiler> {
  found ??= (async () => {
    const dir = dirname(createRequire(import.meta.url).resolve("typescript7/package.json"));
    const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string };
    const { default: getExePath } = (await import(pathToFileURL(join(dir, "lib", "getExePath.js")).href)) as {
      default: () => string;
    };
    return { executable: getExePath(), version };
  })();
  return found;
}

/** The version of the native compiler, read without locating the binary (for the manifest). */
export function nativeCompilerVersion(): string {
  const path = createRequire(import.meta.url).resolve("typescript7/package.json");
  return (JSON.parse(readFileSync(path, "utf8")) as { version: string }).version;
}

/** Runs the native compiler with `args` in `cwd`; resolves with its exit code and everything it printed. */
export async function runNativeCompiler(args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  const { executable } = await nativeCompiler();
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => chunks.push(d));
    child.stderr.on("data", (d: Buffer) => chunks.push(d));
    child.on("error", reject);
    child.on("close", (exit) => resolve({ code: exit, output: Buffer.concat(chunks).toString("utf8") }));
  });
}
