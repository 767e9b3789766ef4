/**
 * Suppressions and severity overrides, applied to the events as Smithy applies them: an event
 * (never an ERROR) whose id is a suppressed id or one of its children (`Foo` covers `Foo.Bar`) is
 * SUPPRESSED, by the `@suppress` trait of its shape or by `metadata suppressions` (`namespace`
 * `*` or the shape's; the `reason` appended to the message); then `metadata severityOverrides`
 * raise the severity of the remaining ones (to WARNING or DANGER, never lower). The entries'
 * own form is checked here too (Smithy's `Model` errors).
 */
import type { Diagnostic, Severity, SourceLocation } from "../../errors.js";
import type { NodeValue } from "../../load/ast.js";
import type { Shape } from "../model.js";

type NodeObject = { [key: string]: NodeValue };

interface Rule {
  id: string;
  namespace: string;
  reason?: string;
  severity?: Severity;
}

const RANK: Record<Severity, number> = { SUPPRESSED: 0, NOTE: 1, WARNING: 2, DANGER: 3, ERROR: 4 };

/** Whether `eventId` is `id` or one of its children. */
function covers(id: string, eventId: string): boolean {
  return eventId === id || eventId.startsWith(`${id}.`);
}

function applies(rule: Rule, d: Diagnostic): boolean {
  if (!covers(rule.id, d.eventId ?? "")) return false;
  if (rule.namespace === "*") return true;
  return d.shapeId !== undefined && d.shapeId.slice(0, d.shapeId.indexOf("#")) === rule.namespace;
}

/** Applies suppressions and overrides to `events` in place; problems with the entries are added to it. */
export function applySuppressions(
  events: Diagnostic[],
  metadata: Record<string, NodeValue>,
  shapes: Map<string, Shape>,
  locate: (key: string) => SourceLocation | undefined,
): void {
  const suppressions = readRules(metadata["suppressions"], false, locate("suppressions"), events);
  const overrides = readRules(metadata["severityOverrides"], true, locate("severityOverrides"), events);
  for (const d of events) {
    const severity = d.severity ?? "ERROR";
    if (severity === "ERROR" || severity === "SUPPRESSED" || d.eventId === undefined) continue;
    const reason = suppressedBy(d, shapes, suppressions);
    if (reason !== undefined) {
      d.severity = "SUPPRESSED";
      if (reason !== "") d.message = `${d.message} (${reason})`;
      continue;
    }
    for (const o of overrides) {
      if (o.severity && applies(o, d) && RANK[o.severity] > RANK[d.severity ?? "ERROR"]) d.severity = o.severity;
    }
  }
}

/** The reason an event is suppressed ("" when none is given), or undefined. */
function suppressedBy(d: Diagnostic, shapes: Map<string, Shape>, rules: Rule[]): string | undefined {
  const eventId = d.eventId ?? "";
  if (d.shapeId !== undefined) {
    const [shapeId, memberName] = d.shapeId.split("$");
    const shape = shapes.get(shapeId ?? "");
    const holder = memberName === undefined ? shape : shape?.members.find((m) => m.name === memberName);
    const ids = holder?.traits["smithy.api#suppress"];
    if (Array.isArray(ids) && ids.some((id) => typeof id === "string" && covers(id, eventId))) return "";
  }
  const rule = rules.find((r) => applies(r, d));
  return rule === undefined ? undefined : (rule.reason ?? "");
}

/** Reads `suppressions` or `severityOverrides` entries, reporting malformed ones. */
function readRules(
  value: NodeValue | undefined,
  overrides: boolean,
  location: SourceLocation | undefined,
  events: Diagnostic[],
): Rule[] {
  if (value === undefined) return [];
  const fail = (message: string): void => {
    events.push({ message, eventId: "Model", ...(location === undefined ? {} : { location }) });
  };
  if (!Array.isArray(value)) {
    // `validators` and `suppressions` that are not arrays are reported by the loader's check.
    if (overrides) fail(`Expected array, but found ${kind(value)}.`);
    return [];
  }
  const rules: Rule[] = [];
  value.forEach((entry, i) => {
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      fail(`Expected array element ${i} to be a object but found ${kind(entry)}.`);
      return;
    }
    const o = entry as NodeObject;
    for (const key of overrides ? ["id", "namespace", "severity"] : ["id", "namespace"]) {
      if (typeof o[key] !== "string") {
        fail(`Missing expected member \`${key}\`.`);
        return;
      }
    }
    const rule: Rule = { id: o["id"] as string, namespace: o["namespace"] as string };
    if (typeof o["reason"] === "string") rule.reason = o["reason"];
    if (overrides) {
      const severity = o["severity"] as string;
      if (severity !== "DANGER" && severity !== "WARNING") {
        fail(`Expected one of \`DANGER\`, \`WARNING\`; got \`${severity}\`.`);
        return;
      }
      rule.severity = severity;
    }
    rules.push(rule);
  });
  return rules;
}

function kind(v: NodeValue): string {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "object" ? "object" : typeof v;
}
