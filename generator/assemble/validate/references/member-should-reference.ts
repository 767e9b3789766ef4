/**
 * Smithy's MemberShouldReferenceResource validator: a member named like a resource identifier,
 * targeting the identifier's string shape, probably holds that identifier; unless the member is
 * already bound to the resource (reachable from it), or it or its structure has a `@references`
 * to it, it should get one (WARNING).
 */
import type { Member, Shape } from "../../model.js";
import { tickedList } from "../http/bindings.js";
import type { SelectorIndex } from "../selector/evaluate.js";
import type { TraitValidationContext } from "../traits/context.js";
import { readReferences, REFERENCES } from "./reference.js";

/** Identifier name -> identifier target -> the resources with that identifier. */
type ResourcesByIdentifier = Map<string, Map<string, Set<string>>>;

/** Every member that looks like an identifier of a resource it does not reference. */
export function checkMemberReferences(ctx: TraitValidationContext): void {
  const byIdentifier = resourcesByIdentifier(ctx.shapes);
  if (byIdentifier.size === 0) return;
  // A member's only predecessor is its container, so its binding resources are the container's.
  const bindingsOf = new Map<string, Set<string>>();
  for (const shape of ctx.shapes.values()) {
    if (shape.prelude) continue;
    for (const member of shape.members) {
      const candidates = byIdentifier.get(member.name)?.get(member.target);
      if (candidates === undefined || !isStringShape(ctx.shapes.get(member.target))) continue;
      let bound = bindingsOf.get(shape.id);
      if (bound === undefined) bindingsOf.set(shape.id, (bound = bindingResources(ctx.selectors(), shape.id)));
      const missing = unreferenced(ctx, shape, member, candidates, bound);
      if (missing.length === 0) continue;
      ctx.report(member, undefined, {
        eventId: "MemberShouldReferenceResource",
        severity: "WARNING",
        message: `This member appears to reference the following resources without being included in a \`@references\` trait: [${tickedList(missing)}]`,
        hint: `Add @references([{ resource: ${missing[0]} }]) to ${shape.id}, or rename the member`,
      });
    }
  }
}

function isStringShape(shape: Shape | undefined): boolean {
  return shape?.type === "string" || shape?.type === "enum";
}

function resourcesByIdentifier(shapes: Map<string, Shape>): ResourcesByIdentifier {
  const out: ResourcesByIdentifier = new Map();
  for (const resource of shapes.values()) {
    if (resource.type !== "resource") continue;
    for (const [name, target] of Object.entries(resource.identifiers ?? {})) {
      let byTarget = out.get(name);
      if (byTarget === undefined) out.set(name, (byTarget = new Map()));
      let ids = byTarget.get(target);
      if (ids === undefined) byTarget.set(target, (ids = new Set()));
      ids.add(resource.id);
    }
  }
  return out;
}

/** The candidate resources left once referenced and bound ones (and the bound ones' child resources) are set aside. */
function unreferenced(
  ctx: TraitValidationContext,
  container: Shape,
  member: Member,
  candidates: Set<string>,
  bound: Set<string>,
): string[] {
  const ignored = new Set<string>();
  for (const traits of [member.traits, container.traits])
    for (const r of readReferences(traits[REFERENCES])) ignored.add(r.resource);
  for (const id of bound) {
    ignored.add(id);
    for (const child of ctx.shapes.get(id)?.resources ?? []) ignored.add(child);
  }
  return [...candidates].filter((id) => !ignored.has(id));
}

/**
 * The resources from which a shape is reachable by directed relationships: one walk backwards
 * over the model's edges, each node visited once (enumerating paths instead is exponential on
 * recursive models).
 */
function bindingResources(index: SelectorIndex, shapeId: string): Set<string> {
  const found = new Set<string>();
  const start = index.node(shapeId);
  if (start === undefined) return found;
  const seen = new Set([start]);
  const stack = [start];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    for (const [, from] of index.incoming(node)) {
      if (seen.has(from)) continue;
      seen.add(from);
      if (from.type === "resource") found.add(from.id);
      stack.push(from);
    }
  }
  return found;
}
