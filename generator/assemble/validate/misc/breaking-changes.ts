/**
 * Smithy's TraitBreakingChanges validator: each `path` of a trait definition's `breakingChanges`
 * must walk the trait's shape member by member (a JSON pointer over member names; `member`,
 * `key` and `value` for lists and maps).
 */
import type { Shape } from "../../model.js";
import type { TraitValidationContext } from "../traits/context.js";

const TRAIT = "smithy.api#trait";

/** A JSON pointer's segments, with `~1` and `~0` unescaped; undefined for the empty pointer. */
function pointerParts(path: string): string[] | undefined {
  if (path === "") return undefined;
  return path
    .replace(/^\//, "")
    .split("/")
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Smithy's name for a shape's type (a Smithy 1.0 set is a list in 2.0's model). */
function typeName(shape: Shape): string {
  return shape.type === "set" ? "list" : shape.type;
}

/** Every breakingChanges path of every trait definition that names a missing member. */
export function checkTraitBreakingChanges(ctx: TraitValidationContext): void {
  for (const shape of ctx.shapes.values()) {
    const def = shape.traits[TRAIT];
    if (
      shape.prelude ||
      def === null ||
      typeof def !== "object" ||
      Array.isArray(def) ||
      !Array.isArray(def.breakingChanges)
    )
      continue;
    def.breakingChanges.forEach((rule, index) => {
      if (rule === null || typeof rule !== "object" || Array.isArray(rule) || typeof rule.path !== "string") return;
      const parts = pointerParts(rule.path);
      if (parts === undefined) return;
      let current: Shape | undefined = shape;
      for (const part of parts) {
        const previous: Shape = current;
        const member = previous.members.find((m) => m.name === part);
        current = member === undefined ? undefined : ctx.shapes.get(member.target);
        if (current !== undefined) continue;
        ctx.report({ id: shape.id, location: shape.location, locateTrait: shape.locateTrait }, TRAIT, {
          eventId: "TraitBreakingChanges",
          message: `Invalid trait breakingChanges element ${index}, '${rule.path}', at segment '${part}': Evaluated shape \`${previous.id}\`, a ${typeName(previous)}, has no member named \`${part}\``,
        });
        break;
      }
    });
  }
}
