/**
 * ClientEndpointDiscovery (smithy-aws-traits' ClientEndpointDiscoveryValidator): a service with
 * `aws.api#clientEndpointDiscovery` names an endpoint operation of the expected shape (input
 * `Operation` and `Identifiers`, output a list of `Endpoints` of `Address` and
 * `CachePeriodInMinutes`), bound to it; it SHOULD name an invalid-endpoint error, which every
 * discovered operation must then list; and it should have discovered operations at all. Member
 * names are listed in the order of the Java set Smithy formats.
 */
import type { Shape } from "../../model.js";
import type { TraitValidationContext } from "../traits/context.js";
import { inputOf, outputOf, containedOperations } from "../http/bindings.js";
import { shapesOfType, stringMember } from "./aws-traits.js";
import { javaHashSetOrder } from "../../java-order.js";

const DISCOVERY = "aws.api#clientEndpointDiscovery";
const DISCOVERED = "aws.api#clientDiscoveredEndpoint";
const EVENT = "ClientEndpointDiscovery";

/** Every rule of the validator, in Smithy's order of events. */
export function checkEndpointDiscovery(ctx: TraitValidationContext): void {
  const services = shapesOfType(ctx.shapes, "service").filter((s) => s.traits[DISCOVERY] !== undefined);
  const discovery = new Map(
    services.map((s) => [
      s,
      {
        operation: stringMember(s.traits[DISCOVERY], "operation") ?? "",
        error: stringMember(s.traits[DISCOVERY], "error"),
      },
    ]),
  );
  for (const [service, trait] of discovery) {
    if (trait.error === undefined) {
      ctx.report(service, DISCOVERY, {
        eventId: `${EVENT}.MissingErrorDefinition`,
        severity: "DANGER",
        message: "Services SHOULD define an error which indicates an endpoint is invalid.",
      });
    }
  }
  for (const trait of discovery.values()) {
    const operation = ctx.shapes.get(trait.operation);
    if (operation?.type === "operation") checkEndpointOperation(ctx, operation);
  }
  const contained = new Map(services.map((s) => [s, containedOperations(ctx.shapes, s)]));
  for (const [service, trait] of discovery) {
    if ((contained.get(service) ?? []).some((op) => op.id === trait.operation)) continue;
    ctx.report(service, undefined, {
      eventId: `${EVENT}.UnboundOperation.${trait.operation.split("#")[1] ?? trait.operation}`,
      message: `The operation \`${trait.operation}\` must be bound to the service \`(service: \`${service.id}\`)\` to use it as the endpoint operation.`,
    });
  }
  for (const service of services) {
    if ((contained.get(service) ?? []).some((op) => op.traits[DISCOVERED] !== undefined)) continue;
    ctx.report(service, undefined, {
      eventId: `${EVENT}.NoOperations`,
      severity: "WARNING",
      message: `The service \`${service.id}\` is configured to use endpoint discovery, but has no operations bound with the \`${DISCOVERED}\` trait.`,
    });
  }
  for (const operation of shapesOfType(ctx.shapes, "operation")) {
    if (operation.traits[DISCOVERED] === undefined) continue;
    const bound = services.filter((s) => (contained.get(s) ?? []).includes(operation));
    if (bound.length === 0) {
      ctx.report(operation, undefined, {
        eventId: EVENT,
        message: `The operation \`${operation.id}\` is marked with \`${DISCOVERED}\` but is not attached to a service with the \`${DISCOVERY}\` trait.`,
      });
    }
    for (const service of bound) {
      const error = discovery.get(service)?.error;
      if (error === undefined || (operation.errors ?? []).includes(error)) continue;
      ctx.report(operation, undefined, {
        eventId: EVENT,
        message: `The operation \`${operation.id}\` is marked with \`${DISCOVERED}\` and is bound to the service \`${service.id}\` but does not have the required error \`${error}\`.`,
      });
    }
  }
}

/** The members of a structure, by name (an absent input or output has none). */
function membersOf(structure: Shape | undefined): Map<string, Shape["members"][number]> {
  return new Map((structure?.members ?? []).map((m) => [m.name, m]));
}

/** The endpoint operation's input and output shapes. */
function checkEndpointOperation(ctx: TraitValidationContext, operation: Shape): void {
  const report = (holder: Parameters<TraitValidationContext["report"]>[0], message: string) =>
    ctx.report(holder, undefined, { eventId: EVENT, message });
  const input = inputOf(ctx.shapes, operation);
  const inputMembers = membersOf(input);
  if (input !== undefined && [...inputMembers.keys()].some((n) => n !== "Operation" && n !== "Identifiers")) {
    report(
      input,
      `Input for endpoint discovery operation \`${operation.id}\` may only have the members Operation and Identifiers but found: ${javaHashSetOrder([...inputMembers.keys()]).join(", ")}`,
    );
  }
  const operationMember = inputMembers.get("Operation");
  const operationTarget = operationMember && ctx.shapes.get(operationMember.target);
  if (operationTarget !== undefined && operationTarget.type !== "string") {
    report(operationTarget, "The Operation member of an endpoint discovery operation must be a string");
  }
  const identifiers = inputMembers.get("Identifiers");
  if (identifiers !== undefined) {
    const map = ctx.shapes.get(identifiers.target);
    const value =
      map?.type === "map" ? ctx.shapes.get(map.members.find((m) => m.name === "value")?.target ?? "") : undefined;
    if (value?.type !== "string")
      report(
        identifiers,
        "The Identifiers member of an endpoint discovery operation must be a map whose keys and values are strings.",
      );
  }

  const outputMembers = membersOf(outputOf(ctx.shapes, operation));
  if (outputMembers.size !== 1 || !outputMembers.has("Endpoints")) {
    report(
      operation,
      `Endpoint discovery operation output must only contain an \`Endpoints\` member, but found: [${[...outputMembers.keys()].join(",")}]`,
    );
  }
  const endpoints = outputMembers.get("Endpoints");
  if (endpoints === undefined) return;
  const list = ctx.shapes.get(endpoints.target);
  if (list?.type !== "list") {
    report(endpoints, "The output member `Endpoints` on an endpoint discovery operation must be a list.");
    return;
  }
  const endpoint = ctx.shapes.get(list.members[0]?.target ?? "");
  if (endpoint?.type !== "structure") {
    report(list, "The member of the Endpoints list in an endpoint discovery operation must be a structure shape.");
    return;
  }
  const endpointMembers = membersOf(endpoint);
  const address = endpointMembers.get("Address");
  const addressType = address && ctx.shapes.get(address.target)?.type;
  if (address !== undefined && addressType !== undefined && addressType !== "string")
    report(address, "The `Address` member of the `Endpoint` shape must be a string type.");
  const cache = endpointMembers.get("CachePeriodInMinutes");
  const cacheType = cache && ctx.shapes.get(cache.target)?.type;
  if (cache !== undefined && cacheType !== undefined && cacheType !== "long")
    report(cache, "The `CachePeriodInMinutes` member of the `Endpoint` shape must be a long type.");
  const names = [...endpointMembers.keys()];
  if (names.length !== 2 || !endpointMembers.has("Address") || !endpointMembers.has("CachePeriodInMinutes")) {
    report(
      endpoint,
      `The \`Endpoint\` shape must only have the members \`Address\` and \`CachePeriodInMinutes\`, but found: ${javaHashSetOrder(names).join(", ")}`,
    );
  }
}
