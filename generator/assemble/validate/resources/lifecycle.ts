/**
 * ResourceLifecycle: Smithy's ResourceLifecycleValidator. `read` and `list` must be `@readonly`,
 * the other lifecycle operations must not be; `put` and `delete` must be `@idempotent`.
 */
import type { Shape } from "../../model.js";
import type { TraitValidationContext } from "../traits/context.js";
import { resourceShapes } from "./identifiers.js";

const EVENT_ID = "ResourceLifecycle";
const READONLY = "smithy.api#readonly";
const IDEMPOTENT = "smithy.api#idempotent";

/** Each lifecycle property, whether its operation must be readonly, and whether it must be idempotent. */
const LIFECYCLES = [
  { name: "put", readonly: false, idempotent: true },
  { name: "create", readonly: false, idempotent: false },
  { name: "read", readonly: true, idempotent: false },
  { name: "update", readonly: false, idempotent: false },
  { name: "delete", readonly: false, idempotent: true },
  { name: "list", readonly: true, idempotent: false },
] as const;

/** Checks the traits of every resource's lifecycle operations. */
export function checkResourceLifecycles(ctx: TraitValidationContext): void {
  for (const resource of resourceShapes(ctx.shapes)) {
    for (const lifecycle of LIFECYCLES) {
      const id = resource[lifecycle.name];
      const operation = id === undefined ? undefined : ctx.shapes.get(id);
      if (operation?.type !== "operation") continue;
      const lead = `The \`${lifecycle.name}\` lifecycle operation of this resource targets an invalid operation, \`${operation.id}\`. The targeted operation`;
      if ((operation.traits[READONLY] !== undefined) !== lifecycle.readonly) {
        report(ctx, resource, `${lead} ${lifecycle.readonly ? "must" : "must not"} be marked with the readonly trait.`);
      }
      if (lifecycle.idempotent && operation.traits[IDEMPOTENT] === undefined) {
        report(ctx, resource, `${lead} must be marked as idempotent.`);
      }
    }
  }
}

function report(ctx: TraitValidationContext, resource: Shape, message: string): void {
  ctx.report(resource, undefined, { eventId: EVENT_ID, message });
}
