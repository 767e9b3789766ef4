/**
 * Smithy's PrivateAccess and PrivateMixinMember validators: a `@private` shape may only be
 * referenced from its own namespace (an ERROR, a WARNING for a trait application, as Smithy
 * grades it for backward compatibility), and `@private` on a mixin's member protects nothing.
 */
import { splitId } from "../../model.js";
import type { TraitValidationContext } from "../traits/context.js";
import { memberRelationships, shapeRelationships, type Relationship } from "./relationships.js";

const PRIVATE = "smithy.api#private";
const MIXIN = "smithy.api#mixin";

function message(type: string, target: string): string {
  return `This shape has an invalid ${type} relationship that targets a private shape, \`${target}\`, in another namespace.`;
}

/** Every relationship or trait application from another namespace to a `@private` shape. */
export function checkPrivateAccess(ctx: TraitValidationContext): void {
  const privateIds = new Set<string>();
  for (const s of ctx.shapes.values()) if (s.traits[PRIVATE] !== undefined) privateIds.add(s.id);
  if (privateIds.size === 0) return;
  for (const holder of ctx.holders()) {
    const namespace = splitId(holder.id).namespace;
    const rels: Relationship[] = holder.member
      ? memberRelationships(holder.shape, holder.member)
      : shapeRelationships(holder.shape);
    for (const rel of rels) {
      if (!privateIds.has(rel.target) || splitId(rel.target).namespace === namespace) continue;
      ctx.report(holder, undefined, { eventId: "PrivateAccess", message: message(rel.type, rel.target) });
    }
    for (const traitId of Object.keys(holder.traits)) {
      if (!privateIds.has(traitId) || splitId(traitId).namespace === namespace) continue;
      ctx.report(holder, traitId, {
        eventId: "PrivateAccess",
        severity: "WARNING",
        message: message("trait", traitId),
      });
    }
  }
}

/** Every `@private` member of a mixin. */
export function checkPrivateMixinMembers(ctx: TraitValidationContext): void {
  for (const holder of ctx.holders()) {
    if (!holder.member || holder.traits[PRIVATE] === undefined || holder.shape.traits[MIXIN] === undefined) continue;
    ctx.report(holder, PRIVATE, {
      eventId: "PrivateMixinMember",
      severity: "WARNING",
      message:
        "The `@private` trait does not prevent a mixin member from being inherited by shapes in other namespaces, nor does it prevent new traits from being added to the inherited member. Apply `@private` to the mixin shape or target shape instead if cross-namespace access should be restricted.",
    });
  }
}
