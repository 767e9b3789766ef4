/**
 * Annotation traits and value kinds. `@foo` (no value) becomes `[]` for list traits, stays `{}`
 * for structure and map traits, and has no valid value for other trait types (the TraitValue
 * validator reports it). `kindProblem` tells which JSON kind a shape type's values take.
 */
import type { NodeValue, ShapeType, Traits } from "../../load/ast.js";
import { coerceAnnotation } from "../../load/idl/annotation.js";
import type { Shape } from "../model.js";
import { preludeShapeType } from "./prelude-types.js";

const NUMBER_TYPES = new Set<ShapeType>([
  "byte",
  "short",
  "integer",
  "long",
  "float",
  "double",
  "bigInteger",
  "bigDecimal",
  "intEnum",
]);

/** The type of the shape defining a trait: the model's own definition, else anvil's prelude. */
function traitType(id: string, shapes: Map<string, Shape>): ShapeType | undefined {
  const def = shapes.get(id);
  if (def && !def.prelude) return def.type;
  return preludeShapeType(id) ?? def?.type;
}

/**
 * Coerces annotation values in place (`@tags` becomes `[]`). Whether each value fits its trait
 * shape is checked afterwards by the TraitValue validator (./traits/trait-values.ts).
 */
export function coerceAnnotationTraits(shapes: Map<string, Shape>): void {
  const visit = (traits: Traits) => {
    for (const id of Object.keys(traits)) traits[id] = coerceAnnotation(traits[id], traitType(id, shapes));
  };
  for (const s of shapes.values()) {
    if (s.prelude) continue;
    visit(s.traits);
    for (const m of s.members) visit(m.traits);
  }
}

/** The JSON kind a value of `type` must have, when `v` does not have it. */
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
        if ((type === "float" || type === "double") && (v === "NaN" || v === "Infinity" || v === "-Infinity"))
          return undefined;
        return { expected: "number" };
      }
      return undefined;
  }
}

/** How Smithy describes a node value in messages (`string value, `"x"``). */
export function describe(v: NodeValue): string {
  if (v === null) return "null value";
  if (Array.isArray(v)) return "array value";
  if (typeof v === "object") return "object value";
  return `${typeof v} value, \`${JSON.stringify(v)}\``;
}
