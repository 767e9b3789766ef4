/**
 * Smithy's ExclusiveStructureMemberTrait validator: a trait defined with
 * `structurallyExclusive: "member"` may sit on one member of a structure only, and with
 * `"target"` only one member of a structure may target a shape carrying it.
 */
import type { Shape } from "../../model.js";
import { tickedList } from "../http/bindings.js";
import { idiomaticName, type TraitValidationContext } from "./context.js";

/** Every structure whose members share an exclusive trait, reported on the structure. */
export function checkExclusiveMembers(ctx: TraitValidationContext): void {
  const byMember: string[] = [];
  const byTarget: string[] = [];
  for (const def of ctx.shapes.values()) {
    const trait = def.traits["smithy.api#trait"];
    if (trait === null || typeof trait !== "object" || Array.isArray(trait)) continue;
    if (trait.structurallyExclusive === "member") byMember.push(def.id);
    else if (trait.structurallyExclusive === "target") byTarget.push(def.id);
  }
  if (byMember.length === 0 && byTarget.length === 0) return;
  for (const s of ctx.shapes.values()) {
    if (s.prelude || s.type !== "structure") continue;
    for (const traitId of byMember) {
      const found = s.members.filter((m) => m.traits[traitId] !== undefined).map((m) => m.name);
      if (found.length > 1) {
        report(
          ctx,
          s,
          `The \`${idiomaticName(traitId)}\` trait can be applied to only a single member of a shape, but it was found on the following members: ${tickedList(found)}`,
        );
      }
    }
    for (const traitId of byTarget) {
      const found = s.members.filter((m) => ctx.shapes.get(m.target)?.traits[traitId] !== undefined).map((m) => m.name);
      if (found.length > 1) {
        report(
          ctx,
          s,
          `Only a single member of a structure can target a shape marked with the \`${idiomaticName(traitId)}\` trait, but it was found on the following members: ${tickedList(found)}`,
        );
      }
    }
  }
}

function report(ctx: TraitValidationContext, s: Shape, message: string): void {
  ctx.report(s, undefined, { eventId: "ExclusiveStructureMemberTrait", message });
}
