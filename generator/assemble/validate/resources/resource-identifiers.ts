/**
 * ResourceIdentifier: Smithy's ResourceIdentifierValidator. A child resource repeats every
 * identifier of its parent, each with the parent's target, and no identifier is also a property
 * (names compared ignoring case).
 */
import type { Shape } from "../../model.js";
import type { TraitValidationContext } from "../traits/context.js";
import { resourceShapes } from "./identifiers.js";

const EVENT_ID = "ResourceIdentifier";

/** Checks each resource's identifiers against its properties and its children's identifiers. */
export function checkResourceIdentifiers(ctx: TraitValidationContext): void {
  for (const resource of resourceShapes(ctx.shapes)) {
    checkPropertyRedefinition(ctx, resource);
    for (const childId of resource.resources ?? []) {
      const child = ctx.shapes.get(childId);
      if (child?.type === "resource") checkChild(ctx, child, resource);
    }
  }
}

function checkPropertyRedefinition(ctx: TraitValidationContext, resource: Shape): void {
  const properties = new Set(Object.keys(resource.properties ?? {}).map((p) => p.toLowerCase()));
  for (const identifier of Object.keys(resource.identifiers ?? {})) {
    if (!properties.has(identifier.toLowerCase())) continue;
    ctx.report(resource, undefined, {
      eventId: EVENT_ID,
      message: `Resource identifier \`${identifier}\` cannot also be a resource property`,
      hint: "Remove it from `properties`: identifiers are bound through `identifiers` alone",
    });
  }
}

function checkChild(ctx: TraitValidationContext, child: Shape, parent: Shape): void {
  const own = child.identifiers ?? {};
  const inherited = Object.entries(parent.identifiers ?? {});
  const missing = inherited
    .filter(([name]) => own[name] === undefined)
    .map(([name]) => name)
    .sort();
  if (missing.length > 0) {
    ctx.report(child, undefined, {
      eventId: EVENT_ID,
      message:
        `This resource is bound as a child of \`${parent.id}\`, but it is invalid because its \`identifiers\` property is missing ` +
        `the following identifiers that are defined in \`${parent.id}\`: [${missing.join(", ")}]`,
      hint: "A child resource's identifiers include every identifier of its parent",
    });
  }
  const mismatched = inherited
    .filter(([name, target]) => own[name] !== undefined && own[name] !== target)
    .map(
      ([name, target]) =>
        `expected the \`${name}\` member to target \`${target}\`, but found a target of \`${own[name]}\``,
    )
    .sort();
  if (mismatched.length > 0) {
    ctx.report(child, undefined, {
      eventId: EVENT_ID,
      message: `The \`identifiers\` property of this resource is incompatible with its binding to \`${parent.id}\`: ${mismatched.join("; ")}`,
    });
  }
}
