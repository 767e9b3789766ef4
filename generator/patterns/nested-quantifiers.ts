/**
 * Rewrites of nested and overlapping quantifiers that keep every `find()` verdict but take away
 * the many ways a backtracking engine can split one string between them. `^([0-9]+)+$` on
 * "1111…1!" tries every split of the digits before it fails: exponential time in V8 (and in
 * Java), and JavaScript has neither possessive quantifiers nor atomic groups to fence it off.
 *
 * Why a rewrite may change the pattern's structure yet not its verdicts: outside atomic
 * contexts a backtracking engine tries every way of matching, so `find()` succeeds exactly when
 * some way exists. Replacing a sub-pattern with one that matches the same strings, and sets no
 * capture that a back-reference reads, keeps that set of ways non-empty exactly when it was.
 * Each rule below is such a replacement (the proof is next to it), applied only to plain parts
 * (characters, sequences, alternations, greedy or lazy repeats, groups nobody refers back to)
 * and only where any match will do: not inside atomic groups, possessive quantifiers or
 * lookbehinds, nor inside lookaheads that hold a back-referenced group, because there the first
 * match found, not whether one exists, decides what happens next.
 *
 * Notation: S, T, X, Y, Z, H, V are character classes; `S{a,c}` a repeat of one class (a "run").
 */
import { type CharSet, and, explicitRanges, isEmptySet, isSubset, minus, ranges, union } from "./char-set.js";
import type { JavaNode } from "./java-ast.js";
import { nullable, someNode } from "./java-checks.js";
import { MAX_REPS } from "./parse-java.js";

/** A rewritten tree and whether anything changed. */
export interface NestedQuantifierRewrite {
  root: JavaNode;
  /** Names of the rules that fired, in order (empty when the tree is unchanged). */
  rules: string[];
}

type Repeat = Extract<JavaNode, { type: "repeat" }>;

/** One class repeated `min` to `max` times (`max` = MAX_REPS: no bound). */
interface Run {
  char: Extract<JavaNode, { type: "char" }>;
  min: number;
  max: number;
}

const UNBOUNDED = MAX_REPS;
const EMPTY_SET = ranges([]);

/**
 * Rewrites `root` so that nested or overlapping quantifiers cannot backtrack catastrophically,
 * where an exact rewrite is known. Groups named by a back-reference are never touched.
 */
export function rewriteNestedQuantifiers(root: JavaNode): NestedQuantifierRewrite {
  const referenced = new Set<number>();
  someNode(root, (n) => {
    if (n.type === "backref") referenced.add(n.group);
    return false;
  });
  const rewriter = new Rewriter(referenced);
  let current = root;
  // Each rule makes the tree simpler (fewer nodes, nesting or overlap), so this settles quickly;
  // the bound only guards against a rule that would undo another.
  for (let pass = 0; pass < 8; pass++) {
    const before = rewriter.rules.length;
    current = rewriter.visit(current, true);
    if (rewriter.rules.length === before) break;
  }
  return { root: current, rules: rewriter.rules };
}

/** Sets built from code points only: differences of these are computed, not written as lookaheads. */
function explicit(...sets: CharSet[]): boolean {
  return sets.every((s) => explicitRanges(s) !== undefined);
}

function sameSet(a: CharSet, b: CharSet): boolean {
  return isSubset(a, b) && isSubset(b, a);
}

function charNode(set: CharSet, like?: Run): Run["char"] {
  return like && sameSet(like.char.set, set) ? like.char : { type: "char", set };
}

function repeatNode(body: JavaNode, min: number, max: number): JavaNode {
  if (min === 1 && max === 1) return body;
  return { type: "repeat", body, min, max, mode: "greedy", onGroup: body.type !== "char" };
}

function seqNode(items: JavaNode[]): JavaNode {
  return items.length === 1 ? items[0] : { type: "seq", items };
}

class Rewriter {
  readonly rules: string[] = [];

  constructor(private readonly referenced: ReadonlySet<number>) {}

  /** `node` with its children rewritten, then its own rules applied while any fires. */
  visit(node: JavaNode, exact: boolean): JavaNode {
    let out = this.visitChildren(node, exact);
    if (!exact) return out;
    for (let guard = 0; guard < 16; guard++) {
      const next =
        out.type === "repeat" ? this.repeatRules(out) : out.type === "seq" ? this.seqRules(out.items) : undefined;
      if (!next) break;
      out = next;
    }
    return out;
  }

