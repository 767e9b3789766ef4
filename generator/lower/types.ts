/**
 * Smithy shapes to TypeScript type expressions, and the optionality policy.
 *
 * Optionality policy (documented in the README): a member is required in the generated type
 * exactly when the model marks it `@required` and not `@clientOptional`. For input the client
 * validates this before sending; for output the deserializer fills a zero value when a server
 * omits a required member (Smithy's client error correction), so the type never lies.
 */
import type { Model, Member, Shape } from "../assemble/model.js";
import { getShape } from "../assemble/model.js";

/** Shape ids of the prelude's `Unit`. */
export const UNIT = "smithy.api#Unit";

/** True when a member appears as required (non-optional) in the generated type. */
export function isRequiredMember(m: Member): boolean {
  return m.traits["smithy.api#required"] !== undefined && m.traits["smithy.api#clientOptional"] === undefined;
}

/** True for string shapes that use the 1.0 `@enum` trait (lowered like Smithy 2.0 enums). */
export function isEnumTraitString(s: Shape): boolean {
  return s.type === "string" && Array.isArray(s.traits["smithy.api#enum"]);
}

/** True when the shape gets a named declaration in types.ts (or errors.ts). */
export function isNamedShape(s: Shape): boolean {
  return s.type === "structure" || s.type === "union" || s.type === "enum" || s.type === "intEnum" || isEnumTraitString(s);
}

/** Wraps a type in parentheses when it must be an array element (`(A | B)[]`). */
function element(t: string): string {
  return /^[A-Za-z_$][\w$.]*$/.test(t) ? `${t}[]` : `Array<${t}>`;
}

/** The TS type expression for a shape reference. `names` maps named shapes to their TS names. */
export function typeOf(model: Model, id: string, names: Record<string, string>): string {
  if (id === UNIT) return "Record<string, never>";
  const s = getShape(model, id);
  if (isNamedShape(s)) return names[id];
  switch (s.type) {
    case "blob":
      return "Uint8Array";
    case "boolean":
      return "boolean";
    case "string":
      return "string";
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "float":
    case "double":
      return "number";
    case "bigInteger":
      return "bigint";
    case "bigDecimal":
      return "string";
    case "timestamp":
      return "Date";
    case "document":
      return "DocumentValue";
    case "list":
    case "set": {
      const inner = typeOf(model, s.members[0].target, names);
      return element(s.traits["smithy.api#sparse"] !== undefined ? `${inner} | null` : inner);
    }
    case "map": {
      const value = s.members.find((m) => m.name === "value") as Member;
      const inner = typeOf(model, value.target, names);
      return `Record<string, ${s.traits["smithy.api#sparse"] !== undefined ? `${inner} | null` : inner}>`;
    }
    default:
      throw new Error(`internal: no TS type for ${s.type} ${id}`);
  }
}
