/**
 * Converts one loaded (JSON-AST-shaped) definition into an assembled shape. Members are the
 * shape's own; mixins are flattened later.
 */
import type { AstMember, AstRef, AstShape, ShapeDefinition } from "../load/ast.js";
import type { Member, Shape } from "./model.js";

const ref = (r: AstRef | undefined) => r?.target;
const refs = (r: AstRef[] | undefined) => r?.map((x) => x.target);
const refMap = (r: Record<string, AstRef> | undefined) =>
  r === undefined ? undefined : Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.target]));

/** Converts one JSON-AST-shaped definition into an assembled shape (members still local only). */
export function toShape(def: ShapeDefinition, prelude = false): Shape {
  const a: AstShape = def.shape;
  const memberLoc = (name: string) => def.memberLocations?.[name] ?? def.locateMember?.(name) ?? def.location;
  const member = (name: string, m: AstMember): Member => ({
    name,
    id: `${def.id}$${name}`,
    target: m.target ?? "",
    traits: { ...(m.traits ?? {}) },
    location: memberLoc(name),
    locateTrait: def.locateTrait ? (t) => def.locateTrait?.(t, name) : undefined,
  });
  const members: Member[] = [];
  if (a.members) for (const [name, m] of Object.entries(a.members)) members.push(member(name, m));
  if (a.member) members.push(member("member", a.member));
  if (a.key) members.push(member("key", a.key));
  if (a.value) members.push(member("value", a.value));
  return {
    id: def.id,
    type: a.type === "apply" ? "structure" : a.type,
    traits: { ...(a.traits ?? {}) },
    mixins: refs(a.mixins) ?? [],
    members,
    prelude,
    location: def.location,
    locateTrait: def.locateTrait ? (t) => def.locateTrait?.(t) : undefined,
    input: ref(a.input),
    output: ref(a.output),
    errors: refs(a.errors),
    version: a.version,
    operations: refs(a.operations),
    resources: refs(a.resources),
    rename: a.rename,
    identifiers: refMap(a.identifiers),
    properties: refMap(a.properties),
    create: ref(a.create),
    put: ref(a.put),
    read: ref(a.read),
    update: ref(a.update),
    delete: ref(a.delete),
    list: ref(a.list),
    collectionOperations: refs(a.collectionOperations),
  };
}
