/**
 * What a long `generate` is doing: which client and which stage. On a terminal it is one line
 * rewritten in place (cleared before anything else is printed); elsewhere (CI logs, pipes) it is
 * one plain line per step, so a log shows where a slow or stuck run was. Written to stderr:
 * stdout carries the run's result (the summary line, or the drift check's diff).
 */

/** A step of the run: a stage of one client, or a stage that runs over every client at once. */
export interface ProgressStep {
  stage: string;
  /** The client's name; undefined for a stage run over all clients together (format, type-check). */
  client?: string | undefined;
  /** 1-based position of the client, and how many there are. */
  index?: number | undefined;
  total: number;
}

/** Receives each step as the run reaches it. */
export type ProgressListener = (step: ProgressStep) => void;

/** Where progress goes: a stream, and whether it is a terminal that can rewrite a line. */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

/** A progress display; `clear()` removes the updating line (a no-op for plain lines). */
export interface Progress {
  step: ProgressListener;
  clear(): void;
}

/** Stage names as a person reads them, where the timing key is terse. */
const LABELS: Record<string, string> = { cache: "compare with the previous output" };

/** The text of a step: `[2/5] dynamodb: format`, or `all 5 clients: type-check`. */
export function stepText(step: ProgressStep): string {
  const stage = LABELS[step.stage] ?? step.stage;
  if (step.client === undefined) return `${step.total === 1 ? "" : `all ${step.total} clients: `}${stage}`;
  const position = step.total === 1 ? "" : `[${step.index ?? 0}/${step.total}] `;
  return `${position}${step.client}: ${stage}`;
}

/** A display on `out`: an updating line on a terminal (unless `CI` is set), plain lines otherwise. */
export function progressDisplay(out: ProgressOutput, env: Record<string, string | undefined> = process.env): Progress {
  const live = out.isTTY === true && !env["CI"];
  let shown = false;
  return {
    step(step) {
      const text = `anvil: ${stepText(step)}`;
      if (live) {
        // \r and "erase line": the next step overwrites this one.
        out.write(`\r\x1b[2K${text}`);
        shown = true;
      } else out.write(`${text}\n`);
    },
    clear() {
      if (shown) out.write("\r\x1b[2K");
      shown = false;
    },
  };
}
