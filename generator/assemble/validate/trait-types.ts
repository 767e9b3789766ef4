/**
 * Annotation traits and trait value kinds. `@foo` (no value) becomes `[]` for list traits, stays
 * `{}` for structure and map traits, and has no valid value for other trait types; then every
 * trait value must be the JSON kind its trait shape takes (a string for a string trait, an object
 * for a structure trait...). Only the outer kind is checked here.
 */
import type { Diagnostic, SourceLocation } from "../../errors.js";
import type { NodeValue, ShapeType, Traits } from "../../load/ast.js";
import { coerceAnnotation } from "../../load/idl/annotation.js";
import type { Shape } from "../model.js";
import { preludeShapeType } from "./prelude-types.js";

const NUMBER_TYPES = new Set<ShapeType>(["byte", "short", "integer", "long", "float", "double", "bigInteger", "bigDecimal", "intEnum"]);

/** The type of the shape defining a trait: the model's own definition, else anvil's prelude. */
function traitType(id: string, shapes: Map<string, Shape>): ShapeType | undefined {
  const def = shapes.get(id);
  if (def && !def.prelude) return def.type;
  return preludeShapeType(id) ?? def?.type;
}

/** Coerces annotation values in place and reports values of the wrong kind. */
export function checkTraitValueKinds(shapes: Map<string, Shape>, problems: Diagnostic[]): void {
  const visit = (traits: Traits, owner: string, location: SourceLocation | undefined) => {
    for (const id of Object.keys(traits)) {
      const type = traitType(id, shapes);
      const value = coerceAnnotation(traits[id], type);
      traits[id] = value;
      if (type === undefined) continue;
      const problem = kindProblem(value, type);
      if (problem) {
        problems.push({
          message: `Error validating trait \`${id}\`: Expected ${problem.expected} value for ${type} shape, \`${id}\`; found ${describe(value)}`,
          location,
          shapeId: owner,
          hint: value === null ? `@${id.slice(id.indexOf("#") + 1)} needs a value here: write @trait(value)` : `Give the trait a ${problem.expected} value`,
        });
      }
    }
  };
  for (const s of shapes.values()) {
    if (s.prelude) continue;
    visit(s.traits, s.id, s.location);
    for (const m of s.members) visit(m.traits, m.id, m.location);
  }
}

export function kindProblem(v: NodeValue, type: ShapeType): { expected: string } | undefined {
  switch (type) {
    case "document":
      return undefined;
    case "string":
    case "enum":
    case "blob":
      return typeof v === "string" ? undefined : { expected: "string" };
    case "boolean":
      return typeof v === "boolean" ? undefined : { expected: "boolean" };
    case "timestamp":
      return typeof v === "string" || typeof v === "number" ? undefined : { expected: "timestamp" };
    case "list":
    case "set":
      return Array.isArray(v) ? undefined : { expected: "array" };
    case "map":
    case "structure":
    case "union":
      return v !== null && typeof v === "object" && !Array.isArray(v) ? undefined : { expected: "object" };
    default:
      if (NUMBER_TYPES.has(type)) {
        // Floats may also be written as the strings NaN, Infinity and -Infinity.
        if (typeof v === "number") return undefined;
        if ((type === "float" || type === "double") && (v === "NaN" || v === "Infinity" || v === "-Infinity")) return undefined;
        return { expected: "number" };
      }
      return undefined;
  }
}

export function describe(v: NodeValue): string {
  if (v === null) return "null value";
  if (Array.isArray(v)) return "array value";
  if (typeof v === "object") return "object value";
  return `${typeof v} value, \`${JSON.stringify(v)}\``;
}
