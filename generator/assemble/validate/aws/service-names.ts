/**
 * The naming conventions of `aws.api#service`: the SDK service id (SdkServiceId, DANGER), the
 * CloudWatch metric namespace (CloudWatchNamespace, DANGER) and the CloudTrail event source
 * (EventSource, WARNING), as smithy-aws-traits checks them.
 */
import type { TraitValidationContext } from "../traits/context.js";
import { SERVICE_TRAIT, serviceTrait, shapesOfType } from "./aws-traits.js";

const COMPANY_NAMES = ["AWS", "Aws", "Amazon"];
const DISALLOWED_ENDINGS = ["service", "client", "api"];
const SERVICE_ID_PATTERN = "^[a-zA-Z][a-zA-Z0-9]*( [a-zA-Z0-9]+)*$";
/** Ids shipped before the rules existed; Smithy accepts them as they are. */
const PREEXISTING_SERVICE_IDS = new Set([
  "ACM PCA",
  "ApiGatewayManagementApi",
  "Config Service",
  "Cost and Usage Report Service",
  "Application Discovery Service",
  "Database Migration Service",
  "Directory Service",
  "Elasticsearch Service",
  "IoT 1Click Devices Service",
  "IoTAnalytics",
  "Lex Model Building Service",
  "Lex Runtime Service",
  "Marketplace Entitlement Service",
  "mq",
  "Resource Groups Tagging API",
]);
/** Event sources that differ from `<arnNamespace>.amazonaws.com` for historical reasons. */
const KNOWN_EVENT_SOURCES: Record<string, string> = { "cloudwatch.amazonaws.com": "monitoring.amazonaws.com" };
const PASCAL_CASE = /^[A-Z][a-zA-Z0-9]*(?:[A-Z][a-zA-Z0-9]*)*$/;

/** Why an SDK id breaks the rules (joined by `;` as Smithy does), or undefined. */
export function sdkIdProblems(sdkId: string): string | undefined {
  if (PREEXISTING_SERVICE_IDS.has(sdkId)) return undefined;
  const messages: string[] = [];
  if (!new RegExp(SERVICE_ID_PATTERN).test(sdkId))
    messages.push(`Does not match the required pattern \`${SERVICE_ID_PATTERN}\``);
  if (COMPANY_NAMES.some((c) => sdkId.includes(c))) {
    messages.push(
      `Must not contain any of the following company names: [${[...COMPANY_NAMES]
        .sort()
        .map((c) => `\`${c}\``)
        .join(", ")}]`,
    );
  }
  const ending = DISALLOWED_ENDINGS.find((e) => sdkId.toLowerCase().endsWith(e));
  if (ending !== undefined) messages.push(`Must not case-insensitively end with \`${ending}\``);
  if (sdkId.length === 0 || sdkId.length > 50) messages.push("Must be between 1 and 50 characters long.");
  return messages.length === 0 ? undefined : `Invalid SDK service ID value, \`${sdkId}\`: ${messages.join(";")}`;
}

/** The SDK id of every AWS service. */
export function checkSdkServiceIds(ctx: TraitValidationContext): void {
  for (const service of shapesOfType(ctx.shapes, "service")) {
    const trait = serviceTrait(service);
    const problem = trait === undefined ? undefined : sdkIdProblems(trait.sdkId);
    if (problem !== undefined)
      ctx.report(service, SERVICE_TRAIT, { eventId: "SdkServiceId", severity: "DANGER", message: problem });
  }
}

/** `AWS/` then a PascalCase service component. */
export function checkCloudWatchNamespaces(ctx: TraitValidationContext): void {
  for (const service of shapesOfType(ctx.shapes, "service")) {
    const namespace = serviceTrait(service)?.cloudWatchNamespace;
    if (namespace === undefined) continue;
    const prefixed = namespace.startsWith("AWS/");
    const component = namespace.replaceAll("AWS/", "");
    const pascal = PASCAL_CASE.test(component);
    if (prefixed && pascal) continue;
    let message = `The service's CloudWatch metric namespace \`${namespace}\` does not follow convention.`;
    if (!prefixed) message += " The namespace should start with the `AWS/` prefix.";
    if (!pascal) message += ` The namespace's service component \`${component}\` should be PascalCase.`;
    ctx.report(service, SERVICE_TRAIT, { eventId: "CloudWatchNamespace", severity: "DANGER", message });
  }
}

/** `<arnNamespace>.amazonaws.com` without placeholders. */
export function checkEventSources(ctx: TraitValidationContext): void {
  for (const service of shapesOfType(ctx.shapes, "service")) {
    const trait = serviceTrait(service);
    if (trait === undefined) continue;
    const source = trait.cloudTrailEventSource;
    const expected = `${trait.arnNamespace}.amazonaws.com`;
    if (KNOWN_EVENT_SOURCES[expected] === source) continue;
    let message: string | undefined;
    if (source.includes("REPLACE") || source.toUpperCase() === source) {
      message = `aws.api#service|cloudTrailEventSource must not use placeholders, but found: ${source}`;
    } else if (source !== expected) {
      message = `aws.api#service|cloudTrailEventSource does not match the expected value. Expected '${expected}', but found '${source}'.`;
    }
    if (message !== undefined)
      ctx.report(service, SERVICE_TRAIT, { eventId: "EventSource", severity: "WARNING", message });
  }
}
