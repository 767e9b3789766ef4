/**
 * Sorts disagreements between Java and a translated RegExp into the two known, accepted causes
 * and the rest (real bugs):
 * - "unicode": the string holds a character Java 17 (Unicode 13) leaves unassigned but the
 *   JavaScript engine's newer Unicode tables assign, so properties like \p{L} differ;
 * - "midPair": Java's find() on a pattern with no supplementary-character construct also tries
 *   starting between the halves of a surrogate pair; proven by asking Java again with a no-op
 *   supplementary character (`(?:𐀀){0}`) in front, which makes it step by code point.
 */
import { type JavaRequest, runJava } from "./java.js";

/** One string on which Java and the translation disagree. */
export interface Disagreement {
  pattern: string;
  s: string;
  java: boolean;
}

/** The disagreements, sorted by cause. */
export interface Classified<T extends Disagreement> {
  unicode: T[];
  midPair: T[];
  real: T[];
}

const NO_OP_SUPPLEMENTARY = "(?:\u{10000}){0}";

export function classify<T extends Disagreement>(items: readonly T[]): Classified<T> {
  const result: Classified<T> = { unicode: [], midPair: [], real: [] };
  if (items.length === 0) return result;
  const chars = [...new Set(items.flatMap((m) => [...m.s]))];
  const requests: JavaRequest[] = [
    { p: "^\\p{Cn}$", s: chars },
    ...items.map((m) => ({ p: `${NO_OP_SUPPLEMENTARY}(?:${m.pattern})`, s: [m.s] })),
  ];
  const [cn, ...again] = runJava(requests);
  if (!cn.ok) throw new Error(cn.error);
  const newer = new Set(chars.filter((c, i) => cn.v[i] === true && !/^\p{Cn}$/u.test(c)));
  items.forEach((m, i) => {
    const retry = again[i];
    if ([...m.s].some((c) => newer.has(c))) result.unicode.push(m);
    else if (retry.ok && retry.v[0] === !m.java) result.midPair.push(m);
    else result.real.push(m);
  });
  return result;
}
