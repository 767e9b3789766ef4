/**
 * Validators of model metadata and shape closures (issue 17): each file of this folder holds one,
 * listed here with the Smithy event ids it emits.
 */
import type { TraitValidator } from "../traits/index.js";
import { checkMetadataTraits } from "./metadata-trait.js";
import { checkShapeClosures } from "./shape-closures.js";

/** The metadata and closure validators, in the order their events are reported. */
export const CLOSURE_VALIDATORS: readonly TraitValidator[] = [
  { eventIds: ["MetadataTrait"], run: checkMetadataTraits },
  { eventIds: ["ShapeClosure"], run: checkShapeClosures },
];
