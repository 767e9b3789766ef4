/**
 * Questions about a parsed Java pattern that decide how (and whether) it can be written in
 * JavaScript: lengths, nullability, Java's notion of a "deterministic" group, and the checks that
 * refuse back-references and lookbehinds JavaScript would read differently.
 */
import { type CharSet, explicitRanges } from "./char-set.js";
import type { JavaNode } from "./java-ast.js";
import { JavaSyntaxError, MAX_REPS, UnsupportedJavaConstruct } from "./parse-java.js";

/** The longest match of `node` in code points (Infinity when unbounded). */
export function maxLength(node: JavaNode): number {
  switch (node.type) {
    case "char":
      return 1;
    case "anchor":
    case "look":
      return 0;
    case "lineBreak":
      return 2;
    case "backref":
      return Infinity;
    case "seq":
      return node.items.reduce((sum, item) => sum + maxLength(item), 0);
    case "alt":
      return Math.max(...node.branches.map(maxLength));
    case "group":
    case "atomic":
      return maxLength(node.body);
    case "repeat": {
      const body = maxLength(node.body);
      if (body === 0) return 0;
      return node.max >= MAX_REPS ? Infinity : body * node.max;
    }
  }
}

/** True when `test` holds for `node` or any node inside it (lookaround bodies included). */
export function someNode(node: JavaNode, test: (n: JavaNode) => boolean): boolean {
  if (test(node)) return true;
  switch (node.type) {
    case "seq":
      return node.items.some((n) => someNode(n, test));
    case "alt":
      return node.branches.some((n) => someNode(n, test));
    case "group":
    case "atomic":
    case "look":
    case "repeat":
      return someNode(node.body, test);
    default:
      return false;
  }
}

/** Java's numbers of the capturing groups inside `node`. */
export function groupsIn(node: JavaNode): Set<number> {
  const found = new Set<number>();
  someNode(node, (n) => {
    if (n.type === "group" && n.capture !== null) found.add(n.capture);
    return false;
  });
  return found;
}

/**
 * Java treats a group body as "deterministic" (and repeats it without backtracking into earlier
 * repetitions) when it has no alternation and no variable quantifier outside lookarounds.
 */
export function javaDeterministic(node: JavaNode): boolean {
  switch (node.type) {
    case "alt":
      return false;
    case "repeat":
      return node.min === node.max && javaDeterministic(node.body);
    case "seq":
      return node.items.every(javaDeterministic);
    case "group":
    case "atomic":
      return javaDeterministic(node.body);
    default:
      return true;
  }
}

/**
 * Checks every back-reference: the group it names must have matched on every path that reaches
 * it, counting JavaScript's reset of a quantified group's captures at each repetition.
 * Returns the groups certainly set after `node` matches, given those set before.
 */
export function checkBackrefs(node: JavaNode, before: ReadonlySet<number>): Set<number> {
  switch (node.type) {
    case "char":
    case "anchor":
    case "lineBreak":
      return new Set(before);
    case "backref":
      if (!before.has(node.group)) {
        throw new UnsupportedJavaConstruct(
          `back-reference \\${node.group} may run before group ${node.group} has matched (Java fails it, JavaScript matches empty)`,
        );
      }
      return new Set(before);
    case "seq":
      return node.items.reduce<Set<number>>((acc, item) => checkBackrefs(item, acc), new Set(before));
    case "alt": {
      const outs = node.branches.map((b) => checkBackrefs(b, before));
      return new Set([...outs[0]].filter((g) => outs.every((o) => o.has(g))));
    }
    case "group": {
      const out = checkBackrefs(node.body, before);
      if (node.capture !== null) out.add(node.capture);
      return out;
    }
    case "atomic":
      return checkBackrefs(node.body, before);
    case "look": {
      const out = checkBackrefs(node.body, before);
      // A lookbehind's captures come from JavaScript's right-to-left matching: do not rely on them.
      return node.negate || node.behind ? new Set(before) : out;
    }
    case "repeat": {
      const inner = groupsIn(node.body);
      const inside = new Set([...before].filter((g) => !inner.has(g)));
      const out = checkBackrefs(node.body, inside);
      if (node.min >= 1) return out;
      return new Set([...before].filter((g) => out.has(g)));
    }
  }
}

/** Like {@link someNode}, but not looking inside lookarounds (whose length Java ignores). */
export function someOnPath(node: JavaNode, test: (n: JavaNode) => boolean): boolean {
  if (test(node)) return true;
  if (node.type === "look") return false;
  switch (node.type) {
    case "seq":
      return node.items.some((n) => someOnPath(n, test));
    case "alt":
      return node.branches.some((n) => someOnPath(n, test));
    case "group":
    case "atomic":
    case "repeat":
      return someOnPath(node.body, test);
    default:
      return false;
  }
}

/**
 * Refuses lookbehinds Java rejects (no obvious maximum length) or reads differently from
 * JavaScript (unbounded, atomic inside, back-references inside, or measured in UTF-16 units).
 */
