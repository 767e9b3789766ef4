/**
 * Smithy's DeprecatedShape warnings (part of its TargetValidator): a relationship to a
 * `@deprecated` shape, worded by the kind of relationship, with the deprecation's message and
 * `since`. The event id names the deprecated shape so one shape's warnings can be suppressed.
 */
import type { TraitValidationContext } from "../traits/context.js";
import { memberRelationships, shapeRelationships } from "./relationships.js";

const DEPRECATED = "smithy.api#deprecated";

/** The relationships Smithy warns about, and how it words each. */
const LABELS: Readonly<Record<string, string>> = {
  member_target: "Member targets a deprecated shape",
  resource: "Binds a deprecated resource",
  operation: "Binds a deprecated operation",
  identifier: "Resource identifier targets a deprecated shape",
  property: "Resource property targets a deprecated shape",
  input: "Operation input targets a deprecated shape",
  output: "Operation output targets a deprecated shape",
  error: "Operation error targets a deprecated shape",
  mixin: "Applies a deprecated mixin",
};

/** Every relationship of a non-prelude shape or member to a deprecated shape. */
export function checkDeprecatedShapes(ctx: TraitValidationContext): void {
  for (const holder of ctx.holders()) {
    const rels = holder.member ? memberRelationships(holder.shape, holder.member) : shapeRelationships(holder.shape);
    for (const rel of rels) {
      const label = LABELS[rel.type];
      const deprecated = ctx.shapes.get(rel.target)?.traits[DEPRECATED];
      if (label === undefined || deprecated === undefined) continue;
      const details =
        deprecated !== null && typeof deprecated === "object" && !Array.isArray(deprecated) ? deprecated : {};
      let message = `${label}, ${rel.target}`;
      if (typeof details.message === "string") message += `. ${details.message}`;
      if (typeof details.since === "string") message += ` (since ${details.since})`;
      ctx.report(holder, undefined, { eventId: `DeprecatedShape.${rel.target}`, severity: "WARNING", message });
    }
  }
}
