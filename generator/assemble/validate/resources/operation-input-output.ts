/**
 * ResourceOperationInputOutput: Smithy's ResourceOperationInputOutputValidator, for resources
 * with properties. In the input and output of the resource's lifecycle and instance operations
 * (not `list` or collection operations), each member standing for a property (./properties.ts)
 * must target the property's shape and name a property of the resource (or carry one of its
 * identifiers); two members must not stand for the same property; and every property must appear
 * in some such input or output.
 */
import type { Member, Shape } from "../../model.js";
import type { TraitValidationContext } from "../traits/context.js";
import { operationIdentifierBindings, resourceShapes } from "./identifiers.js";
import { PropertyBindings } from "./properties.js";

const EVENT_ID = "ResourceOperationInputOutput";
const LIFECYCLES = ["put", "create", "read", "update", "delete"] as const;

/** Checks the members of every resource operation against the resource's properties. */
export function checkResourceOperationInputOutput(ctx: TraitValidationContext): void {
  let bindings: PropertyBindings | undefined;
  for (const resource of resourceShapes(ctx.shapes)) {
    const properties = resource.properties ?? {};
    if (Object.keys(properties).length === 0) continue;
    bindings ??= new PropertyBindings(ctx.shapes);
    const used = new Set<string>();
    const operations: [string, string | undefined][] = [
      ...LIFECYCLES.map((name): [string, string | undefined] => [name, resource[name]]),
      ...(resource.operations ?? []).map((id): [string, string] => [id.slice(id.indexOf("#") + 1), id]),
    ];
    for (const [name, id] of operations) {
      const operation = id === undefined ? undefined : ctx.shapes.get(id);
      if (operation?.type !== "operation") continue;
      // Smithy exempts the members carrying identifiers in the operation's output, for its input too.
      const identifierMembers = new Set(
        operationIdentifierBindings(ctx.shapes, resource, operation, "output").values(),
      );
      for (const shape of [bindings.inputShape(operation), bindings.outputShape(operation)]) {
        checkMembers(ctx, bindings, resource, name, shape, identifierMembers, used);
      }
    }
    for (const property of Object.keys(properties)) {
      if (used.has(property)) continue;
      ctx.report(resource, undefined, {
        eventId: EVENT_ID,
        message: `Resource property \`${property}\` is not used in the input or output of create or an instance operation.`,
        hint: "Add a member for it to the input or output of a lifecycle or instance operation, or remove the property",
      });
    }
  }
}

/** The members of one input or output structure that stand for properties. */
function checkMembers(
  ctx: TraitValidationContext,
  bindings: PropertyBindings,
  resource: Shape,
  operationName: string,
  shape: Shape | undefined,
  identifierMembers: Set<string>,
  used: Set<string>,
): void {
  if (shape === undefined) return;
  const properties = resource.properties ?? {};
  const byProperty = new Map<string, Member[]>();
  for (const member of shape.members) {
    const property = bindings.propertyName(member);
    if (property === undefined) continue;
    used.add(property);
    const same = byProperty.get(property);
    if (same) same.push(member);
    else byProperty.set(property, [member]);
    const expected = properties[property];
    if (expected !== undefined && expected !== member.target) {
      ctx.report(member, undefined, {
        eventId: EVENT_ID,
        message:
          `This member must target \`${expected}\`. This member is used as part of the \`${operationName}\` operation of the ` +
          `\`${resource.id}\` resource and conflicts with its \`${property}\` resource property.`,
      });
    } else if (expected === undefined && !identifierMembers.has(member.name)) {
      ctx.report(member, undefined, {
        eventId: EVENT_ID,
        message:
          `Member \`${member.name}\` does not target a property or identifier for resource \`${resource.id}\`. If it is an ` +
          "identifier, apply the `smithy.api#resourceIdentifier` trait. If it is a property, apply the `smithy.api#property` " +
          "trait. If it is neither, apply the `smithy.api#notProperty` trait.",
      });
    }
  }
  for (const [property, members] of [...byProperty].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (members.length < 2) continue;
    ctx.report(shape, undefined, {
      eventId: EVENT_ID,
      message: `This shape contains members with conflicting resource property names that resolve to '${property}': ${members
        .map((m) => m.name)
        .sort()
        .join(", ")}`,
    });
  }
}
