/**
 * Smithy's ShapeIdConflictValidator: shape ids are unique ignoring case, members included, since
 * code generators name things after them. Top-level shapes that clash are already refused while
 * the model is assembled (assemble/index.ts), so what is left to find here is members of one shape
 * whose names differ only in case.
 */
import type { TraitValidationContext } from "../traits/context.js";
import { holderOf } from "./relationships.js";

/** Each id that equals another ignoring case, naming the others. */
export function checkShapeIdConflicts(ctx: TraitValidationContext): void {
  const byLowerCase = new Map<string, string[]>();
  for (const s of ctx.shapes.values()) {
    for (const id of [s.id, ...s.members.map((m) => m.id)]) {
      const key = id.toLowerCase();
      const same = byLowerCase.get(key);
      if (same) same.push(id);
      else byLowerCase.set(key, [id]);
    }
  }
  for (const ids of byLowerCase.values()) {
    if (ids.length < 2) continue;
    for (const id of ids) {
      // Ids equal ignoring case sort as Smithy's ShapeId.compareTo breaks the tie: case-sensitively.
      const others = ids.filter((o) => o !== id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      ctx.report(holderOf(ctx.shapes, id), undefined, {
        eventId: "ShapeIdConflict",
        message: `Shape ID \`${id}\` conflicts with other shape IDs in the model: [${others.map((o) => `\`${o}\``).join(", ")}]`,
      });
    }
  }
}