  private visitChildren(node: JavaNode, exact: boolean): JavaNode {
    switch (node.type) {
      case "seq":
        return { ...node, items: node.items.map((n) => this.visit(n, exact)) };
      case "alt":
        return { ...node, branches: node.branches.map((n) => this.visit(n, exact)) };
      case "group":
        return { ...node, body: this.visit(node.body, exact) };
      case "atomic":
        return { ...node, body: this.visit(node.body, false) };
      case "look": {
        // A lookahead only asks whether a match exists, unless a capture inside it is read later.
        const anyMatch = !node.behind && !someNode(node.body, (n) => this.isReferencedGroup(n));
        return { ...node, body: this.visit(node.body, exact && anyMatch) };
      }
      case "repeat": {
        // Java runs a possessive repeat, and a repeat of `\R`, to its first match only.
        const anyMatch = node.mode !== "possessive" && !someNode(node.body, (n) => n.type === "lineBreak");
        return { ...node, body: this.visit(node.body, exact && anyMatch) };
      }
      default:
        return node;
    }
  }

  private isReferencedGroup(n: JavaNode): boolean {
    return n.type === "group" && n.capture !== null && this.referenced.has(n.capture);
  }

  /** True for characters, sequences, alternations, greedy/lazy repeats, unreferenced groups. */
  private plain(node: JavaNode): boolean {
    switch (node.type) {
      case "char":
        return true;
      case "seq":
        return node.items.every((n) => this.plain(n));
      case "alt":
        return node.branches.every((n) => this.plain(n));
      case "group":
        return !this.isReferencedGroup(node) && this.plain(node.body);
      case "repeat":
        return node.mode !== "possessive" && this.plain(node.body);
      default:
        return false;
    }
  }

  /** `node` without the unreferenced groups around it. */
  private unwrap(node: JavaNode): JavaNode {
    let n = node;
    while ((n.type === "group" && !this.isReferencedGroup(n)) || (n.type === "seq" && n.items.length === 1)) {
      n = n.type === "group" ? n.body : (n as Extract<JavaNode, { type: "seq" }>).items[0];
    }
    return n;
  }

  /** `node` as a run of one class, when it is one. */
  private run(node: JavaNode): Run | undefined {
    const n = this.unwrap(node);
    if (n.type === "char") return { char: n, min: 1, max: 1 };
    if (n.type !== "repeat" || n.mode === "possessive") return undefined;
    const body = this.unwrap(n.body);
    return body.type === "char" ? { char: body, min: n.min, max: n.max } : undefined;
  }

  /** Every character a match of (plain) `node` can contain. */
  private alphabet(node: JavaNode): CharSet {
    switch (node.type) {
      case "char":
        return node.set;
      case "seq":
        return union(EMPTY_SET, ...node.items.map((n) => this.alphabet(n)));
      case "alt":
        return union(EMPTY_SET, ...node.branches.map((n) => this.alphabet(n)));
      case "group":
        return this.alphabet(node.body);
      case "repeat":
        return node.max === 0 ? EMPTY_SET : this.alphabet(node.body);
      default:
        return EMPTY_SET;
    }
  }

  /** Characters c such that (plain) `node` certainly matches the one-character string c. */
  private singles(node: JavaNode): CharSet {
    switch (node.type) {
      case "char":
        return node.set;
      case "seq":
        return union(
          EMPTY_SET,
          ...node.items.map((item, i) =>
            node.items.every((other, j) => j === i || nullable(other)) ? this.singles(item) : EMPTY_SET,
          ),
        );
      case "alt":
        return union(EMPTY_SET, ...node.branches.map((n) => this.singles(n)));
      case "group":
        return this.singles(node.body);
      case "repeat":
        return node.min <= 1 && node.max >= 1 ? this.singles(node.body) : EMPTY_SET;
      default:
        return EMPTY_SET;
    }
  }

  private fired(rule: string, node: JavaNode): JavaNode {
    this.rules.push(rule);
    return node;
  }

  private repeatRules(r: Repeat): JavaNode | undefined {
    if (r.mode === "possessive" || !this.plain(r.body)) return undefined;
    return (
      this.runOfRuns(r) ??
      this.loopOfSingles(r) ??
      this.shortenEnds(r) ??
      this.optionalBeforeClass(r) ??
      this.boundedOverlap(r) ??
      this.closedPieces(r)
    );
  }

