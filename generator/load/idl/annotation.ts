/**
 * Annotation trait values. `@foo` (or `@foo()`) in the IDL has no value of its own: Smithy gives
 * it `{}` when the trait is a structure or map (or is not defined), `[]` when it is a list, and
 * leaves other trait types without a valid value. The parser cannot know the trait's type (it may
 * be defined in another file), so it writes `{}` and marks the object; the assemble stage, which
 * knows every trait shape, turns marked values into `[]` for list traits (`coerceAnnotation`).
 */
import type { NodeValue } from "../ast.js";

const ANNOTATION: unique symbol = Symbol("smithy.idl.annotation");

type Marked = { [key: string]: NodeValue } & { [ANNOTATION]?: true };

/** A fresh `{}` marked as written without a value. */
export function annotationValue(): { [key: string]: NodeValue } {
  const value: Marked = {};
  Object.defineProperty(value, ANNOTATION, { value: true, enumerable: false });
  return value;
}

/** Whether a trait value was written as a bare annotation (`@foo`, `@foo()`). */
export function isAnnotationValue(value: NodeValue | undefined): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && (value as Marked)[ANNOTATION] === true;
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
