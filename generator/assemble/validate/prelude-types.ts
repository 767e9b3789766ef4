/**
 * Shape types of the prelude's trait definitions, read from anvil's IDL prelude. The assemble
 * stage may carry a lighter prelude of its own, so rules that need to know what kind of value a
 * `smithy.api` trait takes (a list, a structure, a string...) ask here.
 */
import type { ShapeType } from "../../load/ast.js";
import { preludeFiles } from "../prelude/index.js";

let types: Map<string, ShapeType> | undefined;

/** The shape type of a prelude shape (`smithy.api#tags` -> `list`), or undefined. */
export function preludeShapeType(id: string): ShapeType | undefined {
  if (!types) {
    types = new Map();
    for (const f of preludeFiles())
      for (const s of f.shapes) if (s.shape.type !== "apply") types.set(s.id, s.shape.type);
  }
  return types.get(id);
}
