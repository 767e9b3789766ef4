/**
 * Smithy's HttpQueryTrait validator: no two members of a structure bound to the same query
 * parameter, and none bound to a parameter the operation's uri already sets as a literal.
 */
import type { Shape } from "../../model.js";
import type { TraitValidationContext } from "../traits/context.js";
import { tickedList } from "./bindings.js";
import { httpOperations } from "./http-trait.js";

const QUERY = "smithy.api#httpQuery";

/** Query parameter conflicts, reported on the structure. */
export function checkHttpQuery(ctx: TraitValidationContext): void {
  const byStructure = new Map<Shape, Map<string, string[]>>();
  for (const s of ctx.shapes.values()) {
    if (s.prelude || s.type !== "structure") continue;
    for (const m of s.members) {
      const name = m.traits[QUERY];
      if (typeof name !== "string") continue;
      let params = byStructure.get(s);
      if (!params) byStructure.set(s, (params = new Map()));
      params.set(name, [...(params.get(name) ?? []), m.name]);
    }
  }
  if (byStructure.size === 0) return;
  const operationsByInput = new Map<string, ReturnType<typeof httpOperations>>();
  for (const h of httpOperations(ctx.shapes)) {
    if (h.operation.input === undefined) continue;
    operationsByInput.set(h.operation.input, [...(operationsByInput.get(h.operation.input) ?? []), h]);
  }
  for (const [structure, params] of byStructure) {
    for (const [param, members] of params) {
      if (members.length > 1) {
        ctx.report(structure, undefined, {
          eventId: "HttpQueryTrait",
          message: `\`httpQuery\` parameter name binding conflicts found for the \`${param}\` parameter in the following structure members: ${tickedList(members)}`,
        });
      }
    }
    for (const { operation, uri } of operationsByInput.get(structure.id) ?? []) {
      for (const literal of uri.queryLiterals.keys()) {
        if (params.has(literal)) {
          ctx.report(structure, undefined, {
            eventId: "HttpQueryTrait",
            message: `\`httpQuery\` name \`${literal}\` conflicts with the \`http\` trait of the \`${operation.id}\` operation: \`${uri.text}\``,
          });
        }
      }
    }
  }
}
