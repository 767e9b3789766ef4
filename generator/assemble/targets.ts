/**
 * Smithy's `Target` validator: every shape id a shape mentions (member targets, map keys,
 * operation input, output and errors, service and resource bindings, identifiers, properties,
 * lifecycle operations) must name a defined shape of a fitting type. Events carry Smithy's id,
 * shape and message (`TargetValidator`), with anvil's hint. Mixins are checked while they are
 * flattened (mixins.ts). As in Smithy, an ERROR here stops the validators that follow
 * (assemble/index.ts): they would only report its consequences.
 */
import { didYouMean, type Diagnostic, type SourceLocation } from "../errors.js";
import type { NodeValue } from "../load/ast.js";
import type { Member, Shape } from "./model.js";

/** Smithy's `RelationshipType` names, as its messages print them. */
type Relationship =
  | "MEMBER_TARGET"
  | "MAP_KEY"
  | "INPUT"
  | "OUTPUT"
  | "ERROR"
  | "OPERATION"
  | "RESOURCE"
  | "COLLECTION_OPERATION"
  | "IDENTIFIER"
  | "PROPERTY"
  | "CREATE"
  | "PUT"
  | "READ"
  | "UPDATE"
  | "DELETE"
  | "LIST";

/** What a relationship reaches: a shape, or a member (a member's id names it). */
interface Reached {
  id: string;
  type: string;
  traits: Record<string, NodeValue>;
}

/** The shape or member a relationship starts from, where events are reported. */
interface Holder {
  id: string;
  /** Smithy's shape type name (`member` for members). */
  type: string;
  location?: SourceLocation;
}

const LIFECYCLE = ["create", "put", "read", "update", "delete", "list"] as const;
const INVALID_MEMBER_TARGETS = new Set(["service", "resource", "operation", "member"]);
/** Smithy suggests shape ids within this edit distance of an unresolved one. */
const MAX_SUGGESTION_DISTANCE = 2;

/** Reports every unresolved or ill-typed relationship target, and the structural rules of lists and maps. */
export function checkTargets(
  shapes: Map<string, Shape>,
  problems: Diagnostic[],
  unbuilt: ReadonlySet<string> = new Set(),
): void {
  const check = new TargetCheck(shapes, problems);
  for (const s of shapes.values()) {
    if (s.prelude) continue;
    for (const m of s.members) {
      if (m.target === "") continue; // reported by elided-member resolution
      check.relationship({ id: m.id, type: "member", location: m.location }, "MEMBER_TARGET", m.target);
    }
    const key = s.type === "map" ? s.members.find((m) => m.name === "key") : undefined;
    if (key !== undefined) check.mapKey(s, key);
    for (const [relationship, target] of shapeRelationships(s)) check.relationship(s, relationship, target);
    // A shape whose mixins could not be applied is unbuilt (reported then): its members are not all there.
    if (!unbuilt.has(s.id)) checkRequiredMembers(s, problems);
  }
}

/** The relationships of a service, resource or operation to the shapes it names, in Smithy's terms. */
function shapeRelationships(s: Shape): [Relationship, string][] {
  const out: [Relationship, string][] = [];
  const add = (relationship: Relationship, targets: Iterable<string | undefined> | undefined) => {
    for (const t of targets ?? []) if (t !== undefined) out.push([relationship, t]);
  };
  add("INPUT", [s.input]);
  add("OUTPUT", [s.output]);
  add("ERROR", s.errors);
  add("IDENTIFIER", Object.values(s.identifiers ?? {}));
  add("PROPERTY", Object.values(s.properties ?? {}));
  for (const k of LIFECYCLE) add(k.toUpperCase() as Relationship, [s[k]]);
  add("OPERATION", s.operations);
  add("COLLECTION_OPERATION", s.collectionOperations);
  add("RESOURCE", s.resources);
  return out;
}

/** The checks of Smithy's TargetValidator over one model. */
class TargetCheck {
  private ids: string[] | undefined;

  constructor(
    private readonly shapes: Map<string, Shape>,
    private readonly problems: Diagnostic[],
  ) {}

