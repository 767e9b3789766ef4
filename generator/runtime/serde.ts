/**
 * JSON (de)serialization helpers for awsJson clients: the conversions generated serializers call
 * (timestamps, blobs, special floats, maps) and the tolerant readers deserializers use. Readers
 * return undefined for absent or null values and never throw on unexpected types.
 */

/** Any JSON value (a Smithy document). */
export type DocumentValue = null | boolean | number | string | DocumentValue[] | { [key: string]: DocumentValue };

/** NaN and the infinities travel as strings in awsJson. */
export function serFloat(n: number): number | string {
  if (Number.isFinite(n)) return n;
  return Number.isNaN(n) ? "NaN" : n > 0 ? "Infinity" : "-Infinity";
}

/** Seconds since the epoch, fractional for sub-second precision. */
export function serEpochSeconds(d: Date): number {
  return d.getTime() / 1000;
}

/** RFC 3339 date-time in UTC, without a fraction when it would be zero. */
export function serDateTime(d: Date): string {
  return d.toISOString().replace(".000Z", "Z");
}

/** RFC 7231 IMF-fixdate (HTTP date). */
export function serHttpDate(d: Date): string {
  return d.toUTCString();
}

/** A fresh `@idempotencyToken` value (a random UUID) for a member the caller left out. */
export function idempotencyToken(): string {
  return globalThis.crypto.randomUUID();
}

/** A bigint as a JSON number (precision beyond 2^53 is lost by JSON.stringify anyway). */
export function serBigInt(n: bigint): number {
  return Number(n);
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 (standard alphabet, padded). Works in Node and browsers without Buffer. */
export function toBase64(bytes: Uint8Array): string {
  const at = (i: number): number => bytes[i] ?? 0;
  const digit = (n: number): string => B64.charAt(n & 63);
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (at(i) << 16) | (at(i + 1) << 8) | at(i + 2);
    out += digit(n >> 18) + digit(n >> 12) + digit(n >> 6) + digit(n);
  }
  if (i < bytes.length) {
    const n = (at(i) << 16) | (at(i + 1) << 8);
    out += digit(n >> 18) + digit(n >> 12) + (i + 1 < bytes.length ? digit(n >> 6) : "=") + "=";
  }
  return out;
}

/** Decodes base64 (standard or URL alphabet; whitespace and padding tolerated). */
export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/[\s=]/g, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i);
    const v =
      c >= 65 && c <= 90
        ? c - 65
        : c >= 97 && c <= 122
          ? c - 71
          : c >= 48 && c <= 57
            ? c + 4
            : c === 43 || c === 45
              ? 62
              : c === 47 || c === 95
                ? 63
                : -1;
    if (v < 0) continue;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 255;
    }
  }
  return o === out.length ? out : out.slice(0, o);
}

/**
 * A structure's JSON form without its null members: a JavaScript caller's `null` means absent,
 * as it does for the AWS SDK (undefined members JSON.stringify leaves out by itself).
 */
export function withoutNulls(members: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(members)) {
    if (members[k] === null) delete members[k];
  }
  return members;
}

/** Copies a list through `f`, dropping null items (a list that is not `@sparse` has none on the wire). */
export function serList<T, U>(l: readonly T[], f: (v: NonNullable<T>) => U): U[] {
  const out: U[] = [];
  for (const v of l) {
    if (v != null) out.push(f(v));
  }
  return out;
}

/** Like serList, but a sparse list keeps its nulls. */
export function serSparseList<T, U>(l: ReadonlyArray<T | null>, f: (v: T) => U): Array<U | null> {
  return l.map((v) => (v == null ? null : f(v)));
}

/** Copies a map through `f`, dropping null values; keys such as `__proto__` stay ordinary keys. */
export function serMap<T, U>(m: Record<string, T>, f: (v: NonNullable<T>) => U): Record<string, U> {
  const out: Record<string, U> = Object.create(null) as Record<string, U>;
  for (const k of Object.keys(m)) {
    const v = m[k];
    if (v != null) out[k] = f(v);
  }
  return out;
}

/** Like serMap, but a sparse map keeps its nulls. */
export function serSparseMap<T, U>(m: Record<string, T | null>, f: (v: T) => U): Record<string, U | null> {
  const out: Record<string, U | null> = Object.create(null) as Record<string, U | null>;
  for (const k of Object.keys(m)) {
    const v = m[k];
    out[k] = v == null ? null : f(v);
  }
  return out;
}

