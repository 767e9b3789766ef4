/**
 * The validators of smithy-aws-traits that Smithy runs by default, written from their rules:
 * each file of this folder holds one validator or a small family, listed here with its event ids.
 */
import type { TraitValidator } from "../traits/index.js";
import { checkArnDelimiter, checkArnTemplates } from "./arn.js";
import { checkEndpointDiscovery } from "./endpoint-discovery.js";
import { checkErrorRenames } from "./error-rename.js";
import { checkHttpChecksums } from "./http-checksum.js";
import { checkEventStreamHttp, checkPayloadTypes, checkQueryErrorCodes } from "./protocols.js";
import { checkCloudWatchNamespaces, checkEventSources, checkSdkServiceIds } from "./service-names.js";
import { checkSigV4Names } from "./sigv4.js";
import {
  checkServiceTagging,
  checkTagEnabledServices,
  checkTaggableResources,
  checkTagPropertyNames,
  checkTagPropertyTypes,
} from "./tagging/validators.js";

/** The AWS validators, in the order their events are reported. */
export const AWS_VALIDATORS: readonly TraitValidator[] = [
  { eventIds: ["ArnTrait"], run: checkArnDelimiter },
  { eventIds: ["ArnTemplate"], run: checkArnTemplates },
  { eventIds: ["SdkServiceId"], run: checkSdkServiceIds },
  { eventIds: ["CloudWatchNamespace"], run: checkCloudWatchNamespaces },
  { eventIds: ["EventSource"], run: checkEventSources },
  { eventIds: ["ErrorRename"], run: checkErrorRenames },
  { eventIds: ["SigV4Traits"], run: checkSigV4Names },
  { eventIds: ["ClientEndpointDiscovery"], run: checkEndpointDiscovery },
  { eventIds: ["ProtocolHttpPayload"], run: checkPayloadTypes },
  { eventIds: ["ProtocolHttp"], run: checkEventStreamHttp },
  { eventIds: ["QueryErrorCode"], run: checkQueryErrorCodes },
  { eventIds: ["HttpChecksumTrait"], run: checkHttpChecksums },
  { eventIds: ["ServiceTagging"], run: checkServiceTagging },
  { eventIds: ["TagEnabledService"], run: checkTagEnabledServices },
  { eventIds: ["TaggableResource"], run: checkTaggableResources },
  { eventIds: ["TagResourcePropertyName"], run: checkTagPropertyNames },
  { eventIds: ["TagResourcePropertyType"], run: checkTagPropertyTypes },
];
