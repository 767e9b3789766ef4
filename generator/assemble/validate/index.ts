/**
 * Assemble-stage rules (called from assemble/index.ts once mixins are flattened and `apply` is
 * merged): implied enum values, annotation trait values, the mixin type rules; then, once
 * references are checked, the trait validators (./traits/), `@default` values among them.
 */
import type { Diagnostic } from "../../errors.js";
import type { Shape } from "../model.js";
import { addImpliedEnumValues } from "./enum-values.js";
import { checkMixinKinds } from "./mixin-kinds.js";
import { coerceAnnotationTraits } from "./trait-types.js";

import { TRAIT_VALIDATORS } from "./traits/index.js";

export { validateTraits, TRAIT_VALIDATORS } from "./traits/index.js";

/**
 * Every Smithy event id (the first segment of a hierarchical id) that anvil's loading and
 * validation emit: `Model` for loading errors (anvil leaves most of them without an id), the
 * model rules of this folder and every validator's ids. The errorfiles runner claims a case only
 * when each event it expects has its id here.
 */
export const EMITTED_EVENT_IDS: ReadonlySet<string> = new Set([
  "Model",
  "ModelDeprecation",
  "Target",
  "SyntacticShapeIdTarget",
  "TypedMetadata", // typed-metadata.ts, run beside the metadata validators
  ...TRAIT_VALIDATORS.flatMap((v) => v.eventIds),
]);

/** Completes and checks the flattened shapes in place, adding every problem found to `problems`. */
export function runModelRules(shapes: Map<string, Shape>, problems: Diagnostic[]): void {
  addImpliedEnumValues(shapes);
  coerceAnnotationTraits(shapes);
  checkMixinKinds(shapes, problems);
}
