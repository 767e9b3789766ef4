/**
 * The declarations of types.ts: an interface per structure, an open enum (type plus const
 * object of known values) per enum, and a discriminated union per Smithy union.
 */
import type { Model, Shape } from "../assemble/model.js";
import { docLines, escapeCommentText } from "./docs.js";
import type { EnumIR, InterfaceIR, TypeDeclIR, UnionIR } from "./ir.js";
import { memberDoc, shapeDoc } from "./member-docs.js";
import { NameScope, literalKey, propertyKey } from "./naming.js";
import { isEnumTraitString } from "./shapes.js";
import { isRequiredMember, memberTypeOf, typeOf, type ShapeSymbols } from "./type-expressions.js";
import { str } from "./node-values.js";

/**
 * The declaration of one named shape (not an error: those are classes in errors.ts). `outputs`:
 * the operation output structures, whose `@streaming` blobs are read-once streams.
 */
export function lowerDeclaration(
  model: Model,
  s: Shape,
  symbols: ShapeSymbols,
  outputs: ReadonlySet<string>,
): TypeDeclIR {
  const name = symbols[s.id].name;
  if (s.type === "enum" || s.type === "intEnum" || isEnumTraitString(s))
    return { interface: undefined, enum: lowerEnum(s, name), union: undefined };
  if (s.type === "union") return { interface: undefined, enum: undefined, union: lowerUnion(model, s, name, symbols) };
  return { interface: lowerInterface(model, s, name, symbols, outputs.has(s.id)), enum: undefined, union: undefined };
}

function lowerInterface(model: Model, s: Shape, name: string, symbols: ShapeSymbols, isOutput: boolean): InterfaceIR {
  return {
    kind: "interface",
    name,
    doc: shapeDoc(s, "The structure"),
    properties: s.members.map((m) => ({
      key: propertyKey(m.name),
      optional: !isRequiredMember(m),
      type: memberTypeOf(model, m, symbols, isOutput),
      doc: memberDoc(model, m),
    })),
    empty: s.members.length === 0,
  };
}

function lowerUnion(model: Model, s: Shape, name: string, symbols: ShapeSymbols): UnionIR {
  const keys = s.members.map((m) => propertyKey(m.name));
  return {
    kind: "union",
    name,
    doc: shapeDoc(s, "The union"),
    variants: s.members.map((m, i) => ({
      key: keys[i],
      type: typeOf(model, m.target, symbols),
      doc: memberDoc(model, m),
      others: keys.filter((_k, j) => j !== i),
    })),
    keys,
  };
}

function lowerEnum(s: Shape, name: string): EnumIR {
  const isInt = s.type === "intEnum";
  let values: EnumIR["values"];
  if (isEnumTraitString(s)) {
    const defs = s.traits["smithy.api#enum"] as Array<Record<string, unknown>>;
    const keys = new NameScope();
    values = defs.map((d) => {
      const value = String(d.value);
      const wanted = str(d.name) ?? (value.replace(/[^A-Za-z0-9_]/g, "_").replace(/^([0-9])/, "_$1") || "_");
      return {
        key: literalKey(keys.claim(wanted, "_")),
        literal: JSON.stringify(value),
        doc: docLines(str(d.documentation)),
      };
    });
  } else {
    values = s.members.map((m) => {
      const v = m.traits["smithy.api#enumValue"];
      const literal = isInt
        ? String(typeof v === "number" ? v : 0)
        : JSON.stringify(typeof v === "string" ? v : m.name);
      const own = docLines(str(m.traits["smithy.api#documentation"]));
      // The values object is a literal: a `__proto__` key there would set its prototype instead.
      return {
        key: literalKey(m.name),
        literal,
        doc: own.length > 0 ? own : [`The value ${escapeCommentText(literal)}.`],
      };
    });
  }
  const open = isInt ? "(number & {})" : "(string & {})";
  const literals = [...new Set(values.map((v) => v.literal))];
  return {
    kind: "enum",
    name,
    doc: shapeDoc(s, isInt ? "The intEnum" : "The enum"),
    typeExpression: [...literals, open].join(" | "),
    values,
  };
}
