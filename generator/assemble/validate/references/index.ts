/**
 * Validators of resource references: the `@references` trait, members that look like resource
 * identifiers without one, and operations bound to a service that look like a resource's.
 */
import type { TraitValidator } from "../traits/index.js";
import { checkMemberReferences } from "./member-should-reference.js";
import { checkReferencesTrait } from "./references-trait.js";
import { checkServiceBoundOperations } from "./service-bound-operation.js";

/** The reference validators, in the order their events are reported. */
export const REFERENCE_VALIDATORS: readonly TraitValidator[] = [
  { eventIds: ["ReferencesTrait"], run: checkReferencesTrait },
  { eventIds: ["MemberShouldReferenceResource"], run: checkMemberReferences },
  { eventIds: ["ServiceBoundResourceOperation"], run: checkServiceBoundOperations },
];
