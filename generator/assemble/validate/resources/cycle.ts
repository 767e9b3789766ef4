/**
 * ResourceCycle: Smithy's ResourceCycleValidator. A resource must not be its own ancestor
 * through `resources`. Each resource on a cycle is reported once, with the chain from it back
 * to itself. (Smithy's walk keeps every resource it has visited in the chain, dead ends
 * included, and also reports resources that only lead into a cycle; anvil reports the cycle's
 * own path, which is the same chain whenever the hierarchy has no side branches.)
 */
import type { Shape } from "../../model.js";
import type { TraitValidationContext } from "../traits/context.js";
import { resourceShapes } from "./identifiers.js";

/** Reports each resource that is its own ancestor. */
export function checkResourceCycles(ctx: TraitValidationContext): void {
  for (const resource of resourceShapes(ctx.shapes)) {
    const path = cycleFrom(ctx.shapes, resource);
    if (path === undefined) continue;
    ctx.report(resource, undefined, {
      eventId: "ResourceCycle",
      message: `Circular resource hierarchy found: ${[...path, resource.id].join(" -> ")}`,
      hint: "A resource may not be bound under itself: remove one of the `resources` bindings on the cycle",
    });
  }
}

/** The path of resources from `root` that leads back to it, or undefined. */
function cycleFrom(shapes: Map<string, Shape>, root: Shape): string[] | undefined {
  const explored = new Set<string>();
  const path: string[] = [];
  const visit = (resource: Shape): boolean => {
    path.push(resource.id);
    explored.add(resource.id);
    for (const childId of resource.resources ?? []) {
      if (childId === root.id) return true;
      const child = shapes.get(childId);
      if (child?.type === "resource" && !explored.has(childId) && visit(child)) return true;
    }
    path.pop();
    return false;
  };
  return visit(root) ? path : undefined;
}
