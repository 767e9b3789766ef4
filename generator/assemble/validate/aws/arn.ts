/**
 * The `aws.api#arn` rules: a `resourceDelimiter` only on an absolute ARN (ArnTrait), and for each
 * resource of a service with `aws.api#service`, template labels that are well formed and name
 * exactly the resource's identifiers (ArnTemplate).
 */
import type { TraitValidationContext } from "../traits/context.js";
import { tickedList } from "../http/bindings.js";
import { containedResources, isObject, SERVICE_TRAIT, shapesOfType, stringMember } from "./aws-traits.js";

const ARN = "aws.api#arn";
const LABEL = /^[!|+]?[a-zA-Z_][a-zA-Z0-9_]*$/;

/** The `{label}`s of an ARN template, in order. */
export function arnLabels(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)}/g)].map((m) => m[1] ?? "");
}

/** A relative ARN with a `resourceDelimiter`. */
export function checkArnDelimiter(ctx: TraitValidationContext): void {
  for (const resource of shapesOfType(ctx.shapes, "resource")) {
    const arn = resource.traits[ARN];
    if (!isObject(arn) || arn["absolute"] === true || arn["resourceDelimiter"] === undefined) continue;
    ctx.report(resource, ARN, {
      eventId: "ArnTrait",
      message: "A `resourceDelimiter` can only be set for an `absolute` ARN.",
    });
  }
}

/** Labels against identifiers, for the resources of every AWS service. */
export function checkArnTemplates(ctx: TraitValidationContext): void {
  const checked = new Set<string>();
  for (const service of shapesOfType(ctx.shapes, "service")) {
    if (service.traits[SERVICE_TRAIT] === undefined) continue;
    for (const resource of containedResources(ctx.shapes, service)) {
      const template = stringMember(resource.traits[ARN], "template");
      if (template === undefined || checked.has(resource.id)) continue;
      checked.add(resource.id);
      const report = (message: string) => ctx.report(resource, ARN, { eventId: "ArnTemplate", message });
      const labels = arnLabels(template);
      const invalid = labels.filter((l) => !LABEL.test(l));
      if (invalid.length > 0) {
        report(
          `aws.api#arn trait contains invalid template labels: ${tickedList(invalid)}. Template labels must match the following regular expression: ${LABEL.source}`,
        );
        continue;
      }
      const identifiers = Object.keys(resource.identifiers ?? {});
      const missing = identifiers.filter((i) => !labels.includes(i));
      if (missing.length > 0) {
        report(
          `Invalid aws.api#arn trait resource, \`${template}\`. The following resource identifier names were missing from the \`arn\` template: ${tickedList(missing)}`,
        );
      }
      const extra = [...new Set(labels)].filter((l) => !identifiers.includes(l));
      if (extra.length > 0) {
        report(
          `Invalid aws.api#arn trait resource, \`${template}\`. Found template labels in the trait that are not the names of the identifiers of the resource: [${identifiers.join(", ")}]. Extraneous identifiers: [${tickedList(extra)}]`,
        );
      }
    }
  }
}
