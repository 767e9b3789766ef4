/**
 * Assemble-stage rules added for Smithy's loader conformance corpus (called from assemble/index.ts
 * once mixins are flattened and `apply` is merged): implied enum values, annotation trait values,
 * trait value kinds, the mixin type rules, and default values that fit their targets.
 */
import type { Diagnostic } from "../../errors.js";
import type { Shape } from "../model.js";
import { checkDefaultValues } from "./default-values.js";
import { addImpliedEnumValues } from "./enum-values.js";
import { checkMixinKinds } from "./mixin-kinds.js";
import { checkTraitValueKinds } from "./trait-types.js";

/** Completes and checks the flattened shapes in place, adding every problem found to `problems`. */
export function runModelRules(shapes: Map<string, Shape>, problems: Diagnostic[]): void {
  addImpliedEnumValues(shapes);
  checkTraitValueKinds(shapes, problems);
  checkMixinKinds(shapes, problems);
  checkDefaultValues(shapes, problems);
}
