/**
 * The up-to-date shortcut of `anvil generate` and `anvil generate --check`, run by
 * `bin/anvil.mjs` before tsx and the generator load (they cost most of a second of start-up).
 * It answers only when the output root's seal proves the output is what a full run would produce
 * (see `seal.mjs`), and only for the plain invocations whose whole output it can reproduce: the
 * config file's clients (`--config`, `--out`), or `--model` files with the flags that shape their
 * client, plus `--check` and `--quiet`; never `--emit`, `--timings` or `--no-cache`. In every
 * other case it returns undefined and the full pipeline runs (and prints the diff when stale).
 */
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { configRun, modelRun, sealedOutput } from "./seal.mjs";

/** The flags the shortcut understands (parsed as the CLI parses them); any other argument means a full run. */
const FLAGS = {
  check: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  config: { type: "string" },
  out: { type: "string" },
  model: { type: "string", multiple: true },
  service: { type: "string" },
  operations: { type: "string" },
  name: { type: "string" },
  validation: { type: "string" },
};

/** The flags of a plain `generate`, or undefined. */
function parsePlain(argv) {
  if (argv[0] !== "generate") return undefined;
  try {
    return parseArgs({ args: argv.slice(1), options: FLAGS, strict: true }).values;
  } catch {
    return undefined; // an unknown flag or a positional: the full run handles (or rejects) it
  }
}

/** The config's output root (its `out`, relative to it; `generated` when absent), or undefined when the file cannot say. */
async function configuredOut(configFile) {
  const { parse } = await import("yaml");
  let config;
  try {
    config = parse(readFileSync(configFile, "utf8"));
  } catch {
    return undefined; // unreadable or invalid: the full run reports it
  }
  const out = config?.out ?? "generated";
  return typeof out === "string" && out !== "" ? resolve(dirname(resolve(configFile)), out) : undefined;
}

/**
 * Runs `anvil` with `argv` when the seal proves there is nothing to do: prints what the full run
 * would print on stdout and returns its exit code (0). Otherwise returns undefined.
 */
export async function runSealed(argv) {
  const flags = parsePlain(argv);
  if (flags === undefined) return undefined;
  let run;
  let out;
  if (flags.model !== undefined) {
    // Without a config: the output root is --out (the full run rejects its absence).
    if (flags.config !== undefined || flags.out === undefined) return undefined;
    run = modelRun(flags);
    out = resolve(flags.out);
  } else {
    const config = flags.config ?? "codegen.yaml";
    run = configRun(config);
    out = flags.out !== undefined ? resolve(flags.out) : await configuredOut(config);
  }
  if (out === undefined) return undefined;
  const sealed = sealedOutput(run, out);
  if (sealed === undefined) return undefined;
  const displayRoot = relative(process.cwd(), out).split("\\").join("/") || ".";
  const n = sealed.folders.length;
  if (flags.check)
    process.stdout.write(`anvil check: ${displayRoot} is up to date (${n} client${n === 1 ? "" : "s"}).\n`);
  else
    process.stdout.write(
      `anvil: wrote 0, unchanged ${sealed.files} (files in ${sealed.folders.map((f) => `${displayRoot}/${f}`).join(", ")})\n`,
    );
  return 0;
}
