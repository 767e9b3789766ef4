/**
 * Which aggregate shapes can contain themselves. Only their validators need cycle detection: a
 * value of a non-recursive shape is walked along the shape tree, which is finite whatever the
 * object graph looks like.
 */
import type { Model, Shape } from "../../assemble/model.js";
import { getShape } from "../../assemble/model.js";

const AGGREGATES = new Set(["structure", "union", "list", "set", "map"]);

/** True for structures, unions, lists and maps. */
export function isAggregate(s: Shape): boolean {
  return AGGREGATES.has(s.type);
}

/** Ids of the aggregates that lie on a cycle of member targets (Tarjan's strongly connected components). */
export function recursiveShapes(model: Model, roots: Shape[]): Set<string> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out = new Set<string>();
  let counter = 0;
  const edges = (id: string): string[] =>
    getShape(model, id)
      .members.map((m) => m.target)
      .filter((t) => isAggregate(getShape(model, t)));

  // Iterative, so a deep model cannot overflow the generator's own stack.
  for (const root of roots) {
    if (!isAggregate(root) || index.has(root.id)) continue;
    const work: Array<{ id: string; next: string[]; i: number }> = [];
    const enter = (id: string) => {
      index.set(id, counter);
      low.set(id, counter);
      counter++;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: edges(id), i: 0 });
    };
    enter(root.id);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame.i < frame.next.length) {
        const t = frame.next[frame.i++];
        if (!index.has(t)) enter(t);
        else if (onStack.has(t)) low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(t) as number));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].id;
        low.set(parent, Math.min(low.get(parent) as number, low.get(frame.id) as number));
      }
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let id: string;
        do {
          id = stack.pop() as string;
          onStack.delete(id);
          component.push(id);
        } while (id !== frame.id);
        const selfLoop = frame.next.includes(frame.id);
        if (component.length > 1 || selfLoop) for (const c of component) out.add(c);
      }
    }
  }
  return out;
}
