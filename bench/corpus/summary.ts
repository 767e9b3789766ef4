/**
 * The corpus summary: counts, failures grouped by cause (each cause with the models it hit),
 * time, memory, and where the time went per stage.
 */
import type { Failure, Outcome } from "./protocol.js";
import { duration } from "./progress.js";

/** Memory figures sampled while the corpus ran, in bytes. */
export interface MemoryFigures {
  /** Highest sum of the workers' resident sets seen at one moment. */
  workersPeak: number;
  /** Highest resident set of a single worker. */
  workerPeak: number;
  /** The runner's own peak. */
  runnerPeak: number;
  /** Highest sum seen at one moment of the runner and every process it started (workers, compiler runs). */
  allPeak: number;
}

/**
 * What a run took from the cache folder (bench/corpus/cache.ts), so a warm run is never taken
 * for a cold one: files formatted against files whose formatting was reused, and models
 * type-checked against models whose earlier clean check was reused.
 */
export interface CacheSummary {
  dir: string;
  /** `--cold`: nothing was taken from the cache. */
  cold: boolean;
  formatted: number;
  formatReused: number;
  /** Models type-checked in this run, and models whose check was reused. */
  typechecked: number;
  typecheckReused: number;
}

/** The whole run, as written to the JSON report. */
export interface CorpusReport {
  models: number;
  loaded: number;
  generated: number;
  clean: number;
  wallMs: number;
  /** CPU milliseconds of the runner and every process it started, summed (undefined off Linux). */
  cpuMs?: number;
  workers: number;
  memory: MemoryFigures;
  /** What came from the cache (absent when the run had no cache folder, as in tests of the summary). */
  cache?: CacheSummary;
  stageMs: Record<string, number>;
  causes: Array<{ cause: string; models: string[]; example: Failure }>;
  outcomes: Outcome[];
}

/**
 * A failure's cause, with the specifics that differ between models (quoted names, shape ids,
 * numbers, positions) replaced, so one bug hitting fifty models is one line.
 */
