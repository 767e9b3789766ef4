/**
 * The add-on trait libraries (AWS's and Smithy's) whose traits anvil carries as opaque values:
 * published models use them without defining them. Loading treats their shape ids as defined
 * (no warning for a `use`), and assembly accepts their traits without a definition.
 */
const OPAQUE_TRAIT_NAMESPACES = [
  "aws.api", "aws.auth", "aws.protocols", "aws.customizations", "aws.iam", "aws.cloudformation",
  "aws.apigateway", "aws.endpoints", "aws.test", "smithy.rules", "smithy.waiters", "smithy.test",
  "smithy.protocols", "smithy.framework", "smithy.mqtt", "smithy.openapi", "smithy.synthetic",
];

/** True when a trait in this namespace may be used without its definition being in the model. */
export function isOpaqueTraitNamespace(traitId: string): boolean {
  const ns = traitId.slice(0, traitId.indexOf("#"));
  return OPAQUE_TRAIT_NAMESPACES.includes(ns);
}

