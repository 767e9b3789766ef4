/**
 * Trait validation, as Smithy's built-in validators do it: each validator is one function over
 * the assembled shapes, listed here with the event id it emits. Adding a validator is adding a
 * file and a line to TRAIT_VALIDATORS (issue 17 grows this list).
 */
import type { Diagnostic, SourceLocation } from "../../../errors.js";
import type { NodeValue } from "../../../load/ast.js";
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
import { AWS_VALIDATORS } from "../aws/index.js";
import { RESOURCE_VALIDATORS } from "../resources/index.js";
import { CLOSURE_VALIDATORS } from "../closure/index.js";
import { MISC_VALIDATORS } from "../misc/index.js";
import { SHAPE_VALIDATORS } from "../shapes/index.js";
import { ADDON_TRAIT_VALIDATOR_IDS, checkTraitValidators } from "../trait-validators.js";
import { checkTraitStatus } from "../trait-status.js";
import { checkHttpHeaders, checkHttpPrefixHeaders, checkHttpQueryParams } from "../http/headers.js";
import { checkHttpPayload } from "../http/payload.js";
import { checkHttpUriConflicts } from "../http/uri-conflicts.js";
import { checkAuthTraits, checkHttpApiKeyAuth, checkServiceAuthDefinitions } from "../auth/service-auth.js";
import { checkIdempotent } from "../behavior/idempotent.js";
import { checkXmlFlattened, checkXmlNamespaces } from "../docs/xml.js";
import { checkExternalDocumentation } from "../docs/external-documentation.js";
import { checkExclusiveMembers } from "./exclusive-members.js";
import { REFERENCE_VALIDATORS } from "../references/index.js";
import { checkRpcv2HttpVersions } from "../protocols/rpcv2.js";
import { checkNoInlineDocuments } from "../protocols/no-inline-documents.js";
import { checkUniqueWaiterNames, checkWaiters } from "../waiters/structure.js";
import { checkAcceptorPaths } from "../waiters/acceptor-paths.js";

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
  { eventIds: ["ExclusiveStructureMemberTrait"], run: checkExclusiveMembers },
  ...REFERENCE_VALIDATORS, // resource references (../references/)
  // HTTP bindings (../http/)
  { eventIds: ["HttpBindingsMissing"], run: checkHttpBindingsMissing },
  { eventIds: ["HttpLabelTrait"], run: checkHttpLabels },
  { eventIds: ["HttpUriGreedyLabel"], run: checkGreedyLabels },
  { eventIds: ["HttpUriFormat"], run: checkUriFormat },
  { eventIds: ["HttpMethodSemantics"], run: checkHttpMethodSemantics },
  { eventIds: ["HttpResponseCodeSemantics"], run: checkHttpResponseCodes },
  { eventIds: ["HttpQueryTrait"], run: checkHttpQuery },
  { eventIds: ["HttpHeaderTrait"], run: checkHttpHeaders },
  { eventIds: ["HttpPrefixHeadersTrait"], run: checkHttpPrefixHeaders },
  { eventIds: ["HttpQueryParamsTrait"], run: checkHttpQueryParams },
  { eventIds: ["HttpPayload"], run: checkHttpPayload },
  { eventIds: ["HttpUriConflict"], run: checkHttpUriConflicts },
  // auth (../auth/), behaviour (../behavior/), XML (../docs/)
  { eventIds: ["AuthTrait"], run: checkAuthTraits },
  { eventIds: ["ServiceAuthDefinitions"], run: checkServiceAuthDefinitions },
  { eventIds: ["HttpApiKeyAuthTrait"], run: checkHttpApiKeyAuth },
  { eventIds: ["IdempotentTrait"], run: checkIdempotent },
  { eventIds: ["XmlNamespaceTrait"], run: checkXmlNamespaces },
  { eventIds: ["XmlFlattenedTrait"], run: checkXmlFlattened },
  { eventIds: ["Model"], run: checkExternalDocumentation },
  // protocols (../protocols/)
  { eventIds: ["Rpcv2CborTrait", "Rpcv2JsonTrait"], run: checkRpcv2HttpVersions },
  { eventIds: ["NoInlineDocumentSupport"], run: checkNoInlineDocuments },
  { eventIds: ["PaginatedTrait"], run: checkPaginated },
  { eventIds: ["WaitableTrait"], run: checkWaiters },
  { eventIds: ["UniqueWaiterNames"], run: checkUniqueWaiterNames },
  { eventIds: ["TraitValidators", ...ADDON_TRAIT_VALIDATOR_IDS], run: checkTraitValidators },
  { eventIds: ["DeprecatedTrait", "UnstableTrait"], run: checkTraitStatus },
  ...RESOURCE_VALIDATORS, // resources (../resources/)
  // enums, private access, deprecated targets, breakingChanges, cors... (../misc/)
  ...MISC_VALIDATORS,
  // shapes themselves: streams, unions, recursion, operation inputs and outputs (../shapes/)
  ...SHAPE_VALIDATORS,
  // smithy-aws-traits (../aws/)
  ...AWS_VALIDATORS,
  // metadata and shape closures (../closure/)
  ...CLOSURE_VALIDATORS,
  { eventIds: ["WaitableTraitInvalidErrorType", "WaitableTraitJmespathProblem"], run: checkAcceptorPaths },
];

/** Runs every trait validator; events (errors and warnings) are added to `events`. */
export function validateTraits(
  shapes: Map<string, Shape>,
  events: Diagnostic[],
  metadata?: Record<string, NodeValue>,
  locateMetadata?: (key: string) => SourceLocation | undefined,
  validators: readonly TraitValidator[] = TRAIT_VALIDATORS,
): TraitValidationContext {
  const ctx = new TraitValidationContext(shapes, events, metadata, locateMetadata);
  for (const v of validators) v.run(ctx);
  return ctx;
}
