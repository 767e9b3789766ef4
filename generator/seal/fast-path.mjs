/**
 * The up-to-date shortcut of `anvil generate` and `anvil generate --check`, run by
 * `bin/anvil.mjs` before tsx and the generator load (they cost most of a second of start-up).
 * It answers only when the output root's seal proves the output is what a full run would produce
 * (see `seal.mjs`), and only for the plain invocations whose whole output it can reproduce: the
 * config file's clients, with no flag but `--check`, `--config`, `--out` and `--quiet`. In every
 * other case it returns undefined and the full pipeline runs (and prints the diff when stale).
 */
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { sealedOutput } from "./seal.mjs";

/** The flags the shortcut understands; any other argument means a full run. */
function parsePlain(argv) {
  if (argv[0] !== "generate") return undefined;
  const options = { check: false, config: "codegen.yaml", out: undefined };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--check") options.check = true;
    else if (a === "--quiet" || a === "-q") continue;
    else if ((a === "--config" || a === "--out") && i + 1 < argv.length && !argv[i + 1].startsWith("-"))
      options[a.slice(2)] = argv[++i];
    else return undefined;
  }
  return options;
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
  const options = parsePlain(argv);
  if (options === undefined) return undefined;
  const out = options.out !== undefined ? resolve(options.out) : await configuredOut(options.config);
  if (out === undefined) return undefined;
  const sealed = sealedOutput(options.config, out);
  if (sealed === undefined) return undefined;
  const displayRoot = relative(process.cwd(), out).split("\\").join("/") || ".";
  const n = sealed.folders.length;
  if (options.check)
    process.stdout.write(`anvil check: ${displayRoot} is up to date (${n} client${n === 1 ? "" : "s"}).\n`);
  else
    process.stdout.write(
      `anvil: wrote 0, unchanged ${sealed.files} (files in ${sealed.folders.map((f) => `${displayRoot}/${f}`).join(", ")})\n`,
    );
  return 0;
}
