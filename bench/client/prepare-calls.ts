/**
 * What a run of calls.ts needs, built in a scratch folder: calls.ts compiled to plain JavaScript,
 * the replayed cases' clients (replay-clients.ts) and, when asked, generated/frauddetector as
 * committed at another git revision (compiled too), to measure before and after in one run.
 * index.ts and compiled.ts both start calls.ts this way.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { compileScript, REPO } from "./build.js";
import { prepareReplayClients } from "./replay-clients.js";

/** The compiled calls.ts and its command-line arguments (after the figures). */
export async function prepareCalls(
  dir: string,
  baselineRef: string | undefined,
): Promise<{ script: string; args: string[] }> {
  const script = await compileScript(join(REPO, "bench/client/calls.ts"), dir, "calls");
  const args = [`--replays=${JSON.stringify(await prepareReplayClients(dir))}`];
  if (baselineRef !== undefined)
    args.push(`--baseline=${await compileRevision(baselineRef, dir)}`, `--baseline-name=${baselineRef}`);
  return { script, args };
}

/** generated/frauddetector at `ref` (git archive into `dir`), compiled to one module. */
async function compileRevision(ref: string, dir: string): Promise<string> {
  const out = join(dir, "baseline");
  mkdirSync(out, { recursive: true });
  const tar = execFileSync("git", ["-C", REPO, "archive", "--format=tar", ref, "generated/frauddetector"], {
    maxBuffer: 64 << 20,
  });
  execFileSync("tar", ["-x", "-C", out], { input: tar });
  return compileScript(join(out, "generated/frauddetector/index.ts"), dir, "baseline-frauddetector");
}
