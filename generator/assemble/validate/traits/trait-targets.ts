/**
 * TraitTarget: a trait may only be applied to shapes its definition's `selector` matches
 * (`@range` on a string, `@required` outside a structure member and `@httpError` on a structure
 * without `@error` are all this error), and a trait whose definition is a mixin may not be
 * applied at all. Selectors anvil cannot evaluate leave that trait
 * unchecked; the context remembers them.
 */
import { UnsupportedSelector } from "../selector/parse.js";
import { idiomaticName, type TraitValidationContext } from "./context.js";

/** Reports every trait applied where its selector does not match. */
export function checkTraitTargets(ctx: TraitValidationContext): void {
  for (const holder of ctx.holders()) {
    for (const traitId of Object.keys(holder.traits)) {
      const def = ctx.definition(traitId);
      if (!def) continue;
      // A mixin is no trait to apply, even when it is a trait definition (a shape using it is one).
      if (def.traits["smithy.api#mixin"] !== undefined) {
        ctx.report(holder, traitId, {
          message: `Trait \`${idiomaticName(traitId)}\` is a mixin and cannot be applied to \`${holder.id}\`.`,
          eventId: "TraitTarget",
          hint: `Apply a trait that uses ${idiomaticName(traitId)} as a mixin instead`,
        });
      }
      const selector = ctx.traitDefinition(def).selector;
      if (selector === undefined || selector.trim() === "*") continue;
      const node = ctx.selectors().node(holder.id);
      if (!node) continue;
      const matches = ctx.selectors().matchesNode(selector, node);
      if (matches instanceof UnsupportedSelector) {
        ctx.unsupportedSelectors.add(selector);
        continue;
      }
      if (matches) continue;
      const sanitized = selector.replace(/\n\s*/g, " ");
      ctx.report(holder, traitId, {
        message: `Trait \`${idiomaticName(traitId)}\` cannot be applied to \`${holder.id}\`. This trait may only be applied to shapes that match the following selector: ${sanitized}`,
        eventId: "TraitTarget",
        hint: `Remove @${idiomaticName(traitId)} from ${holder.id}, or move it to a shape it applies to`,
      });
    }
  }
}
