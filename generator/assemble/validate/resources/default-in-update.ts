/**
 * DefaultValueInUpdate: Smithy's DefaultValueInUpdateValidator (a WARNING). An operation that
 * updates part of a resource (a resource's `update`, or any operation named `Update...` or
 * `Patch...`) cannot tell a member left out from one sent with its default, so its input's
 * top-level members should not have `@default`.
 */
import { splitId, type Shape } from "../../model.js";
import type { TraitValidationContext } from "../traits/context.js";
import { resourceShapes } from "./identifiers.js";

const DEFAULT = "smithy.api#default";
const UPDATE_PREFIXES = ["update", "patch"];

/** Warns about defaulted input members of update-style operations. */
export function checkDefaultValueInUpdate(ctx: TraitValidationContext): void {
  for (const operation of updateOperations(ctx.shapes)) {
    const input = operation.input === undefined ? undefined : ctx.shapes.get(operation.input);
    const defaulted = (input?.members ?? []).filter((m) => m.traits[DEFAULT] !== undefined).map((m) => m.name);
    if (defaulted.length === 0) continue;
    ctx.report(operation, undefined, {
      eventId: "DefaultValueInUpdate",
      severity: "WARNING",
      message:
        "This update style operation has top-level input members marked with the @default trait. It will be impossible to tell " +
        `if the member was omitted or explicitly provided. Affected members: [${defaulted.sort().join(", ")}]`,
      hint: "Remove `@default` from these members so an omitted member stays distinguishable from one sent with its default",
    });
  }
}

/** The resources' `update` operations and the operations whose name starts with update or patch, in model order. */
function updateOperations(shapes: Map<string, Shape>): Shape[] {
  const updates = new Set(resourceShapes(shapes).map((r) => r.update));
  return [...shapes.values()].filter((s) => {
    if (s.type !== "operation" || s.prelude) return false;
    const name = splitId(s.id).name.toLowerCase();
    return updates.has(s.id) || UPDATE_PREFIXES.some((p) => name.startsWith(p));
  });
}
