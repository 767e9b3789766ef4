/**
 * An arbitrary of whole Smithy models (JSON AST), mostly valid: every shape type, constraint and
 * serialization trait, hostile names and documentation, recursion, and services of every
 * protocol. Some draws break a rule on purpose (a default of the wrong type, an error without
 * @error); those must be rejected with an AnvilError, the rest must generate.
 */
import fc from "fast-check";
import type { Json } from "./mutate.js";

const NS = "fuzz.model";

/** Shape names, a few of them hostile (keywords, globals, inherited names, case twins). */
const SHAPE_NAMES = [
  "Widget",
  "Gadget",
  "Thing",
  "Item",
  "Record",
  "Object",
  "Error",
  "Promise",
  "Date",
  "String",
  "Type",
  "class",
  "default",
  "__proto__",
  "constructor",
  "toString",
  "Value",
  "Values",
  "Data",
  "Input",
  "Output",
  "Client",
  "Operation",
  "ServiceException",
  "FuzzClient",
  "DocumentValue",
];
const MEMBER_NAMES = [
  "id",
  "name",
  "value",
  "items",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "then",
  "class",
  "default",
  "new",
  "type",
  "message",
  "Message",
  "code",
  "fault",
  "stack",
  "cause",
  "a1",
  "_x",
  "Name",
  "$metadata",
];
const INHERITED_NAMES = new Set(["__proto__", "constructor", "toString", "hasOwnProperty"]);
const DOCS = [
  "Plain docs.",
  "<p>HTML with <code>*/</code> and </script></p>",
  "`${x}` {{y}} }}",
  "Lone \uD800 surrogate",
  "@param x y",
  "Line\u2028break",
];
const PATTERNS = [
  "^[a-z]+$",
  "^\\d{3}$",
  "[",
  "\\p{Alnum}+",
  "(?i)abc",
  "^a*/b$",
  "^.*$",
  "\\w+",
  "^(a+)+$",
  "^[\\uD800\\uDC00-\\uDBFF\\uDFFF]+$",
];
const SIMPLE = [
  "blob",
  "boolean",
  "string",
  "byte",
  "short",
  "integer",
  "long",
  "float",
  "double",
  "bigInteger",
  "bigDecimal",
  "timestamp",
  "document",
] as const;
const PRELUDE = [
  "smithy.api#String",
  "smithy.api#Integer",
  "smithy.api#Boolean",
  "smithy.api#Timestamp",
  "smithy.api#Blob",
  "smithy.api#Document",
  "smithy.api#Long",
  "smithy.api#Double",
  "smithy.api#PrimitiveInteger",
  "smithy.api#BigDecimal",
];
const PROTOCOLS = ["aws.protocols#awsJson1_1", "aws.protocols#awsJson1_0", "aws.protocols#restJson1"];

type Kind = "structure" | "union" | "list" | "map" | "enum" | "intEnum" | (typeof SIMPLE)[number];
const KINDS: Kind[] = [
  "structure",
  "structure",
  "structure",
  "union",
  "list",
  "list",
  "map",
  "enum",
  "intEnum",
  ...SIMPLE,
];

/** A plan for one shape: its kind and the random picks it is built from. */
interface ShapePlan {
  kind: Kind;
  members: Array<{ name: number; target: number; traits: number[]; doc: number }>;
  traits: number[];
  doc: number;
}