  /** A shape, or a member named by its `ns#Shape$member` id. */
  private resolve(id: string): Reached | undefined {
    const dollar = id.indexOf("$");
    if (dollar < 0) return this.shapes.get(id);
    const member = this.shapes.get(id.slice(0, dollar))?.members.find((m) => m.name === id.slice(dollar + 1));
    return member && { id: member.id, type: "member", traits: member.traits };
  }

  private report(from: Holder, message: string, hint: string | undefined, eventId = "Target"): void {
    this.problems.push({ message, location: from.location, shapeId: from.id, eventId, hint });
  }

  relationship(from: Holder, relationship: Relationship, targetId: string): void {
    const target = this.resolve(targetId);
    if (target === undefined) return this.unresolved(from, relationship, targetId);
    // Trait definitions and mixins are only ever applied, never targeted.
    if (target.traits["smithy.api#trait"] !== undefined) {
      return this.report(
        from,
        `Found a ${relationship} reference to trait definition \`${target.id}\`. Trait definitions cannot be targeted by members or referenced by shapes in any other context other than applying them as traits.`,
        `Apply ${target.id} as a trait (@${target.id.slice(target.id.indexOf("#") + 1)}), or target a shape that is not a trait`,
      );
    }
    if (target.type !== "member" && target.traits["smithy.api#mixin"] !== undefined) {
      return this.report(
        from,
        `Illegal ${relationship} reference to mixin \`${target.id}\`; shapes marked with the mixin trait can only be referenced to apply them as a mixin.`,
        `Use it as a mixin (\`with [${target.id.slice(target.id.indexOf("#") + 1)}]\`), or target a shape that is not a mixin`,
      );
    }
    this.typed(from, relationship, target);
  }

  /** The type each relationship needs, worded as Smithy words it. */
  private typed(from: Holder, relationship: Relationship, target: Reached): void {
    switch (relationship) {
      case "MEMBER_TARGET":
      case "PROPERTY":
        if (INVALID_MEMBER_TARGETS.has(target.type)) {
          this.report(
            from,
            `Members cannot target ${target.type} shapes, but found ${describe(target)}`,
            "A member targets a simple, aggregate or enum shape",
          );
        }
        return;
      case "RESOURCE":
        if (target.type !== "resource") this.expectType(from, relationship, target, "resource");
        return;
      case "OPERATION":
      case "COLLECTION_OPERATION":
        if (target.type !== "operation") this.expectType(from, relationship, target, "operation");
        return;
      case "INPUT":
      case "OUTPUT":
        if (target.type !== "structure") return this.expectType(from, relationship, target, "structure");
        if (target.traits["smithy.api#error"] !== undefined) {
          this.report(
            from,
            `Operation ${relationship.toLowerCase()} targets an invalid structure \`${target.id}\` that is marked with the \`error\` trait.`,
            "An error is listed in `errors`, never used as input or output",
          );
        }
        return;
      case "ERROR":
        if (target.type !== "structure") return this.expectType(from, relationship, target, "structure");
        if (target.traits["smithy.api#error"] === undefined) {
          this.report(
            from,
            `\`${target.id}\` cannot be bound as an error because it is not marked with the \`error\` trait.`,
            `Mark ${target.id} with @error("client") or @error("server")`,
          );
        }
        return;
      case "IDENTIFIER":
        if (target.type !== "string" && target.type !== "enum") this.expectType(from, relationship, target, "string");
        return;
      case "MAP_KEY":
        return;
      default:
        // Lifecycle operations. Smithy leaves `put` to other validators; anvil checks it with the others.
        if (target.type !== "operation") {
          this.report(
            from,
            `Resource ${relationship.toLowerCase()} lifecycle operation must target an operation, but found ${describe(target)}`,
            "A lifecycle property names an operation",
          );
        }
    }
  }

