/**
 * The relationships Smithy's NeighborProvider gives a shape or member that point at another
 * shape by id, named as Smithy's RelationshipType prints them (lower case), and their reverse:
 * what PrivateAccess and DeprecatedShape walk forward, and the ignored-binding validators walk
 * back. A shape's own members (structure_member, list_member, ...) and a member's container are
 * left out: they never leave the shape, so none of these validators reads them.
 */
import type { Member, Shape } from "../../model.js";

/** One directed relationship: its Smithy name and the id it points at. */
export interface Relationship {
  type: string;
  target: string;
}

/** A resource's lifecycle operations, by the property that names each. */
export const LIFECYCLE = ["create", "put", "read", "update", "delete", "list"] as const;

/** The relationships of a member: its target, unless it is an enum member (which targets Unit by construction). */
export function memberRelationships(container: Shape, member: Member): Relationship[] {
  return container.type === "enum" || container.type === "intEnum"
    ? []
    : [{ type: "member_target", target: member.target }];
}

/** The relationships of a shape to other shapes, its own members left out. */
export function shapeRelationships(shape: Shape): Relationship[] {
  const out: Relationship[] = [];
  const push = (type: string, target: string | undefined) => {
    if (target !== undefined) out.push({ type, target });
  };
  for (const m of shape.mixins) push("mixin", m);
  for (const x of shape.operations ?? []) push("operation", x);
  for (const x of shape.resources ?? []) push("resource", x);
  for (const x of Object.values(shape.identifiers ?? {})) push("identifier", x);
  for (const x of Object.values(shape.properties ?? {})) push("property", x);
  for (const rel of LIFECYCLE) push(rel, shape[rel]);
  for (const x of shape.collectionOperations ?? []) push("collection_operation", x);
  // As in Smithy, a Unit input or output is no relationship (the operation has none).
  if (shape.input !== "smithy.api#Unit") push("input", shape.input);
  if (shape.output !== "smithy.api#Unit") push("output", shape.output);
  for (const x of shape.errors ?? []) push("error", x);
  return out;
}

/** Smithy's RelationshipType order (its enum's), which orders the groups of a "contexts" message. */
const TYPE_ORDER = [
  "resource",
  "operation",
  "collection_operation",
  "put",
  "create",
  "read",
  "update",
  "delete",
  "list",
  "identifier",
  "property",
  "member_target",
  "input",
  "output",
  "error",
  "mixin",
];

/** An incoming relationship: its type and the shape or member it comes from. */
export interface IncomingRelationship {
  type: string;
  from: string;
}

/** Every shape's incoming relationships (from non-prelude shapes and members), by target id. */
export function incomingRelationships(shapes: Map<string, Shape>): Map<string, IncomingRelationship[]> {
  const out = new Map<string, IncomingRelationship[]>();
  const add = (target: string, rel: IncomingRelationship) => {
    let list = out.get(target);
    if (!list) out.set(target, (list = []));
    list.push(rel);
  };
  for (const shape of shapes.values()) {
    if (shape.prelude) continue;
    for (const rel of shapeRelationships(shape)) add(rel.target, { type: rel.type, from: shape.id });
    for (const m of shape.members)
      for (const rel of memberRelationships(shape, m)) add(rel.target, { type: rel.type, from: m.id });
  }
  return out;
}

/**
 * Relationships grouped by type, as Smithy prints the contexts a trait is ignored in:
 * `{member target: [a, b], output: [c]}`, types in Smithy's order, ids sorted and unique.
 */
export function formatContexts(rels: IncomingRelationship[]): string {
  const byType = new Map<string, Set<string>>();
  for (const r of rels) {
    let ids = byType.get(r.type);
    if (!ids) byType.set(r.type, (ids = new Set()));
    ids.add(r.from);
  }
  const groups = [...byType].sort(([a], [b]) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b));
  return `{${groups.map(([type, ids]) => `${type.replace(/_/g, " ")}: [${[...ids].sort().join(", ")}]`).join(", ")}}`;
}
