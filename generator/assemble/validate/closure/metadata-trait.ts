/**
 * MetadataTrait: Smithy's MetadataTraitValidator. A metadata key is typed by one shape marked
 * `@metadata(key: ...)`: each shape of a key typed twice or more is an ERROR naming the others,
 * and the keys Smithy reserves for itself (`suppressions`, `validators`, `severityOverrides`)
 * cannot be typed at all. Prelude shapes count as the others (the prelude types `shapeClosures`)
 * but are not reported.
 */
import type { Shape } from "../../model.js";
import type { TraitValidationContext } from "../traits/context.js";

const METADATA = "smithy.api#metadata";
const RESERVED = new Set(["severityOverrides", "suppressions", "validators"]);

/** Reports reserved and twice-typed metadata keys on the shapes that type them. */
export function checkMetadataTraits(ctx: TraitValidationContext): void {
  const byKey = new Map<string, Shape[]>();
  for (const shape of ctx.shapes.values()) {
    const v = shape.traits[METADATA];
    if (v === null || typeof v !== "object" || Array.isArray(v) || typeof v.key !== "string") continue;
    byKey.set(v.key, [...(byKey.get(v.key) ?? []), shape]);
  }
  for (const [key, shapes] of byKey) {
    if (!RESERVED.has(key) && shapes.length < 2) continue;
    for (const shape of shapes) {
      if (shape.prelude) continue;
      const others = shapes
        .map((s) => s.id)
        .filter((id) => id !== shape.id)
        .sort();
      ctx.report(shape, METADATA, {
        eventId: "MetadataTrait",
        message: RESERVED.has(key)
          ? `The metadata key \`${key}\` has been reserved by Smithy and may not be defined elsewhere.`
          : `A type has already been defined for the metadata key \`${key}\`. Conflicts with: [${others.join(", ")}]`,
        hint: RESERVED.has(key)
          ? "Smithy reads this key itself; pick another key"
          : "Keep one shape for the key, or give the others keys of their own",
      });
    }
  }
}
