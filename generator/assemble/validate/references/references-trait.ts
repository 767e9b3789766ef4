/**
 * Smithy's ReferencesTrait validator: each `@references` entry names a resource; on a string
 * shape it binds no `ids` and the resource has one identifier; on a structure, explicit `ids`
 * bind every identifier of the resource and no other, and every binding (explicit, or implied by
 * the identifier names) names a member of the structure that targets a string.
 */
import type { Shape } from "../../model.js";
import { tickedList } from "../http/bindings.js";
import type { TraitValidationContext } from "../traits/context.js";
import { printReference, readReferences, REFERENCES, type Reference } from "./reference.js";

const EVENT = "ReferencesTrait";

/** Every reference of every shape with `@references`. */
export function checkReferencesTrait(ctx: TraitValidationContext): void {
  for (const shape of ctx.shapes.values()) {
    if (shape.prelude || shape.traits[REFERENCES] === undefined) continue;
    for (const reference of readReferences(shape.traits[REFERENCES])) checkReference(ctx, shape, reference);
  }
}

function checkReference(ctx: TraitValidationContext, shape: Shape, reference: Reference): void {
  const report = (message: string, hint: string) => ctx.report(shape, REFERENCES, { eventId: EVENT, message, hint });
  const isString = shape.type === "string" || shape.type === "enum";
  if (isString && reference.ids.size > 0) {
    report(
      `References applied to string shapes cannot contain 'ids': ${printReference(reference)}`,
      "A string holds the one identifier of its resource: remove `ids`",
    );
  }
  const target = ctx.shapes.get(reference.resource);
  if (target === undefined) return; // Smithy leaves an unknown resource id alone
  if (target.type !== "resource") {
    report(
      `\`references\` trait reference targets a ${target.type} shape not a resource: ${printReference(reference)}`,
      `Name a resource shape, not ${target.id}`,
    );
    return;
  }
  const identifiers = Object.keys(target.identifiers ?? {});
  if (shape.type === "structure") checkStructureReference(ctx, shape, reference, target, identifiers);
  else if (isString && identifiers.length !== 1) {
    report(
      `This string shape contains an invalid reference to ${target.id}: ${printReference(reference)}. References on a string shape can only refer to resource shapes with exactly one entry in its identifiers property, but this shape has the following identifiers: [${tickedList(identifiers)}]`,
      "Reference the resource from a structure whose members hold its identifiers",
    );
  }
}

function checkStructureReference(
  ctx: TraitValidationContext,
  shape: Shape,
  reference: Reference,
  resource: Shape,
  identifiers: string[],
): void {
  const report = (message: string, hint: string) => ctx.report(shape, REFERENCES, { eventId: EVENT, message, hint });
  // Without `ids`, each identifier binds the member of the same name (an implicit reference).
  const resolved = reference.ids.size > 0 ? reference.ids : new Map(identifiers.map((name) => [name, name]));
  const implicit = !sameEntries(resolved, reference.ids);
  if (!implicit) {
    if (resolved.size !== identifiers.length) {
      const prefix = identifiers.length < reference.ids.size ? "Too many identifiers" : "Not enough identifiers";
      report(
        `${prefix} were provided in the \`ids\` properties of ${printReference(reference)}. Expected ${identifiers.length} identifiers(s), but found ${reference.ids.size}. This resource requires bindings for the following identifiers: [${tickedList(identifiers)}].`,
        `Bind each identifier of ${resource.id} in \`ids\``,
      );
    }
    const extraneous = [...resolved.keys()].filter((name) => !identifiers.includes(name));
    if (extraneous.length > 0) {
      report(
        `\`references\` trait ${printReference(reference)} contains extraneous resource identifier bindings, [${tickedList(extraneous)}], that are not actually identifier names of the resource, \`${reference.resource}\`. This resource has the following identifier names: [${tickedList(identifiers)}]`,
        `The keys of \`ids\` are identifier names of ${resource.id}`,
      );
    }
  }
  const reasons: string[] = [];
  for (const memberName of new Set(resolved.values())) {
    const member = shape.members.find((m) => m.name === memberName);
    const targetType = member === undefined ? undefined : ctx.shapes.get(member.target)?.type;
    if (member === undefined) {
      reasons.push(
        implicit
          ? `implicit binding of \`${memberName}\` is not part of the structure (set "rel" to "collection" to create a collection binding)`
          : `\`${memberName}\` refers to a member that is not part of the structure`,
      );
    } else if (targetType !== "string" && targetType !== "enum") {
      reasons.push(`\`${memberName}\` refers to a member that does not target a string shape`);
    }
  }
  if (reasons.length > 0) {
    report(
      `\`references\` trait ${printReference(reference)} is invalid for the following reasons: ${reasons.sort().join("; ")}`,
      `Each binding names a member of ${shape.id} that targets a string`,
    );
  }
}

function sameEntries(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}
