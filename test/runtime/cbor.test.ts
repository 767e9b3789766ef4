/**
 * The CBOR codec setup of rpcv2Cbor clients (runtime/cbor.ts). Decoding is checked on the encoded
 * examples of RFC 8949 Appendix A (half floats, tags, bignums, indefinite lengths); encoding by
 * round trips and by the major types the bytes start with.
 */
import { describe, expect, it } from "vitest";
import {
  CborDecodeError,
  decodeCbor,
  deCborBigInt,
  deCborBlob,
  deCborNumber,
  deCborTimestamp,
  encodeCbor,
  withoutAbsent,
} from "../../generator/runtime/protocols/cbor.js";

const hex = (text: string): Uint8Array => Uint8Array.from(text.match(/../g) ?? [], (b) => parseInt(b, 16));

describe("decodeCbor on RFC 8949 Appendix A examples", () => {
  it.each([
    ["f93c00", 1],
    ["f97bff", 65504],
    ["f90001", 5.960464477539063e-8],
    ["f9c400", -4],
    ["f97c00", Infinity],
    ["f9fc00", -Infinity],
    ["fa47c35000", 100000],
    ["fb7e37e43c8800759c", 1e300],
  ])("reads the float %s", (bytes, value) => {
    expect(decodeCbor(hex(bytes))).toBe(value);
  });

  it("reads a half-precision NaN", () => {
    expect(Number.isNaN(decodeCbor(hex("f97e00")))).toBe(true);
  });

  it("reads tag 1 with an integer or a float as a Date", () => {
    expect(decodeCbor(hex("c11a514b67b0"))).toEqual(new Date("2013-03-21T20:04:00Z"));
    expect(decodeCbor(hex("c1fb41d452d9ec200000"))).toEqual(new Date("2013-03-21T20:04:00.500Z"));
  });

  it("reads bignums (tags 2 and 3) and 64-bit integers as bigints", () => {
    expect(decodeCbor(hex("c249010000000000000000"))).toBe(18446744073709551616n);
    expect(decodeCbor(hex("c349010000000000000000"))).toBe(-18446744073709551617n);
    expect(decodeCbor(hex("1bffffffffffffffff"))).toBe(18446744073709551615n);
  });

  it("reads indefinite-length byte strings, text strings, arrays and maps", () => {
    expect(decodeCbor(hex("5f42010243030405ff"))).toEqual(Uint8Array.of(1, 2, 3, 4, 5));
    expect(decodeCbor(hex("7f657374726561646d696e67ff"))).toBe("streaming");
    expect(decodeCbor(hex("9f018202039f0405ffff"))).toEqual([1, [2, 3], [4, 5]]);
    expect(decodeCbor(hex("bf61610161629f0203ffff"))).toEqual({ a: 1, b: [2, 3] });
  });

  it("leaves an unknown tag uninterpreted, so no reader takes it for a value", () => {
    const decoded = decodeCbor(hex("a16161d82a4100")) as Record<string, unknown>; // {"a": 42(h'00')}
    expect(deCborBlob(decoded.a)).toBeUndefined();
    expect(deCborTimestamp(decoded.a)).toBeUndefined();
  });

  it("keeps a __proto__ key as an own property and leaves the prototype alone", () => {
    // {"__proto__": {"polluted": true}}
    const decoded = decodeCbor(encodeCbor(new Map([["__proto__", { polluted: true }]]))) as Record<string, unknown>;
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.hasOwn(decoded, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("decodeCbor refusals", () => {
  it.each([
    ["truncated", "a2616101"],
    ["a reserved additional-information value", "1c"],
    ["bytes after the data item", "0101"],
    ["a non-text map key", "a10102"],
    ["tag 1 around a string", "c16161"],
    ["an empty body", ""],
  ])("throws CborDecodeError for %s", (_what, bytes) => {
    expect(() => decodeCbor(hex(bytes))).toThrow(CborDecodeError);
  });
});

describe("encodeCbor", () => {
  it("writes a Date as tag 1 (0xc1) and reads it back to the millisecond", () => {
    const date = new Date("2024-01-02T03:04:05.678Z");
    const bytes = encodeCbor({ at: date });
    expect([...bytes].includes(0xc1)).toBe(true);
    expect(decodeCbor(bytes)).toEqual({ at: date });
  });

  it("writes Uint8Arrays as byte strings (major type 2), not base64 text", () => {
    const bytes = encodeCbor(Uint8Array.of(9, 8, 7));
    expect(bytes[0] >> 5).toBe(2);
    expect(decodeCbor(bytes)).toEqual(Uint8Array.of(9, 8, 7));
  });

  it("writes structures without their absent members once withoutAbsent has dropped them", () => {
    const bytes = encodeCbor(withoutAbsent({ a: undefined, b: null, c: 1 }));
    expect(bytes[0]).toBe(0xa1); // a map of one pair
    expect(decodeCbor(bytes)).toEqual({ c: 1 });
  });

  it("round-trips bigints beyond 64 bits through the bignum tags", () => {
    for (const n of [2n ** 70n, -(2n ** 70n), 2n ** 63n]) expect(decodeCbor(encodeCbor(n))).toBe(n);
  });

  it("round-trips NaN, infinities and negative zero", () => {
    expect(Number.isNaN(decodeCbor(encodeCbor(NaN)))).toBe(true);
    expect(decodeCbor(encodeCbor([Infinity, -Infinity]))).toEqual([Infinity, -Infinity]);
    expect(Object.is(decodeCbor(encodeCbor(-0)), -0)).toBe(true);
  });
});

describe("readers for generated deserializers", () => {
  it("reads timestamps from Dates and bare epoch seconds", () => {
    expect(deCborTimestamp(new Date(5))).toEqual(new Date(5));
    expect(deCborTimestamp(1.5)).toEqual(new Date(1500));
    expect(deCborTimestamp("1970-01-01T00:00:00Z")).toBeUndefined();
  });

  it("reads blobs only from byte strings", () => {
    expect(deCborBlob(Uint8Array.of(1))).toEqual(Uint8Array.of(1));
    expect(deCborBlob("AQ==")).toBeUndefined();
  });

  it("reads numbers and bigints across the two representations", () => {
    expect(deCborNumber(3n)).toBe(3);
    expect(deCborNumber("3")).toBeUndefined();
    expect(deCborBigInt(3)).toBe(3n);
    expect(deCborBigInt(1.5)).toBeUndefined();
  });
});
