/**
 * One exhaustive visitor over the shape types that carry data. Types, serde and validation
 * planning each implement every method, so a new shape type (or a new protocol's planner) is a
 * compile error until every place handles it. Numeric types are grouped here once: the visitor
 * passes which one it is to those that care (range checks do, JSON does not).
 */
import type { Member, Shape } from "../assemble/model.js";

/** Shape types whose values are JavaScript numbers. */
export type NumberType = "byte" | "short" | "integer" | "long" | "float" | "double";

/** What every planner does with each kind of data shape. */
export interface ShapeVisitor<R> {
  blob(s: Shape): R;
  boolean(s: Shape): R;
  /** A plain string (a string with the 1.0 `@enum` trait goes to `enum`). */
  string(s: Shape): R;
  /** An `enum` shape, or a string with the 1.0 `@enum` trait. */
  enum(s: Shape): R;
  intEnum(s: Shape): R;
  number(s: Shape, type: NumberType): R;
  bigInteger(s: Shape): R;
  bigDecimal(s: Shape): R;
  timestamp(s: Shape): R;
  document(s: Shape): R;
  /** A list or (1.0) set, with its member. */
  list(s: Shape, member: Member): R;
  map(s: Shape, key: Member, value: Member): R;
  structure(s: Shape): R;
  union(s: Shape): R;
}

/** True for string shapes that use the 1.0 `@enum` trait (lowered like Smithy 2.0 enums). */
export function isEnumTraitString(s: Shape): boolean {
  return s.type === "string" && Array.isArray(s.traits["smithy.api#enum"]);
}

/** Calls the visitor's method for the shape's type. Services, resources and operations carry no data. */
export function visitShape<R>(s: Shape, v: ShapeVisitor<R>): R {
  switch (s.type) {
    case "blob":
      return v.blob(s);
    case "boolean":
      return v.boolean(s);
    case "string":
      return isEnumTraitString(s) ? v.enum(s) : v.string(s);
    case "enum":
      return v.enum(s);
    case "intEnum":
      return v.intEnum(s);
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "float":
    case "double":
      return v.number(s, s.type);
    case "bigInteger":
      return v.bigInteger(s);
    case "bigDecimal":
      return v.bigDecimal(s);
    case "timestamp":
      return v.timestamp(s);
    case "document":
      return v.document(s);
    case "list":
    case "set":
      return v.list(s, s.members[0]);
    case "map":
      return v.map(s, memberNamed(s, "key"), memberNamed(s, "value"));
    case "structure":
      return v.structure(s);
    case "union":
      return v.union(s);
    case "service":
    case "resource":
    case "operation":
      throw new Error(`internal: ${s.type} ${s.id} carries no data`);
    default:
      return unreachable(s.type);
  }
}

/** A map's `key` or `value` member. */
export function memberNamed(s: Shape, name: "key" | "value"): Member {
  const m = s.members.find((x) => x.name === name);
  if (!m) throw new Error(`internal: map ${s.id} has no ${name} member`);
  return m;
}

function unreachable(type: never): never {
  throw new Error(`internal: unknown shape type ${String(type)}`);
}
