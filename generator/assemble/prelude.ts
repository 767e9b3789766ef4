/**
 * The Smithy prelude (`smithy.api`) as assembled shapes: simple types, `Unit` and every prelude
 * trait definition, read from the IDL files in ./prelude/ (written in our own words).
 */
import { preludeFiles, publicPreludeIds } from "./prelude/index.js";
import type { Shape } from "./model.js";
import { toShape } from "./to-shape.js";

let cache: Shape[] | undefined;

/** The prelude's shapes, built once. Callers must not mutate them. */
export function preludeShapes(): Shape[] {
  cache ??= preludeFiles().flatMap((f) => f.shapes.map((def) => toShape(def, true)));
  return cache;
}

/** Ids other namespaces may refer to by a relative name (for the IDL loader's resolution). */
export function preludeIds(): string[] {
  return publicPreludeIds();
}