/** An own property of `o`, never an inherited one (`constructor`, `toString`, ...). */
export function own<T extends object, K extends keyof T & string>(o: T, key: K): T[K] | undefined;
/** An own property of `o`, never an inherited one (`constructor`, `toString`, ...). */
export function own(o: object, key: string): unknown;
export function own(o: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

/** The value as an object to read members from (`{}` when it is not a JSON object). */
export function deObject(v: unknown): Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** A string, or undefined. */
export function deString(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/** A decimal kept as its exact text. */
export function deDecimalString(v: unknown): string | undefined {
  return typeof v === "number" ? String(v) : typeof v === "string" ? v : undefined;
}

/** A number; "NaN", "Infinity" and "-Infinity" strings become those values. */
export function deNumber(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (v === "NaN") return NaN;
  if (v === "Infinity") return Infinity;
  if (v === "-Infinity") return -Infinity;
  return undefined;
}

/** A bigint from a JSON number or numeric string. */
export function deBigInt(v: unknown): bigint | undefined {
  if (typeof v === "number" && Number.isInteger(v)) return BigInt(v);
  if (typeof v === "string" && /^-?\d+$/.test(v)) return BigInt(v);
  return undefined;
}

/** A boolean, or undefined. */
export function deBoolean(v: unknown): boolean | undefined {
  return typeof v === "boolean" ? v : undefined;
}

/** A timestamp from epoch seconds (number) or a date string (RFC 3339 or HTTP date). */
export function deTimestamp(v: unknown): Date | undefined {
  if (typeof v === "number") return new Date(Math.round(v * 1000));
  if (typeof v === "string") {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

/** Bytes from base64 text. */
export function deBlob(v: unknown): Uint8Array | undefined {
  return typeof v === "string" ? fromBase64(v) : undefined;
}

/** Any JSON value, as is. */
export function deDocument(v: unknown): DocumentValue | undefined {
  return v === undefined ? undefined : (v as DocumentValue);
}

/** `f(v)`, or undefined when `v` is. */
export function deOptional<T>(v: Record<string, unknown> | undefined, f: (v: unknown) => T): T | undefined {
  return v === undefined ? undefined : f(v);
}

/** The empty structure `Unit`. */
export function deUnit(v: unknown): Record<string, never> | undefined {
  return v == null ? undefined : {};
}

/**
 * A union from parsed JSON: the first member set (not null; `__type` is a type marker some
 * services add, not a member) read by its reader (`readers` and `names` are keyed by the JSON key), a member this client does not know as
 * `$unknown: [name, value]`, and no member at all as `$unknown: ["", undefined]`.
 */
export function deUnion<T>(
  v: unknown,
  readers: Readonly<Record<string, (value: unknown) => unknown>>,
  names?: Readonly<Record<string, string>>,
): T {
  const b = deObject(v);
  for (const key of Object.keys(b)) {
    const value = b[key];
    if (value == null || key === "__type") continue;
    const read = Object.prototype.hasOwnProperty.call(readers, key) ? readers[key] : undefined;
    if (read === undefined) return { $unknown: [key, value] } as T;
    // A computed key defines an own property, even for `__proto__`. `names` maps a `@jsonName` to the member.
    const member =
      names !== undefined && Object.prototype.hasOwnProperty.call(names, key) ? (names[key] as string) : key;
    return { [member]: read(value) } as T;
  }
  return { $unknown: ["", undefined] } as T;
}

/** A list, elements read by `f`; null or unreadable elements are dropped. */
export function deList<T>(v: unknown, f: (e: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: T[] = [];
  for (const e of v) {
    if (e == null) continue;
    const x = f(e);
    if (x !== undefined) out.push(x);
  }
  return out;
}

/** A sparse list: null elements are kept. */
export function deSparseList<T>(v: unknown, f: (e: unknown) => T | undefined): Array<T | null> | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map((e) => (e == null ? null : (f(e) ?? null)));
}

/**
 * Sets an own, enumerable property, even for the key `__proto__` (which assignment would take as
 * the object's prototype). Every other key is assigned: `Object.defineProperty` for each key cost
 * about 8x the CPU of assignment for a 10-key map, and leaves the object slower to read.
 */
export function setOwn<T>(out: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__")
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** A map, values read by `f`; null values are dropped; keys never touch prototypes. */
export function deMap<T>(v: unknown, f: (e: unknown) => T | undefined): Record<string, T> | undefined {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
  const src = v as Record<string, unknown>;
  const out: Record<string, T> = {};
  for (const k of Object.keys(src)) {
    const e = src[k];
    if (e == null) continue;
    const x = f(e);
    if (x !== undefined) setOwn(out, k, x);
  }
  return out;
}

/** A sparse map: null values are kept. */
export function deSparseMap<T>(v: unknown, f: (e: unknown) => T | undefined): Record<string, T | null> | undefined {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
  const src = v as Record<string, unknown>;
  const out: Record<string, T | null> = {};
  for (const k of Object.keys(src)) {
    const e = src[k];
    setOwn(out, k, e == null ? null : (f(e) ?? null));
  }
  return out;
}
