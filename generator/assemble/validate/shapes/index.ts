/**
 * Smithy's validators of shapes themselves (not of one trait's value): where streams may be,
 * `@requestCompression`, unions, recursion, Unit, member id case conflicts and the use of
 * operation inputs and outputs. Each file holds one validator or a small family.
 */
import type { TraitValidator } from "../traits/index.js";
import { checkInputOutputUse, checkOperationNameAmbiguity } from "./operations.js";
import { checkShapeRecursion } from "./recursion.js";
import { checkRequestCompression } from "./request-compression.js";
import { checkShapeIdConflicts } from "./shape-id-conflicts.js";
import { checkEventPayloads, checkStreaming } from "./streaming.js";
import { checkUnions } from "./unions.js";
import { checkUnitType } from "./unit-type.js";

/** The shape validators, in the order their events are reported. */
export const SHAPE_VALIDATORS: readonly TraitValidator[] = [
  { eventIds: ["ShapeIdConflict"], run: checkShapeIdConflicts },
  { eventIds: ["UnitType"], run: checkUnitType },
  { eventIds: ["Union"], run: checkUnions },
  { eventIds: ["ShapeRecursion"], run: checkShapeRecursion },
  { eventIds: ["StreamingTrait"], run: checkStreaming },
  { eventIds: ["EventPayloadTrait"], run: checkEventPayloads },
  { eventIds: ["RequestCompressionTrait"], run: checkRequestCompression },
  { eventIds: ["OperationInputOutputMisuse", "OperationInputOutputName"], run: checkInputOutputUse },
  { eventIds: ["OperationNameAmbiguity"], run: checkOperationNameAmbiguity },
];