  /**
   * `(S{a,c}){b,d}` is `S{b·a,d·c}` when the lengths it allows have no gap: it matches exactly
   * the strings of S whose length lies in one of the intervals [k·a, k·c], b ≤ k ≤ d. Covers
   * `(S+)+` `(S*)*` `(S+)*` `(S*)+` → `S+`/`S*`. Interval k+1 starts where interval k ends (or
   * one later) when (k+1)·a ≤ k·c + 1, which is hardest for the smallest k; from 0 that means a ≤ 1.
   */
  private runOfRuns(r: Repeat): JavaNode | undefined {
    const inner = this.unwrap(r.body);
    if (inner.type !== "repeat") return undefined;
    const run = this.run(inner);
    if (!run || run.max === 0 || r.max === 0) return undefined;
    const { min: a, max: c } = run;
    const { min: b, max: d } = r;
    const firstK = Math.max(b, 1);
    if (b === 0 && a > 1) return undefined;
    if (d > firstK && c < UNBOUNDED && a + firstK * (a - c) > 1) return undefined;
    const lo = b * a;
    const hi = c >= UNBOUNDED || d >= UNBOUNDED ? UNBOUNDED : d * c;
    if (lo >= UNBOUNDED || (hi >= UNBOUNDED && !(c >= UNBOUNDED || d >= UNBOUNDED))) return undefined;
    return this.fired("run of runs", repeatNode(run.char, lo, hi));
  }

  /**
   * `(B){b,}` where B's matches are strings of Z and B matches every single character of Z, is
   * `Z{b,}`: each string of Z of length ≥ b splits into that many one-character matches of B,
   * and b matches of B make a string of Z of length ≥ b (when B cannot match empty; when it can,
   * `(B)*` and `(B)+` are `Z*`). Covers `(-*[a-z0-9-])*` → `[a-z0-9-]*` and `(a|b)+` → `[ab]+`.
   */
  private loopOfSingles(r: Repeat): JavaNode | undefined {
    if (r.max !== UNBOUNDED || this.unwrap(r.body).type === "char") return undefined;
    const z = this.alphabet(r.body);
    if (isEmptySet(z) || !isSubset(z, this.singles(r.body))) return undefined;
    if (!nullable(r.body)) return this.fired("loop of single characters", repeatNode(charNode(z), r.min, UNBOUNDED));
    if (r.min <= 1) return this.fired("loop of single characters", repeatNode(charNode(z), 0, UNBOUNDED));
    return undefined;
  }

  /**
   * `(P T{1,c})` repeated without an upper bound, where P can match empty, is `(P T)`: a match
   * that ends with several T splits into one ending with the first T and one more repetition
   * per further T (P matching empty); and the other way round T is one of T{1,c}. Likewise
   * `(T{1,c} P)`. Covers `(?:[._/a-z0-9*]?[a-z0-9*]+)*`.
   */
  private shortenEnds(r: Repeat): JavaNode | undefined {
    if (r.max !== UNBOUNDED) return undefined;
    const body = this.unwrap(r.body);
    if (body.type !== "seq" || body.items.length < 2) return undefined;
    const items = body.items;
    const shrinks = (item: JavaNode, others: readonly JavaNode[]): Run | undefined => {
      const run = this.run(item);
      return run && run.min === 1 && run.max > 1 && others.every((n) => nullable(n)) ? run : undefined;
    };
    const last = shrinks(items[items.length - 1], items.slice(0, -1));
    if (last)
      return this.fired("shorter last run in a loop", { ...r, body: seqNode([...items.slice(0, -1), last.char]) });
    const first = shrinks(items[0], items.slice(1));
    if (first)
      return this.fired("shorter first run in a loop", { ...r, body: seqNode([first.char, ...items.slice(1)]) });
    return undefined;
  }

  /**
   * In `(P X? T Q)` repeated without an upper bound, where P and Q can match empty, X? may skip
   * the characters of T: a repetition in which X took a character x of T is the same text as
   * one in which T took x (P matching as before, Q empty) followed by one with P empty, T, Q.
   * So X? becomes (X minus T)?, and is dropped when nothing is left. Likewise `(P T X? Q)`.
   */
  private optionalBeforeClass(r: Repeat): JavaNode | undefined {
    if (r.max !== UNBOUNDED) return undefined;
    const body = this.unwrap(r.body);
    if (body.type !== "seq" || body.items.length < 2) return undefined;
    const items = body.items;
    for (let i = 0; i + 1 < items.length; i++) {
      for (const [xAt, tAt] of [
        [i, i + 1],
        [i + 1, i],
      ]) {
        const x = this.run(items[xAt]);
        const t = this.run(items[tAt]);
        if (!x || !t || x.min !== 0 || x.max !== 1 || t.min !== 1 || t.max !== 1) continue;
        if (!explicit(x.char.set, t.char.set)) continue;
        if (!items.every((n, j) => j === xAt || j === tAt || nullable(n))) continue;
        const rest = minus(x.char.set, t.char.set);
        if (sameSet(rest, x.char.set)) continue;
        const replaced = isEmptySet(rest) ? [] : [repeatNode(charNode(rest), 0, 1)];
        const next = [...items.slice(0, xAt), ...replaced, ...items.slice(xAt + 1)];
        return this.fired("optional class that overlaps the next one in a loop", { ...r, body: seqNode(next) });
      }
    }
    return undefined;
  }

