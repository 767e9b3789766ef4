/**
 * The whole pipeline on one screen: load -> assemble -> select -> lower -> render -> format ->
 * type-check. Writing or checking is the caller's choice (see write/).
 */
import { AnvilError, type Diagnostic, withWarnings } from "./errors.js";
import type { ClientConfig, Config } from "./config/index.js";
import { loadFiles } from "./load/index.js";
import { assemble } from "./assemble/index.js";
import { preludeIds } from "./assemble/prelude.js";
import { select } from "./select/index.js";
import { lower } from "./lower/index.js";
import { render, type RenderedFile } from "./render/index.js";
import { defaultFormatPool, formatTexts, formatterIdentity, needsFormatting, type FormatPool } from "./format/index.js";
import { formatCache } from "./format/cache.js";
import { checkerIdentity, typeChecker, type TypeChecker } from "./typecheck/index.js";
import { contentHash } from "./hash.js";
import type { ClientOutput } from "./write/index.js";
import { manifestText, type ToolIdentities } from "./write/manifest.js";
import type { PreviousOutput } from "./write/previous.js";
import type { ProgressListener } from "./progress.js";
import { emitJavaScript, type EmitClient } from "./emit/index.js";
/** Milliseconds spent per stage, summed over clients. */
export type Timings = Record<string, number>;

/** One generated client: its files, and what its manifest records about how they were made. */
export interface GeneratedClient extends ClientOutput {
  /** For each formatted file, the hash of its text before formatting (the format cache's key). */
  rendered: Record<string, string>;
}

/** The result of generating every client of a config, in memory. */
export interface GenerateResult {
  clients: GeneratedClient[];
  /** Notes for the user (e.g. a client left out for an unsupported protocol). */
  notes: string[];
  /** Model validation warnings (Smithy WARNING/NOTE events): printed, never a failure. */
  warnings: Diagnostic[];
  timings: Timings;
  /**
   * True when every client's files and manifest are exactly what the previous run left (see
   * `GenerateOptions.previous`): nothing was formatted, and the type-check was skipped because
   * those same files were checked by the same compiler with the same options when written.
   */
  unchanged: boolean;
  /** The tools the manifest names (see write/manifest.ts). */
  tools: ToolIdentities;
  /**
   * Files that needed Prettier, summed over clients: how many were formatted in this run and how
   * many were taken as already formatted from the previous output (`GenerateOptions.previous`).
   */
  formatting: { formatted: number; reused: number };
  /** What was generated besides types and the client, summed over clients. */
  counts: GenerateCounts;
}

/**
 * Paginators, waiters and the waiter paths compiled to TypeScript (none is evaluated at run time),
 * and the clients written, by the service's protocol.
 */
export interface GenerateCounts {
  paginators: number;
  waiters: number;
  compiledPaths: number;
  /** Clients with a `client.ts`, by protocol (`restXml`...). */
  clientsByProtocol: Record<string, number>;
  /** Operations a client has no method for, by why (`event stream`, `streaming blob`). */
  leftOutOperations: Record<string, number>;
}

/** Options of a generation run. */
export interface GenerateOptions {
  /** Skip the type-check stage (only for tools that type-check separately). */
  skipTypeCheck?: boolean;
  /** The type checker to use (default: TypeScript 7's native compiler; tests may pass their own). */
  typeChecker?: TypeChecker;
  /**
   * The previous run's output of a client folder (the CLI reads it from the output root). With
   * it, a file whose rendered text is unchanged is not formatted again, and an output identical
   * to the previous one is not type-checked again. Without it, everything is done afresh.
   */
  previous?: (folder: string) => PreviousOutput;
  /** The Prettier threads to use (default: one per core, shared by the process). */
  formatPool?: FormatPool;
  /** Told each client and stage as the run reaches it (the CLI's progress line). */
  onProgress?: ProgressListener;
}

/**
 * Generates every client of `config` in memory. Throws AnvilError on bad input, carrying the
 * validation warnings of the models read before the failure (so the CLI prints them with it).
 */
