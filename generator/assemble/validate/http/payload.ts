/**
 * Smithy's HttpPayload validator: once a member is the `@httpPayload`, every other member of the
 * request, response or error must be bound to a header, label, query or status code, since there
 * is no document body left to carry it.
 */
import type { Shape } from "../../model.js";
import type { TraitValidationContext } from "../traits/context.js";
import { inputOf, outputOf, structureBindings, tickedList } from "./bindings.js";
import { httpOperations } from "./http-trait.js";

/** Unbound members beside a payload, reported on the structure. */
export function checkHttpPayload(ctx: TraitValidationContext): void {
  for (const { operation } of httpOperations(ctx.shapes)) {
    checkStructure(ctx, inputOf(ctx.shapes, operation), true);
    checkStructure(ctx, outputOf(ctx.shapes, operation), false);
  }
  for (const s of ctx.shapes.values()) {
    if (!s.prelude && s.type === "structure" && s.traits["smithy.api#error"] !== undefined)
      checkStructure(ctx, s, false);
  }
}

function checkStructure(ctx: TraitValidationContext, structure: Shape | undefined, request: boolean): void {
  if (structure === undefined) return;
  const unbound = structureBindings(structure, request).filter((b) => b.location === "unbound");
  if (unbound.length === 0) return;
  ctx.report(structure, undefined, {
    eventId: "HttpPayload",
    message: `A member of this structure is marked with the \`httpPayload\` trait, but the following structure members are not explicitly bound to the HTTP message: ${tickedList(unbound.map((b) => b.member.name))}`,
  });
}
