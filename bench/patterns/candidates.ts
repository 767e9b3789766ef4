/**
 * Candidate strings for comparing a translated pattern with Java: strings the pattern (probably)
 * matches, sampled from its parsed tree, and near misses made from them with exactly the
 * characters where Java and naive JavaScript disagree (line terminators at the end, `\u0085`,
 * Unicode spaces, letters of other scripts, astral characters, combining marks, lone
 * surrogates, `:` `-` `_`).
 */
import { type CharSet, emitCharSet, explicitRanges } from "../../generator/patterns/char-set.js";
import type { JavaNode } from "../../generator/patterns/java-ast.js";
import { MAX_REPS } from "../../generator/patterns/parse-java.js";

/** A small deterministic PRNG (mulberry32), so runs are repeatable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Characters where engines disagree: line terminators, Unicode spaces, non-ASCII letters and
 * digits, marks, astral letters and symbols, lone surrogates, private use, and characters
 * assigned in both Java 17's and the JavaScript engine's Unicode versions.
 */
export const TRICKY = [
  ..."\n\r\t\u000b\f\u0085\u2028\u2029 \u00a0\u3000\u2007\u202f\u1680\u180e\u200b\ufeff",
  ..."aZ09_-:/.#$^*+?()[]{}|\\'\"",
  ..."éÉßſKµÿİıǅ\u0301\u0345\u0903٣०Ⅻ²¼",
  "\u{1D400}",
  "\u{10400}",
  "\u{1F600}",
  "\u{1D7CE}",
  "\u{1D167}",
  "\ud800",
  "\udc00",
  "\ue000",
  "\u0378",
  "\u0000",
  "\u007f",
  "\u0080",
];

const SET_MATCHERS = new Map<CharSet, RegExp>();

function pickFrom(set: CharSet, random: () => number): string | undefined {
  const r = explicitRanges(set);
  if (r && r.length > 0) {
    const sizes = r.map(([lo, hi]) => hi - lo + 1);
    const total = sizes.reduce((a, b) => a + b, 0);
    // Prefer printable ASCII members when there are some, like real values.
    const ascii = r.flatMap(([lo, hi]) => (lo <= 0x7e && hi >= 0x20 ? [[Math.max(lo, 0x20), Math.min(hi, 0x7e)]] : []));
    if (ascii.length > 0 && random() < 0.8) {
      const [lo, hi] = ascii[Math.floor(random() * ascii.length)];
      return String.fromCodePoint(lo + Math.floor(random() * (hi - lo + 1)));
    }
    let k = Math.floor(random() * total);
    for (let i = 0; i < r.length; i++) {
      if (k < sizes[i]) return String.fromCodePoint(r[i][0] + k);
      k -= sizes[i];
    }
  }
  let matcher = SET_MATCHERS.get(set);
  if (!matcher) {
    matcher = new RegExp(`^${emitCharSet(set)}$`, "u");
    SET_MATCHERS.set(set, matcher);
  }
  const pool = [..."abcXYZ0123456789_- .:/@", ...TRICKY].filter((c) => matcher.test(c));
  return pool.length > 0 ? pool[Math.floor(random() * pool.length)] : undefined;
}

/** One string sampled from `node` (following its structure; lookarounds are ignored). */
export function sample(root: JavaNode, random: () => number): string {
  const captures = new Map<number, string>();
  const walk = (node: JavaNode): string => {
    switch (node.type) {
      case "char":
        return pickFrom(node.set, random) ?? "";
      case "anchor":
      case "look":
        return "";
      case "lineBreak":
        return ["\r\n", "\n", "\r", "\u2028"][Math.floor(random() * 4)];
      case "backref":
        return captures.get(node.group) ?? "";
      case "seq":
        return node.items.map(walk).join("");
      case "alt":
        return walk(node.branches[Math.floor(random() * node.branches.length)]);
      case "group": {
        const text = walk(node.body);
        if (node.capture !== null) captures.set(node.capture, text);
        return text;
      }
      case "atomic":
        return walk(node.body);
      case "repeat": {
        const cap = node.max >= MAX_REPS ? node.min + 4 : Math.min(node.max, node.min + 4);
        const count = node.min + Math.floor(random() * (cap - node.min + 1));
        let out = "";
        for (let i = 0; i < count && out.length < 3000; i++) out += walk(node.body);
        return out;
      }
    }
  };
  return walk(root);
}

/** Sampled matches of `root` plus near misses; deduplicated, up to about `budget` strings. */
export function candidates(root: JavaNode, seed: number, budget = 48): string[] {
  const random = prng(seed);
  const out = new Set<string>(["", "\n", "a", "-", ":", "_", "\u{1D400}"]);
  const samples = Array.from({ length: 6 }, () => sample(root, random));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  for (const s of samples) {
    out.add(s);
    for (const end of ["\n", "\r\n", "\r", "\u0085", "\u2028", "\n\n", "\r\n\r\n", " "]) out.add(s + end);
    out.add("\n" + s);
  }
  for (let attempt = 0; out.size < budget && attempt < budget * 20; attempt++) {
    const s = [...pick(samples)];
    const at = Math.floor(random() * (s.length + 1));
    const action = random();
    if (action < 0.45) s.splice(at, 0, pick(TRICKY));
    else if (action < 0.7 && s.length > 0) s.splice(Math.min(at, s.length - 1), 1, pick(TRICKY));
    else if (action < 0.85 && s.length > 0) s.splice(Math.min(at, s.length - 1), 1);
    else s.splice(at, 0, ...pick(samples));
    out.add(s.join(""));
    if (out.size >= budget) break;
    out.add(sample(root, random));
  }
  return [...out];
}
