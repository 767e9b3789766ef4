/**
 * Deep comparison of client values (and parsed JSON bodies) that says where they first differ.
 * Dates compare by instant, byte arrays by content, NaN equals NaN; an object member whose value
 * is `undefined` counts as absent on either side.
 */

/** A path and a description of the first difference, or undefined when the values are equal. */
export function difference(expected: unknown, actual: unknown, path = "$"): string | undefined {
  if (expected instanceof Date || actual instanceof Date) {
    if (!(expected instanceof Date) || !(actual instanceof Date)) return `${path}: expected ${show(expected)}, got ${show(actual)}`;
    return expected.getTime() === actual.getTime() ? undefined : `${path}: expected ${expected.toISOString()}, got ${actual.toISOString()}`;
  }
  if (expected instanceof Uint8Array || actual instanceof Uint8Array) {
    if (!(expected instanceof Uint8Array) || !(actual instanceof Uint8Array)) return `${path}: expected ${show(expected)}, got ${show(actual)}`;
    const same = expected.length === actual.length && expected.every((b, i) => b === actual[i]);
    return same ? undefined : `${path}: expected bytes ${show(expected)}, got ${show(actual)}`;
  }
  if (typeof expected === "number" && typeof actual === "number") {
    return expected === actual || (Number.isNaN(expected) && Number.isNaN(actual)) ? undefined : `${path}: expected ${expected}, got ${actual}`;
  }
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual)) return `${path}: expected ${show(expected)}, got ${show(actual)}`;
    if (expected.length !== actual.length) return `${path}: expected ${expected.length} elements, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = difference(expected[i], actual[i], `${path}[${i}]`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (isObject(expected) && isObject(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of [...keys].sort()) {
      const e = Object.hasOwn(expected, key) ? expected[key] : undefined;
      const a = Object.hasOwn(actual, key) ? actual[key] : undefined;
      if (e === undefined && a === undefined) continue;
      if (e === undefined) return `${path}.${key}: not expected, got ${show(a)}`;
      if (a === undefined) return `${path}.${key}: expected ${show(e)}, missing`;
      const d = difference(e, a, `${path}.${key}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return expected === actual ? undefined : `${path}: expected ${show(expected)}, got ${show(actual)}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function show(v: unknown): string {
  if (v instanceof Uint8Array) return `[${[...v.slice(0, 16)].join(",")}${v.length > 16 ? ",…" : ""}]`;
  if (typeof v === "bigint") return `${v}n`;
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
