/**
 * `anvil validate`'s report: every validation event of a model, grouped by severity (ERROR,
 * DANGER, WARNING, NOTE), each with its event id, shape, position and a code frame, and a summary
 * line, laid out as `smithy validate` lays them out. This module only builds text; the CLI prints it.
 */
import { codeFrame, type Diagnostic, type Severity } from "./errors.js";

/** Severities from most to least severe. */
export const SEVERITIES: readonly Severity[] = ["ERROR", "DANGER", "WARNING", "NOTE"];

/** The severity of an event (absent means ERROR). */
export function severityOf(d: Diagnostic): Severity {
  return d.severity ?? "ERROR";
}

/** Whether `smithy validate` fails on this event: ERROR or DANGER. */
export function failsValidation(d: Diagnostic): boolean {
  const s = severityOf(d);
  return s === "ERROR" || s === "DANGER";
}

/** Events at `minimum` severity or above. */
export function atLeast(events: Diagnostic[], minimum: Severity): Diagnostic[] {
  const rank = SEVERITIES.indexOf(minimum);
  return events.filter((d) => SEVERITIES.indexOf(severityOf(d)) <= rank);
}

/**
 * The report text. `readSource` gives a file's text for code frames (undefined when it cannot be
 * read); `counts` are over every event, also those `events` leaves out by severity.
 */
export function formatValidationReport(
  events: Diagnostic[],
  counts: Diagnostic[],
  readSource: (file: string) => string | undefined,
): string {
  const out: string[] = [];
  for (const severity of SEVERITIES) {
    const group = events.filter((d) => severityOf(d) === severity).sort(byPosition);
    for (const d of group) out.push(formatEvent(d, severity, readSource));
  }
  const tally = SEVERITIES.map((s) => `${s}: ${counts.filter((d) => severityOf(d) === s).length}`).join(", ");
  out.push(`Validation result: ${counts.some(failsValidation) ? "FAILED" : "passed"} (${tally})`);
  return `${out.join("\n\n")}\n`;
}

function formatEvent(d: Diagnostic, severity: Severity, readSource: (file: string) => string | undefined): string {
  const title = `── ${severity} `;
  const id = ` ${d.eventId ?? "Model"}`;
  const lines = [`${title}${"─".repeat(Math.max(4, 80 - title.length - id.length))}${id}`];
  lines.push(`Shape: ${d.shapeId ?? "-"}`);
  const loc = d.location;
  if (loc) {
    lines.push(`File:  ${loc.file}:${loc.line}:${loc.column}`);
    const text = readSource(loc.file);
    if (text !== undefined) lines.push("", codeFrame(text, loc.line, loc.column));
  }
  lines.push("", d.message);
  if (d.hint) lines.push(`hint: ${d.hint}`);
  return lines.join("\n");
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  const fa = a.location?.file ?? "";
  const fb = b.location?.file ?? "";
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0);
}
