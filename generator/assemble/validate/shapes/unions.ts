/**
 * Smithy's UnionValidator: a tagged union has at least one member; a member targeting a shape
 * with a `@default` is a NOTE (a union member is never defaulted, so the default is misleading),
 * and `@box` on a member a WARNING (union members are always nullable).
 */
import type { TraitValidationContext } from "../traits/context.js";

const EVENT_ID = "Union";

/** Every union: empty, or each member's target and `@box`. */
export function checkUnions(ctx: TraitValidationContext): void {
  for (const union of ctx.shapes.values()) {
    if (union.type !== "union" || union.prelude) continue;
    if (union.members.length === 0) {
      ctx.report(union, undefined, { eventId: EVENT_ID, message: "Tagged unions must have one or more members" });
      continue;
    }
    for (const m of union.members) {
      const target = ctx.shapes.get(m.target);
      const value = target?.traits["smithy.api#default"];
      if (target !== undefined && value !== undefined) {
        ctx.report(m, undefined, {
          eventId: EVENT_ID,
          severity: "NOTE",
          message: `This union member targets \`${target.id}\`, a shape with a default value of \`${JSON.stringify(value)}\`. Note that default values are only applicable to structures and ignored in tagged unions. It is a best practice for union members to target shapes with no default value (for example, instead of targeting PrimitiveInteger, target Integer).`,
        });
      }
      if (m.traits["smithy.api#box"] !== undefined) {
        ctx.report(m, "smithy.api#box", {
          eventId: EVENT_ID,
          severity: "WARNING",
          message:
            "Invalid box trait found on a union member. The box trait on union members has no effect because union members are implicitly nullable.",
        });
      }
    }
  }
}
