/**
 * Maps read from responses (`deMap`, `deSparseMap`, and `setOwn` under every protocol's readers):
 * every key becomes an own property, `__proto__` included, and no object's prototype changes.
 * Keys are assigned except `__proto__`, so the property test pins the result to defining each key.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deMap, deSparseMap, setOwn } from "../../generator/runtime/serde.js";

/** The definition: each key an own, enumerable, writable, configurable property. */
function defined(entries: Array<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries)
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

const KEYS = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "0", "1", "10", "-1", ""),
  fc.string(),
);

describe("maps read from a response", () => {
  it("keep `__proto__` as an own key and leave the prototype alone", () => {
    const parsed = JSON.parse('{"a": 1, "__proto__": {"polluted": true}, "b": null}') as unknown;
    const map = deMap(parsed, (e) => e as number | { polluted: boolean }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
    expect(Object.keys(map)).toEqual(["a", "__proto__"]);
    expect(Object.getOwnPropertyDescriptor(map, "__proto__")?.value).toEqual({ polluted: true });
    expect((map as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    const sparse = deSparseMap(parsed, (e) => e) as Record<string, unknown>;
    expect(Object.keys(sparse)).toEqual(["a", "__proto__", "b"]);
    expect(sparse["b"]).toBeNull();
    expect(Object.getPrototypeOf(sparse)).toBe(Object.prototype);
  });

  it("give the same own properties, in the same order, as defining each key", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(KEYS, fc.integer()), { selector: ([k]) => k, maxLength: 12 }), (entries) => {
        const source = defined(entries);
        const expected = defined(entries);
        const map = deMap(source, (e) => e) as Record<string, unknown>;
        expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
        expect(Object.getOwnPropertyNames(map)).toEqual(Object.getOwnPropertyNames(expected));
        for (const k of Object.getOwnPropertyNames(expected))
          expect(Object.getOwnPropertyDescriptor(map, k)).toEqual(Object.getOwnPropertyDescriptor(expected, k));
        const set: Record<string, unknown> = {};
        for (const [k, v] of entries) setOwn(set, k, v);
        expect(Object.getOwnPropertyNames(set)).toEqual(Object.getOwnPropertyNames(expected));
        expect(Object.getPrototypeOf(set)).toBe(Object.prototype);
      }),
    );
  });
});
