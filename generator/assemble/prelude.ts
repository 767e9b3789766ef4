/**
 * The Smithy prelude (`smithy.api`) as assembled shapes: simple types, `Unit` and every prelude
 * trait definition, read from the IDL files in ./prelude/ (written in our own words).
 */
import { addOnIds } from "./addons/index.js";
import { preludeFiles, preludeShapeIds, publicPreludeIds } from "./prelude/index.js";
import type { Shape } from "./model.js";
import { toShape } from "./to-shape.js";

let cache: Shape[] | undefined;

/** The prelude's shapes, built once. Callers must not mutate them. */
export function preludeShapes(): Shape[] {
  cache ??= preludeFiles().flatMap((f) => f.shapes.map((def) => toShape(def, true)));
  return cache;
}

let known: string[] | undefined;

/**
 * Ids a model may use without defining them, for the loader: the prelude's public shapes (which
 * relative names resolve to) and the add-on libraries' shapes (absolute or through `use`).
 */
export function preludeIds(): string[] {
  known ??= [...publicPreludeIds(), ...addOnIds(preludeShapeIds())];
  return known;
}
