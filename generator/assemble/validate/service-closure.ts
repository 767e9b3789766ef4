/**
 * Service: Smithy's ServiceValidator. Every shape in a service's closure (prelude shapes
 * included: a member targeting `smithy.api#String` puts it there) must have a name that is
 * unique ignoring case once the service's `rename` applies, since clients name types by shape
 * name alone. Some conflicts are harmless and graded down, as Smithy grades them: two simple
 * shapes of one type with the same traits are a NOTE, two such lists or sets a WARNING, anything
 * else (a structure, union, map, operation, resource or service, or different types or traits)
 * an ERROR in Smithy. anvil reports that ERROR as a DANGER: its generator names conflicting shapes
 * apart itself (a `Shape` suffix or a number, lower/client-names.ts), so such a model still
 * generates (test/hostile: one name in two namespaces, a structure named `String`), while
 * `anvil validate` fails on it as `smithy validate` does. As in Smithy, events below ERROR about
 * a prelude shape are not reported. The renames themselves must name shapes of the closure that
 * can be renamed, with valid new names: those stay ERRORs.
 */
import type { Severity } from "../../errors.js";
import type { Member, Shape } from "../model.js";
import { splitId } from "../model.js";
import { nodeEquals } from "../traits.js";
import { isSimpleType } from "./selector/evaluate.js";
import type { TraitValidationContext } from "./traits/context.js";

const EVENT_ID = "Service";
const DOCUMENTATION = "smithy.api#documentation";
const RANK: Record<string, number> = { NOTE: 1, WARNING: 2, DANGER: 3, ERROR: 4 };
const IDENTIFIER = /^(_+[A-Za-z0-9]|[A-Za-z])[A-Za-z0-9_]*$/;

/** A shape or a member, compared for conflicts. */
type Node = { kind: "shape"; shape: Shape } | { kind: "member"; member: Member };

/** Reports name conflicts in every service's closure and invalid renames. */
export function checkServiceClosures(ctx: TraitValidationContext): void {
  for (const service of ctx.shapes.values()) {
    if (service.type !== "service" || service.prelude) continue;
    const start = ctx.selectors().node(service.id);
    if (!start) continue;
    const closure = ctx.selectors().closure([start]);
    const rename = service.rename ?? {};
    const byName = new Map<string, string[]>();
    for (const n of closure) {
      if (n.member || !n.shape) continue;
      const name = (rename[n.id] ?? splitId(n.id).name).toLowerCase();
      const same = byName.get(name);
      if (same) same.push(n.id);
      else byName.set(name, [n.id]);
    }
    const detector = new ConflictDetector(ctx.shapes);
    for (const ids of byName.values()) {
      if (ids.length < 2) continue;
      ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const subjectId of ids) {
        const subject = ctx.shapes.get(subjectId) as Shape;
        for (const otherId of ids) {
          if (otherId === subjectId) continue;
          const severity = detector.detect(
            { kind: "shape", shape: subject },
            { kind: "shape", shape: ctx.shapes.get(otherId) as Shape },
          );
          // Smithy drops every event below ERROR about a prelude shape.
          if (severity === undefined || (subject.prelude && severity !== "ERROR")) continue;
          ctx.events.push({
            message: conflictMessage(service, subjectId, otherId, severity),
            eventId: EVENT_ID,
            severity: severity === "ERROR" ? "DANGER" : severity,
            shapeId: subjectId,
            location: subject.location,
            hint: `Give one of them a new name in the \`rename\` property of ${service.id} (rename: { "${subjectId}": "NewName" })`,
          });
        }
      }
    }
    if (Object.keys(rename).length > 0) checkRenames(ctx, service, new Set([...closure].map((n) => n.id)));
  }
}

function conflictMessage(service: Shape, subject: string, other: string, severity: Severity): string {
  const rename = service.rename ?? {};
  const own = rename[subject] !== undefined ? `Renamed shape name "${rename[subject]}"` : `Shape name \`${subject}\``;
  const theirs = rename[other] !== undefined ? `\`${other}\` (renamed to "${rename[other]}") ` : `\`${other}\` `;
  const must = RANK[severity] >= RANK.DANGER ? "must" : "should";
  return (
    `${own} conflicts with ${theirs}in the \`${service.id}\` service closure. Shapes in the closure of a service ${must} have ` +
    "case-insensitively unique names regardless of their namespaces. Use the `rename` property of the service to disambiguate shape names."
  );
}