  /**
   * `(Y*Z){0,d}` with Y inside Z: a string of Z splits into k such pieces for every k from
   * m to its length, where m counts its characters outside Y, plus one when it ends with Y
   * (each character outside Y must end a piece; a trailing run of Y needs one more). So it
   * matches when m ≤ d, which is `(Y*N){0,d-1}(Y*N|Y+)?` with N = Z minus Y, a form in which
   * each piece ends at the only place it can. When Z is Y, this is `Z*`.
   */
  private boundedOverlap(r: Repeat): JavaNode | undefined {
    if (r.min !== 0 || r.max < 1 || r.max >= UNBOUNDED) return undefined;
    const body = this.unwrap(r.body);
    if (body.type !== "seq" || body.items.length !== 2) return undefined;
    const y = this.run(body.items[0]);
    const z = this.run(body.items[1]);
    if (!y || !z || y.min !== 0 || y.max !== UNBOUNDED || z.min !== 1 || z.max !== 1) return undefined;
    if (!explicit(y.char.set, z.char.set) || isEmptySet(y.char.set) || !isSubset(y.char.set, z.char.set))
      return undefined;
    const n = minus(z.char.set, y.char.set);
    if (isEmptySet(n)) return this.fired("bounded loop over overlapping classes", repeatNode(z.char, 0, UNBOUNDED));
    const piece = seqNode([repeatNode(y.char, 0, UNBOUNDED), charNode(n)]);
    const tail = repeatNode({ type: "alt", branches: [piece, repeatNode(y.char, 1, UNBOUNDED)] }, 0, 1);
    const items = r.max > 1 ? [repeatNode(piece, 0, r.max - 1), tail] : [tail];
    return this.fired("bounded loop over overlapping classes", seqNode(items));
  }

  /**
   * `(Y X{a,} W){b,d}`, Y an optional single class, X a class, W anything plain whose characters
   * are all in X: pieces that each end with W after a run of X. Two pieces in a row whose second
   * begins with a character of X are one piece (`W y X{a,}` is a string of X of length ≥ a), and
   * one piece splits no further. So, with Y inside X (or no Y), B = the body matches B·B, hence
   * every B^k (k ≥ 1) lies in B and `B{b,d}` is `B^b` (`B?` when b = 0): `([!-~]+/){1,511}` is
   * `[!-~]+/`. With Y partly outside X, only pieces that begin with Y' = Y minus X cannot merge into
   * the one before, so `B{1,d}` is `B (Y' X{a,} W){0,d-1}` (optional as a whole when b = 0), where
   * each further piece begins at a character of Y' and nowhere else: `([^/][!-~]+/){1,511}` is
   * `[^/][!-~]+/([^!-~][!-~]+/){0,510}`. Engines that write counted repeats out copy B up to d
   * times and keep many copies going at once; the rewritten form has one copy or copies that
   * start only at characters the rest never reads.
   */
  private closedPieces(r: Repeat): JavaNode | undefined {
    if (r.max <= 1) return undefined;
    const body = this.unwrap(r.body);
    if (body.type !== "seq" || body.items.length < 2) return undefined;
    const head = this.run(body.items[0]);
    const y = head && head.min === 1 && head.max === 1 ? head.char : undefined;
    const xAt = y ? 1 : 0;
    const x = this.run(body.items[xAt]);
    if (!x || x.max !== UNBOUNDED || isEmptySet(x.char.set)) return undefined;
    const w = body.items.slice(xAt + 1);
    if (w.length === 0 || !isSubset(this.alphabet(seqNode(w)), x.char.set)) return undefined;
    if (!y || isSubset(y.set, x.char.set)) {
      // B·B lies in B: B{b,d} is B^b. `B{b,b}` is already that.
      if (r.min === r.max && r.min > 0) return undefined;
      return this.fired(
        "pieces that merge into one",
        r.min === 0 ? repeatNode(body, 0, 1) : repeatNode(body, r.min, r.min),
      );
    }
    if (r.min > 1 || !explicit(y.set, x.char.set)) return undefined;
    const outside = minus(y.set, x.char.set);
    // Y wholly outside X: no piece merges into another, nothing to gain.
    if (isEmptySet(and(y.set, x.char.set))) return undefined;
    const further = seqNode([charNode(outside), ...body.items.slice(1)]);
    const pieces = seqNode([...body.items, repeatNode(further, 0, r.max >= UNBOUNDED ? UNBOUNDED : r.max - 1)]);
    return this.fired("pieces that merge into one", r.min === 0 ? repeatNode(pieces, 0, 1) : pieces);
  }

