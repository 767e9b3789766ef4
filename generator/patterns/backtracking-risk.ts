/**
 * Whether a pattern can make a backtracking engine (V8's, Java's) take more than linear time, decided
 * from its parsed tree before any code is generated.
 *
 * The rule is the standard ambiguity test on the pattern's position automaton (Glushkov's: one
 * state per character class of the pattern, no empty moves). A backtracking `find()` that fails
 * walks every path the automaton has through the input, from every start position. It is slow
 * exactly when there are many such paths:
 * - exponentially many (EDA) when some state has two different loops back to itself that read
 *   the same text: in the product automaton (pairs of states, moving on a character both can
 *   read) one strongly connected component holds a pair (p, p) and a pair (q, r) with q ≠ r.
 *   `(\w+.)+`, `(/[^/].*)+$`.
 * - polynomially many (IDA) when two different looping states p ≠ q can each loop, and p reach q,
 *   on text that keeps the pair going: (p, p) reaches (p, q) and (p, q) reaches (q, q) in the
 *   product. `.+:[0-9]{12}:.+$`, `[a-z]+[a-z0-9]*$`. (The exact test needs one word for the three
 *   paths; the product of pairs asks less, so it may flag a pattern the exact test would not.)
 *
 * Three things make the automaton model `find()` rather than a whole-string match: a pattern
 * that does not start with `^` gets a leading loop over every character (a new start position
 * is a new way to read the same text); a state from which the pattern can end with no `$` or `\z`
 * still to come is an accepting state, where the search stops with success, so no slow path goes
 * through it and it is removed; and lookarounds, `\b` and back-references count as empty, which
 * only adds paths. A repeat `X{m,n}` is written out as copies of X (bounded repeats do not loop),
 * unless that would take more than {@link EXPANSION_LIMIT} states, when it is read as `X{m',}`
 * (again only adding paths). Possessive quantifiers and atomic groups are read as plain ones.
 */
import { type CharSet, and, isEmptySet, ranges } from "./char-set.js";
import type { JavaNode } from "./java-ast.js";
import { classCount } from "./java-checks.js";
import { MAX_REPS } from "./parse-java.js";
import { components } from "../strongly-connected.js";

/** Why a pattern is at risk, for a comment in generated code. */
export type BacktrackingRisk = "exponential" | "polynomial";

/** Copies of a bounded repeat's body written out at most (else the repeat is read as unbounded). */
export const EXPANSION_LIMIT = 32;

/** Pairs of states explored at most; a larger product is reported as a risk. */
const PAIR_LIMIT = 50_000;

/** A first or last state of a fragment, with whether an anchor lies between it and the fragment's edge. */
interface Edge {
  state: number;
  /** First states: reached only through a start anchor. Last states: an end anchor still to come. */
  anchored: boolean;
}

/** A fragment of the automaton: Glushkov's first/last sets, with empty-match facts. */
interface Fragment {
  first: Edge[];
  last: Edge[];
  nullable: boolean;
  /** It can match empty without passing a start anchor. */
  emptyFreeOfStart: boolean;
  /** It can match empty without passing an end anchor. */
  emptyFreeOfEnd: boolean;
}

const EMPTY: Fragment = { first: [], last: [], nullable: true, emptyFreeOfStart: true, emptyFreeOfEnd: true };
const EVERYTHING = ranges([[0, 0x10ffff]]);
const LINE_BREAKS = ranges([
  [0x0a, 0x0d],
  [0x85, 0x85],
  [0x2028, 0x2029],
]);

class Automaton {
  readonly sets: CharSet[] = [];
  readonly follow: Set<number>[] = [];

  state(set: CharSet): number {
    this.sets.push(set);
    this.follow.push(new Set());
    return this.sets.length - 1;
  }

  link(from: readonly Edge[], to: readonly Edge[]): void {
    for (const f of from) for (const t of to) at(this.follow, f.state).add(t.state);
  }

