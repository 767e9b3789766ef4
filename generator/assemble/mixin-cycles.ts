/**
 * Mixin cycles, reported as Smithy's loader reports them: every shape of a cycle (a strongly
 * connected component of the mixin graph) gets an ERROR naming the others, and none of them is
 * built. The names are listed in the order Smithy's Tarjan walk pops them, which depends on the
 * iteration order of the loader's `HashMap<ShapeId, ...>` of shapes; the errorfiles compare that
 * text, so the order is reproduced (Java's hash codes and bucket order) rather than sorted.
 */
import type { Diagnostic } from "../errors.js";
import type { Shape } from "./model.js";
import { javaHashOrder, javaShapeIdHash } from "./java-order.js";

/** Whether the mixin graph has a cycle at all (cheap: checked before the ordered walk). */
function hasCycle(shapes: Map<string, Shape>): boolean {
  const state = new Map<string, 1 | 2>();
  const visit = (id: string): boolean => {
    const st = state.get(id);
    if (st === 2) return false;
    if (st === 1) return true;
    state.set(id, 1);
    for (const m of shapes.get(id)?.mixins ?? []) if (visit(m)) return true;
    state.set(id, 2);
    return false;
  };
  for (const s of shapes.values()) if (s.mixins.length > 0 && visit(s.id)) return true;
  return false;
}

/** Smithy's DependencyGraph.findCycles over the mixin graph: each component of more than one shape, in pop order. */
function findCycles(shapes: Map<string, Shape>): string[][] {
  const dependents = new Map<string, Set<string>>();
  const add = (id: string) => {
    if (!dependents.has(id)) dependents.set(id, new Set());
  };
  const defined = [...shapes.values()].filter((s) => !s.prelude).map((s) => s.id);
  for (const id of javaHashOrder(defined, javaShapeIdHash)) {
    add(id);
    for (const mixin of shapes.get(id)?.mixins ?? []) {
      add(mixin);
      dependents.get(mixin)?.add(id);
    }
  }
  const cycles: string[][] = [];
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let next = 0;
  const connect = (current: string) => {
    index.set(current, next);
    low.set(current, next);
    next++;
    stack.push(current);
    onStack.add(current);
    for (const dependent of dependents.get(current) ?? []) {
      if (!index.has(dependent)) {
        connect(dependent);
        low.set(current, Math.min(low.get(current) ?? 0, low.get(dependent) ?? 0));
      } else if (onStack.has(dependent)) {
        low.set(current, Math.min(low.get(current) ?? 0, index.get(dependent) ?? 0));
      }
    }
    if (low.get(current) === index.get(current)) {
      const cycle: string[] = [];
      let node: string | undefined;
      do {
        node = stack.pop();
        if (node === undefined) break;
        onStack.delete(node);
        cycle.push(node);
      } while (node !== current);
      if (cycle.length > 1) cycles.push(cycle);
    }
  };
  for (const id of dependents.keys()) if (!index.has(id)) connect(id);
  return cycles;
}

/** Reports every shape of every mixin cycle and returns their ids (they are not flattened). */
export function reportMixinCycles(shapes: Map<string, Shape>, problems: Diagnostic[]): Set<string> {
  const inCycle = new Set<string>();
  if (!hasCycle(shapes)) return inCycle;
  for (const cycle of findCycles(shapes)) {
    for (const participant of cycle) {
      inCycle.add(participant);
      const shape = shapes.get(participant);
      if (shape === undefined) continue;
      problems.push({
        message: `Unable to resolve mixins; cycles detected between this shape and [${cycle.filter((id) => id !== participant).join(", ")}]`,
        eventId: "Model",
        location: shape.location,
        shapeId: participant,
        hint: "Remove one of the mixin references so the mixins form no loop",
      });
    }
  }
  return inCycle;
}
