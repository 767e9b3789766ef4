/**
 * Trait validation, as Smithy's built-in validators do it: each validator is one function over
 * the assembled shapes, listed here with the event id it emits. Adding a validator is adding a
 * file and a line to TRAIT_VALIDATORS (issue 17 grows this list).
 */
import type { Diagnostic } from "../../../errors.js";
import type { Shape } from "../../model.js";
import { checkConstraintTraits, checkJsonNames } from "./constraint-traits.js";
import { TraitValidationContext } from "./context.js";
import { checkTraitConflicts } from "./trait-conflicts.js";
import { checkTraitTargets } from "./trait-targets.js";
import { checkTraitValues } from "./trait-values.js";
import { checkGreedyLabels, checkHttpLabels, checkUriFormat } from "../http/labels.js";
import { checkHttpMethodSemantics } from "../http/method-semantics.js";
import { checkHttpQuery } from "../http/query.js";
import { checkHttpBindingsMissing, checkHttpResponseCodes } from "../http/service-bindings.js";
import { checkDefaultTrait } from "../default-values.js";
import { checkPaginated } from "../paginated.js";
import { checkServiceClosures } from "../service-closure.js";
import { checkUniqueWaiterNames, checkWaiters } from "../waiters.js";
import { AWS_VALIDATORS } from "../aws/index.js";
import { ADDON_TRAIT_VALIDATOR_IDS, checkTraitValidators } from "../trait-validators.js";
import { checkTraitStatus } from "../trait-status.js";

/** One validator: the Smithy event ids it emits and the check itself. */
export interface TraitValidator {
  eventIds: string[];
  run(ctx: TraitValidationContext): void;
}

/** Every trait validator anvil runs, in the order their events are reported. */
export const TRAIT_VALIDATORS: readonly TraitValidator[] = [
  { eventIds: ["TraitValue"], run: checkTraitValues },
  { eventIds: ["TraitTarget"], run: checkTraitTargets },
  { eventIds: ["TraitConflict"], run: checkTraitConflicts },
  { eventIds: ["LengthTrait", "RangeTrait", "PatternTrait"], run: checkConstraintTraits },
  { eventIds: ["JsonName"], run: checkJsonNames },
  { eventIds: ["DefaultTrait"], run: checkDefaultTrait }, // after TraitTarget: it reads the selectors left unchecked
  { eventIds: ["Service"], run: checkServiceClosures },
  // HTTP bindings (../http/)
  { eventIds: ["HttpBindingsMissing"], run: checkHttpBindingsMissing },
  { eventIds: ["HttpLabelTrait"], run: checkHttpLabels },
  { eventIds: ["HttpUriGreedyLabel"], run: checkGreedyLabels },
  { eventIds: ["HttpUriFormat"], run: checkUriFormat },
  { eventIds: ["HttpMethodSemantics"], run: checkHttpMethodSemantics },
  { eventIds: ["HttpResponseCodeSemantics"], run: checkHttpResponseCodes },
  { eventIds: ["HttpQueryTrait"], run: checkHttpQuery },
  { eventIds: ["PaginatedTrait"], run: checkPaginated },
  { eventIds: ["WaitableTrait"], run: checkWaiters },
  { eventIds: ["UniqueWaiterNames"], run: checkUniqueWaiterNames },
  { eventIds: ["TraitValidators", ...ADDON_TRAIT_VALIDATOR_IDS], run: checkTraitValidators },
  { eventIds: ["DeprecatedTrait", "UnstableTrait"], run: checkTraitStatus },
  // smithy-aws-traits (../aws/)
  ...AWS_VALIDATORS,
];

/** Runs every trait validator; events (errors and warnings) are added to `events`. */
export function validateTraits(shapes: Map<string, Shape>, events: Diagnostic[]): TraitValidationContext {
  const ctx = new TraitValidationContext(shapes, events);
  for (const v of TRAIT_VALIDATORS) v.run(ctx);
  return ctx;
}