  build(node: JavaNode): Fragment {
    switch (node.type) {
      case "char":
      case "lineBreak": {
        const s = this.state(node.type === "char" ? node.set : LINE_BREAKS);
        return {
          first: [{ state: s, anchored: false }],
          last: [{ state: s, anchored: false }],
          nullable: false,
          emptyFreeOfStart: false,
          emptyFreeOfEnd: false,
        };
      }
      case "anchor": {
        const start = node.kind === "start";
        const end = node.kind === "end" || node.kind === "endOrFinalTerminator" || node.kind === "endOrFinalNewline";
        return { ...EMPTY, emptyFreeOfStart: !start, emptyFreeOfEnd: !end };
      }
      case "look":
      case "backref":
        return EMPTY;
      case "group":
      case "atomic":
        return this.build(node.body);
      case "seq":
        return node.items.reduce<Fragment>((acc, item) => this.concat(acc, this.build(item)), EMPTY);
      case "alt":
        return node.branches.map((b) => this.build(b)).reduce((a, b) => this.union(a, b));
      case "repeat":
        return this.repeat(node);
    }
  }

  private concat(a: Fragment, b: Fragment): Fragment {
    this.link(a.last, b.first);
    const first = [
      ...a.first,
      ...(a.nullable ? b.first.map((e) => ({ state: e.state, anchored: e.anchored || !a.emptyFreeOfStart })) : []),
    ];
    const last = [
      ...b.last,
      ...(b.nullable ? a.last.map((e) => ({ state: e.state, anchored: e.anchored || !b.emptyFreeOfEnd })) : []),
    ];
    return {
      first,
      last,
      nullable: a.nullable && b.nullable,
      emptyFreeOfStart: a.emptyFreeOfStart && b.emptyFreeOfStart,
      emptyFreeOfEnd: a.emptyFreeOfEnd && b.emptyFreeOfEnd,
    };
  }

  private union(a: Fragment, b: Fragment): Fragment {
    return {
      first: [...a.first, ...b.first],
      last: [...a.last, ...b.last],
      nullable: a.nullable || b.nullable,
      emptyFreeOfStart: (a.nullable && a.emptyFreeOfStart) || (b.nullable && b.emptyFreeOfStart),
      emptyFreeOfEnd: (a.nullable && a.emptyFreeOfEnd) || (b.nullable && b.emptyFreeOfEnd),
    };
  }

  private star(f: Fragment): Fragment {
    this.link(f.last, f.first);
    return { ...f, nullable: true, emptyFreeOfStart: true, emptyFreeOfEnd: true };
  }

  private optional(f: Fragment): Fragment {
    return { ...f, nullable: true, emptyFreeOfStart: true, emptyFreeOfEnd: true };
  }

  private repeat(node: Extract<JavaNode, { type: "repeat" }>): Fragment {
    const { body, min, max } = node;
    if (max === 0) return EMPTY;
    const unbounded = max >= MAX_REPS;
    const approximate = classCount(body, false) * (min + (unbounded ? 1 : max - min)) > EXPANSION_LIMIT;
    const required = approximate ? Math.min(min, 1) : min;
    let acc = EMPTY;
    for (let i = 0; i < required; i++) acc = this.concat(acc, this.build(body));
    if (unbounded || approximate) return this.concat(acc, this.star(this.build(body)));
    // X{0,k} as (X(X(X)?)?)?: built from the innermost copy out.
    let optional = EMPTY;
    for (let i = min; i < max; i++)
      optional = this.optional(i === min ? this.build(body) : this.concat(this.build(body), optional));
    return this.concat(acc, optional);
  }
}

/** `list[i]`, which the caller knows is there (an index this module made). */
function at<T>(list: ArrayLike<T>, i: number): T {
  const value = list[i];
  if (value === undefined) throw new Error(`internal: no entry ${i}`);
  return value;
}

/**
 * The risk of slow backtracking in the pattern `root` (the tree the JavaScript translation is
 * emitted from), or undefined when every failing search takes time linear in the input.
 */
