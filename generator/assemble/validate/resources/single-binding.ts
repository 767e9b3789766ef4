/**
 * SingleOperationBinding and SingleResourceBinding: Smithy's validators of the same names. In a
 * service's closure an operation is bound by one shape only (the service or one resource), and
 * a resource is bound by one shape only (the service or one parent resource): a client gives
 * each one place.
 */
import type { Shape } from "../../model.js";
import { containedOperations, tickedList } from "../http/bindings.js";
import type { TraitValidationContext } from "../traits/context.js";
import { resourceOperations } from "./identifiers.js";

/** Every resource a service contains, its own and their children, recursively, each once. */
export function containedResources(shapes: Map<string, Shape>, service: Shape): Shape[] {
  const found = new Map<string, Shape>();
  const visit = (id: string) => {
    const resource = shapes.get(id);
    if (found.has(id) || resource?.type !== "resource") return;
    found.set(id, resource);
    for (const child of resource.resources ?? []) visit(child);
  };
  for (const id of service.resources ?? []) visit(id);
  return [...found.values()];
}

function services(shapes: Map<string, Shape>): Shape[] {
  return [...shapes.values()].filter((s) => s.type === "service" && !s.prelude);
}

/** Reports operations bound more than once into a service's closure. */
export function checkSingleOperationBinding(ctx: TraitValidationContext): void {
  for (const service of services(ctx.shapes)) {
    const resources = containedResources(ctx.shapes, service);
    for (const operation of containedOperations(ctx.shapes, service)) {
      // Smithy lists the binding shapes in their printed form, `(type: \`id\`)`, sorted.
      const containers: string[] = [];
      if ((service.operations ?? []).includes(operation.id)) containers.push(`(service: \`${service.id}\`)`);
      for (const r of resources)
        if (resourceOperations(r).includes(operation.id)) containers.push(`(resource: \`${r.id}\`)`);
      if (containers.length < 2) continue;
      ctx.report(operation, undefined, {
        eventId: "SingleOperationBinding",
        message:
          "An operation can appear only once in an entire service closure. This operation is illegally bound into the " +
          `\`${service.id}\` service closure from multiple shapes: ${containers.sort().join(", ")}`,
        hint: "Bind the operation from one shape of the service only",
      });
    }
  }
}

/** Reports resources bound more than once into a service's closure. */
export function checkSingleResourceBinding(ctx: TraitValidationContext): void {
  for (const service of services(ctx.shapes)) {
    const resources = containedResources(ctx.shapes, service);
    for (const resource of resources) {
      const containers: string[] = [];
      if ((service.resources ?? []).includes(resource.id)) containers.push(service.id);
      for (const other of resources) if ((other.resources ?? []).includes(resource.id)) containers.push(other.id);
      if (containers.length < 2) continue;
      ctx.report(resource, undefined, {
        eventId: "SingleResourceBinding",
        message:
          "A resource can appear only once in an entire service closure. This resource is illegally bound into the " +
          `\`${service.id}\` service closure from multiple shapes: [${tickedList(containers)}]`,
        hint: "Bind the resource from one shape of the service only",
      });
    }
  }
}
