/**
 * TraitConflict: traits whose definitions list each other in `conflicts` may not be applied to the
 * same shape or member (`@httpHeader` with `@httpLabel`, `@uniqueItems` with `@sparse`...).
 */
import { idiomaticName, type TraitValidationContext } from "./context.js";

/** Reports every shape or member carrying traits that conflict. */
export function checkTraitConflicts(ctx: TraitValidationContext): void {
  for (const holder of ctx.holders()) {
    const pairs: string[] = [];
    let first: string | undefined;
    for (const traitId of Object.keys(holder.traits)) {
      const def = ctx.definition(traitId);
      if (!def) continue;
      const conflicts = ctx.traitDefinition(def).conflicts ?? [];
      for (const raw of conflicts) {
        const other = raw.includes("#") ? raw : `${def.id.slice(0, def.id.indexOf("#"))}#${raw}`;
        if (!Object.hasOwn(holder.traits, other)) continue;
        pairs.push(`\`${idiomaticName(traitId)}\` conflicts with \`${idiomaticName(other)}\``);
        first ??= traitId;
      }
    }
    if (pairs.length === 0) continue;
    ctx.report(holder, first, {
      // Smithy sorts the lines as strings, whatever order the traits were applied in.
      message: `Found conflicting traits on ${holder.type} shape: ${pairs.sort().join(", ")}`,
      eventId: "TraitConflict",
      hint: "Keep one of the conflicting traits",
    });
  }
}
