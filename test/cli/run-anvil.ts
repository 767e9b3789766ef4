/** Runs the anvil command in a child process, as a user would, from `cwd`. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("../../", import.meta.url).pathname;
const cli = join(root, "generator/cli.ts");

/** Exit code and output of `anvil ...args` run in `cwd`. */
export function runAnvil(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(
    process.execPath,
    ["--import", pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href, cli, ...args],
    { cwd, encoding: "utf8" },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
