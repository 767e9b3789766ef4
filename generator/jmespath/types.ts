/**
 * Static types of JMESPath values, read off the model: the compiler checks each expression
 * against them (a member the output lacks is an error) and works out what it returns (so a
 * waiter can check its comparator). The mapping is the waiters spec's "JMESPath data model".
 */
import { getShape, type Model } from "../assemble/model.js";

/** What the compiler knows about a value. `any` is a document, or a value it cannot pin down. */
export type JType =
  | { kind: "any" }
  | { kind: "null" }
  | { kind: "string" }
  | { kind: "number" }
  | { kind: "boolean" }
  | { kind: "array"; items: JType }
  | { kind: "map"; values: JType }
  /** A structure or union: known members. `fields` is lazy so recursive shapes stay finite. */
  | { kind: "object"; name: string; fields: () => ReadonlyMap<string, JType> };

export const ANY: JType = { kind: "any" };
export const NULL: JType = { kind: "null" };
export const STRING: JType = { kind: "string" };
export const NUMBER: JType = { kind: "number" };
export const BOOLEAN: JType = { kind: "boolean" };

/** An array of `items`. */
export function arrayOf(items: JType): JType {
  return { kind: "array", items };
}

/** The JMESPath type of a shape (waiters spec, "JMESPath data model"). */
export function typeOfShape(model: Model, shapeId: string): JType {
  const shape = getShape(model, shapeId);
  switch (shape.type) {
    case "blob":
    case "string":
    case "enum":
      return STRING;
    case "boolean":
      return BOOLEAN;
    case "byte":
    case "short":
    case "integer":
    case "intEnum":
    case "long":
    case "float":
    case "double":
    case "bigDecimal":
    case "bigInteger":
    case "timestamp":
      return NUMBER;
    case "list":
    case "set": {
      const member = shape.members[0];
      return arrayOf(member === undefined ? ANY : typeOfShape(model, member.target));
    }
    case "map": {
      const value = shape.members.find((m) => m.name === "value");
      return { kind: "map", values: value === undefined ? ANY : typeOfShape(model, value.target) };
    }
    case "structure":
    case "union": {
      let fields: Map<string, JType> | undefined;
      return {
        kind: "object",
        name: shapeId,
        fields: () => (fields ??= new Map(shape.members.map((m) => [m.name, typeOfShape(model, m.target)]))),
      };
    }
    default:
      return ANY; // document, and shape kinds that never hold data
  }
}

/** An object type with the given fields (the `{input, output}` value of an inputOutput matcher). */
export function objectType(name: string, fields: ReadonlyMap<string, JType>): JType {
  return { kind: "object", name, fields: () => fields };
}

/** The type's name as Smithy's waiter validator words it (`string`, `array`, `object`...). */
export function typeName(type: JType): string {
  return type.kind === "map" ? "object" : type.kind;
}

/** Whether a value of type `type` can be an array at run time. */
export function mayBeArray(type: JType): boolean {
  return type.kind === "any" || type.kind === "array";
}

/** Whether a value of type `type` can be an object at run time. */
export function mayBeObject(type: JType): boolean {
  return type.kind === "any" || type.kind === "object" || type.kind === "map";
}

/** The type both `a` and `b` fit: the one kind when they agree, else `any`. */
export function join(a: JType, b: JType): JType {
  if (a.kind === b.kind && a.kind !== "array" && a.kind !== "object" && a.kind !== "map") return a;
  if (a.kind === "array" && b.kind === "array") return arrayOf(join(a.items, b.items));
  if (a === b) return a;
  return ANY;
}
