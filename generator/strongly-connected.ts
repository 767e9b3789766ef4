/**
 * Strongly connected components of a graph whose nodes are numbered 0..count-1 (Tarjan's
 * algorithm, iterative so that a deep graph cannot overflow the stack). Used wherever a cycle
 * must be found in something a model or pattern describes.
 */

/** The component number of every node; two nodes share a number when each reaches the other. */
export function components(count: number, edges: (n: number) => readonly number[]): number[] {
  const index: number[] = new Array<number>(count).fill(-1);
  const low: number[] = new Array<number>(count).fill(0);
  const comp: number[] = new Array<number>(count).fill(-1);
  const onStack: boolean[] = new Array<boolean>(count).fill(false);
  const stack: number[] = [];
  let next = 0;
  let compCount = 0;
  const visit = (node: number): { node: number; out: readonly number[]; i: number } => {
    index[node] = low[node] = next++;
    stack.push(node);
    onStack[node] = true;
    return { node, out: edges(node), i: 0 };
  };
  for (let root = 0; root < count; root++) {
    if (at(index, root) !== -1) continue;
    const work = [visit(root)];
    for (let frame = work[work.length - 1]; frame; frame = work[work.length - 1]) {
      if (frame.i < frame.out.length) {
        const to = at(frame.out, frame.i++);
        if (at(index, to) === -1) work.push(visit(to));
        else if (at(onStack, to)) low[frame.node] = Math.min(at(low, frame.node), at(index, to));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.node] = Math.min(at(low, parent.node), at(low, frame.node));
      if (at(low, frame.node) !== at(index, frame.node)) continue;
      for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
        onStack[n] = false;
        comp[n] = compCount;
        if (n === frame.node) break;
      }
      compCount++;
    }
  }
  return comp;
}

/** `list[i]`, which the caller knows is there. */
function at<T>(list: ArrayLike<T>, i: number): T {
  const value = list[i];
  if (value === undefined) throw new Error(`internal: no entry ${i}`);
  return value;
}
