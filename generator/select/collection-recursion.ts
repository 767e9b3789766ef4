/**
 * Smithy forbids recursion that does not pass through a structure or union: a list or map may
 * not contain itself, directly or through other lists and maps. Such a shape has no finite
 * TypeScript type (and no value but the empty one), so the selection rejects it with the cycle.
 */
import { AnvilError } from "../errors.js";
import type { Shape } from "../assemble/model.js";

const isCollection = (s: Shape | undefined) => s !== undefined && (s.type === "list" || s.type === "set" || s.type === "map");

/**
 * Throws a model error naming the first list/map cycle among `shapes` (looked up in `byId`),
 * e.g. `ns#A -> ns#B -> ns#A`. Iterative, so any depth of nesting is fine.
 */
export function checkCollectionRecursion(shapes: Shape[], byId: ReadonlyMap<string, Shape>): void {
  // 0 unvisited, 1 on the current path, 2 done.
  const state = new Map<string, 1 | 2>();
  for (const start of shapes) {
    if (!isCollection(start) || state.has(start.id)) continue;
    const path: Shape[] = [start];
    const next: number[] = [0];
    state.set(start.id, 1);
    while (path.length > 0) {
      const top = path[path.length - 1];
      const i = next[next.length - 1]++;
      if (i >= top.members.length) {
        state.set(top.id, 2);
        path.pop();
        next.pop();
        continue;
      }
      const target = byId.get(top.members[i].target);
      if (!target || !isCollection(target)) continue;
      const seen = state.get(target.id);
      if (seen === 1) {
        const cycle = [...path.slice(path.findIndex((s) => s.id === target.id)), target];
        throw new AnvilError("model", {
          message: `${target.type === "map" ? "Map" : "List"} ${target.id} contains itself without passing through a structure or union: ${cycle.map((s) => s.id).join(" -> ")}`,
          location: target.location,
          shapeId: target.id,
          hint: "Smithy allows recursion only through a structure or union member; wrap the inner collection in a structure",
        });
      }
      if (seen === undefined) {
        state.set(target.id, 1);
        path.push(target);
        next.push(0);
      }
    }
  }
}
