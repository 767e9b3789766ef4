/**
 * Structural mutations of JSON documents for fast-check: delete, replace, retype or rename any
 * node, point a `target` at another shape, change a shape's `type`; plus text-level damage
 * (truncation, stray characters). Shrinking works on the mutation list, so a failure comes back
 * as the few edits that cause it.
 */
import fc from "fast-check";
import { SHAPE_TYPES as MODEL_SHAPE_TYPES } from "../../generator/load/ast.js";

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One edit, addressed by the index of a node in document order (modulo the node count). */
export type Mutation =
  | { kind: "delete"; at: number }
  | { kind: "replace"; at: number; value: Json }
  | { kind: "renameKey"; at: number; key: string }
  | { kind: "retarget"; at: number; pick: number }
  | { kind: "shapeType"; at: number; type: string }
  | { kind: "duplicate"; at: number };

/** Values that are type confusions for some field of a Smithy JSON AST. */
const ODD_VALUES: Json[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  "",
  "x",
  "smithy.api#String",
  "smithy.api#Unit",
  "nope#Nope",
  "a.b#C$d",
  "#",
  "$",
  [],
  {},
  [null],
  { target: 1 },
  { target: "smithy.api#String" },
];

/** Keys that mean something to a JSON AST, the loader, or to JavaScript objects. */
const ODD_KEYS = [
  "__proto__",
  "constructor",
  "toString",
  "type",
  "target",
  "members",
  "member",
  "key",
  "value",
  "traits",
  "shapes",
  "smithy",
  "metadata",
  "input",
  "output",
  "errors",
  "operations",
  "resources",
  "mixins",
  "apply",
  "smithy.api#required",
  "smithy.api#pattern",
  "smithy.api#length",
  "smithy.api#range",
  "smithy.api#enumValue",
  "smithy.api#default",
  "x#Y",
  "",
];

const SHAPE_TYPES = [...MODEL_SHAPE_TYPES, "apply", "bogus"];

/** A mutation arbitrary. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("replace" as const),
    at: fc.nat(),
    value: fc.oneof(fc.constantFrom(...ODD_VALUES), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>),
  }),
  fc.record({
    kind: fc.constant("renameKey" as const),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom(...ODD_KEYS), fc.string({ maxLength: 12 })),
  }),
  fc.record({ kind: fc.constant("retarget" as const), at: fc.nat(), pick: fc.nat() }),
  fc.record({ kind: fc.constant("shapeType" as const), at: fc.nat(), type: fc.constantFrom(...SHAPE_TYPES) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
);

/** Text damage applied after the structural edits (or none). */
export type TextDamage =
  | { kind: "none" }
  | { kind: "truncate"; at: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "cut"; at: number; length: number };

export const textDamageArb: fc.Arbitrary<TextDamage> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: "none" as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("insert" as const),
      at: fc.nat(),
      text: fc.oneof(
        fc.constantFrom("{", "}", "[", "]", ",", ":", '"', "\\", "\u0000", "\uD800", "\n", "null", "1e999", "-"),
        fc.string({ maxLength: 4 }),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("cut" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  },
);

interface Slot {
  parent: Json[] | { [key: string]: Json } | undefined;
  key: string | number;
  value: Json;
}

/** Every node with the container holding it, in document order. */
function slots(root: Json): Slot[] {
  const out: Slot[] = [{ parent: undefined, key: "", value: root }];
  for (let i = 0; i < out.length; i++) {
    const v = out[i].value;
    if (Array.isArray(v)) v.forEach((child, k) => out.push({ parent: v, key: k, value: child }));
    else if (v !== null && typeof v === "object")
      for (const [k, child] of Object.entries(v)) out.push({ parent: v, key: k, value: child });
  }
  return out;
}

/** Sets an own property, even `__proto__` (plain assignment would set the prototype). */
function setOwn(obj: { [key: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies the edits to a deep copy of `doc`; returns the copy. */
export function applyMutations(doc: Json, mutations: Mutation[]): Json {
  let root = structuredClone(doc);
  for (const m of mutations) {
    const all = slots(root);
    const slot = all[m.at % all.length];
    const { parent, key } = slot;
    const set = (value: Json) => {
      if (parent === undefined) root = value;
      else if (Array.isArray(parent)) parent[key as number] = value;
      else setOwn(parent, key as string, value);
    };
    switch (m.kind) {
      case "delete":
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else if (parent) delete parent[key as string];
        break;
      case "replace":
        set(structuredClone(m.value));
        break;
      case "renameKey":
        if (parent && !Array.isArray(parent)) {
          delete parent[key as string];
          setOwn(parent, m.key, slot.value);
        }
        break;
      case "retarget": {
        const ids = all
          .filter(
            (s) =>
              s.parent !== undefined &&
              !Array.isArray(s.parent) &&
              s.key !== "" &&
              typeof s.key === "string" &&
              s.key.includes("#"),
          )
          .map((s) => s.key as string);
        const targets = all.filter((s) => s.key === "target");
        if (ids.length > 0 && targets.length > 0) {
          const t = targets[m.at % targets.length];
          setOwn(t.parent as { [key: string]: Json }, "target", ids[m.pick % ids.length]);
        }
        break;
      }
      case "shapeType": {
        const types = all.filter((s) => s.key === "type" && typeof s.value === "string");
        if (types.length > 0) {
          const t = types[m.at % types.length];
          setOwn(t.parent as { [key: string]: Json }, "type", m.type);
        }
        break;
      }
      case "duplicate":
        if (Array.isArray(parent)) parent.push(structuredClone(slot.value));
        else if (parent) setOwn(parent, `${key}_copy`, structuredClone(slot.value));
        break;
    }
  }
  return root;
}

/** Applies text damage. */
export function damageText(text: string, damage: TextDamage): string {
  if (damage.kind === "none" || text.length === 0) return text;
  const at = damage.at % (text.length + 1);
  if (damage.kind === "truncate") return text.slice(0, at);
  if (damage.kind === "insert") return text.slice(0, at) + damage.text + text.slice(at);
  return text.slice(0, at) + text.slice(at + damage.length);
}
