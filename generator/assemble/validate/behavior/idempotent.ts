/**
 * Smithy's IdempotentTrait validator: `@idempotent`'s `exists` and `notFound` exclude each other,
 * and every error they name must be one the operation declares.
 */
import type { NodeValue } from "../../../load/ast.js";
import type { Shape } from "../../model.js";
import { tickedList } from "../http/bindings.js";
import type { TraitValidationContext } from "../traits/context.js";

const IDEMPOTENT = "smithy.api#idempotent";

/** Both properties set, or an error listed that the operation does not declare. */
export function checkIdempotent(ctx: TraitValidationContext): void {
  for (const op of ctx.shapes.values()) {
    const value = op.traits[IDEMPOTENT];
    if (op.prelude || op.type !== "operation" || value === null || typeof value !== "object" || Array.isArray(value))
      continue;
    const { exists, notFound } = value;
    if (exists !== undefined && notFound !== undefined) {
      ctx.report(op, IDEMPOTENT, {
        eventId: "IdempotentTrait",
        message:
          "The `exists` and `notFound` properties of the `@idempotent` trait are mutually exclusive. Only one may be specified.",
      });
    }
    checkErrors(ctx, op, "exists", exists);
    checkErrors(ctx, op, "notFound", notFound);
  }
}

function checkErrors(ctx: TraitValidationContext, op: Shape, property: string, errors: NodeValue | undefined): void {
  if (!Array.isArray(errors)) return;
  const declared = op.errors ?? [];
  for (const error of errors) {
    if (typeof error !== "string" || declared.includes(error)) continue;
    ctx.report(op, IDEMPOTENT, {
      eventId: "IdempotentTrait",
      message: `The \`${property}\` property references error \`${error}\`, but it is not in the operation's errors list. Expected one of ${tickedList(declared)}`,
    });
  }
}
