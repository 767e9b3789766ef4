/**
 * The iteration order of a small `java.util.HashSet<String>`, for messages Smithy prints by
 * formatting such a set (`[restXml, awsJson1_1]`): the errorfiles compare the text.
 */

/** Java's `String.hashCode` (UTF-16 code units, 32-bit overflow). */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * The order a default `HashSet` (16 buckets, up to 12 entries before it grows) iterates `values`
 * added in the given order: by bucket of the spread hash, then insertion order within a bucket.
 */
export function javaHashSetOrder(values: readonly string[]): string[] {
  if (values.length > 12) throw new Error("javaHashSetOrder models a HashSet that has not grown (at most 12 entries)");
  const bucket = (s: string) => {
    const h = javaStringHash(s);
    return (h ^ (h >>> 16)) & 15;
  };
  return [...new Set(values)].map((v, i) => ({ v, i, b: bucket(v) })).sort((x, y) => x.b - y.b || x.i - y.i).map((e) => e.v);
}