export async function generate(config: Config, options: GenerateOptions = {}): Promise<GenerateResult> {
  const warnings: Diagnostic[] = [];
  try {
    return await generateClients(config, options, warnings);
  } catch (e) {
    throw e instanceof AnvilError ? withWarnings(e, warnings) : e;
  }
}

/** {@link generate}'s work; `warnings` gathers each model's validation warnings once it is assembled. */
async function generateClients(
  config: Config,
  options: GenerateOptions,
  warnings: Diagnostic[],
): Promise<GenerateResult> {
  const timings: Timings = {};
  const total = config.clients.length;
  let current: { client: string; index: number } | undefined;
  const time = <T>(stage: string, fn: () => T): T => {
    options.onProgress?.({ stage, client: current?.client, index: current?.index, total });
    const start = performance.now();
    try {
      return fn();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
    }
  };
  const notes: string[] = [];
  const counts: GenerateCounts = {
    paginators: 0,
    waiters: 0,
    compiledPaths: 0,
    clientsByProtocol: {},
    leftOutOperations: {},
  };
  const rendered: Array<{ folder: string; files: RenderedFile[] }> = [];
  for (const [index, client] of config.clients.entries()) {
    current = { client: client.name, index: index + 1 };
    const files = time("load", () => loadFiles(client.models, preludeIds()));
    const model = time("assemble", () => assemble(files));
    // Validation runs inside assembly; its share is its own stage, so the stages still add up.
    if (model.validationMs !== undefined) {
      timings.assemble -= model.validationMs;
      timings.validate = (timings.validate ?? 0) + model.validationMs;
    }
    warnings.push(...(model.warnings ?? []));
    const selection = time("select", () => select(model, selectionRequest(client, config)));
    const ir = time("lower", () => lower(model, selection, client));
    counts.paginators += ir.paginators.length;
    counts.waiters += ir.waiters.length;
    counts.compiledPaths += ir.waiters.reduce((n, w) => n + w.compiledPaths, 0);
    if (ir.clientSupported)
      counts.clientsByProtocol[ir.service.protocol] = (counts.clientsByProtocol[ir.service.protocol] ?? 0) + 1;
    if (ir.clientNote) notes.push(`${client.name}: ${ir.clientNote}`);
    for (const left of ir.leftOutOperations) {
      notes.push(`${client.name}: ${left.note}`);
      counts.leftOutOperations[left.kind] = (counts.leftOutOperations[left.kind] ?? 0) + 1;
    }
    for (const skipped of ir.validators?.skippedPatterns ?? []) {
      notes.push(
        `${client.name}: @pattern of ${skipped.shapeId} left out of the validators (${skipped.reason}): ${skipped.pattern}`,
      );
    }
    rendered.push({ folder: client.name, files: time("render", () => render(ir)) });
  }
  current = undefined;
  const tools: ToolIdentities = { formatter: formatterIdentity(), checker: checkerIdentity() };
  const plans = time("cache", () =>
    rendered.map((client) => reusePrevious(client, options.previous?.(client.folder), tools)),
  );
  const unchanged = options.previous !== undefined && plans.every((p) => p.unchanged);

  // The files are type-checked while Prettier formats them (formatting never changes what
  // type-checks): the compiler is another process, so the two share the cores.
  const checker = options.typeChecker ?? typeChecker();
  options.onProgress?.({ stage: options.skipTypeCheck || unchanged ? "format" : "format and type-check", total });
  const checkStart = performance.now();
  const checking =
    options.skipTypeCheck || unchanged
      ? undefined
      : checker(
          plans.map((p) => ({
            folder: p.folder,
            files: p.files.map((f, i) => ({ ...f, text: p.texts[i] ?? f.text })),
          })),
        ).then((problems) => {
          timings.typecheck = performance.now() - checkStart;
          return problems;
        });
  checking?.catch(() => undefined); // awaited below; this only keeps a failed format from leaving it unhandled

  const start = performance.now();
  const misses = plans.flatMap((p) =>
    p.files.flatMap((f, i) => (p.texts[i] === undefined ? [{ plan: p, index: i, file: f }] : [])),
  );
  const texts =
    misses.length === 0
      ? []
      : await formatTexts(
          misses.map((m) => m.file),
          options.formatPool ?? defaultFormatPool(),
        );
  misses.forEach((m, i) => {
    m.plan.texts[m.index] = texts[i];
  });
  timings.format = performance.now() - start;
  const formatted = plans.map((p) => ({
    folder: p.folder,
    files: p.files.map((f, i) => ({ ...f, text: p.texts[i] as string })),
  }));

  if (checking) {
    options.onProgress?.({ stage: "type-check", total });
    let problems = await checking;
    // Positions are reported in the formatted files, the ones a user would open.
    if (problems.length > 0) problems = await checker(formatted);
    if (problems.length > 0) {
      throw new AnvilError(
        "internal",
        problems.slice(0, 50).map((p) => ({
          message: `generated ${p.file}:${p.line}:${p.column} does not type-check: ${p.message}`,
          hint: `produced by ${p.origin}`,
        })),
      );
    }
  }
  const emitted = await emitRequested(config, formatted, timings, options);
  const clients = emitted.map((c, i) => ({
    folder: c.folder,
    files: c.files.map(({ path, text }) => ({ path, text })),
    rendered: plans[i].hashes,
  }));
  const toFormat = plans.reduce((n, p) => n + Object.keys(p.hashes).length, 0);
  const formatting = { formatted: misses.length, reused: toFormat - misses.length };
  return { clients, notes, warnings, timings, unchanged, tools, counts, formatting };
}

