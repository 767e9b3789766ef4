#!/usr/bin/env -S npx tsx
/**
 * The `anvil` command. The only place that prints errors and chooses exit codes:
 * 0 ok, 1 drift or invalid model, 2 usage or config error.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { AnvilError, codeFrame, isError, type Diagnostic, type Severity } from "./errors.js";
import { atLeast, failsValidation, formatValidationReport, SEVERITIES } from "./validation-report.js";
import { loadConfig, type Config } from "./config/index.js";
import { generate, type GenerateOptions, type GenerateResult } from "./pipeline.js";
import { progressDisplay } from "./progress.js";
import { check, write } from "./write/index.js";
import { MANIFEST_FILE, withManifest } from "./write/manifest.js";
import { configRun, modelRun, SEAL_FILE, sealText } from "./seal/seal.mjs";
import { previousOutput } from "./write/previous.js";
import { loadFiles } from "./load/index.js";
import { assemble } from "./assemble/index.js";
import { preludeIds } from "./assemble/prelude.js";
import { toJsonAst } from "./assemble/to-json-ast.js";
import { printIdlFiles } from "./load/idl/index.js";
import { GENERATOR_NAME, GENERATOR_VERSION } from "./version.js";
import { addToApp, folderDependencies, installCommands } from "./vendor-deps.js";

const HELP = `${GENERATOR_NAME} ${GENERATOR_VERSION}: Smithy models in, typed and validated TypeScript clients out.

Usage:
  anvil generate [--config FILE] [--out DIR] [--check] [--timings] [--no-cache] [--quiet] [--emit js]
  anvil generate --model FILE... [--service ID] [--operations A,B] [--name NAME] [--validation MODE] --out DIR
  anvil validate [--config FILE | --model FILE...] [--severity LEVEL]
  anvil ast FILE...
  anvil idl FILE... [--out DIR]
  anvil vendor-deps FOLDER [--write] [--package FILE]
  anvil --help | --version

Commands:
  generate   Generate the clients codegen.yaml describes (default config: ./codegen.yaml).
             --check     write nothing; print a unified diff of what would change and exit 1
                         when the output is stale (the CI drift check). An output whose
                         anvil-seal.json proves it up to date is answered without regenerating
             --out DIR   output root (overrides the config's "out")
             --model F   generate from model files directly, without a config file
                         (all operations unless --operations names some; --validation
                         reject|warn|off sets the client's default mode)
             --timings   print the time each pipeline stage took to stderr
             --no-cache  format and type-check everything, even what the output
                         folder's anvil-manifest.json says is unchanged
             --emit js   write JavaScript and .d.ts declarations (emitted by the TypeScript
                         compiler after the type-check) instead of TypeScript sources;
                         codegen.yaml: emit: js
             --quiet     no progress (which client and stage the run is in, on stderr:
                         one updating line on a terminal, plain lines in CI or a pipe)
             The last line says how many files were written and how many were
             unchanged; an unchanged file is not rewritten (its mtime stays).
  validate   Load the models (of --model, or of every client in codegen.yaml) and print every
             validation event, grouped by severity (ERROR, DANGER, WARNING, NOTE), each with
             its event id, shape, position and a code frame; exit 1 on any ERROR or DANGER.
             --severity LEVEL  print only events at LEVEL or above (NOTE, WARNING, DANGER,
                               ERROR; default NOTE); the exit code still counts every event
  ast        Load and assemble model files and print the model as Smithy JSON AST
             (prelude left out, keys sorted).
  idl        Load and assemble model files and print them as Smithy IDL, one file per
             namespace (to stdout, or written as DIR/<namespace>.smithy with --out).
  vendor-deps  For a client folder copied into an app: print the npm commands that add its
             packages to the app's own package.json at the exact versions it was tested
             with, or with --write add them to ./package.json (--package FILE) yourself;
             then run npm install.

Exit codes: 0 ok, 1 drift or invalid model, 2 usage or config error, 3 internal error.`;

/** A file as the user should read it: relative to the current directory, like config errors (`specs/x.smithy`). */
function shownPath(file: string): string {
  return isAbsolute(file) ? relative(process.cwd(), file).split("\\").join("/") || "." : file;
}

/** A message or hint with every absolute path under the current directory made relative to it. */
function shownText(text: string): string {
  return text.split(`${process.cwd()}${sep}`).join("");
}

/** Model files as read for code frames, each read once per run (many events point into one large model). */
const sources = new Map<string, string>();

function sourceText(file: string): string {
  let text = sources.get(file);
  if (text === undefined) {
    text = readFileSync(file, "utf8");
    sources.set(file, text);
  }
  return text;
}

