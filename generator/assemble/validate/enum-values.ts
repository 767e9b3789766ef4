/**
 * Enum members without an `@enumValue` take their own name as value (Smithy 2.0). This runs
 * after mixins are flattened, because a member redeclared from a mixin keeps the mixin's value.
 */
import type { Shape } from "../model.js";

const ENUM_VALUE = "smithy.api#enumValue";

/** Gives every enum member without a value its name as value, in place. */
export function addImpliedEnumValues(shapes: Map<string, Shape>): void {
  for (const s of shapes.values()) {
    if (s.prelude || s.type !== "enum") continue;
    for (const m of s.members) if (m.traits[ENUM_VALUE] === undefined) m.traits[ENUM_VALUE] = m.name;
  }
}