const planArb: fc.Arbitrary<ShapePlan> = fc.record({
  kind: fc.constantFrom(...KINDS),
  members: fc.array(
    fc.record({
      name: fc.nat(),
      target: fc.nat(),
      traits: fc.array(fc.nat({ max: 20 }), { maxLength: 3 }),
      doc: fc.nat(),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  traits: fc.array(fc.nat({ max: 20 }), { maxLength: 3 }),
  doc: fc.nat(),
});

/** A whole model plan: shapes, operations, service settings. */
export interface ModelPlan {
  shapes: ShapePlan[];
  operations: Array<{ input: number | null; output: number | null; errors: number[] }>;
  protocol: number;
  sdkId: string;
}

export const modelPlanArb: fc.Arbitrary<ModelPlan> = fc.record({
  shapes: fc.array(planArb, { minLength: 1, maxLength: 10 }),
  operations: fc.array(
    fc.record({
      input: fc.option(fc.nat()),
      output: fc.option(fc.nat()),
      errors: fc.array(fc.nat(), { maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  protocol: fc.nat(),
  sdkId: fc.constantFrom("Fuzz", "Fuzz Service", "fuzz-svc", "X"),
});

const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length];

function setOwn(obj: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Member traits by number; a few are deliberately wrong for some targets. */
function memberTraits(picks: number[], doc: string): Record<string, Json> {
  const t: Record<string, Json> = { "smithy.api#documentation": doc };
  for (const p of picks) {
    if (p === 0 || p === 1) t["smithy.api#required"] = {};
    else if (p === 2) t["smithy.api#clientOptional"] = {};
    else if (p === 3) t["smithy.api#jsonName"] = "renamed_json";
    else if (p === 4) t["smithy.api#timestampFormat"] = "date-time";
    else if (p === 5) t["smithy.api#idempotencyToken"] = {};
    else if (p === 6) t["smithy.api#sensitive"] = {};
    else if (p === 7) t["smithy.api#deprecated"] = { message: "old */" };
    else if (p === 8) t["smithy.api#default"] = "";
    else if (p === 9) t["smithy.api#default"] = 0;
    else if (p === 10) t["smithy.api#length"] = { min: 1, max: 10 };
    else if (p === 11) t["smithy.api#range"] = { min: -5, max: 5 };
  }
  return t;
}

/** Shape traits by number. */
function shapeTraits(kind: Kind, picks: number[], doc: string): Record<string, Json> {
  const t: Record<string, Json> = { "smithy.api#documentation": doc };
  for (const p of picks) {
    if (kind === "string" && p < 6) t["smithy.api#pattern"] = pick(PATTERNS, p + picks.length);
    else if ((kind === "string" || kind === "blob" || kind === "list" || kind === "map") && p < 10)
      t["smithy.api#length"] = p % 2 ? { min: 1 } : { min: 0, max: 64 };
    else if (
      ["integer", "long", "short", "byte", "float", "double", "bigDecimal", "bigInteger"].includes(kind) &&
      p < 10
    )
      t["smithy.api#range"] = p % 2 ? { min: 0 } : { min: -1, max: 1.5 };
    else if ((kind === "list" || kind === "map") && p < 14) t["smithy.api#sparse"] = {};
    else if (kind === "list" && p < 16) t["smithy.api#uniqueItems"] = {};
    else if (kind === "timestamp" && p < 16)
      t["smithy.api#timestampFormat"] = pick(["date-time", "epoch-seconds", "http-date"], p);
    else if (kind === "structure" && p === 16) t["smithy.api#error"] = "client";
    else if (kind === "structure" && p === 17) t["smithy.api#error"] = "server";
    else if (p === 18) t["smithy.api#sensitive"] = {};
  }
  return t;
}

/** Builds the JSON AST a plan describes. */
export function buildModel(plan: ModelPlan): Json {
  const names: string[] = [];
  const used = new Set<string>();
  plan.shapes.forEach((s, i) => {
    // Names stay unique case-insensitively (a case clash is its own, separate test).
    let name = pick(SHAPE_NAMES, s.doc + i);
    while (used.has(name.toLowerCase())) name = `${name}${i}`;
    used.add(name.toLowerCase());
    names.push(name);
  });
  const idOf = (i: number) => `${NS}#${names[i % names.length]}`;
  const targetOf = (i: number) => (i % 4 === 3 ? pick(PRELUDE, i) : idOf(i));
  const shapes: Record<string, Json> = {};
  plan.shapes.forEach((s, i) => {
    const doc = pick(DOCS, s.doc);
    const shape: Record<string, Json> = { type: s.kind, traits: shapeTraits(s.kind, s.traits, doc) };
    if (s.kind === "structure" || s.kind === "union") {
      const members: Record<string, Json> = {};
      for (const m of s.members) {
        const name = pick(MEMBER_NAMES, m.name);
        if (Object.keys(members).some((k) => k.toLowerCase() === name.toLowerCase())) continue;
        // Inherited names on aggregate targets are pinned by test/hostile/names.test.ts.
        const target = INHERITED_NAMES.has(name) ? pick(PRELUDE, m.target) : targetOf(m.target);
        setOwn(members, name, {
          target,
          traits:
            s.kind === "union"
              ? { "smithy.api#documentation": pick(DOCS, m.doc) }
              : memberTraits(m.traits, pick(DOCS, m.doc)),
        });
      }
      shape.members = members;
    } else if (s.kind === "list") shape.member = { target: targetOf(s.members[0].target) };
    else if (s.kind === "map")
      ((shape.key = { target: "smithy.api#String" }), (shape.value = { target: targetOf(s.members[0].target) }));
    else if (s.kind === "enum" || s.kind === "intEnum") {
      const members: Record<string, Json> = {};
      s.members.forEach((m, k) => {
        const name = pick(["A", "B", "__proto__", "constructor", "VALUE_1", "toString", "then"], m.name + k);
        if (name in members && Object.prototype.hasOwnProperty.call(members, name)) return;
        setOwn(members, name, {
          target: "smithy.api#Unit",
          traits: {
            "smithy.api#enumValue":
              s.kind === "enum" ? pick(["a", "*/", "`${x}`", "B", "\u2028"], m.target + k) + k : k,
          },
        });
      });
      shape.members = members;
    }
    shapes[idOf(i)] = shape;
  });
  const structures = plan.shapes
    .map((s, i) => (s.kind === "structure" ? idOf(i) : undefined))
    .filter((x): x is string => x !== undefined);
  // Every service models at least one error, as AWS services do (a service without any is
  // covered by test/hostile/services.test.ts).
  shapes[`${NS}#FuzzFailure`] = {
    type: "structure",
    members: { message: { target: "smithy.api#String" } },
    traits: { "smithy.api#error": "client" },
  };
  const operations = plan.operations.map((op, k) => {
    const id = `${NS}#Op${k}`;
    const ref = (n: number | null) => (n === null || structures.length === 0 ? "smithy.api#Unit" : pick(structures, n));
    const errors = [`${NS}#FuzzFailure`, ...(structures.length === 0 ? [] : op.errors.map((e) => pick(structures, e)))];
    shapes[id] = {
      type: "operation",
      input: { target: ref(op.input) },
      output: { target: ref(op.output) },
      errors: [...new Set(errors)].map((target) => ({ target })),
    };
    return { target: id };
  });
  shapes[`${NS}#Fuzz`] = {
    type: "service",
    version: "2024-01-01",
    operations,
    traits: { [pick(PROTOCOLS, plan.protocol)]: {}, "aws.api#service": { sdkId: plan.sdkId } },
  };
  return { smithy: "2.0", shapes };
}
