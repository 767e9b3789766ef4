/**
 * Smithy's built-in validators of shapes and prelude traits that have no folder of their own:
 * enums, private access, deprecated targets, trait definitions' breakingChanges, `@cors`,
 * bindings and tokens where they are ignored, `@endpoint` host labels, `@mediaType`, `@examples`.
 * Each file holds one validator or a small family, listed here with its event ids. Two more
 * files serve other stages: trait-creation.ts (read by TraitValue) and enum-trait-deprecation.ts
 * (run by assemble/index.ts, as it reads the files' versions).
 */
import type { TraitValidator } from "../traits/index.js";
import { checkHttpBindingsIgnored, checkIdempotencyTokensIgnored } from "./binding-ignored.js";
import { checkTraitBreakingChanges } from "./breaking-changes.js";
import { checkCors } from "./cors.js";
import { checkDeprecatedShapes } from "./deprecated-shape.js";
import { checkEnumShapes, checkEnumTraits } from "./enums.js";
import { checkExamples } from "./examples.js";
import { checkHostLabels } from "./host-label.js";
import { checkMediaTypes } from "./media-type.js";
import { checkPrivateAccess, checkPrivateMixinMembers } from "./private-access.js";

/** The validators of this folder, in the order their events are reported. */
export const MISC_VALIDATORS: readonly TraitValidator[] = [
  { eventIds: ["EnumShape"], run: checkEnumShapes },
  { eventIds: ["EnumTrait", "EnumNamesPresent"], run: checkEnumTraits },
  { eventIds: ["PrivateAccess"], run: checkPrivateAccess },
  { eventIds: ["PrivateMixinMember"], run: checkPrivateMixinMembers },
  { eventIds: ["DeprecatedShape"], run: checkDeprecatedShapes },
  { eventIds: ["TraitBreakingChanges"], run: checkTraitBreakingChanges },
  { eventIds: ["CorsTrait"], run: checkCors },
  { eventIds: ["HttpBindingTraitIgnored"], run: checkHttpBindingsIgnored },
  { eventIds: ["IdempotencyTokenIgnored"], run: checkIdempotencyTokensIgnored },
  { eventIds: ["HostLabelTrait"], run: checkHostLabels },
  { eventIds: ["MediaType"], run: checkMediaTypes },
  { eventIds: ["ExamplesTrait"], run: checkExamples },
];
