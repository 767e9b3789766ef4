/**
 * Shortens the runs of one class at the open ends of an unanchored pattern, which `find()` does
 * not need: `C{a,b}` first in a pattern (or in a top-level alternative) that does not start with
 * `^` becomes `C{a}`, and likewise last where no `$` follows. Why the verdict stays: if `C{k}`
 * (a ≤ k ≤ b) matches `s[i..j)` before the rest matches from j, then `C{a}` matches `s[j-a..j)`
 * (any a characters of a run of C form a run of C) and the rest still matches from j; the other
 * way, `C{a}` is one of `C{a,b}`. At the end, symmetrically, with a prefix of the run.
 *
 * This matters to RE2, which writes a counted repeat out as that many copies:
 * `^\*|[\w\-]{1,2048}$` becomes `^\*|[\w\-]$`, a small program instead of one of 2,048 states.
 */
import type { JavaNode } from "./java-ast.js";

type Repeat = Extract<JavaNode, { type: "repeat" }>;

function isRun(node: JavaNode | undefined): node is Repeat {
  return node !== undefined && node.type === "repeat" && node.body.type === "char" && node.mode !== "possessive" && node.min < node.max;
}

function shortest(run: Repeat): JavaNode {
  return { ...run, max: run.min };
}

/** `root` with the runs at its open ends shortened to their minimum. */
export function trimOpenEnds(root: JavaNode): JavaNode {
  switch (root.type) {
    case "alt":
      return { ...root, branches: root.branches.map(trimOpenEnds) };
    case "group":
      return { ...root, body: trimOpenEnds(root.body) };
    case "repeat":
      return isRun(root) ? shortest(root) : root;
    case "seq": {
      if (root.items.length === 0) return root;
      const items = [...root.items];
      const first = items[0];
      if (isRun(first)) items[0] = shortest(first);
      const lastIndex = items.length - 1;
      const last = items[lastIndex];
      if (lastIndex > 0 && isRun(last)) items[lastIndex] = shortest(last);
      return { ...root, items };
    }
    default:
      return root;
  }
}
