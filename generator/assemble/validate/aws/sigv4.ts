/**
 * SigV4Traits (smithy-aws-traits' SigV4TraitsValidator): a service's ARN namespace, its `sigv4`
 * signing name and its `sigv4a` signing name SHOULD be the same string (WARNING otherwise).
 */
import type { TraitValidationContext } from "../traits/context.js";
import { serviceTrait, shapesOfType, stringMember } from "./aws-traits.js";

const SIGV4 = "aws.auth#sigv4";
const SIGV4A = "aws.auth#sigv4a";
const ARN_NAMESPACE = "aws.api#service$arnNamespace";

/** One WARNING per pair of names that differ. */
export function checkSigV4Names(ctx: TraitValidationContext): void {
  for (const service of shapesOfType(ctx.shapes, "service")) {
    const arnNamespace = serviceTrait(service)?.arnNamespace;
    const sigv4 = service.traits[SIGV4] === undefined ? undefined : (stringMember(service.traits[SIGV4], "name") ?? "");
    const sigv4a =
      service.traits[SIGV4A] === undefined ? undefined : (stringMember(service.traits[SIGV4A], "name") ?? "");
    const pairs: [string, string | undefined, string, string | undefined][] = [
      [ARN_NAMESPACE, arnNamespace, `${SIGV4}$name`, sigv4],
      [ARN_NAMESPACE, arnNamespace, `${SIGV4A}$name`, sigv4a],
      [`${SIGV4}$name`, sigv4, `${SIGV4A}$name`, sigv4a],
    ];
    for (const [name1, value1, name2, value2] of pairs) {
      if (value1 === undefined || value2 === undefined || value1 === value2) continue;
      ctx.report(service, undefined, {
        eventId: "SigV4Traits",
        severity: "WARNING",
        message: `Value for \`${name1}\` "${value1}" and value for \`${name2}\` "${value2}" SHOULD match.`,
      });
    }
  }
}