  /** Smithy's wording, "a operation" included; the hint names the shape type anvil expects. */
  private expectType(from: Holder, relationship: Relationship, target: Reached, valid: string): void {
    const hint = `Name ${/^[aeiou]/.test(valid) ? "an" : "a"} ${valid} shape here, not ${target.id}`;
    this.report(
      from,
      `${from.type} shape \`${relationship.toLowerCase()}\` relationships must target a ${valid} shape, but found ${describe(target)}`,
      hint,
    );
  }

  /** A map's key targets a string (or enum) shape; reported on the map. */
  mapKey(map: Shape, key: Member): void {
    const target = this.resolve(key.target);
    if (target === undefined || target.type === "string" || target.type === "enum") return;
    this.report(
      map,
      `Map key member targets ${describe(target)}, but is expected to target a string`,
      "A map key targets a string or enum shape",
    );
  }

  private unresolved(from: Holder, relationship: Relationship, targetId: string): void {
    this.ids ??= [...this.shapes.values()].flatMap((s) => [s.id, ...s.members.map((m) => m.id)]);
    const suggestions = closestIds(targetId, this.ids);
    const suggestionText = suggestions.length > 0 ? `. Did you mean ${suggestions.join(", ")}?` : "";
    const message =
      relationship === "MEMBER_TARGET"
        ? `member shape targets an unresolved shape \`${targetId}\`${suggestionText}`
        : `${from.type} shape has ${/^[AEIOU]/.test(relationship) ? "an" : "a"} \`${relationship.toLowerCase()}\` relationship to an unresolved shape \`${targetId}\`${suggestionText}`;
    this.report(from, message, unresolvedHint(targetId, suggestions, this.ids), "Target.UnresolvedShape");
  }
}

/** What to do about an unresolved target: Smithy's suggestions, else anvil's looser one (the same name in another namespace, say). */
function unresolvedHint(targetId: string, suggestions: string[], ids: string[]): string {
  if (suggestions.length === 1) return `Target ${suggestions[0]}, or define ${targetId}`;
  if (suggestions.length > 1) return `Target one of the shapes suggested, or define ${targetId}`;
  const byName = didYouMean(localName(targetId), ids.map(localName));
  const guess = didYouMean(targetId, ids) ?? ids.find((id) => byName !== undefined && localName(id) === byName);
  return guess !== undefined ? `Did you mean ${guess}?` : "Define the shape, or fix the id";
}

/** Smithy's `Shape.toString()`: `(type: \`id\`)`. */
function describe(target: Reached): string {
  return `(${target.type}: \`${target.id}\`)`;
}

function localName(id: string): string {
  return id.slice(id.indexOf("#") + 1);
}

/** The ids nearest to `id` within Smithy's suggestion distance (case-sensitive), sorted. */
export function closestIds(id: string, candidates: Iterable<string>): string[] {
  let floor = Infinity;
  let best = new Set<string>();
  for (const c of candidates) {
    const d = boundedDistance(id, c, MAX_SUGGESTION_DISTANCE);
    if (d === undefined || d > floor) continue;
    if (d < floor) {
      floor = d;
      best = new Set();
    }
    best.add(c);
  }
  return [...best].sort();
}

/** Levenshtein distance between `a` and `b`, or undefined when it exceeds `max`. */
function boundedDistance(a: string, b: string, max: number): number | undefined {
  if (Math.abs(a.length - b.length) > max) return undefined;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return undefined;
    prev = row;
  }
  const d = prev[b.length] ?? Infinity;
  return d <= max ? d : undefined;
}

/** A list has its `member`, a map its `key` and `value`. */
function checkRequiredMembers(s: Shape, problems: Diagnostic[]): void {
  const required = s.type === "list" || s.type === "set" ? ["member"] : s.type === "map" ? ["key", "value"] : [];
  const absent = required.filter((name) => !s.members.some((m) => m.name === name));
  if (absent.length === 0) return;
  problems.push({
    message: `Missing required member${absent.length > 1 ? "s" : ""} of shape \`${s.id}\`: ${absent.join(", ")}`,
    location: s.location,
    shapeId: s.id,
    hint: s.type === "map" ? "A map has a `key` and a `value` member" : "A list has one member, named `member`",
  });
}
