/**
 * Annotation trait values. `@foo` (or `@foo()`) in the IDL has no value of its own: Smithy gives
 * it `{}` when the trait is a structure or map (or is not defined), `[]` when it is a list, and
 * leaves other trait types without a valid value. The parser cannot know the trait's type (it may
 * be defined in another file), so it writes `{}` and marks the object; the assemble stage, which
 * knows every trait shape, turns marked values into `[]` for list traits (`coerceAnnotation`).
 */
import type { NodeValue } from "../ast.js";

/**
 * Annotation values are instances of this empty class: they read as `{}` everywhere (no own
 * properties, JSON prints `{}`), and `instanceof` tells them apart without a side table.
 */
class AnnotationValue {}

/** A fresh `{}` marked as written without a value. */
export function annotationValue(): { [key: string]: NodeValue } {
  return new AnnotationValue() as { [key: string]: NodeValue };
}

/** Whether a trait value was written as a bare annotation (`@foo`, `@foo()`). */
export function isAnnotationValue(value: NodeValue | undefined): boolean {
  return value instanceof AnnotationValue;
}

/**
 * The value an annotation takes for a trait of the given shape type: `[]` for list and set
 * traits, `null` for types an annotation cannot express (the trait check then reports it), `{}`
 * otherwise. Values not written as annotations are returned unchanged.
 */
export function coerceAnnotation(value: NodeValue, traitShapeType: string | undefined): NodeValue {
  if (!isAnnotationValue(value)) return value;
  if (traitShapeType === "list" || traitShapeType === "set") return [];
  if (traitShapeType === undefined || traitShapeType === "structure" || traitShapeType === "map") return value;
  return null;
}