  private seqRules(items: readonly JavaNode[]): JavaNode | undefined {
    return this.mergeRuns(items) ?? this.paddedList(items);
  }

  /**
   * `S{a,c}S{e,f}` is `S{a+e,c+f}` (strings of S of every length in between), applied when both
   * runs vary in length, the case where they can share out a string in many ways.
   */
  private mergeRuns(items: readonly JavaNode[]): JavaNode | undefined {
    for (let i = 0; i + 1 < items.length; i++) {
      const x = this.run(items[i]);
      const y = this.run(items[i + 1]);
      if (!x || !y || x.min === x.max || y.min === y.max || !sameSet(x.char.set, y.char.set)) continue;
      if (!this.plain(items[i]) || !this.plain(items[i + 1])) continue;
      const max = x.max >= UNBOUNDED || y.max >= UNBOUNDED ? UNBOUNDED : x.max + y.max;
      if (x.min + y.min >= UNBOUNDED || (max >= UNBOUNDED && x.max < UNBOUNDED && y.max < UNBOUNDED)) continue;
      const merged = repeatNode(x.char, x.min + y.min, max);
      return this.fired("adjacent runs of one class", seqNode([...items.slice(0, i), merged, ...items.slice(i + 2)]));
    }
    return undefined;
  }

  /**
   * `H* V+ (H+ V+)* H*`, words of V separated and padded by H, where H and V share characters
   * (`[ \t]` and a class holding the space): it matches exactly the strings of H or V holding at
   * least one character of V, which `(H minus V)* V (H or V)*` matches in one way only up to the
   * first character of V. (Given such a string, the characters before its first V character are
   * outside V, so in H; from there, its maximal runs of V characters are the words and what lies
   * between them, outside V, the separators and the padding.)
   */
  private paddedList(items: readonly JavaNode[]): JavaNode | undefined {
    for (let i = 0; i + 3 < items.length; i++) {
      const lead = this.run(items[i]);
      const word = this.run(items[i + 1]);
      const loop = this.unwrap(items[i + 2]);
      const trail = this.run(items[i + 3]);
      if (!lead || !word || !trail || loop.type !== "repeat" || !this.plain(loop)) continue;
      if (loop.min !== 0 || loop.max !== UNBOUNDED) continue;
      const pair = this.unwrap(loop.body);
      if (pair.type !== "seq" || pair.items.length !== 2) continue;
      const sep = this.run(pair.items[0]);
      const word2 = this.run(pair.items[1]);
      if (!sep || !word2) continue;
      const h = lead.char.set;
      const v = word.char.set;
      const isStar = (x: Run): boolean => x.min === 0 && x.max === UNBOUNDED;
      const isPlus = (x: Run): boolean => x.min === 1 && x.max === UNBOUNDED;
      if (!isStar(lead) || !isStar(trail) || !isPlus(word) || !isPlus(sep) || !isPlus(word2)) continue;
      if (!sameSet(h, trail.char.set) || !sameSet(h, sep.char.set) || !sameSet(v, word2.char.set)) continue;
      if (!explicit(h, v) || isEmptySet(and(h, v))) continue;
      const before = minus(h, v);
      const replacement = [
        ...(isEmptySet(before) ? [] : [repeatNode(charNode(before), 0, UNBOUNDED)]),
        word.char,
        repeatNode(charNode(union(h, v)), 0, UNBOUNDED),
      ];
      return this.fired("padded list of words", seqNode([...items.slice(0, i), ...replacement, ...items.slice(i + 4)]));
    }
    return undefined;
  }
}
