/**
 * Reading trait values (Smithy node values, typed `unknown` here) without trusting their shape:
 * each gives the value when it has the expected JavaScript type, else undefined or `{}`.
 */

/** The value when it is a string. */
export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** The value when it is a number. */
export const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);

/** The value when it is an object (not an array), else `{}`. */
export const obj = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
