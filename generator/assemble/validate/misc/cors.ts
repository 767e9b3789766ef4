/** Smithy's CorsTrait validator: `origin` and `origins` of `@cors` exclude each other. */
import type { TraitValidationContext } from "../traits/context.js";

const CORS = "smithy.api#cors";

/** Every service whose `@cors` sets both `origin` and a non-empty `origins`. */
export function checkCors(ctx: TraitValidationContext): void {
  for (const holder of ctx.holders()) {
    const cors = holder.traits[CORS];
    if (holder.type !== "service" || cors === null || typeof cors !== "object" || Array.isArray(cors)) continue;
    const origins = cors.origins;
    // Smithy's getOrigins() is empty when the member is absent; an explicit `origin`, even "*", counts.
    const hasOrigins =
      origins !== null && typeof origins === "object" && !Array.isArray(origins) && Object.keys(origins).length > 0;
    if (cors.origin === undefined || !hasOrigins) continue;
    ctx.report(holder, CORS, {
      eventId: "CorsTrait",
      message: "The `origin` and `origins` members of the `cors` trait are mutually exclusive.",
    });
  }
}
