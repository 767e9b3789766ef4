/**
 * Smithy's DeprecatedTraitValidator and UnstableTraitValidator: applying a trait whose definition
 * is `@deprecated` or `@unstable` is a WARNING on the shape or member that applies it (prelude
 * shapes excepted). `@enum` is left out as Smithy leaves it: its deprecation is reported when a
 * 2.0 model is loaded. One walk over every trait application serves both.
 */
import type { Member, Shape } from "../model.js";
import type { TraitValidationContext } from "./traits/context.js";

const DEPRECATED = "smithy.api#deprecated";
const UNSTABLE = "smithy.api#unstable";
const HANDLED_ELSEWHERE = new Set(["smithy.api#enum"]);

/** The WARNING text of a deprecated trait's definition: its id, and its message when it has one. */
function deprecation(def: Shape): string {
  const d = def.traits[DEPRECATED];
  return d !== null && typeof d === "object" && !Array.isArray(d) && typeof d["message"] === "string"
    ? `${def.id}, ${d["message"]}`
    : def.id;
}

/** A WARNING wherever a deprecated or unstable trait is applied (unstable: id `UnstableTrait.<trait id>`). */
export function checkTraitStatus(ctx: TraitValidationContext): void {
  const deprecated = new Map<string, string>();
  const unstable = new Set<string>();
  for (const def of ctx.shapes.values()) {
    if (ctx.definition(def.id) === undefined) continue;
    if (def.traits[DEPRECATED] !== undefined && !HANDLED_ELSEWHERE.has(def.id))
      deprecated.set(def.id, deprecation(def));
    if (def.traits[UNSTABLE] !== undefined) unstable.add(def.id);
  }
  if (deprecated.size === 0 && unstable.size === 0) return;
  const visit = (holder: Shape | Member) => {
    for (const traitId in holder.traits) {
      const message = deprecated.get(traitId);
      if (message !== undefined)
        ctx.report(holder, traitId, {
          eventId: "DeprecatedTrait",
          severity: "WARNING",
          message: `This shape applies a trait that is deprecated: ${message}`,
        });
      if (unstable.has(traitId))
        ctx.report(holder, traitId, {
          eventId: `UnstableTrait.${traitId}`,
          severity: "WARNING",
          message: `This shape applies a trait that is unstable: ${traitId}`,
        });
    }
  };
  for (const shape of ctx.shapes.values()) {
    if (shape.prelude) continue;
    visit(shape);
    for (const member of shape.members) visit(member);
  }
}