export function causeOf(f: Failure): string {
  const message = f.message
    .replace(/^[\w./-]+\.ts:\d+:\d+: /, (m) => `${m.split(":")[0].split("/").pop()}: `)
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, "…")
    .replace(/\b[A-Za-z_][\w.]*#[A-Za-z_]\w*(\$\w+)?/g, "ID")
    .replace(/\b\d+(\.\d+)?\b/g, "N")
    .slice(0, 200);
  return `${f.stage} (${f.kind}): ${message}`;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Builds the report from the outcomes. */
export function buildReport(
  outcomes: Outcome[],
  wallMs: number,
  workers: number,
  memory: MemoryFigures,
  cpuMs?: number,
  cache?: { dir: string; cold: boolean },
): CorpusReport {
  const stageMs: Record<string, number> = {};
  for (const o of outcomes)
    for (const [stage, ms] of Object.entries(o.timings)) stageMs[stage] = (stageMs[stage] ?? 0) + ms;
  const byCause = new Map<string, { cause: string; models: string[]; example: Failure }>();
  for (const o of outcomes) {
    if (!o.failure) continue;
    const cause = causeOf(o.failure);
    const entry = byCause.get(cause) ?? { cause, models: [], example: o.failure };
    entry.models.push(modelLabel(o.model));
    byCause.set(cause, entry);
  }
  return {
    models: outcomes.length,
    loaded: outcomes.filter((o) => o.loaded).length,
    generated: outcomes.filter((o) => o.generated).length,
    clean: outcomes.filter((o) => o.clean).length,
    wallMs,
    ...(cpuMs === undefined ? {} : { cpuMs }),
    workers,
    memory,
    ...(cache === undefined ? {} : { cache: cacheSummary(outcomes, cache) }),
    stageMs,
    causes: [...byCause.values()].sort((a, b) => b.models.length - a.models.length || (a.cause < b.cause ? -1 : 1)),
    outcomes,
  };
}

/** Sums each model's use of the cache. */
function cacheSummary(outcomes: Outcome[], cache: { dir: string; cold: boolean }): CacheSummary {
  const summary: CacheSummary = { ...cache, formatted: 0, formatReused: 0, typechecked: 0, typecheckReused: 0 };
  for (const o of outcomes) {
    if (!o.cache) continue;
    summary.formatted += o.cache.formatted;
    summary.formatReused += o.cache.formatReused;
    if (o.cache.checkReused) summary.typecheckReused++;
    else summary.typechecked++;
  }
  return summary;
}

/** The summary's cache line: cold, or how much of the work was reused. */
function cacheLine(c: CacheSummary): string {
  const files = c.formatted + c.formatReused;
  const models = c.typechecked + c.typecheckReused;
  const reused = c.formatReused > 0 || c.typecheckReused > 0;
  const kind = c.cold ? "cold (--cold: nothing reused)" : reused ? "warm" : "cold (nothing in the cache matched)";
  return `${kind}: formatting reused for ${c.formatReused}/${files} files, type-check reused for ${c.typecheckReused}/${models} models; cache ${c.dir}`;
}

/** `.../aws-models/s3/service/2006-03-01/s3-2006-03-01.json` -> `s3-2006-03-01`. */
export function modelLabel(path: string): string {
  return (path.split("/").pop() ?? path).replace(/\.json$/, "");
}

/** The human-readable summary. */
export function formatReport(r: CorpusReport): string {
  const lines: string[] = [];
  const pct = (n: number) => `${n}/${r.models}`;
  lines.push("== anvil corpus");
  lines.push(`models loaded         ${pct(r.loaded)}`);
  lines.push(`generated             ${pct(r.generated)}`);
  lines.push(`type-check clean      ${pct(r.clean)}`);
  const cpu =
    r.cpuMs === undefined ? "" : `, ${(r.cpuMs / 1000).toFixed(1)} CPU-s in all (runner, workers, compiler runs)`;
  lines.push(
    `total time            ${duration(r.wallMs)} wall${cpu}, ${r.workers} workers (sum of per-model times ${duration(r.outcomes.reduce((a, o) => a + o.ms, 0))})`,
  );
  lines.push(
    `peak memory           ${mb(r.memory.allPeak)} in all (runner, workers, compiler runs), ${mb(r.memory.workersPeak)} workers together, ${mb(r.memory.workerPeak)} one worker`,
  );
  if (r.cache) lines.push(`cache                 ${cacheLine(r.cache)}`);
  lines.push(`clients               ${clientsLine(r.outcomes, r.models)}`);
  const leftOut = leftOutOperations(r.outcomes);
  if (leftOut.operations > 0)
    lines.push(
      `operations left out   ${leftOut.operations} in ${leftOut.models} models (types and validators generated, a note each): ${leftOut.byKind}`,
    );
  const sum = (key: "paginators" | "waiters" | "compiledPaths") =>
    r.outcomes.reduce((a, o) => a + (o.counts?.[key] ?? 0), 0);
  const withWaiters = r.outcomes.filter((o) => (o.counts?.waiters ?? 0) > 0).length;
  const withPaginators = r.outcomes.filter((o) => (o.counts?.paginators ?? 0) > 0).length;
  lines.push(`paginators            ${sum("paginators")} in ${withPaginators} models`);
  lines.push(
    `waiters               ${sum("waiters")} in ${withWaiters} models; JMESPath paths compiled to TypeScript ${sum("compiledPaths")} (a path that does not compile fails generation; none is evaluated at run time)`,
  );
  lines.push(...validationLines(r));
  const stageTotal = Object.values(r.stageMs).reduce((a, b) => a + b, 0);
  const generatedLines = r.outcomes.reduce((a, o) => a + o.lines, 0);
  const largest = [...r.outcomes].sort((a, b) => b.lines - a.lines).slice(0, 3);
  const dynamodb = r.outcomes.find((o) => /^dynamodb-\d/.test(modelLabel(o.model)));
  const linesOf = (o: Outcome) =>
    `${modelLabel(o.model)} ${o.lines.toLocaleString("en-US")} (validators.ts ${o.validatorLines.toLocaleString("en-US")})`;
  lines.push(
    `generated lines       ${generatedLines.toLocaleString("en-US")} (runtime copies left out); largest: ${largest.map(linesOf).join(", ")}`,
  );
  if (dynamodb) lines.push(`dynamodb client       ${linesOf(dynamodb)}`);
  lines.push("time per stage (summed over models):");
  for (const [stage, ms] of Object.entries(r.stageMs).sort((a, b) => b[1] - a[1])) {
    lines.push(
      `  ${stage.padEnd(10)} ${duration(ms).padStart(8)}  ${((ms / Math.max(1, stageTotal)) * 100).toFixed(1).padStart(5)}%`,
    );
  }
  const slowest = [...r.outcomes].sort((a, b) => b.ms - a.ms).slice(0, 5);
  lines.push(`slowest: ${slowest.map((o) => `${modelLabel(o.model)} ${duration(o.ms)}`).join(", ")}`);
  if (r.causes.length === 0) lines.push("failures: none");
  else {
    lines.push(`failures by cause (${r.causes.length} causes, ${r.models - r.clean} models):`);
    for (const c of r.causes) {
      const shown =
        c.models.slice(0, 12).join(", ") + (c.models.length > 12 ? `, … (${c.models.length - 12} more)` : "");
      lines.push(`  ${String(c.models.length).padStart(4)}  ${c.cause}`);
      lines.push(`        e.g. ${c.example.message.slice(0, 300)}`);
      lines.push(`        models: ${shown}`);
    }
  }
  return lines.join("\n");
}

/** `340/352: awsJson1_1 100, restJson1 190, ...`: models that got a `client.ts`, by protocol (most first). */
function clientsLine(outcomes: Outcome[], models: number): string {
  const byProtocol = new Map<string, number>();
  for (const o of outcomes)
    for (const [protocol, n] of Object.entries(o.counts?.clientsByProtocol ?? {}))
      byProtocol.set(protocol, (byProtocol.get(protocol) ?? 0) + n);
  const withClient = outcomes.filter((o) => Object.keys(o.counts?.clientsByProtocol ?? {}).length > 0).length;
  const parts = [...byProtocol]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([protocol, n]) => `${protocol} ${n}`);
  return `${withClient}/${models}${parts.length > 0 ? `: ${parts.join(", ")}` : ""}`;
}

