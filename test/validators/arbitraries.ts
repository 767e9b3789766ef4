/**
 * fast-check arbitraries built from a shape's constraints (values that must validate clean), and
 * the single mutations of such a value that each break exactly one constraint at one known path.
 * This is the test oracle: it reads the constraints from the model and knows Smithy's rules on
 * its own; it never calls the generated code or the planner.
 */
import fc from "fast-check";
import type { Member, Model, Shape } from "../../generator/assemble/model.js";
import { getShape } from "../../generator/assemble/model.js";
import { isRequiredMember as requiredInType } from "../../generator/lower/type-expressions.js";
import {
  enumValuesOf,
  isIso8601Utc,
  isSparse,
  isUnique,
  lengthOf,
  memberFacts,
  patternOf,
  rangeOf,
  requiredTogetherOf,
  type Facts,
} from "../../generator/lower/validation/constraints.js";

/** Required at run time: @required, not @clientOptional, and not an @idempotencyToken (the client fills those). */
function isRequiredMember(m: Member): boolean {
  return requiredInType(m) && m.traits["smithy.api#idempotencyToken"] === undefined;
}

const INT_BITS: Record<string, [number, number]> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
  intEnum: [-2147483648, 2147483647],
};

/** An own data property (also for `__proto__`). */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A key equal for values Smithy calls equal (the oracle's own, for unique lists). */
export function canonical(v: unknown): string {
  if (v instanceof Date) return `t${v.getTime()}`;
  if (v instanceof Uint8Array) return `x${[...v].join(",")}`;
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (typeof v === "object" && v !== null) {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] != null)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(",")}}`;
  }
  return typeof v === "bigint"
    ? `i${v}`
    : typeof v === "number" && Number.isNaN(v)
      ? "NaN"
      : `${typeof v}:${String(v === 0 ? 0 : v)}`;
}

const codePoints = (s: string) => [...s].length;

/** A JavaScript RegExp for a model pattern (the fixtures' patterns mean the same in both engines). */
function regex(pattern: string): RegExp {
  return new RegExp(pattern);
}

function isoTimestamp(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }),
      fc.integer({ min: 0, max: 3 }),
    )
    .map(([d, form]) => {
      const iso = d.toISOString();
      if (form === 0) return iso;
      if (form === 1) return `${iso.slice(0, 19)}Z`;
      if (form === 2) return `${iso.slice(0, 19)}+00:00`;
      return `${iso.slice(0, 23)}+00:00`;
    });
}

/** Values that satisfy every constraint in `f`. `depth` bounds recursive shapes. */
export function validArbitrary(model: Model, f: Facts, depth = 0): fc.Arbitrary<unknown> {
  const s = f.shape;
  const length = lengthOf(f);
  const range = rangeOf(f);
  const values = enumValuesOf(f);
  if (values) return fc.constantFrom(...values.all);
  switch (s.type) {
    case "string": {
      const min = length?.min ?? 0;
      const max = length?.max ?? min + 12;
      const pattern = patternOf(f);
      let base: fc.Arbitrary<string>;
      if (isIso8601Utc(f)) base = isoTimestamp();
      else if (pattern !== undefined) base = fc.stringMatching(regex(pattern));
      else base = fc.string({ unit: "binary", minLength: min, maxLength: Math.min(max, min + 40) });
      return base.filter((x) => codePoints(x) >= min && codePoints(x) <= max);
    }
    case "byte":
    case "short":
    case "integer": {
      const [lo, hi] = INT_BITS[s.type];
      return fc.integer({
        min: Math.max(lo, Math.ceil(range?.min ?? lo)),
        max: Math.min(hi, Math.floor(range?.max ?? hi)),
      });
    }
    case "long":
      return fc
        .maxSafeInteger()
        .filter((n) => (range?.min === undefined || n >= range.min) && (range?.max === undefined || n <= range.max));
    case "float":
      return range
        ? fc
            .float({ min: Math.fround(range.min ?? -3e38), max: Math.fround(range.max ?? 3e38), noNaN: true })
            .filter((n) => (range.min === undefined || n >= range.min) && (range.max === undefined || n <= range.max))
        : fc.float();
    case "double":
      return range ? fc.double({ min: range.min, max: range.max, noNaN: true }) : fc.double();
    case "bigInteger":
      return fc.bigInt({
        min: range?.min !== undefined ? BigInt(Math.ceil(range.min)) : -(2n ** 80n),
        max: range?.max !== undefined ? BigInt(Math.floor(range.max)) : 2n ** 80n,
      });
    case "bigDecimal":
      return fc
        .integer({ min: Math.ceil((range?.min ?? -1e6) * 100), max: Math.floor((range?.max ?? 1e6) * 100) })
        .map((n) => (n / 100).toString());
    case "boolean":
      return fc.boolean();
    case "timestamp":
      return fc.date({ noInvalidDate: true });
    case "blob":
      return fc.uint8Array({ minLength: length?.min ?? 0, maxLength: length?.max ?? (length?.min ?? 0) + 8 });
    case "document":
      return fc.jsonValue();
    case "list":
    case "set": {
      if (depth > 2 && (length?.min ?? 0) === 0) return fc.constant([]);
      const item = validArbitrary(model, memberFacts(model, s.members[0], f.sensitive), depth + 1);
      const items = isSparse(f) ? fc.option(item, { nil: null }) : item;
      const min = length?.min ?? 0;
      const max = depth > 2 ? min : Math.min(length?.max ?? min + 4, min + 4);
      return isUnique(f)
        ? fc.uniqueArray(items, { minLength: min, maxLength: max, selector: canonical })
        : fc.array(items, { minLength: min, maxLength: max });
    }
    case "map": {
      if (depth > 2 && (length?.min ?? 0) === 0) return fc.constant({});
      const key = validArbitrary(
        model,
        memberFacts(model, member(s, "key"), f.sensitive),
        depth + 1,
      ) as fc.Arbitrary<string>;
      const valueArb = validArbitrary(model, memberFacts(model, member(s, "value"), f.sensitive), depth + 1);
      const min = length?.min ?? 0;
      const max = depth > 2 ? min : Math.min(length?.max ?? min + 3, min + 3);
      return fc
        .uniqueArray(fc.tuple(key, isSparse(f) ? fc.option(valueArb, { nil: null }) : valueArb), {
          minLength: min,
          maxLength: max,
          selector: (e) => e[0],
        })
        .map((entries) => {
          const o: Record<string, unknown> = {};
          for (const [k, v] of entries) define(o, k, v);
          return o;
        });
    }
    case "union":
      return fc.oneof(
        ...s.members.map((m) =>
          validArbitrary(model, memberFacts(model, m, f.sensitive), depth + 1).map((v) => {
            const o: Record<string, unknown> = {};
            define(o, m.name, v);
            return o;
          }),
        ),
      );
    case "structure": {
      const groups = requiredTogetherOf(s);
      const parts = s.members.map((m) => {
        // Deep down, optional members are left out, so recursive shapes stay finite.
        if (!isRequiredMember(m) && depth > 2) return fc.constant(undefined);
        const arb = validArbitrary(model, memberFacts(model, m, f.sensitive), depth + 1);
        return isRequiredMember(m) ? arb : fc.option(arb, { nil: undefined });
      });
      return fc.tuple(...parts).map((vals) => {
        const o: Record<string, unknown> = {};
        s.members.forEach((m, i) => vals[i] !== undefined && define(o, m.name, vals[i]));
        for (const g of groups) if (!g.every((n) => Object.hasOwn(o, n))) for (const n of g) delete o[n];
        return o;
      });
    }
    default:
      throw new Error(`no arbitrary for ${s.type}`);
  }
}

function member(s: Shape, name: string): Member {
  return s.members.find((m) => m.name === name) as Member;
}

/** One change to a valid value, breaking exactly one constraint. */
export interface Mutation {
  /** Where the issue must be reported (JSON Pointer). */
  path: string;
  constraint: string;
  /** Applies the change to a deep copy of the root value and returns it. */
  apply(root: unknown): unknown;
  describe: string;
}

const DELETE = Symbol("delete");
type Step = string | number;

/** Returns a copy of `root` with the value at `steps` replaced (or deleted, or its key renamed). */
function edit(root: unknown, steps: Step[], change: { value?: unknown; renameTo?: string }): unknown {
  const copy = structuredClone(root);
  if (steps.length === 0) return change.value;
  let parent = copy as Record<string | number, unknown>;
  for (const s of steps.slice(0, -1)) parent = parent[s] as Record<string | number, unknown>;
  const last = steps[steps.length - 1];
  if (change.renameTo !== undefined) {
    const v = parent[last];
    delete parent[last];
    define(parent as Record<string, unknown>, change.renameTo, v);
  } else if (change.value === DELETE) delete parent[last];
  else if (Array.isArray(parent)) parent[last as number] = change.value;
  else define(parent as Record<string, unknown>, String(last), change.value);
  return copy;
}

const escape = (k: string) => k.replace(/~/g, "~0").replace(/\//g, "~1");

/** A value of the wrong JavaScript type for the shape. */
function wrongType(s: Shape): unknown {
  switch (s.type) {
    case "string":
    case "enum":
    case "bigDecimal":
      return 12345;
    case "blob":
      return "AAAA";
    case "timestamp":
      return "2020-01-01T00:00:00Z";
    case "boolean":
    case "byte":
    case "short":
    case "integer":
    case "intEnum":
    case "long":
    case "float":
    case "double":
      return "1";
    case "bigInteger":
      return 1;
    case "list":
    case "set":
      return {};
    case "document":
      return new Map();
    default:
      return [];
  }
}

/** Every single-constraint mutation of `value` (valid for `f`), anywhere inside it. */
export function mutations(model: Model, f: Facts, value: unknown, steps: Step[] = [], path = "", seed = 1): Mutation[] {
  const out: Mutation[] = [];
  const s = f.shape;
  const add = (
    constraint: string,
    describe: string,
    change: { value?: unknown; renameTo?: string },
    at = path,
    where = steps,
  ) => out.push({ path: at, constraint, describe, apply: (root) => edit(root, where, change) });
  if (value === null || value === undefined) return out;
  add("type", `${path || "root"}: wrong type`, { value: wrongType(s) });
  const length = lengthOf(f);
  const range = rangeOf(f);
  const values = enumValuesOf(f);
  if (values) {
    add("enum", `${path}: unknown enum value`, { value: s.type === "intEnum" ? 987654 : "not-a-known-value!" });
  } else if (s.type === "string") {
    stringMutations(f, length, (constraint, describe, v) => add(constraint, `${path}: ${describe}`, { value: v }));
  } else if (range && ["byte", "short", "integer", "long", "float", "double"].includes(s.type)) {
    const [lo, hi] = INT_BITS[s.type] ?? [-Infinity, Infinity];
    if (range.min !== undefined && range.min - 1 >= lo) add("range", `${path}: below min`, { value: range.min - 1 });
    if (range.max !== undefined && range.max + 1 <= hi) add("range", `${path}: past max`, { value: range.max + 1 });
  } else if (range && s.type === "bigInteger") {
    if (range.max !== undefined) add("range", `${path}: past max`, { value: BigInt(Math.floor(range.max)) + 1n });
  } else if (s.type === "blob" && length) {
    if (length.max !== undefined) add("length", `${path}: too many bytes`, { value: new Uint8Array(length.max + 1) });
    if ((length.min ?? 0) > 0) add("length", `${path}: too few bytes`, { value: new Uint8Array(0) });
  }
  if (s.type === "structure") {
    const o = value as Record<string, unknown>;
    const groups = requiredTogetherOf(s);
    for (const m of s.members) {
      const mf = memberFacts(model, m, f.sensitive);
      if (Object.hasOwn(o, m.name) && o[m.name] != null)
        out.push(...mutations(model, mf, o[m.name], [...steps, m.name], `${path}/${m.name}`, seed));
      if (isRequiredMember(m))
        add("required", `${path}/${m.name}: deleted`, { value: DELETE }, `${path}/${m.name}`, [...steps, m.name]);
      else if (Object.hasOwn(o, m.name) && groups.some((g) => g.includes(m.name))) {
        add("requiredTogether", `${path}/${m.name}: deleted from its group`, { value: DELETE }, `${path}/${m.name}`, [
          ...steps,
          m.name,
        ]);
      }
    }
  } else if (s.type === "union") {
    const o = value as Record<string, unknown>;
    const set = s.members.find((m) => Object.hasOwn(o, m.name)) as Member;
    out.push(
      ...mutations(
        model,
        memberFacts(model, set, f.sensitive),
        o[set.name],
        [...steps, set.name],
        `${path}/${set.name}`,
        seed,
      ),
    );
    add("union", `${path}: no member`, { value: {} });
    const other = s.members.find((m) => m !== set);
    if (other) {
      const extra = fc.sample(validArbitrary(model, memberFacts(model, other, f.sensitive), 3), {
        numRuns: 1,
        seed,
      })[0];
      add("union", `${path}: a second member`, { value: { ...o, [other.name]: extra } });
    }
  } else if (s.type === "list" || s.type === "set") {
    const list = value as unknown[];
    const itemFacts = memberFacts(model, s.members[0], f.sensitive);
    list.forEach((item, i) => out.push(...mutations(model, itemFacts, item, [...steps, i], `${path}/${i}`, seed)));
    if (!isSparse(f) && list.length > 0)
      add("type", `${path}/0: null in a dense list`, { value: null }, `${path}/0`, [...steps, 0]);
    if ((length?.min ?? 0) > 0) add("length", `${path}: no item`, { value: [] });
    if (isUnique(f) && list.length >= 2)
      add("uniqueItems", `${path}: a duplicate`, { value: [list[0], list[0], ...list.slice(2)] });
    if (isUnique(f) && list.length === 1 && (length?.max ?? Infinity) >= 2)
      add("uniqueItems", `${path}: a duplicate`, { value: [list[0], list[0]] });
    if (!isUnique(f) && length?.max !== undefined && list.length > 0)
      add("length", `${path}: too many items`, { value: Array.from({ length: length.max + 1 }, () => list[0]) });
  } else if (s.type === "map") {
    const o = value as Record<string, unknown>;
    const keyFacts = memberFacts(model, member(s, "key"), f.sensitive);
    const valueFacts = memberFacts(model, member(s, "value"), f.sensitive);
    const hidden = f.sensitive || keyFacts.sensitive;
    const keys = Object.keys(o);
    for (const k of keys)
      out.push(...mutations(model, valueFacts, o[k], [...steps, k], `${path}/${hidden ? "*" : escape(k)}`, seed));
    if (keys.length > 0) {
      const k = keys[0];
      if (!isSparse(f))
        add("type", `${path}/${k}: null in a dense map`, { value: null }, `${path}/${hidden ? "*" : escape(k)}`, [
          ...steps,
          k,
        ]);
      const keyValues = enumValuesOf(keyFacts);
      if (keyValues) add("enum", `${path}: unknown key`, { renameTo: "not-a-known-key!" }, path, [...steps, k]);
      else {
        stringMutations(keyFacts, lengthOf(keyFacts), (constraint, describe, v) => {
          if (typeof v === "string" && !Object.hasOwn(o, v))
            add(constraint, `${path}: key ${describe}`, { renameTo: v }, path, [...steps, k]);
        });
      }
    }
    if ((length?.min ?? 0) > 0) add("length", `${path}: no entry`, { value: {} });
  }
  return out;
}

/** String mutations: too short, too long, not matching the pattern, not ISO 8601. */
function stringMutations(
  f: Facts,
  length: { min?: number; max?: number } | undefined,
  add: (constraint: string, describe: string, v: unknown) => void,
): void {
  const min = length?.min ?? 0;
  const max = length?.max;
  if (min > 0) add("length", "too short", "😀".repeat(min - 1));
  if (max !== undefined) add("length", "too long", "😀".repeat(max + 1));
  const pattern = patternOf(f);
  const size = Math.max(min, 1);
  const fits = max === undefined || size <= max;
  for (const candidate of ["!", "Z", " "]) {
    const bad = candidate.repeat(size);
    if (fits && pattern !== undefined && !isIso8601Utc(f) && !regex(pattern).test(bad)) {
      add("pattern", `not matching ${pattern}`, bad);
      break;
    }
  }
  if (isIso8601Utc(f) && fits && (pattern === undefined || regex(pattern).test("!".repeat(size)))) {
    add("iso8601Utc", "not ISO 8601", "!".repeat(size));
  }
}

/** The facts of a shape validated on its own. */
export function rootFacts(s: Shape): Facts {
  return { shape: s, traits: s.traits, sensitive: s.traits["smithy.api#sensitive"] !== undefined };
}

export { getShape };
