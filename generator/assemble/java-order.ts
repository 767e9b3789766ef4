/**
 * The iteration order of Java's hash collections, for messages Smithy prints by formatting a
 * `HashSet` (`[restXml, awsJson1_1]`) or builds by walking a `HashMap` of shape ids (mixin
 * cycles): the errorfiles compare the text, so the order is reproduced rather than sorted.
 */

/** Java's `String.hashCode` (UTF-16 code units, 32-bit overflow). */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** `ShapeId.hashCode()` of a shape id without a member. */
export function javaShapeIdHash(id: string): number {
  const hash = id.indexOf("#");
  const ns = javaStringHash(id.slice(0, hash));
  const name = javaStringHash(id.slice(hash + 1));
  return (17 + Math.imul(Math.imul(31, ns), 31) + Math.imul(name, 17)) | 0;
}

/**
 * The order a default `HashMap`/`HashSet` iterates distinct keys added in the given order: the
 * table has 16 buckets, doubled while more than 3/4 full; keys go by bucket of the spread hash,
 * then in insertion order within a bucket (a resize keeps that order). Buckets turned into
 * trees (more than 8 colliding keys) are not modelled.
 */
export function javaHashOrder(keys: readonly string[], hash: (key: string) => number): string[] {
  const unique = [...new Set(keys)];
  let capacity = 16;
  while (unique.length > capacity * 0.75) capacity *= 2;
  const bucket = (key: string) => {
    const h = hash(key);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  return unique
    .map((key, i) => ({ key, i, b: bucket(key) }))
    .sort((x, y) => x.b - y.b || x.i - y.i)
    .map((e) => e.key);
}

/** The order of a `HashSet<String>` filled with `values` in this order. */
export function javaHashSetOrder(values: readonly string[]): string[] {
  return javaHashOrder(values, javaStringHash);
}
