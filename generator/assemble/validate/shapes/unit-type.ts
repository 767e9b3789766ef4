/**
 * Smithy's UnitTypeValidator: `smithy.api#Unit` stands for "no value", so only a union variant
 * (or an enum member) may target it, and only an operation's input or output may be Unit (which
 * is no relationship at all); anything else referring to it is an error.
 */
import type { TraitValidationContext } from "../traits/context.js";
import { holderOf, referrers } from "./relationships.js";

const UNIT = "smithy.api#Unit";
const EVENT_ID = "UnitType";
const MAY_TARGET_UNIT = new Set(["union", "enum", "intEnum"]);

/** Every reference to Unit other than a union, enum or intEnum member's target. */
export function checkUnitType(ctx: TraitValidationContext): void {
  for (const rel of referrers(ctx.shapes, UNIT)) {
    if (rel.type === "MEMBER_TARGET") {
      const container = ctx.shapes.get(rel.from.slice(0, rel.from.indexOf("$")));
      if (container === undefined || MAY_TARGET_UNIT.has(container.type)) continue;
      ctx.report(holderOf(ctx.shapes, rel.from), undefined, {
        eventId: EVENT_ID,
        message: "Only members of a union, enum, or intEnum can reference smithy.api#Unit",
        hint: "Target a structure with no members, or make the container a union",
      });
    } else {
      ctx.report(holderOf(ctx.shapes, rel.from), undefined, {
        eventId: EVENT_ID,
        message: `This shape has an invalid ${rel.type} reference to smithy.api#Unit`,
      });
    }
  }
}
