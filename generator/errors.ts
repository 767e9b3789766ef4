/**
 * The one error type the pipeline throws for bad input. Every stage reports problems as
 * `AnvilError`s carrying a source position and a hint; only the CLI prints them and picks the
 * exit code (`kind` decides it), so no stage ever calls `process.exit`.
 */

/** A position in an input file. Lines and columns are 1-based. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** What kind of input was wrong; the CLI maps `model` to exit 1 and `config`/`usage` to exit 2. */
export type ErrorKind = "model" | "config" | "usage" | "internal";

/** One problem found in the input. */
export interface Diagnostic {
  message: string;
  location?: SourceLocation;
  /** What the user can do about it. */
  hint?: string;
  /** The shape (or `shape$member`) the problem concerns, when there is one. */
  shapeId?: string;
  /** Smithy's severity; absent means ERROR. Only ERROR and DANGER stop generation. */
  severity?: Severity;
  /** Smithy's validation event id (`TraitValue`, `TraitTarget`...), for validators anvil models. */
  eventId?: string;
}

/** Smithy's validation event severities (SUPPRESSED: an event a suppression silenced). */
export type Severity = "ERROR" | "DANGER" | "WARNING" | "NOTE" | "SUPPRESSED";

/** Whether a diagnostic stops generation (ERROR or DANGER, as in `smithy validate`). */
export function isFatal(d: Diagnostic): boolean {
  return d.severity === undefined || d.severity === "ERROR" || d.severity === "DANGER";
}

/** Whether a diagnostic is an ERROR: what stops `generate`, `ast` and `idl` (DANGER and below are printed). */
export function isError(d: Diagnostic): boolean {
  return d.severity === undefined || d.severity === "ERROR";
}

/** A failure caused by the input (model, config, command line), with every problem found. */
export class AnvilError extends Error {
  readonly kind: ErrorKind;
  readonly diagnostics: Diagnostic[];
  /** Warnings and notes found along with the errors (printed, never the cause of the failure). */
  readonly warnings: Diagnostic[];

  constructor(kind: ErrorKind, diagnostics: Diagnostic[] | Diagnostic, warnings: Diagnostic[] = []) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map(formatDiagnosticLine).join("\n"));
    this.name = "AnvilError";
    this.kind = kind;
    this.diagnostics = list;
    this.warnings = warnings;
  }
}

/**
 * `error` with `warnings` put before the warnings it already carries: a stage that fails knows
 * only its own findings, the pipeline knows what validation warned about the models before it.
 * A warning the error reports as one of its causes (the same object) is left out, so it prints once.
 */
export function withWarnings(error: AnvilError, warnings: readonly Diagnostic[]): AnvilError {
  const added = warnings.filter((w) => !error.diagnostics.includes(w));
  if (added.length === 0) return error;
  const joined = new AnvilError(error.kind, error.diagnostics, [...added, ...error.warnings]);
  joined.stack = error.stack;
  return joined;
}

/** `file:line:col: message` (or just the message when there is no position). */
export function formatDiagnosticLine(d: Diagnostic): string {
  const where = d.location ? `${d.location.file}:${d.location.line}:${d.location.column}: ` : "";
  const shape = d.shapeId ? ` [${d.shapeId}]` : "";
  return `${where}${d.message}${shape}`;
}

/** Line starts of the last text positions were asked for: validators ask many times about one big file. */
let lineIndex: { text: string; starts: number[] } | undefined;

function lineStarts(text: string): number[] {
  if (lineIndex?.text !== text) {
    const starts = [0];
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    lineIndex = { text, starts };
  }
  return lineIndex.starts;
}

/** Converts a 0-based character offset in `text` to a 1-based line and column. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const end = Math.min(offset, text.length);
  const starts = lineStarts(text);
  // The last line start at or before `end` (binary search).
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= end) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: end - (starts[lo] ?? 0) + 1 };
}

/**
 * A code frame: the offending line with one line of context either side and a caret under the
 * column, as compilers print them.
 */
export function codeFrame(text: string, line: number, column: number): string {
  const lines = frameLines(text);
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.count, line + 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? ">" : " ";
    const src = lines.get(n).replace(/\t/g, "  ");
    out.push(`${marker} ${String(n).padStart(width)} | ${truncateLine(src, column)}`);
    if (n === line) {
      const before = lines
        .get(n)
        .slice(0, column - 1)
        .replace(/\t/g, "  ");
      const caretCol = Math.min(before.length, 120);
      out.push(`  ${" ".repeat(width)} | ${" ".repeat(caretCol)}^`);
    }
  }
  return out.join("\n");
}

/**
 * The lines of the last text a frame was asked for (split at `\r\n`, `\r` or `\n`), found once
 * per text: a report frames many events in one large model, and splitting the whole model for
 * each cost QuickSight's generate about 0.1 s.
 */
let frameIndex: { text: string; starts: number[]; ends: number[] } | undefined;

function frameLines(text: string): { count: number; get(n: number): string } {
  if (frameIndex?.text !== text) {
    const starts = [0];
    const ends: number[] = [];
    for (const m of text.matchAll(/\r\n|\r|\n/g)) {
      ends.push(m.index);
      starts.push(m.index + m[0].length);
    }
    ends.push(text.length);
    frameIndex = { text, starts, ends };
  }
  const { starts, ends } = frameIndex;
  return {
    count: starts.length,
    get: (n) => (n >= 1 && n <= starts.length ? text.slice(starts[n - 1], ends[n - 1]) : ""),
  };
}

/** Keeps very long lines (minified JSON) readable in a code frame. */
function truncateLine(src: string, column: number): string {
  if (src.length <= 160) return src;
  const start = Math.max(0, column - 80);
  return (start > 0 ? "…" : "") + src.slice(start, start + 160) + "…";
}

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      const cost = a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1;
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + cost);
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The closest candidate to `name`, if one is close enough to be a likely typo. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  return bestScore <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