export function checkLookbehinds(node: JavaNode): void {
  someNode(node, (n) => {
    if (n.type !== "look" || !n.behind) return false;
    // Java sizes a lookbehind from its parts; a back-reference, or a quantified group that can
    // match in more than one way, has no "obvious maximum length" and Java rejects the pattern.
    const unsized = (m: JavaNode): boolean =>
      m.type === "backref" ||
      (m.type === "repeat" &&
        m.body.type === "group" &&
        !(m.min === 0 && m.max === 1) &&
        m.mode !== "possessive" &&
        !javaDeterministic(m.body));
    if (someOnPath(n.body, unsized)) {
      throw new JavaSyntaxError("Look-behind group does not have an obvious maximum length");
    }
    if (someNode(n.body, (m) => m.type === "backref")) {
      throw new UnsupportedJavaConstruct("back-reference inside a lookbehind");
    }
    // JavaScript matches a lookbehind right to left, so the lookahead-and-back-reference spelling
    // of an atomic group cannot work inside one.
    const needsAtomic = (m: JavaNode): boolean =>
      (m.type === "atomic" && !javaDeterministic(m.body)) || (m.type === "repeat" && m.mode === "possessive");
    if (someNode(n.body, needsAtomic)) {
      throw new UnsupportedJavaConstruct("atomic group or possessive quantifier inside a lookbehind");
    }
    if (maxLength(n.body) === Infinity) {
      throw new UnsupportedJavaConstruct("lookbehind of unbounded length (Java bounds it in ways JavaScript does not)");
    }
    if (n.countsUnits && someOnPath(n.body, (m) => m.type === "char" && mayMatchAstral(m.set))) {
      throw new UnsupportedJavaConstruct(
        "lookbehind that can match a character outside the BMP: Java measures its reach in UTF-16 units here",
      );
    }
    return false;
  });
}

/** True when `set` may hold a code point outside the BMP. */
export function mayMatchAstral(set: CharSet): boolean {
  const r = explicitRanges(set);
  return r === undefined || r.some(([, hi]) => hi > 0xffff);
}

/** Java's capturing groups by number, for looking up what a back-reference can match. */
export function groupBodies(root: JavaNode): Map<number, JavaNode> {
  const bodies = new Map<number, JavaNode>();
  someNode(root, (n) => {
    if (n.type === "group" && n.capture !== null) bodies.set(n.capture, n.body);
    return false;
  });
  return bodies;
}

/**
 * True when `node` can match the empty string; a back-reference can when its group can (pass
 * `groups` from {@link groupBodies}; without it, references count as possibly empty).
 */
export function nullable(node: JavaNode, groups?: ReadonlyMap<number, JavaNode>): boolean {
  switch (node.type) {
    case "char":
    case "lineBreak":
      return false;
    case "anchor":
    case "look":
      return true;
    case "backref": {
      const body = groups?.get(node.group);
      return body === undefined || someNode(body, (n) => n.type === "backref") || nullable(body, groups);
    }
    case "seq":
      return node.items.every((n) => nullable(n, groups));
    case "alt":
      return node.branches.some((n) => nullable(n, groups));
    case "group":
    case "atomic":
      return nullable(node.body, groups);
    case "repeat":
      return node.min === 0 || nullable(node.body, groups);
  }
}

/** True when `node` can match the empty string anywhere, with no assertion to satisfy. */
export function alwaysNullable(node: JavaNode): boolean {
  switch (node.type) {
    case "seq":
      return node.items.every(alwaysNullable);
    case "alt":
      return node.branches.some(alwaysNullable);
    case "group":
    case "atomic":
      return alwaysNullable(node.body);
    case "repeat":
      return node.min === 0 || alwaysNullable(node.body);
    default:
      return false;
  }
}

/**
 * True when every match of `node` begins with `^` or by consuming a character. Otherwise an
 * empty match made of zero-width tests may be tried, and V8 tries those even between the two
 * halves of a surrogate pair (where it sees no character on either side): that needs a guard.
 */
export function startsSafely(node: JavaNode): boolean {
  switch (node.type) {
    case "char":
    case "lineBreak":
      return true;
    case "anchor":
      return node.kind === "start";
    case "seq":
      return node.items.length > 0 && startsSafely(node.items[0]);
    case "alt":
      return node.branches.every(startsSafely);
    case "group":
    case "atomic":
      return startsSafely(node.body);
    case "repeat":
      return node.min >= 1 && startsSafely(node.body);
    default:
      return false;
  }
}

/**
 * The character classes of `node` (lookarounds aside), each repeated body counted once, or, with
 * `writeOutRepeats`, as many times as an engine that writes counted repeats out copies it.
 */
export function classCount(node: JavaNode, writeOutRepeats: boolean): number {
  switch (node.type) {
    case "char":
    case "lineBreak":
      return 1;
    case "seq":
      return node.items.reduce((n, item) => n + classCount(item, writeOutRepeats), 0);
    case "alt":
      return node.branches.reduce((n, branch) => n + classCount(branch, writeOutRepeats), 0);
    case "group":
    case "atomic":
      return classCount(node.body, writeOutRepeats);
    case "repeat": {
      if (node.max === 0) return 0;
      const copies = !writeOutRepeats ? 1 : Math.max(1, node.max >= MAX_REPS ? node.min + 1 : node.max);
      return classCount(node.body, writeOutRepeats) * copies;
    }
    default:
      return 0;
  }
}
