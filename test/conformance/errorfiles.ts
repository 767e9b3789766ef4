/**
 * Smithy's errorfiles corpora (`idl/invalid/errorfiles-*`): each model file `X.smithy`/`X.json`
 * has an `X.errors` file listing the events Smithy's validation gives, one per line. A case passes
 * when, by the corpus README's rule, every expected event is matched by one of ours and every
 * event of ours by an expected one (severity, shape, event id with its hierarchy, message prefix).
 *
 * A case is claimed unless (a) it is listed in its folder's not-claimed table, with a reason, or
 * (b) it expects an event whose id names a validator anvil does not run (the reason printed says
 * which). Both kinds are printed where they are skipped; a listed case that starts to pass fails
 * the run, so the tables stay true.
 */
import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { AnvilError, type Diagnostic } from "../../generator/errors.js";
import { loadSources } from "../../generator/load/index.js";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";
import { EMITTED_EVENT_IDS } from "../../generator/assemble/validate/index.js";
import { METADATA_VALIDATOR_NAMES } from "../../generator/assemble/validate/metadata-validators.js";
import type { NodeValue } from "../../generator/load/ast.js";

/** One folder's counts and what to print. */
export interface ErrorFilesResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  /** Lines printed under the folder's count: `skip ...` reasons, then failures. */
  lines: string[];
}

/** One expected event of an `.errors` file. */
export interface ExpectedEvent {
  severity: string;
  shapeId: string;
  message: string;
  eventId: string;
}

/** Parses an `.errors` file with the upstream regex. */
export function expectedEvents(text: string): ExpectedEvent[] {
  return text
    .split(/\r?\n/)
    .map((l) => /^\[(SUPPRESSED|NOTE|WARNING|DANGER|ERROR)] ([^ ]+): ?(.*) \| ([^)]+)/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ severity: m[1] ?? "", shapeId: m[2] ?? "", message: m[3] ?? "", eventId: (m[4] ?? "").trim() }));
}

/** Newlines escaped and `[EOF]` dropped, as the upstream runner compares messages. */
export function normaliseMessage(s: string): string {
  return s.replace(/\r\n|\r|\n/g, "\\n").replace(/\[EOF\]/g, "");
}

/**
 * Whether one of our events matches an expected one, by the corpus README's rule: same severity,
 * same shape (`-` for none), the expected event id equal to ours or a parent of it (`TraitValue`
 * matches `TraitValue.UnknownMember...`; skipped when anvil gives the event no id, as for most
 * loader errors, which Smithy files under `Model`), and our message starting with the expected
 * one (a syntax error's message may carry Smithy's "Syntax error at line L, column C: " prefix).
 */
export function eventMatches(d: Diagnostic, e: ExpectedEvent): boolean {
  if ((d.severity ?? "ERROR") !== e.severity) return false;
  if ((d.shapeId ?? "-") !== e.shapeId) return false;
  if (d.eventId !== undefined && d.eventId !== e.eventId && !d.eventId.startsWith(`${e.eventId}.`)) return false;
  const expected = normaliseMessage(e.message);
  const ours = [normaliseMessage(d.message)];
  if (d.location)
    ours.push(normaliseMessage(`Syntax error at line ${d.location.line}, column ${d.location.column}: ${d.message}`));
  return ours.some((m) => m.startsWith(expected));
}

/** Event ids an errorfile need not list (the upstream runner ignores them when unmatched). */
const IGNORED_WHEN_UNEXPECTED = new Set(["ModelDeprecation", "DeprecatedTrait", "DeprecatedShape"]);

/**
 * The expected event ids whose validator anvil does not run (by the id's first segment). The ids
 * of the model's own `metadata validators` count as run when anvil knows their validator, and so
 * do ids anvil emitted for this model (the ids `@traitValidators` definitions name are the
 * model's, not a fixed list).
 */
function unimplementedIds(
  expected: ExpectedEvent[],
  declared: ReadonlySet<string>,
  emitted: ReadonlySet<string | undefined>,
): string[] {
  const ids = new Set<string>();
  for (const e of expected) {
    const root = e.eventId.split(".")[0] ?? e.eventId;
    if (!EMITTED_EVENT_IDS.has(root) && !declared.has(root) && !declared.has(e.eventId) && !emitted.has(e.eventId))
      ids.add(root);
  }
  return [...ids].sort();
}

