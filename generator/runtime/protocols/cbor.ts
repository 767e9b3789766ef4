/**
 * CBOR for rpcv2Cbor clients, through the `cbor2` codec (RFC 8949 in full; web-first, so the same
 * code runs on Node and in browsers). This file only sets the codec up the way Smithy's data
 * model needs it and holds the conversions generated (de)serializers call:
 * - timestamps travel as tag 1 (epoch seconds; fractional for sub-second precision) and read back
 *   as `Date`s, rounded to the millisecond;
 * - blobs are byte strings (`Uint8Array`), never base64;
 * - integers past 2^53 arrive as `bigint`s, past 2^64 through the bignum tags 2 and 3;
 * - NaN and the infinities are plain CBOR floats; half-precision floats and indefinite-length
 *   strings, byte strings, arrays and maps read like any other;
 * - maps become plain objects whose members are defined as own properties, so a key such as
 *   `__proto__` stays an ordinary key instead of replacing the object's prototype;
 * - only tags 1, 2 and 3 are interpreted (never the codec's global registry); any other tag is
 *   left as the codec's `Tag` object, which no generated reader accepts as a value.
 * A body that does not decode throws `CborDecodeError`; the protocol module turns it into a
 * typed service exception.
 */
import { decode, encode, type DecodeOptions, type ITag } from "cbor2";
import { setOwn } from "../serde.js";

/** A CBOR body that is not well-formed, or holds what Smithy's data model cannot (a non-text map key). */
export class CborDecodeError extends Error {
  /** The error's name, for logs and checks by name. */
  override readonly name = "CborDecodeError";
}

/** Tag 1 (epoch-based date/time) as a Date, to the millisecond. */
function epochDate(tag: ITag): Date {
  const seconds = tag.contents;
  const ms = typeof seconds === "number" ? seconds * 1000 : typeof seconds === "bigint" ? Number(seconds) * 1000 : NaN;
  if (!Number.isFinite(ms)) throw new CborDecodeError("tag 1 (epoch timestamp) must hold a finite number of seconds");
  return new Date(Math.round(ms));
}

/** Tags 2 and 3 (bignums): big-endian magnitude bytes; tag 3 holds -1 - n. */
function bignum(tag: ITag): bigint {
  const bytes = tag.contents;
  if (!(bytes instanceof Uint8Array))
    throw new CborDecodeError(`tag ${String(tag.tag)} (bignum) must hold a byte string`);
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return Number(tag.tag) === 3 ? -1n - n : n;
}

/** Maps to plain objects with own properties only; Smithy maps and structures have text keys. */
function createObject(entries: ReadonlyArray<readonly [unknown, unknown, ...unknown[]]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    if (typeof key !== "string") throw new CborDecodeError(`a map key is a ${typeof key}, not a text string`);
    setOwn(out, key, value);
  }
  return out;
}

const DECODE_OPTIONS: DecodeOptions = {
  ignoreGlobalTags: true,
  tags: new Map<number, (tag: ITag) => unknown>([
    [1, epochDate],
    [2, bignum],
    [3, bignum],
  ]),
  createObject,
};

/** Encodes a value built by generated serializers (plain objects without undefined members, arrays, strings, numbers, bigints, Uint8Arrays, Dates, null). */
export function encodeCbor(value: unknown): Uint8Array {
  return encode(value);
}

/** Decodes one complete CBOR data item into plain JavaScript values; throws `CborDecodeError` for anything else. */
export function decodeCbor(bytes: Uint8Array): unknown {
  try {
    return decode(bytes, DECODE_OPTIONS);
  } catch (error) {
    if (error instanceof CborDecodeError) throw error;
    throw new CborDecodeError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * A structure's members without the absent ones: CBOR has a value for `undefined`, so unlike
 * JSON.stringify the encoder would write it; a caller's `null` means absent too.
 */
export function withoutAbsent(members: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(members)) {
    if (members[k] == null) delete members[k];
  }
  return members;
}

// ---- conversions generated (de)serializers call ---------------------------------------------

/** A timestamp read from a decoded body: a tag-1 Date, or bare epoch seconds. */
export function deCborTimestamp(v: unknown): Date | undefined {
  if (v instanceof Date) return v;
  if (typeof v === "number" && Number.isFinite(v)) return new Date(Math.round(v * 1000));
  return undefined;
}

/**
 * A blob read from a decoded body: a byte string, copied into a plain Uint8Array (the codec gives
 * a view of the response body, a Node Buffer on Node, which would keep the whole body alive).
 */
export function deCborBlob(v: unknown): Uint8Array | undefined {
  return v instanceof Uint8Array ? new Uint8Array(v) : undefined;
}

/** A number read from a decoded body; a 64-bit integer the codec gave as a bigint becomes a number. */
export function deCborNumber(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  return undefined;
}

/** A bigInteger read from a decoded body: an integer of any size. */
export function deCborBigInt(v: unknown): bigint | undefined {
  if (typeof v === "bigint") return v;
  if (typeof v === "number" && Number.isInteger(v)) return BigInt(v);
  return undefined;
}