/** Prints a diagnostic (an error, or a warning when its severity says so) with a code frame when the file can be read. */
function printDiagnostic(diagnostic: Diagnostic): void {
  if (diagnostic.severity === "SUPPRESSED") return; // silenced by the model itself
  const d: Diagnostic = { ...diagnostic, message: shownText(diagnostic.message) };
  if (diagnostic.hint !== undefined) d.hint = shownText(diagnostic.hint);
  const loc = d.location;
  const where = loc ? `${shownPath(loc.file)}:${loc.line}:${loc.column}: ` : "";
  const label = isError(d) ? "error" : d.severity === "DANGER" ? "danger" : d.severity === "NOTE" ? "note" : "warning";
  const id = d.eventId ? ` [${d.eventId}]` : "";
  process.stderr.write(
    `${label}: ${where}${d.message}${d.shapeId && !d.message.includes(d.shapeId) ? ` (${d.shapeId})` : ""}${label === "error" ? "" : id}\n`,
  );
  if (loc) {
    try {
      process.stderr.write(`${codeFrame(sourceText(loc.file), loc.line, loc.column)}\n`);
    } catch {
      // The file is not readable (in-memory input): the position alone must do.
    }
  }
  if (d.hint) process.stderr.write(`  hint: ${d.hint}\n`);
}

/** How many events of one id `generate`, `ast` and `idl` print in full; `anvil validate` prints them all. */
const WARNINGS_SHOWN_PER_ID = 3;

/**
 * Prints a run's warnings (DANGER, WARNING, NOTE), at most a few per event id: a published AWS
 * model carries hundreds of the same one (S3: `UnstableTrait` on every `@contextParam`), which
 * would bury the rest. The remainder is counted per id, with the command that lists them.
 */
function printWarnings(warnings: readonly Diagnostic[]): void {
  const seen = new Map<string, number>();
  for (const w of warnings) {
    if (w.severity === "SUPPRESSED") continue;
    const id = w.eventId ?? "";
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    if (n <= WARNINGS_SHOWN_PER_ID) printDiagnostic(w);
  }
  const more = [...seen]
    .filter(([, n]) => n > WARNINGS_SHOWN_PER_ID)
    .map(([id, n]) => `${n - WARNINGS_SHOWN_PER_ID} more [${id}]`);
  if (more.length > 0) process.stderr.write(`warning: and ${more.join(", ")}; \`anvil validate\` lists every event\n`);
}

function fail(e: unknown): number {
  if (e instanceof AnvilError) {
    printWarnings(e.warnings);
    for (const d of e.diagnostics) printDiagnostic(d);
    if (e.diagnostics.length > 1) process.stderr.write(`${e.diagnostics.length} errors\n`);
    return e.kind === "model" ? 1 : e.kind === "internal" ? 3 : 2;
  }
  process.stderr.write(`internal error: ${(e as Error)?.stack ?? String(e)}\n`);
  return 3;
}

