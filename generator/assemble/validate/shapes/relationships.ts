/**
 * The directed relationships between shapes and members, named as Smithy's `RelationshipType`s
 * (MEMBER_TARGET, INPUT, ERROR...), and who points at a shape: several of Smithy's validators
 * walk them backwards (its "reverse neighbor provider"), from a shape to what refers to it.
 */
import type { Member, Shape } from "../../model.js";
import type { TraitHolder } from "../traits/context.js";

const UNIT = "smithy.api#Unit";

/** One directed relationship: `from` (a shape or member id) refers to `to` as `type`. */
export interface Relationship {
  type: string;
  from: string;
  to: string;
}

/** The relationship type of a container's members, by container type. */
const MEMBER_RELATIONSHIP: Record<string, string> = {
  structure: "STRUCTURE_MEMBER",
  union: "UNION_MEMBER",
  list: "LIST_MEMBER",
  set: "SET_MEMBER",
  enum: "ENUM_MEMBER",
  intEnum: "INT_ENUM_MEMBER",
};

/** A shape's own directed relationships (its members' follow from `memberRelationships`). */
function shapeRelationships(shape: Shape): Relationship[] {
  const out: Relationship[] = [];
  const add = (type: string, to: string | undefined) => {
    if (to !== undefined) out.push({ type, from: shape.id, to });
  };
  for (const m of shape.mixins) add("MIXIN", m);
  for (const m of shape.members)
    add(
      shape.type === "map"
        ? m.name === "key"
          ? "MAP_KEY"
          : "MAP_VALUE"
        : (MEMBER_RELATIONSHIP[shape.type] ?? "MEMBER"),
      m.id,
    );
  // A Unit (or absent) input or output is no relationship: Smithy's getInput() is empty.
  if (shape.input !== UNIT) add("INPUT", shape.input);
  if (shape.output !== UNIT) add("OUTPUT", shape.output);
  for (const e of shape.errors ?? []) add("ERROR", e);
  for (const o of shape.operations ?? []) add("OPERATION", o);
  for (const r of shape.resources ?? []) add("RESOURCE", r);
  for (const o of shape.collectionOperations ?? []) add("COLLECTION_OPERATION", o);
  for (const id of Object.values(shape.identifiers ?? {})) add("IDENTIFIER", id);
  for (const id of Object.values(shape.properties ?? {})) add("PROPERTY", id);
  for (const k of ["create", "put", "read", "update", "delete", "list"] as const) add(k.toUpperCase(), shape[k]);
  return out;
}

/** The MEMBER_TARGET relationships of a shape's members (none for enum members, as in Smithy). */
function memberRelationships(shape: Shape): Relationship[] {
  if (shape.type === "enum" || shape.type === "intEnum") return [];
  return shape.members.map((m) => ({ type: "MEMBER_TARGET", from: m.id, to: m.target }));
}

/** The relationships out of a shape or member id (none for an id not in the model). */
export function relationshipsFrom(shapes: Map<string, Shape>, id: string): Relationship[] {
  const dollar = id.indexOf("$");
  if (dollar < 0) {
    const shape = shapes.get(id);
    return shape === undefined ? [] : shapeRelationships(shape);
  }
  const container = shapes.get(id.slice(0, dollar));
  const member = memberOf(shapes, id);
  if (container === undefined || member === undefined || container.type === "enum" || container.type === "intEnum")
    return [];
  return [{ type: "MEMBER_TARGET", from: id, to: member.target }];
}

const REFERRERS = new WeakMap<Map<string, Shape>, Map<string, Relationship[]>>();

/**
 * Every relationship pointing at `id` (a shape or member), in model order. The index is built
 * once per shapes map: validators read the assembled shapes and never change them.
 */
export function referrers(shapes: Map<string, Shape>, id: string): Relationship[] {
  let index = REFERRERS.get(shapes);
  if (!index) {
    index = new Map();
    for (const s of shapes.values()) {
      for (const rel of [...shapeRelationships(s), ...memberRelationships(s)]) {
        const list = index.get(rel.to);
        if (list) list.push(rel);
        else index.set(rel.to, [rel]);
      }
    }
    REFERRERS.set(shapes, index);
  }
  return index.get(id) ?? [];
}

const MEMBERS = new WeakMap<Map<string, Shape>, Map<string, Member>>();

/** The member of a member id, or undefined; members are indexed once per model. */
export function memberOf(shapes: Map<string, Shape>, id: string): Member | undefined {
  let index = MEMBERS.get(shapes);
  if (!index) {
    index = new Map();
    for (const s of shapes.values()) for (const m of s.members) index.set(m.id, m);
    MEMBERS.set(shapes, index);
  }
  return index.get(id);
}

/** The shape or member of an id, as `ctx.report` takes it (with its position); just the id when absent. */
export function holderOf(shapes: Map<string, Shape>, id: string): Pick<TraitHolder, "id" | "location" | "locateTrait"> {
  return (id.includes("$") ? memberOf(shapes, id) : shapes.get(id)) ?? { id };
}
