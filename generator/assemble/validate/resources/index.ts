/**
 * Smithy's resource validators, each file one validator (or two small ones), listed here with the
 * event ids they emit. ./identifiers.ts holds how operations and members bind to a resource's
 * identifiers, which they share.
 */
import type { TraitValidationContext } from "../traits/context.js";
import type { TraitValidator } from "../traits/index.js";
import { checkResourceCycles } from "./cycle.js";
import { checkDefaultValueInUpdate } from "./default-in-update.js";
import { checkResourceIdentifierBindings } from "./identifier-binding.js";
import { checkResourceLifecycles } from "./lifecycle.js";
import { checkResourceOperationInputOutput } from "./operation-input-output.js";
import { checkResourceIdentifiers } from "./resource-identifiers.js";
import { checkSingleOperationBinding, checkSingleResourceBinding } from "./single-binding.js";

/**
 * Smithy runs ResourceCycle among its correctness validators and stops before the others when it
 * finds a cycle (they assume a hierarchy); the rest of this family does the same.
 */
function unlessCyclic(run: (ctx: TraitValidationContext) => void): (ctx: TraitValidationContext) => void {
  return (ctx) => {
    if (!ctx.events.some((e) => e.eventId === "ResourceCycle")) run(ctx);
  };
}

/** The resource validators, in the order their events are reported. */
export const RESOURCE_VALIDATORS: readonly TraitValidator[] = [
  { eventIds: ["ResourceCycle"], run: checkResourceCycles },
  { eventIds: ["SingleResourceBinding"], run: unlessCyclic(checkSingleResourceBinding) },
  { eventIds: ["SingleOperationBinding"], run: unlessCyclic(checkSingleOperationBinding) },
  { eventIds: ["ResourceIdentifier"], run: unlessCyclic(checkResourceIdentifiers) },
  { eventIds: ["ResourceIdentifierBinding"], run: unlessCyclic(checkResourceIdentifierBindings) },
  { eventIds: ["ResourceLifecycle"], run: unlessCyclic(checkResourceLifecycles) },
  { eventIds: ["ResourceOperationInputOutput"], run: unlessCyclic(checkResourceOperationInputOutput) },
  { eventIds: ["DefaultValueInUpdate"], run: unlessCyclic(checkDefaultValueInUpdate) },
];

/**
 * The validators Smithy runs beside its `Target` check even when that check fails (its critical
 * validators): a resource cycle is reported with the broken targets.
 */
export const CRITICAL_VALIDATORS: readonly TraitValidator[] = [RESOURCE_VALIDATORS[0]!];
