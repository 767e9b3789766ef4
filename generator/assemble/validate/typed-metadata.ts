/**
 * TypedMetadata: Smithy's TypedMetadataValidator. A shape marked `@metadata(key: "k")` is the
 * type of the model's `metadata k`, whose value is then checked against it like a trait value
 * (./node-value.ts; a zero breaking a `@range` is a WARNING, as in Smithy). The prelude declares
 * one such type itself, `ShapeClosures` for `metadata shapeClosures`. A key typed by two shapes is
 * not checked (the `@metadata` trait's own rules are about that). Strings marked `@idRef` must be
 * shape ids, as in trait values (./traits/id-refs.ts).
 */
import type { SourceLocation } from "../../errors.js";
import type { NodeValue } from "../../load/ast.js";
import type { Shape } from "../model.js";
import { validateNodeValue, type IdRefUse } from "./node-value.js";
import type { TraitValidationContext } from "./traits/context.js";
import { idRefProblem } from "./traits/id-refs.js";

const METADATA = "smithy.api#metadata";

/** Checks every typed metadata value; `locate` gives where a metadata key was written. */
export function checkTypedMetadata(
  ctx: TraitValidationContext,
  metadata: Record<string, NodeValue>,
  locate: (key: string) => SourceLocation | undefined,
): void {
  for (const [key, type] of metadataTypes(ctx.shapes)) {
    if (!Object.hasOwn(metadata, key)) continue;
    const idRefs: IdRefUse[] = [];
    const problems = validateNodeValue(metadata[key], type, ctx.shapes, { zeroRangeIsWarning: true, idRefs });
    // `@idRef` strings are checked as in trait values (the prelude's ShapeClosure ids and renames).
    for (const use of idRefs) {
      const message = idRefProblem(ctx, use);
      if (message !== undefined) problems.push({ path: use.path, message, severity: "ERROR" });
    }
    for (const p of problems) {
      const where = ["metadata", key, ...p.path].join(".");
      ctx.events.push({
        message: `${where}: ${p.message}`,
        eventId: `TypedMetadata.${key}${p.eventIdSuffix ? `.${p.eventIdSuffix}` : ""}`,
        severity: p.severity,
        location: locate(key),
        hint: `metadata ${key} must be a value of ${type.id} (${type.type}), the shape marked @metadata(key: "${key}")`,
      });
    }
  }
}

/** Metadata keys and the one shape that types each; keys typed twice are left out. */
function metadataTypes(shapes: Map<string, Shape>): Map<string, Shape> {
  const types = new Map<string, Shape>();
  const twice = new Set<string>();
  for (const shape of shapes.values()) {
    const trait = shape.traits[METADATA];
    if (trait === null || typeof trait !== "object" || Array.isArray(trait) || typeof trait.key !== "string") continue;
    if (types.has(trait.key)) twice.add(trait.key);
    else types.set(trait.key, shape);
  }
  for (const key of twice) types.delete(key);
  return types;
}
