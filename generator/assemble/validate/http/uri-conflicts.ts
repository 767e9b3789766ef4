/**
 * Smithy's HttpUriConflict validator: two operations of a service with the same method and
 * equivalent uris (labels where labels are, equal literals and query literals) cannot be routed
 * apart, unless both have an `@endpoint` host prefix and those prefixes are told apart by a
 * literal that a `@hostLabel` member's `@pattern` cannot match.
 *
 * Smithy also has a DANGER for uri conflicts that label patterns would allow, but its uri
 * equivalence already demands label against label, so that case never arises for uris.
 */
import type { Shape } from "../../model.js";
import { javaPatternRegExp } from "../java-pattern.js";
import type { TraitValidationContext } from "../traits/context.js";
import { containedOperations, inputOf } from "./bindings.js";
import { readHttp, type HttpOperation } from "./http-trait.js";
import type { UriPattern } from "./uri-pattern.js";

const ENDPOINT = "smithy.api#endpoint";

/** One ERROR per operation whose uri conflicts with others of the same service. */
export function checkHttpUriConflicts(ctx: TraitValidationContext): void {
  for (const service of ctx.shapes.values()) {
    if (service.prelude || service.type !== "service") continue;
    const operations: HttpOperation[] = [];
    for (const operation of containedOperations(ctx.shapes, service)) {
      const read = readHttp(operation.traits["smithy.api#http"]);
      if (read) operations.push({ operation, ...read });
    }
    for (const op of operations) {
      const conflicts = operations
        .filter(
          (other) =>
            other !== op &&
            other.method === op.method &&
            urisConflict(op.uri, other.uri) &&
            endpointsConflict(ctx.shapes, op.operation, other.operation),
        )
        .map((other) => `\`${other.operation.id}\` (${other.uri.text})`)
        .sort();
      if (conflicts.length === 0) continue;
      ctx.report(op.operation, undefined, {
        eventId: "HttpUriConflict",
        message: `Operation URI, \`${op.uri.text}\`, conflicts with other operation URIs in the same service: [${conflicts.join(", ")}]`,
      });
    }
  }
}

/** Smithy's UriPattern.conflictsWith: segment by segment equivalent, and the same query literals. */
function urisConflict(a: UriPattern, b: UriPattern): boolean {
  if (a.segments.length !== b.segments.length) return false;
  const equivalent = a.segments.every((s, i) => {
    const o = b.segments[i]!;
    return s.label ? o.label && s.greedy === o.greedy : !o.label && s.content === o.content;
  });
  if (!equivalent || a.queryLiterals.size !== b.queryLiterals.size) return false;
  return [...a.queryLiterals].every(([k, v]) => b.queryLiterals.get(k) === v);
}

/** A host prefix segment: a `{label}` or a literal. */
interface HostSegment {
  label: boolean;
  content: string;
}

function hostPrefix(op: Shape): HostSegment[] | undefined {
  const value = op.traits[ENDPOINT];
  if (value === null || typeof value !== "object" || Array.isArray(value) || typeof value.hostPrefix !== "string")
    return undefined;
  return value.hostPrefix.split(".").map((s) => {
    const label = /^\{([^}]*)\}$/.exec(s);
    return label ? { label: true, content: label[1]! } : { label: false, content: s };
  });
}

/**
 * Whether two operations can reach the same host: both without `@endpoint`, or both with host
 * prefixes that no `@hostLabel` pattern keeps apart.
 */
function endpointsConflict(shapes: Map<string, Shape>, a: Shape, b: Shape): boolean {
  const pa = hostPrefix(a);
  const pb = hostPrefix(b);
  if (pa === undefined || pb === undefined) return pa === pb;
  const differing: [HostSegment, HostSegment][] = [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const [s, o] = [pa[i]!, pb[i]!];
    if (s.label !== o.label) differing.push([s, o]);
    else if (!s.label && s.content !== o.content) break;
  }
  if (differing.length === 0) return true;
  const patternsA = hostLabelPatterns(shapes, a);
  const patternsB = hostLabelPatterns(shapes, b);
  const keptApart = differing.every(([s, o]) => {
    const [pattern, literal] = s.label ? [patternsA.get(s.content), o.content] : [patternsB.get(o.content), s.content];
    return pattern !== undefined && !pattern.test(literal);
  });
  return !keptApart;
}

/** The `@pattern` of each `@hostLabel` input member (on the member itself), by member name. */
function hostLabelPatterns(shapes: Map<string, Shape>, op: Shape): Map<string, RegExp> {
  const out = new Map<string, RegExp>();
  for (const m of inputOf(shapes, op)?.members ?? []) {
    const pattern = m.traits["smithy.api#pattern"];
    const regex =
      m.traits["smithy.api#hostLabel"] !== undefined && typeof pattern === "string"
        ? javaPatternRegExp(pattern)
        : undefined;
    if (regex) out.set(m.name, regex);
  }
  return out;
}