async function runGenerate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: "string" },
      out: { type: "string" },
      check: { type: "boolean", default: false },
      timings: { type: "boolean", default: false },
      "no-cache": { type: "boolean", default: false },
      model: { type: "string", multiple: true },
      service: { type: "string" },
      operations: { type: "string" },
      name: { type: "string" },
      validation: { type: "string" },
      quiet: { type: "boolean", short: "q", default: false },
      emit: { type: "string" },
    },
    strict: true,
  });
  let config: Config;
  if (values.model) {
    if (!values.out) throw new AnvilError("usage", { message: "--model needs --out DIR" });
    const name =
      values.name ??
      basename(values.model[0])
        .replace(/\.(json|smithy)$/, "")
        .replace(/-\d{4}-\d{2}-\d{2}$/, "")
        .toLowerCase()
        .replace(/[^a-z0-9._-]/g, "-");
    const mode = values.validation ?? "reject";
    if (!["reject", "warn", "off"].includes(mode))
      throw new AnvilError("usage", { message: `--validation must be reject, warn or off` });
    config = {
      file: resolve("(command line)"),
      displayFile: "(command line)",
      out: resolve(values.out),
      clients: [
        {
          name,
          models: values.model.map((m) => resolve(m)),
          modelsAsWritten: values.model.map((m) => basename(m)),
          service: values.service,
          operations: values.operations
            ?.split(",")
            .map((s) => s.trim())
            .filter(Boolean),
          validation: mode as "reject" | "warn" | "off",
          command: modelCommand(values, name),
        },
      ],
    };
  } else {
    config = loadConfig(values.config ?? "codegen.yaml");
    if (values.out) config.out = resolve(values.out);
  }
  if (values.emit !== undefined) {
    if (values.emit !== "ts" && values.emit !== "js")
      throw new AnvilError("usage", { message: "--emit must be ts or js" });
    for (const c of config.clients) {
      // The client's README shows the command that made it: the flag is part of it.
      if (values.emit === "js" && c.emit !== "js") {
        c.emit = "js";
        c.command = `${c.command ?? "npx anvil generate"} --emit js`;
      } else if (values.emit === "ts") delete c.emit;
    }
  }
  const out = config.out;
  const progress = values.quiet ? undefined : progressDisplay(process.stderr);
  let result: GenerateResult;
  try {
    const options: GenerateOptions = {};
    if (!values["no-cache"]) options.previous = (folder) => previousOutput(out, folder);
    if (progress) options.onProgress = progress.step;
    result = await generate(config, options);
  } finally {
    progress?.clear();
  }
  printWarnings(result.warnings);
  const outputs = result.clients.map((c) => withManifest(c, result.tools));
  for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
  const displayRoot = relative(process.cwd(), config.out).split("\\").join("/") || ".";
  if (values.timings) {
    const total = Object.values(result.timings).reduce((a, b) => a + b, 0);
    for (const [stage, ms] of Object.entries(result.timings))
      process.stderr.write(`${stage.padEnd(10)} ${ms.toFixed(1).padStart(8)} ms\n`);
    process.stderr.write(`${"total".padEnd(10)} ${total.toFixed(1).padStart(8)} ms\n`);
  }
  // The seal lets the next plain run answer "up to date" without the pipeline (generator/seal/).
  // Only for what bin/anvil.mjs's shortcut can reproduce: no --emit flag, and a run that printed
  // nothing on stderr (the shortcut prints no warnings or notes).
  const quietRun = result.notes.length === 0 && result.warnings.every((w) => w.severity === "SUPPRESSED");
  const seal = values.emit === undefined && quietRun ? outputSeal(config, values, outputs) : undefined;
  if (values.check) {
    const report = check(config.out, outputs, displayRoot);
    const count = report.changed.length + report.missing.length + report.extra.length;
    if (count === 0) {
      if (seal !== undefined && readText(join(config.out, SEAL_FILE)) !== seal) {
        process.stderr.write(
          `note: ${displayRoot}/${SEAL_FILE} does not match the inputs; \`anvil generate\` rewrites it so the next check takes the fast path\n`,
        );
      }
      process.stdout.write(
        `anvil check: ${displayRoot} is up to date (${outputs.length} client${outputs.length === 1 ? "" : "s"}).\n`,
      );
      return 0;
    }
    process.stdout.write(report.diff);
    process.stdout.write(
      `anvil check: ${displayRoot} is stale: ${report.changed.length} changed, ${report.missing.length} missing, ${report.extra.length} extra. Run \`npm run generate\` and commit the result.\n`,
    );
    return 1;
  }
  const counts = write(config.out, outputs);
  if (seal !== undefined && readText(join(config.out, SEAL_FILE)) !== seal)
    writeAtomically(join(config.out, SEAL_FILE), seal);
  process.stdout.write(
    `anvil: wrote ${counts.written}, unchanged ${counts.unchanged} (files in ${outputs.map((c) => `${displayRoot}/${c.folder}`).join(", ")})\n`,
  );
  return 0;
}

/**
 * The seal text for this run's output: the config (and its model roots) or the `--model` flags
 * it was made from, and each client folder's manifest.
 */
function outputSeal(
  config: Config,
  flags: { model?: string[]; service?: string; operations?: string; name?: string; validation?: string },
  outputs: Array<{ folder: string; files: Array<{ path: string; text: string }> }>,
): string {
  const run = flags.model
    ? modelRun({ ...flags, model: flags.model })
    : configRun(config.file, [...new Set(config.clients.flatMap((c) => c.modelsAsWritten))]);
  const manifests: Record<string, string> = {};
  for (const o of outputs) manifests[o.folder] = o.files.find((f) => f.path === MANIFEST_FILE)?.text ?? "";
  return sealText(run, manifests);
}

/** A file's text, or undefined when it cannot be read. */
function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** Writes a file by rename from a temporary sibling, so a reader never sees half of it. */
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