/**
 * The clients as the config asks them written: TypeScript as formatted, or (`emit: js`) the
 * JavaScript and declarations the compiler emits from it, after it type-checked.
 */
async function emitRequested(
  config: Config,
  formatted: EmitClient[],
  timings: Timings,
  options: GenerateOptions,
): Promise<EmitClient[]> {
  const js = new Set(config.clients.filter((c) => c.emit === "js").map((c) => c.name));
  if (js.size === 0) return formatted;
  options.onProgress?.({ stage: "emit JavaScript", total: config.clients.length });
  const start = performance.now();
  const compiled = await emitJavaScript(formatted.filter((c) => js.has(c.folder)));
  timings.emit = performance.now() - start;
  return formatted.map((c) => compiled.find((e) => e.folder === c.folder) ?? c);
}

/** One client's files with what the previous run lets us reuse. */
interface ReusePlan {
  folder: string;
  files: RenderedFile[];
  /** The final text of each file where known without formatting (undefined: still to format). */
  texts: Array<string | undefined>;
  /** Hash of the rendered text of each file that needs formatting. */
  hashes: Record<string, string>;
  /** Every file (manifest included) is what the previous run left. */
  unchanged: boolean;
}

/** Looks each file up in the previous output: formatted text to reuse, and whether nothing changed. */
function reusePrevious(
  client: { folder: string; files: RenderedFile[] },
  previous: PreviousOutput | undefined,
  tools: ToolIdentities,
): ReusePlan {
  const cache = previous ? formatCache(previous, tools.formatter) : undefined;
  const hashes: Record<string, string> = {};
  const texts = client.files.map((f) => {
    if (!needsFormatting(f)) return f.text;
    hashes[f.path] = contentHash(f.text);
    return cache?.(f.path, hashes[f.path]);
  });
  // A reused file is the file on disk by construction; every other file is compared with it.
  const unchanged =
    previous !== undefined &&
    texts.every(
      (t, i) =>
        t !== undefined && (hashes[client.files[i].path] !== undefined || previous.read(client.files[i].path) === t),
    ) &&
    previous.manifestText ===
      manifestText(
        client.files.map((f, i) => ({ path: f.path, text: texts[i] as string })),
        hashes,
        tools,
      );
  return { folder: client.folder, files: client.files, texts, hashes, unchanged };
}

function selectionRequest(client: ClientConfig, config: Config) {
  return {
    service: client.service,
    operations: client.operations,
    origin: client.origins?.client ?? { file: config.displayFile, line: 1, column: 1 },
    serviceOrigin: client.origins?.service,
    operationOrigins: client.origins?.operations,
  };
}