/** The operations a client has no method for, by why (the pipeline counts them by kind). */
function leftOutOperations(outcomes: Outcome[]): { operations: number; models: number; byKind: string } {
  const kinds = new Map<string, number>();
  let operations = 0;
  let models = 0;
  for (const o of outcomes) {
    const here = Object.entries(o.counts?.leftOutOperations ?? {});
    for (const [kind, n] of here) kinds.set(kind, (kinds.get(kind) ?? 0) + n);
    const total = here.reduce((sum, [, n]) => sum + n, 0);
    operations += total;
    if (total > 0) models++;
  }
  const byKind = [...kinds]
    .sort((x, y) => y[1] - x[1])
    .map(([kind, n]) => `${kind}s ${n}`)
    .join(", ");
  return { operations, models, byKind };
}

/**
 * What validating the models cost and found: the time summed over models (and its share of
 * their generation time), the slowest, and the events by severity with the models they came
 * from. Published models are valid in Smithy, so an ERROR or DANGER here names a validator to fix.
 */
export function validationLines(r: CorpusReport): string[] {
  const ms = (o: Outcome) => o.timings.validate ?? 0;
  const total = r.outcomes.reduce((a, o) => a + ms(o), 0);
  const perModel = r.outcomes.reduce((a, o) => a + o.ms, 0);
  const slowest = [...r.outcomes].sort((a, b) => ms(b) - ms(a)).slice(0, 3);
  const lines = [
    `validation            ${duration(total)} summed over models, ${((total / Math.max(1, perModel)) * 100).toFixed(1)}% of their generation time; slowest: ${slowest.map((o) => `${modelLabel(o.model)} ${shortDuration(ms(o))}`).join(", ")}`,
  ];
  const severities = [
    ["ERROR", "error"],
    ["DANGER", "danger"],
    ["WARNING", "warning"],
    ["NOTE", "note"],
  ] as const;
  const parts = severities.map(([label, key]) => {
    const hit = r.outcomes.filter((o) => o.events[key] > 0);
    return `${label} ${hit.reduce((a, o) => a + o.events[key], 0)} in ${hit.length} models`;
  });
  lines.push(`validation events     ${parts.join(", ")} (suppressed events left out)`);
  for (const [label, key] of severities) {
    const hit = r.outcomes
      .filter((o) => o.events[key] > 0)
      .sort((a, b) => b.events[key] - a.events[key] || (a.model < b.model ? -1 : 1));
    if (hit.length === 0) continue;
    const shown = hit.slice(0, 8).map((o) => `${modelLabel(o.model)} ${o.events[key]}`);
    lines.push(
      `  ${label.padEnd(8)} ${shown.join(", ")}${hit.length > 8 ? `, … (${hit.length - 8} more models)` : ""}`,
    );
  }
  return lines;
}

/** Milliseconds below a second (one model's validation), else as `duration` prints them. */
function shortDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)}ms` : duration(ms);
}

/** One model's validation, for its progress line: time and the events found. */
export function validationDetail(o: Outcome): string {
  const counts = [
    ["ERROR", o.events.error],
    ["DANGER", o.events.danger],
    ["WARNING", o.events.warning],
    ["NOTE", o.events.note],
  ]
    .filter(([, n]) => n !== 0)
    .map(([label, n]) => `${n} ${label}`);
  return `validate ${shortDuration(o.timings.validate ?? 0)}${counts.length > 0 ? ` (${counts.join(", ")})` : ""}`;
}
