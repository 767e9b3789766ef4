/**
 * Shortens the runs of one class at the open ends of an unanchored pattern, which `find()` does
 * not need: `C{a,b}` that begins the pattern (first in it, in a top-level alternative, or in a
 * group that begins it; so with no `^` before) becomes `C{a}`, and likewise one that ends it (no
 * `$` after). Why the verdict stays: if `C{k}`
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
  return (
    node !== undefined &&
    node.type === "repeat" &&
    node.body.type === "char" &&
    node.mode !== "possessive" &&
    node.min < node.max
  );
}

function shortest(run: Repeat): JavaNode {
  return { ...run, max: run.min };
}

/** `root` with the runs at its open ends shortened to their minimum. */
export function trimOpenEnds(root: JavaNode): JavaNode {
  return trim(root, true, true);
}

/** `node` trimmed where it begins the pattern (`lead`) or ends it (`trail`). */
function trim(node: JavaNode, lead: boolean, trail: boolean): JavaNode {
  if (!lead && !trail) return node;
  switch (node.type) {
    case "alt":
      return { ...node, branches: node.branches.map((b) => trim(b, lead, trail)) };
    case "group":
      return { ...node, body: trim(node.body, lead, trail) };
    case "repeat":
      return isRun(node) ? shortest(node) : node;
    case "seq": {
      const last = node.items.length - 1;
      return { ...node, items: node.items.map((item, i) => trim(item, lead && i === 0, trail && i === last)) };
    }
    default:
      return node;
  }
}
