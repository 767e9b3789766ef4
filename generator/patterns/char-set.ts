/**
 * Sets of code points, as Java's character classes and escapes define them, and the JavaScript
 * text (for a `u`-flag RegExp) that matches exactly one code point of such a set.
 *
 * Explicit code points are kept as sorted ranges so that unions, intersections and case variants
 * fold into one plain `[...]`; Unicode properties stay symbolic (`\p{L}`) because their contents
 * come from the JavaScript engine's Unicode tables. What cannot be folded (an intersection with a
 * property, a union with a negated property list) is written with lookaheads, which test the same
 * code point the final class consumes and so behave the same inside lookbehinds.
 */

/** An inclusive range of code points. */
export type CodeRange = readonly [number, number];

/** A set of code points. Build values with the helpers below, never by hand. */
export type CharSet =
  | { readonly kind: "ranges"; readonly ranges: readonly CodeRange[] }
  | { readonly kind: "prop"; readonly name: string }
  | { readonly kind: "not"; readonly of: CharSet }
  | { readonly kind: "union"; readonly of: readonly CharSet[] }
  | { readonly kind: "and"; readonly of: readonly CharSet[] };

/** The largest code point. */
export const MAX_CODE_POINT = 0x10ffff;

/** Sorts and merges ranges (touching ranges merge too). */
function normalizeRanges(input: readonly CodeRange[]): CodeRange[] {
  const sorted = [...input].filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** The set of the given ranges. */
export function ranges(list: readonly CodeRange[]): CharSet {
  return { kind: "ranges", ranges: normalizeRanges(list) };
}

/** The set of the given code points. */
export function codePoints(...cps: number[]): CharSet {
  return ranges(cps.map((cp) => [cp, cp] as const));
}

/** A JavaScript Unicode property (`name` as written inside `\p{...}`). */
export function prop(name: string): CharSet {
  return { kind: "prop", name };
}

/** Every code point not in `set`. */
export function not(set: CharSet): CharSet {
  return set.kind === "not" ? set.of : { kind: "not", of: set };
}

/** Every code point in any of `sets`; explicit ranges (negated ones too) are merged. */
export function union(...sets: CharSet[]): CharSet {
  const explicitParts = sets.map(explicitRanges);
  if (explicitParts.every((r) => r !== undefined)) {
    return { kind: "ranges", ranges: normalizeRanges(explicitParts.flatMap((r) => r ?? [])) };
  }
  const flat: CharSet[] = [];
  const explicit: CodeRange[] = [];
  const visit = (s: CharSet): void => {
    if (s.kind === "union") s.of.forEach(visit);
    else if (s.kind === "ranges") explicit.push(...s.ranges);
    else flat.push(s);
  };
  sets.forEach(visit);
  const merged = normalizeRanges(explicit);
  if (flat.length === 0) return { kind: "ranges", ranges: merged };
  const parts = merged.length > 0 ? [{ kind: "ranges", ranges: merged } as CharSet, ...flat] : flat;
  return parts.length === 1 ? parts[0] : { kind: "union", of: parts };
}

function intersectRanges(a: readonly CodeRange[], b: readonly CodeRange[]): CodeRange[] {
  const out: CodeRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i][0], b[j][0]);
    const hi = Math.min(a[i][1], b[j][1]);
    if (lo <= hi) out.push([lo, hi]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

/** The ranges outside `list` (which must be normalized). */
export function complementRanges(list: readonly CodeRange[]): CodeRange[] {
  const out: CodeRange[] = [];
  let next = 0;
  for (const [lo, hi] of list) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

/**
 * The ranges `set` stands for when it is built from explicit code points only (possibly through
 * unions, intersections and negations), or `undefined` when a property is involved.
 */
export function explicitRanges(set: CharSet): CodeRange[] | undefined {
  switch (set.kind) {
    case "ranges":
      return [...set.ranges];
    case "prop":
      return undefined;
    case "not": {
      const inner = explicitRanges(set.of);
      return inner && complementRanges(inner);
    }
    case "union": {
      const parts = set.of.map(explicitRanges);
      if (parts.some((p) => p === undefined)) return undefined;
      return normalizeRanges(parts.flatMap((p) => p ?? []));
    }
    case "and": {
      let acc: CodeRange[] | undefined = [[0, MAX_CODE_POINT]];
      for (const part of set.of) {
        const r = explicitRanges(part);
        if (!r || !acc) return undefined;
        acc = intersectRanges(acc, r);
      }
      return acc;
    }
  }
}

/** Every code point in all of `sets`; folded to ranges when no property is involved. */
export function and(...sets: CharSet[]): CharSet {
  const flat = sets.flatMap((s) => (s.kind === "and" ? s.of : [s]));
  const node: CharSet = { kind: "and", of: flat };
  const folded = explicitRanges(node);
  return folded ? { kind: "ranges", ranges: folded } : node;
}

/** True when some member of `set` may lie outside the Basic Multilingual Plane. */
export function mayContainAstral(set: CharSet): boolean {
  const explicit = explicitRanges(set);
  if (explicit) return explicit.some(([, hi]) => hi > 0xffff);
  return true;
}

/** The single code point `set` holds, if it holds exactly one and is explicit. */
export function singleCodePoint(set: CharSet): number | undefined {
  if (set.kind !== "ranges" || set.ranges.length !== 1) return undefined;
  const [lo, hi] = set.ranges[0];
  return lo === hi ? lo : undefined;
}

// ---------------------------------------------------------------------------------------------
// Writing JavaScript

const SYNTAX_OUTSIDE = new Set("^$\\.*+?()[]{}|/".split("").map((c) => c.codePointAt(0) ?? 0));
const SYNTAX_INSIDE = new Set("\\]^[-/".split("").map((c) => c.codePointAt(0) ?? 0));
const NAMED: ReadonlyMap<number, string> = new Map([
  [0x09, "\\t"],
  [0x0a, "\\n"],
  [0x0b, "\\v"],
  [0x0c, "\\f"],
  [0x0d, "\\r"],
]);
const VISIBLE = /^[\p{L}\p{N}\p{P}\p{S}]$/u;

function hex(cp: number, width: number): string {
  return cp.toString(16).toUpperCase().padStart(width, "0");
}

/**
 * One code point written for a `u`-flag RegExp. Printable ASCII and visible BMP letters, digits,
 * punctuation and symbols stay as they are (escaped where they are syntax); everything else
 * (controls, spaces other than U+0020, marks, surrogates, specials, unassigned, characters
 * outside the BMP) becomes an escape, so the generated source shows what it matches.
 */
export function escapeCodePoint(cp: number, inClass: boolean): string {
  const syntax = inClass ? SYNTAX_INSIDE : SYNTAX_OUTSIDE;
  if (syntax.has(cp)) return `\\${String.fromCodePoint(cp)}`;
  const named = NAMED.get(cp);
  if (named) return named;
  if (cp >= 0x20 && cp < 0x7f) return String.fromCodePoint(cp);
  const isSurrogate = cp >= 0xd800 && cp <= 0xdfff;
  const isSpecial = cp >= 0xfff0 && cp <= 0xffff;
  if (cp >= 0xa0 && cp < 0x10000 && !isSurrogate && !isSpecial && VISIBLE.test(String.fromCodePoint(cp))) {
    return String.fromCodePoint(cp);
  }
  if (cp < 0x100) return `\\x${hex(cp, 2)}`;
  if (cp < 0x10000) return `\\u${hex(cp, 4)}`;
  return `\\u{${hex(cp, 1)}}`;
}

function rangeText(list: readonly CodeRange[]): string {
  return list
    .map(([lo, hi]) => {
      if (lo === hi) return escapeCodePoint(lo, true);
      if (hi === lo + 1) return escapeCodePoint(lo, true) + escapeCodePoint(hi, true);
      return `${escapeCodePoint(lo, true)}-${escapeCodePoint(hi, true)}`;
    })
    .join("");
}

/**
 * The members of `set` written as the inside of one `[...]`, when that is possible: explicit
 * ranges, properties and negated properties, or a union of those.
 */
export function classBody(set: CharSet): string | undefined {
  switch (set.kind) {
    case "ranges":
      return rangeText(set.ranges);
    case "prop":
      return `\\p{${set.name}}`;
    case "not":
      return set.of.kind === "prop" ? `\\P{${set.of.name}}` : undefined;
    case "union": {
      const parts = set.of.map(classBody);
      return parts.every((p) => p !== undefined) ? parts.join("") : undefined;
    }
    case "and":
      return undefined;
  }
}

function isEverything(set: CharSet): boolean {
  const r = explicitRanges(set);
  return r !== undefined && r.length === 1 && r[0][0] === 0 && r[0][1] === MAX_CODE_POINT;
}

/**
 * JavaScript (for a `u`-flag RegExp) that matches exactly one code point, one of `set`'s members.
 * The result is always a single atom: a quantifier may follow it directly.
 */
export function emitCharSet(set: CharSet): string {
  if (isEverything(set)) return "[^]";
  const single = singleCodePoint(set);
  if (single !== undefined) return escapeCodePoint(single, false);
  if (set.kind === "ranges" && set.ranges.length > 0 && set.ranges[set.ranges.length - 1][1] === MAX_CODE_POINT) {
    // A set that runs to the last code point reads better as what it leaves out.
    const outside = complementRanges(set.ranges);
    if (outside.length <= set.ranges.length) return `[^${rangeText(outside)}]`;
  }
  const body = classBody(set);
  if (body !== undefined) return `[${body}]`;
  if (set.kind === "not") {
    const inner = classBody(set.of);
    if (inner !== undefined) return `[^${inner}]`;
    return `(?:(?!${emitCharSet(set.of)})[^])`;
  }
  if (set.kind === "union") {
    const simple = set.of.filter((s) => classBody(s) !== undefined);
    const complex = set.of.filter((s) => classBody(s) === undefined);
    const alternatives = [...(simple.length > 0 ? [emitCharSet(union(...simple))] : []), ...complex.map(emitCharSet)];
    return `(?:${alternatives.join("|")})`;
  }
  if (set.kind === "and") {
    // One member consumes the code point; the others check it first with lookaheads.
    const consumerIndex = Math.max(
      set.of.findIndex((s) => classBody(s) !== undefined),
      0,
    );
    const consumer = set.of[consumerIndex];
    const checks = set.of
      .filter((_, i) => i !== consumerIndex)
      .map((s) => (s.kind === "not" ? `(?!${emitCharSet(s.of)})` : `(?=${emitCharSet(s)})`));
    return `(?:${checks.join("")}${emitCharSet(consumer)})`;
  }
  // Unreachable: every kind is handled above.
  return `[${classBody(set) ?? ""}]`;
}

// ---------------------------------------------------------------------------------------------
// Comparing sets (for the rewrites of nested-quantifiers.ts)

function rangesWithin(inner: readonly CodeRange[], outer: readonly CodeRange[]): boolean {
  return inner.every(([lo, hi]) => outer.some(([olo, ohi]) => olo <= lo && hi <= ohi));
}

/**
 * True when every member of `a` is certainly in `b`. Exact for explicit sets; with properties it
 * answers true only for what it can see structurally (the same property, parts of a union), so a
 * false answer may mean "not known".
 */
export function isSubset(a: CharSet, b: CharSet): boolean {
  const ea = explicitRanges(a);
  const eb = explicitRanges(b);
  if (ea && eb) return rangesWithin(ea, normalizeRanges(eb));
  if (ea && ea.length === 0) return true;
  if (JSON.stringify(a) === JSON.stringify(b)) return true;
  if (a.kind === "union") return a.of.every((part) => isSubset(part, b));
  if (b.kind === "union") {
    if (b.of.some((part) => isSubset(a, part))) return true;
    const explicitPart = b.of.filter((part) => explicitRanges(part) !== undefined);
    return ea !== undefined && explicitPart.length > 0 && isSubset(a, union(...explicitPart));
  }
  return false;
}

/** True when `set` certainly has no member (known only for explicit sets). */
export function isEmptySet(set: CharSet): boolean {
  const r = explicitRanges(set);
  return r !== undefined && r.length === 0;
}

/** The members of `a` that are not in `b`. */
export function minus(a: CharSet, b: CharSet): CharSet {
  return and(a, not(b));
}
