/**
 * Smithy's ServiceBoundResourceOperation validator: an operation bound directly to a service
 * whose input or output has a required member matching an identifier of a resource in that
 * service (same name, same target) may belong to that resource instead (WARNING).
 */
import { containedResources } from "../aws/aws-traits.js";
import { inputOf, outputOf, tickedList } from "../http/bindings.js";
import type { TraitValidationContext } from "../traits/context.js";

/** Each operation of each service's `operations` list, against the resources the service contains. */
export function checkServiceBoundOperations(ctx: TraitValidationContext): void {
  for (const service of ctx.shapes.values()) {
    if (service.prelude || service.type !== "service") continue;
    const resources = containedResources(ctx.shapes, service);
    for (const operationId of service.operations ?? []) {
      const operation = ctx.shapes.get(operationId);
      if (operation?.type !== "operation") continue;
      const members = [
        ...(inputOf(ctx.shapes, operation)?.members ?? []),
        ...(outputOf(ctx.shapes, operation)?.members ?? []),
      ];
      const matches = resources.filter((r) =>
        members.some((m) => m.traits["smithy.api#required"] !== undefined && r.identifiers?.[m.name] === m.target),
      );
      if (matches.length === 0) continue;
      const name = operation.id.slice(operation.id.indexOf("#") + 1);
      ctx.events.push({
        eventId: `ServiceBoundResourceOperation.${service.id}.${name}`,
        severity: "WARNING",
        shapeId: operation.id,
        // Smithy places the event at the service, where the operation is bound.
        location: service.location,
        message: `The \`${operation.id}\` operation is bound to the \`${service.id}\` service but has members that match identifiers of the following resource shapes: [${tickedList(matches.map((r) => r.id))}]. It may be more accurately bound to one of them than directly to the service.`,
        hint: `Bind ${operation.id} in the \`operations\` of ${matches[0]?.id ?? "the resource"} instead of the service's`,
      });
    }
  }
}
