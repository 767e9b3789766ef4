/**
 * The service as the runtime needs it: protocol, signing name, endpoint prefix, sdkId, the
 * class-name base of the client, and the wire traits set on the service.
 */
import type { Shape } from "../assemble/model.js";
import { splitId } from "../assemble/model.js";
import { AnvilError } from "../errors.js";
import type { ServiceIR } from "./ir.js";
import { shapeDoc } from "./member-docs.js";
import { pascalCase } from "./naming.js";
import { obj, str } from "./node-values.js";
import { KNOWN_PROTOCOLS, protocolGenerator, type ProtocolGenerator } from "./protocols/index.js";

/**
 * The service facts, the client's class-name base, and the generator of its protocol (picked from
 * the service's protocol trait; undefined when anvil cannot generate a client for it).
 */
export function lowerService(service: Shape): {
  service: ServiceIR;
  baseName: string;
  protocol: ProtocolGenerator | undefined;
} {
  const serviceTrait = obj(service.traits["aws.api#service"]);
  const sigv4 = obj(service.traits["aws.auth#sigv4"]);
  const serviceName = splitId(service.id).name;
  const sdkId = str(serviceTrait.sdkId) ?? serviceName;
  checkServiceStrings(service, {
    "aws.api#service sdkId": sdkId,
    "aws.api#service endpointPrefix": str(serviceTrait.endpointPrefix),
    "aws.auth#sigv4 name": str(sigv4.name),
    version: service.version,
  });
  const fromSdkId = pascalCase(
    sdkId.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : "")),
  );
  // An AWS service without a name for its host or signer falls back to its shape name; a service
  // outside AWS has no default host at all (the client then requires `endpoint`).
  const isAws = service.traits["aws.api#service"] !== undefined || service.traits["aws.auth#sigv4"] !== undefined;
  const awsFallback = isAws ? serviceName.toLowerCase() : "";
  const protocolTrait = KNOWN_PROTOCOLS.find((p) => service.traits[p] !== undefined);
  const rules = service.traits["smithy.rules#endpointRuleSet"];
  return {
    service: {
      shapeId: service.id,
      shapeName: serviceName,
      protocol: protocolTrait ? protocolTrait.slice(protocolTrait.indexOf("#") + 1) : "none",
      signingName: str(sigv4.name) ?? str(serviceTrait.endpointPrefix) ?? awsFallback,
      endpointPrefix: str(serviceTrait.endpointPrefix) ?? str(sigv4.name) ?? awsFallback,
      sdkId,
      version: service.version ?? "",
      doc: shapeDoc(service, "A client for the service"),
      // The AWS SDK turns the second encoding off for S3 alone (its codegen tests the sdkId).
      signingEscapePath: sdkId !== "S3",
      queryCompatible: service.traits["aws.protocols#awsQueryCompatible"] !== undefined,
      endpointRuleSet: rules === undefined ? undefined : JSON.stringify(rules),
    },
    // The client's class names start with this: an sdkId that gives no identifier falls back to the shape name.
    baseName: /^[A-Za-z]/.test(fromSdkId) ? fromSdkId : pascalCase(serviceName),
    protocol: protocolGenerator(protocolTrait),
  };
}

/**
 * Service strings the generated code prints inside string literals and line comments. Every
 * published AWS model keeps to letters, digits, space and `._-`; a quote, backslash, newline or
 * comment marker would change the code around it, so anything outside a safe set is an error.
 */
function checkServiceStrings(service: Shape, values: Record<string, string | undefined>): void {
  for (const [what, value] of Object.entries(values)) {
    if (value === undefined || /^[A-Za-z0-9 ._:+@-]*$/.test(value)) continue;
    throw new AnvilError("model", {
      message: `The service's ${what} ${JSON.stringify(value)} has characters a generated client cannot carry`,
      location: service.location,
      shapeId: service.id,
      hint: "Use letters, digits, spaces and . _ : + @ - only",
    });
  }
}