export function backtrackingRisk(root: JavaNode): BacktrackingRisk | undefined {
  const automaton = new Automaton();
  const start = automaton.state(EVERYTHING);
  const fragment = automaton.build(root);
  // State 0 stands for the positions before the match: it loops (a new start position) unless
  // every first state sits behind `^`.
  automaton.link([{ state: start, anchored: false }], fragment.first);
  if (fragment.first.some((e) => !e.anchored)) at(automaton.follow, start).add(start);
  const accepting = new Set(fragment.last.filter((e) => !e.anchored).map((e) => e.state));
  const n = automaton.sets.length;
  const follow = automaton.follow.map((set, s) => (accepting.has(s) ? [] : [...set].filter((t) => !accepting.has(t))));
  const overlapCache = new Map<number, boolean>();
  const overlaps = (a: number, b: number): boolean => {
    if (a === b) return !isEmptySet(at(automaton.sets, a));
    const key = a < b ? a * n + b : b * n + a;
    let known = overlapCache.get(key);
    if (known === undefined) {
      known = !isEmptySet(and(at(automaton.sets, a), at(automaton.sets, b)));
      overlapCache.set(key, known);
    }
    return known;
  };
  // Pairs reachable from (start, start) in the product automaton, numbered as they are found.
  const pairId = new Map<number, number>();
  const pairs: [number, number][] = [];
  const pairEdges: number[][] = [];
  const idOf = (p: number, q: number): number => {
    const key = p * n + q;
    let id = pairId.get(key);
    if (id === undefined) {
      id = pairs.length;
      pairId.set(key, id);
      pairs.push([p, q]);
      pairEdges.push([]);
    }
    return id;
  };
  idOf(start, start);
  for (let i = 0; i < pairs.length; i++) {
    const [p, q] = at(pairs, i);
    for (const p2 of at(follow, p))
      for (const q2 of at(follow, q)) if (overlaps(p2, q2)) at(pairEdges, i).push(idOf(p2, q2));
    // Too large to analyse: treated as at risk rather than analysed for seconds.
    if (pairs.length > PAIR_LIMIT) return "polynomial";
  }
  const comp = components(pairs.length, (i) => at(pairEdges, i));
  const diagonalIn = new Set<number>();
  const selfLoop = (i: number): boolean => at(pairEdges, i).includes(i);
  const cyclic = new Set<number>();
  const compSize = new Map<number, number>();
  for (const c of comp) compSize.set(c, (compSize.get(c) ?? 0) + 1);
  for (let i = 0; i < pairs.length; i++) {
    const [p, q] = at(pairs, i);
    const inCycle = (compSize.get(at(comp, i)) ?? 0) > 1 || selfLoop(i);
    if (p === q && inCycle) {
      diagonalIn.add(at(comp, i));
      cyclic.add(p);
    }
  }
  for (let i = 0; i < pairs.length; i++) {
    const [p, q] = at(pairs, i);
    if (p !== q && diagonalIn.has(at(comp, i))) return "exponential";
  }
  // IDA: (p,p) reaches (p,q) and (p,q) reaches (q,q), for looping states p ≠ q.
  const reach = (from: number): Set<number> => {
    const seen = new Set<number>([from]);
    const todo = [from];
    for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
      for (const t of at(pairEdges, next)) if (!seen.has(t)) (seen.add(t), todo.push(t));
    }
    return seen;
  };
  const reachCache = new Map<number, Set<number>>();
  const reachable = (from: number): Set<number> =>
    reachCache.get(from) ?? reachCache.set(from, reach(from)).get(from) ?? new Set();
  for (const p of cyclic) {
    const pp = pairId.get(p * n + p);
    if (pp === undefined) continue;
    for (const id of reachable(pp)) {
      const [a, q] = at(pairs, id);
      if (a !== p || q === p || !cyclic.has(q)) continue;
      const qq = pairId.get(q * n + q);
      if (qq !== undefined && reachable(id).has(qq)) return "polynomial";
    }
  }
  return undefined;
}