function runVendorDeps(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: { write: { type: "boolean", default: false }, package: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const [folder] = positionals;
  if (folder === undefined || positionals.length > 1)
    throw new AnvilError("usage", {
      message: "anvil vendor-deps needs one client folder",
      hint: "anvil vendor-deps src/vendor/frauddetector [--write]",
    });
  const folderPkg = join(folder, "package.json");
  let folderText: string;
  try {
    folderText = readFileSync(folderPkg, "utf8");
  } catch {
    throw new AnvilError("usage", {
      message: `${folderPkg} not found`,
      hint: "Pass the folder anvil generated (copied into your app), e.g. src/vendor/frauddetector",
    });
  }
  const deps = folderDependencies(folderText, folderPkg);
  if (!values.write) {
    process.stdout.write(`${installCommands(deps).join("\n")}\n`);
    return 0;
  }
  const appPkg = values.package ?? "package.json";
  let appText: string;
  try {
    appText = readFileSync(appPkg, "utf8");
  } catch {
    throw new AnvilError("usage", {
      message: `${appPkg} not found`,
      hint: "Run it in your app's folder, or pass --package FILE",
    });
  }
  const changes = addToApp(appText, appPkg, deps);
  if (changes.text !== appText) writeFileSync(appPkg, changes.text);
  for (const line of changes.lines) process.stdout.write(`${line}\n`);
  process.stdout.write(
    `anvil: ${appPkg} ${changes.text === appText ? "already lists them" : "updated"}; run \`npm install\`\n`,
  );
  return 0;
}

/** `anvil validate`: every event of each model, grouped by severity; exit 1 on ERROR or DANGER. */
function runValidate(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: {
      model: { type: "string", multiple: true },
      config: { type: "string" },
      severity: { type: "string", default: "NOTE" },
    },
    strict: true,
  });
  const minimum = values.severity.toUpperCase() as Severity;
  if (!SEVERITIES.includes(minimum))
    throw new AnvilError("usage", {
      message: `--severity must be one of ${SEVERITIES.join(", ")}; got ${values.severity}`,
    });
  const models = values.model
    ? [values.model]
    : loadConfig(values.config ?? "codegen.yaml").clients.map((c) => c.models);
  const events: Diagnostic[] = [];
  for (const files of models) events.push(...validationEvents(files));
  const readSource = (file: string) => {
    try {
      return sourceText(file);
    } catch {
      return undefined; // in-memory or vanished input: the position alone must do
    }
  };
  process.stdout.write(formatValidationReport(atLeast(events, minimum), events, readSource));
  return events.some(failsValidation) ? 1 : 0;
}

/** Every validation event of one model (the files of one client), whether or not it assembles. */
function validationEvents(files: string[]): Diagnostic[] {
  try {
    return assemble(loadFiles(files, preludeIds())).warnings ?? [];
  } catch (e) {
    if (e instanceof AnvilError && e.kind === "model") return [...e.diagnostics, ...e.warnings];
    throw e;
  }
}

function runAst(args: string[]): number {
  if (args.length === 0) throw new AnvilError("usage", { message: "anvil ast needs at least one model file" });
  const model = assemble(loadFiles(args, preludeIds()));
  printWarnings(model.warnings ?? []);
  process.stdout.write(`${JSON.stringify(toJsonAst(model), null, 2)}\n`);
  return 0;
}

function runIdl(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new AnvilError("usage", { message: "anvil idl needs at least one model file" });
  const model = assemble(loadFiles(positionals, preludeIds()));
  printWarnings(model.warnings ?? []);
  const printed = printIdlFiles(toJsonAst(model));
  if (values.out) {
    mkdirSync(values.out, { recursive: true });
    for (const p of printed) writeFileSync(join(values.out, `${p.namespace}.smithy`), p.text);
    process.stdout.write(`anvil: wrote ${printed.map((p) => `${p.namespace}.smithy`).join(", ")} to ${values.out}\n`);
  } else process.stdout.write(printed.map((p) => p.text).join("\n"));
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      process.stdout.write(`${HELP}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === "--version" || command === "-v") {
      process.stdout.write(`${GENERATOR_VERSION}\n`);
      return 0;
    }
    if (rest.includes("--help")) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (command === "generate") return await runGenerate(rest);
    if (command === "validate") return runValidate(rest);
    if (command === "ast") return runAst(rest);
    if (command === "idl") return runIdl(rest);
    if (command === "vendor-deps") return runVendorDeps(rest);
    throw new AnvilError("usage", { message: `Unknown command "${command}"`, hint: "Run anvil --help" });
  } catch (e) {
    if (e instanceof TypeError && (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`error: ${e.message}\n  hint: run anvil --help\n`);
      return 2;
    }
    return fail(e);
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

/** The `--model` command line as a client's README shows it: file names, never absolute paths. */
function modelCommand(
  values: { model?: string[]; service?: string; operations?: string; validation?: string },
  name: string,
): string {
  const parts = ["npx anvil generate", ...(values.model ?? []).map((m) => `--model ${basename(m)}`)];
  if (values.service) parts.push(`--service ${values.service}`);
  if (values.operations) parts.push(`--operations ${values.operations}`);
  if (values.validation) parts.push(`--validation ${values.validation}`);
  parts.push(`--name ${name}`, "--out DIR");
  return parts.join(" ");
}