/** The event ids a model's `metadata validators` declare: their ids, and UnknownValidator_<name> for unknown names. */
function declaredIds(metadata: Record<string, NodeValue>): Set<string> {
  const out = new Set<string>();
  const entries = metadata.validators;
  for (const v of Array.isArray(entries) ? entries : []) {
    if (v === null || typeof v !== "object" || Array.isArray(v) || typeof v.name !== "string") continue;
    // Validators anvil does not run give UnknownValidator_<name>.
    if (!METADATA_VALIDATOR_NAMES.has(v.name)) out.add(`UnknownValidator_${v.name}`);
    else out.add(typeof v.id === "string" ? v.id : v.name);
  }
  return out;
}

/** The keys (event ids) of a `@traitValidators` value. */
function traitValidatorIds(value: NodeValue | undefined): string[] {
  return value !== undefined && value !== null && typeof value === "object" && !Array.isArray(value)
    ? Object.keys(value)
    : [];
}

/** Every event validation gives for one model file (loaded alone, with the prelude), and the ids its metadata declares. */
function eventsOf(model: string): { events: Diagnostic[]; declared: Set<string> } {
  const declared = new Set<string>();
  try {
    const files = loadSources([{ file: model, text: readFileSync(model, "utf8") }], preludeIds());
    for (const f of files)
      for (const m of f.metadata)
        if (m.key === "validators") for (const id of declaredIds({ validators: m.value })) declared.add(id);
    // The event ids of the model's own `@traitValidators` rules are run by the TraitValidators validator.
    for (const f of files)
      for (const d of f.shapes)
        for (const id of traitValidatorIds(d.shape.traits?.["smithy.api#traitValidators"])) declared.add(id);
    return { events: assemble(files).warnings ?? [], declared };
  } catch (e) {
    if (e instanceof AnvilError) return { events: [...e.diagnostics, ...e.warnings], declared };
    throw e;
  }
}

/** Runs one errorfiles folder; `notClaimed` maps a case (path relative to the folder) to its reason. */
export function runErrorFilesFolder(
  name: string,
  dir: string,
  errorFiles: string[],
  notClaimed: Record<string, string>,
): ErrorFilesResult {
  const result: ErrorFilesResult = { name, passed: 0, failed: 0, skipped: 0, lines: [] };
  const skips: string[] = [];
  const failures: string[] = [];
  for (const errors of errorFiles) {
    const base = errors.slice(0, -".errors".length);
    const model = existsSync(`${base}.smithy`) ? `${base}.smithy` : `${base}.json`;
    const caseName = relative(dir, model);
    const expected = expectedEvents(readFileSync(errors, "utf8"));
    let events: Diagnostic[];
    let declared: Set<string>;
    try {
      ({ events, declared } = eventsOf(model));
    } catch (e) {
      result.failed++;
      failures.push(`${caseName}: crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      continue;
    }
    const missing = expected.filter((x) => x.severity !== "SUPPRESSED" && !events.some((d) => eventMatches(d, x)));
    // As upstream: our unmatched deprecation events and suppressed events do not fail a case.
    const extra = events.filter(
      (d) =>
        !expected.some((x) => eventMatches(d, x)) &&
        !IGNORED_WHEN_UNEXPECTED.has(d.eventId ?? "") &&
        d.severity !== "SUPPRESSED",
    );
    const passed = missing.length === 0 && extra.length === 0;
    const listed = notClaimed[caseName];
    const unimplemented = unimplementedIds(expected, declared, new Set(events.map((d) => d.eventId)));
    const reason =
      listed ??
      (unimplemented.length > 0
        ? `expects events of ${unimplemented.join(", ")}, validator(s) anvil does not run yet`
        : undefined);
    if (reason !== undefined) {
      if (passed && listed !== undefined) {
        result.failed++;
        failures.push(`${caseName}: listed as not claimed but passes: remove it from the not-claimed table`);
      } else {
        result.skipped++;
        skips.push(`skip ${caseName}: ${reason}`);
      }
      continue;
    }
    if (passed) result.passed++;
    else {
      result.failed++;
      const detail = [
        ...missing.map((x) => `missing [${x.severity}] ${x.shapeId}: ${x.message} | ${x.eventId}`),
        ...extra.map(
          (d) => `unexpected [${d.severity ?? "ERROR"}] ${d.shapeId ?? "-"}: ${d.message} | ${d.eventId ?? "(no id)"}`,
        ),
      ];
      failures.push(`${caseName}: ${detail.join(" / ")}`);
    }
  }
  result.lines = [...skips, ...failures];
  return result;
}
