/**
 * The constraints in force on one value: its target shape's traits, overridden trait by trait by
 * the member's (Smithy: a member trait replaces the same trait of the target), plus whether the
 * value is sensitive. Everything here is read from the model at generation time.
 */
import type { Member, Model, Shape } from "../../assemble/model.js";
import { getShape } from "../../assemble/model.js";
import type { Traits } from "../../load/ast.js";
import { isEnumTraitString } from "../shapes.js";

export const LENGTH = "smithy.api#length";
export const PATTERN = "smithy.api#pattern";
export const RANGE = "smithy.api#range";
export const UNIQUE_ITEMS = "smithy.api#uniqueItems";
export const SENSITIVE = "smithy.api#sensitive";
export const SPARSE = "smithy.api#sparse";
export const REQUIRED_TOGETHER = "anvil.traits#requiredTogether";
export const ISO8601_UTC = "anvil.traits#iso8601Utc";

/** Inclusive bounds; either may be absent. */
export interface Bounds {
  min?: number;
  max?: number;
}

/** One value's shape and the constraints on it. */
export interface Facts {
  shape: Shape;
  /** The target's traits with the member's laid over them. */
  traits: Traits;
  /** True when the value, or anything enclosing it, is `@sensitive`. */
  sensitive: boolean;
}

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

function bounds(v: unknown): Bounds | undefined {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
  const r = v as Record<string, unknown>;
  const b: Bounds = { min: num(r.min), max: num(r.max) };
  return b.min === undefined && b.max === undefined ? undefined : b;
}

/** The facts of a shape validated on its own (no member around it). */
export function shapeFacts(shape: Shape, enclosingSensitive = false): Facts {
  return { shape, traits: shape.traits, sensitive: enclosingSensitive || shape.traits[SENSITIVE] !== undefined };
}

/** The facts of a member's value: target traits overridden by the member's. */
export function memberFacts(model: Model, member: Member, enclosingSensitive: boolean): Facts {
  const shape = getShape(model, member.target);
  const traits = { ...shape.traits, ...member.traits };
  return { shape, traits, sensitive: enclosingSensitive || traits[SENSITIVE] !== undefined };
}

/** `@length`, when present. */
export function lengthOf(f: Facts): Bounds | undefined {
  const b = bounds(f.traits[LENGTH]);
  // `@length(min: 0)` holds for every value: no check to write.
  return b === undefined || ((b.min ?? 0) <= 0 && b.max === undefined) ? undefined : b;
}

/** `@range`, when present. */
export function rangeOf(f: Facts): Bounds | undefined {
  return bounds(f.traits[RANGE]);
}

/** `@pattern`, when present. */
export function patternOf(f: Facts): string | undefined {
  const p = f.traits[PATTERN];
  return typeof p === "string" ? p : undefined;
}

/** True for lists whose items must be unique (`@uniqueItems`, or a Smithy 1.0 `set`). */
export function isUnique(f: Facts): boolean {
  return f.shape.type === "set" || f.traits[UNIQUE_ITEMS] !== undefined;
}

/** True for `@sparse` lists and maps (null items allowed). */
export function isSparse(f: Facts): boolean {
  return f.shape.traits[SPARSE] !== undefined;
}

/** Every value of an enum (all are accepted) and the ones a message may list (not internal). */
export interface EnumValues {
  all: Array<string | number>;
  shown: Array<string | number>;
}

/**
 * Values of an enum, intEnum or 1.0 `@enum` string. Smithy's messages leave out internal values:
 * members with `@internal` (enum shapes), entries tagged "internal" (the `@enum` trait).
 */
export function enumValuesOf(f: Facts): EnumValues | undefined {
  const s = f.shape;
  if (s.type === "enum" || s.type === "intEnum") {
    const all: Array<string | number> = [];
    const shown: Array<string | number> = [];
    for (const m of s.members) {
      const v = m.traits["smithy.api#enumValue"];
      const value = typeof v === "string" || typeof v === "number" ? v : m.name;
      all.push(value);
      if (m.traits["smithy.api#internal"] === undefined) shown.push(value);
    }
    return { all, shown };
  }
  if (isEnumTraitString(s)) {
    const defs = s.traits["smithy.api#enum"] as Array<Record<string, unknown>>;
    const all = defs.map((d) => String(d.value));
    const shown = defs
      .filter((d) => !(Array.isArray(d.tags) && d.tags.includes("internal")))
      .map((d) => String(d.value));
    return { all, shown };
  }
  return undefined;
}

/** Groups of `anvil.traits#requiredTogether` on a structure (only names of real members kept). */
export function requiredTogetherOf(s: Shape): string[][] {
  const groups = s.traits[REQUIRED_TOGETHER];
  if (!Array.isArray(groups)) return [];
  const names = new Set(s.members.map((m) => m.name));
  return groups
    .filter((g): g is string[] => Array.isArray(g))
    .map((g) => g.filter((n): n is string => typeof n === "string" && names.has(n)))
    .filter((g) => g.length >= 2);
}

/** True when the string must be an ISO 8601 UTC timestamp (`anvil.traits#iso8601Utc`). */
export function isIso8601Utc(f: Facts): boolean {
  return f.traits[ISO8601_UTC] !== undefined;
}