/** Each rename must give a valid, different name to a shape of the closure that is not a member, operation or resource. */
function checkRenames(ctx: TraitValidationContext, service: Shape, closure: ReadonlySet<string>): void {
  const report = (message: string, hint: string) =>
    ctx.events.push({
      message,
      eventId: EVENT_ID,
      severity: "ERROR",
      shapeId: service.id,
      location: service.location,
      hint,
    });
  for (const [from, to] of Object.entries(service.rename ?? {})) {
    if (!IDENTIFIER.test(to)) {
      report(
        `Service attempts to rename \`${from}\` to an invalid identifier, "${to}"`,
        "A new name is a Smithy identifier: a letter (or underscores and a letter or digit), then letters, digits and underscores",
      );
    } else if (to === splitId(from).name) {
      report(
        `Service rename for \`${from}\` does not actually change the name from \`${to}\``,
        `Remove the rename of ${from}`,
      );
    }
    if (!closure.has(from)) {
      report(
        `Service attempts to rename a shape not in the service: ${from}`,
        `Only shapes the service reaches can be renamed; remove the rename of ${from}`,
      );
      continue;
    }
    const type = ctx.shapes.get(from)?.type ?? "member";
    if (type === "member" || type === "operation" || type === "resource") {
      report(
        `Service attempts to rename a ${type} shape from \`${from}\` to "${to}"; ${type}s cannot be renamed`,
        "Only shapes that become types can be renamed: rename the shape itself, not its operation, resource or member",
      );
    }
  }
}

/** Grades a conflict between two shapes, recursing into list members and member targets; cached per pair. */
class ConflictDetector {
  private readonly cache = new Map<string, Severity | undefined>();

  constructor(private readonly shapes: Map<string, Shape>) {}

  detect(a: Node | undefined, b: Node | undefined): Severity | undefined {
    // A broken member target is the reference check's error, not a conflict.
    if (!a || !b) return undefined;
    const [x, y] = [idOf(a), idOf(b)];
    const key = x < y ? `${x} ${y}` : `${y} ${x}`;
    if (this.cache.has(key)) return this.cache.get(key);
    this.cache.set(key, undefined); // a cycle through list members ends here
    const result = this.grade(a, b);
    this.cache.set(key, result);
    return result;
  }

  private grade(a: Node, b: Node): Severity | undefined {
    if (forbidden(a) || forbidden(b) || typeOf(a) !== typeOf(b) || !sameTraits(traitsOf(a), traitsOf(b)))
      return "ERROR";
    const members = this.memberConflict(a, b);
    if (members !== undefined && RANK[members] >= RANK.WARNING) return members;
    if (a.kind === "shape" && isSimpleType(a.shape.type)) return "NOTE";
    return "WARNING";
  }

  private memberConflict(a: Node, b: Node): Severity | undefined {
    if (a.kind === "member" && b.kind === "member")
      return this.detect(this.shapeNode(a.member.target), this.shapeNode(b.member.target));
    if (a.kind === "shape" && b.kind === "shape" && (a.shape.type === "list" || a.shape.type === "set")) {
      const [ma, mb] = [a.shape.members[0], b.shape.members[0]];
      return this.detect(ma && { kind: "member", member: ma }, mb && { kind: "member", member: mb });
    }
    return undefined;
  }

  private shapeNode(id: string): Node | undefined {
    const shape = this.shapes.get(id);
    return shape && { kind: "shape", shape };
  }
}

const idOf = (n: Node): string => (n.kind === "shape" ? n.shape.id : n.member.id);
const typeOf = (n: Node): string => (n.kind === "shape" ? n.shape.type : "member");
/**
 * The traits compared. anvil's prelude documents its types (`/// A UTF-8 string.`) where
 * Smithy's prelude has no traits at all, so a prelude shape's documentation is left out: a user's
 * plain `string String` is the NOTE Smithy gives, not a trait conflict.
 */
function traitsOf(n: Node): Shape["traits"] {
  if (n.kind === "member") return n.member.traits;
  if (!n.shape.prelude || n.shape.traits[DOCUMENTATION] === undefined) return n.shape.traits;
  const { [DOCUMENTATION]: _documentation, ...rest } = n.shape.traits;
  return rest;
}

/** Conflicts are never harmless for shapes other than simple shapes, lists, sets and members. */
function forbidden(n: Node): boolean {
  return n.kind === "shape" && !isSimpleType(n.shape.type) && n.shape.type !== "list" && n.shape.type !== "set";
}

function sameTraits(a: Shape["traits"], b: Shape["traits"]): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && nodeEquals(a[k], b[k]));
}
