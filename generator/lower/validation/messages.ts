/**
 * The requirement half of every message (`Value at '<path>' failed to satisfy constraint:
 * <requirement>`), decided at generation time. Constraint messages use the exact wording of
 * Smithy's server validation, as its restJson1 malformed-request protocol tests pin it; the
 * constraints Smithy's servers do not phrase (types, unions, our traits, cycles) follow the same
 * "Member must ..." form. No requirement ever contains a value from the input.
 */
import type { Bounds } from "./constraints.js";

/** A number as Smithy prints a bound (`8`, `2.2`). */
function bound(n: number): string {
  return String(n);
}

/** `@length`: "Member must have length between 1 and 64, inclusive" and the one-sided forms. */
export function lengthRequirement(b: Bounds): string {
  if (b.min !== undefined && b.max !== undefined)
    return `Member must have length between ${bound(b.min)} and ${bound(b.max)}, inclusive`;
  if (b.min !== undefined) return `Member must have length greater than or equal to ${bound(b.min)}`;
  return `Member must have length less than or equal to ${bound(b.max as number)}`;
}

/** `@range`: "Member must be between 2 and 8, inclusive" and the one-sided forms. */
export function rangeRequirement(b: Bounds): string {
  if (b.min !== undefined && b.max !== undefined)
    return `Member must be between ${bound(b.min)} and ${bound(b.max)}, inclusive`;
  if (b.min !== undefined) return `Member must be greater than or equal to ${bound(b.min)}`;
  return `Member must be less than or equal to ${bound(b.max as number)}`;
}

/** `@pattern`, quoting the pattern as the model writes it. */
export function patternRequirement(pattern: string): string {
  return `Member must satisfy regular expression pattern: ${pattern}`;
}

/** enum / intEnum / `@enum`: the values a caller may use (internal ones left out). */
export function enumRequirement(shown: Array<string | number>): string {
  return `Member must satisfy enum value set: [${shown.join(", ")}]`;
}

export const REQUIRED = "Member must not be null";
export const UNIQUE_ITEMS = "Member must have unique values";
export const NOT_NULL_ITEM = "Member must not be null (the collection is not @sparse)";
export const UNION_NONE = "Member must have exactly one member set (none is set)";
export const UNION_MANY = "Member must have exactly one member set (more than one is set)";
export const UNKNOWN_VARIANT = "Member must be a [name, value] pair naming the unknown variant";
export const ISO8601_UTC =
  "Member must be an ISO 8601 timestamp in UTC: YYYY-MM-DDThh:mm:ss, optional fraction, then Z or +00:00";
export const CYCLE = "Member must not contain itself (the value has a reference cycle)";

/** `anvil.traits#requiredTogether`, said at the missing member. */
export function requiredTogetherRequirement(missing: string, group: string[]): string {
  const others = group.filter((n) => n !== missing);
  const when = others.length === 1 ? `${others[0]} is set` : `any of ${others.join(", ")} is set`;
  const all = `${group.slice(0, -1).join(", ")} and ${group[group.length - 1]}`;
  return `Member must not be null when ${when} (${all} are required together)`;
}

/** What the JavaScript value must be, per Smithy shape type. */
export const TYPE_REQUIREMENT: Record<string, string> = {
  string: "Member must be a string",
  enum: "Member must be a string",
  boolean: "Member must be a boolean",
  byte: "Member must be an integer between -128 and 127 (a byte)",
  short: "Member must be an integer between -32768 and 32767 (a short)",
  integer: "Member must be an integer between -2147483648 and 2147483647 (an integer)",
  intEnum: "Member must be an integer between -2147483648 and 2147483647 (an intEnum)",
  long: "Member must be an integer between -9223372036854775808 and 9223372036854775807 (a long)",
  float: "Member must be a number within the range of a 32-bit float",
  double: "Member must be a number",
  bigInteger: "Member must be a bigint",
  bigDecimal: "Member must be a string holding a decimal number (a bigDecimal)",
  timestamp: "Member must be a valid Date",
  blob: "Member must be a Uint8Array",
  structure: "Member must be a structure (a plain object)",
  union: "Member must be a union (a plain object with exactly one member set)",
  list: "Member must be a list (an array)",
  set: "Member must be a list (an array)",
  map: "Member must be a map (a plain object)",
};
