/**
 * The whole pipeline on one screen: load -> assemble -> select -> lower -> render -> format ->
 * type-check. Writing or checking is the caller's choice (see write/).
 */
import { AnvilError } from "./errors.js";
import type { ClientConfig, Config } from "./config/index.js";
import { loadFiles } from "./load/index.js";
import { assemble } from "./assemble/index.js";
import { preludeIds } from "./assemble/prelude.js";
import { select } from "./select/index.js";
import { lower } from "./lower/index.js";
import { render, type RenderedFile } from "./render/index.js";
import { format } from "./format/index.js";
import { inProcessTypeChecker, type TypeChecker } from "./typecheck/index.js";
import type { ClientOutput } from "./write/index.js";

/** Milliseconds spent per stage, summed over clients. */
export type Timings = Record<string, number>;

/** The result of generating every client of a config, in memory. */
export interface GenerateResult {
  clients: ClientOutput[];
  /** Notes for the user (e.g. a client left out for an unsupported protocol). */
  notes: string[];
  timings: Timings;
  /** What was generated besides types and the client, summed over clients. */
  counts: GenerateCounts;
}

/** Paginators, waiters and the waiter paths compiled to TypeScript (none is evaluated at run time). */
export interface GenerateCounts {
  paginators: number;
  waiters: number;
  compiledPaths: number;
}

/** Options of a generation run. */
export interface GenerateOptions {
  /** Skip the type-check stage (only for tools that type-check separately). */
  skipTypeCheck?: boolean;
  /** The type checker to use (the CLI passes one that warmed up in a worker thread). */
  typeChecker?: TypeChecker;
}

/** Generates every client of `config` in memory. Throws AnvilError on bad input. */
export async function generate(config: Config, options: GenerateOptions = {}): Promise<GenerateResult> {
  const timings: Timings = {};
  const time = <T>(stage: string, fn: () => T): T => {
    const start = performance.now();
    try {
      return fn();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
    }
  };
  const notes: string[] = [];
  const counts: GenerateCounts = { paginators: 0, waiters: 0, compiledPaths: 0 };
  const rendered: Array<{ folder: string; files: RenderedFile[] }> = [];
  for (const client of config.clients) {
    const files = time("load", () => loadFiles(client.models, preludeIds()));
    const model = time("assemble", () => assemble(files));
    const selection = time("select", () => select(model, selectionRequest(client, config)));
    const ir = time("lower", () => lower(model, selection, client));
    counts.paginators += ir.paginators.length;
    counts.waiters += ir.waiters.length;
    counts.compiledPaths += ir.waiters.reduce((n, w) => n + w.compiledPaths, 0);
    if (ir.clientNote) notes.push(`${client.name}: ${ir.clientNote}`);
    for (const left of ir.leftOutOperations) notes.push(`${client.name}: ${left.note}`);
    for (const skipped of ir.validators?.skippedPatterns ?? []) {
      notes.push(`${client.name}: @pattern of ${skipped.shapeId} left out of the validators (${skipped.reason}): ${skipped.pattern}`);
    }
    rendered.push({ folder: client.name, files: time("render", () => render(ir)) });
  }
  // The rendered files are type-checked while Prettier formats them (formatting never changes
  // what type-checks): with the CLI's worker-thread checker the two stages share the two cores.
  const checkStart = performance.now();
  const checking = options.skipTypeCheck
    ? undefined
    : (options.typeChecker ?? inProcessTypeChecker())(rendered).then((problems) => {
        timings.typecheck = performance.now() - checkStart;
        return problems;
      });
  checking?.catch(() => undefined); // awaited below; this only keeps a failed format from leaving it unhandled
  const start = performance.now();
  const formatted = await Promise.all(rendered.map(async (c) => ({ folder: c.folder, files: await format(c.files) })));
  timings.format = performance.now() - start;
  if (checking) {
    let problems = await checking;
    // Positions are reported in the formatted files, the ones a user would open.
    if (problems.length > 0) problems = await inProcessTypeChecker()(formatted);
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
  return { clients: formatted.map((c) => ({ folder: c.folder, files: c.files.map(({ path, text }) => ({ path, text })) })), notes, timings, counts };
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
