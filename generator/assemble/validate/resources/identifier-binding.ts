/**
 * ResourceIdentifierBinding: Smithy's ResourceIdentifierBindingValidator. An instance operation
 * must bind every identifier of its resource in its input (a member of the identifier's target),
 * a collection operation must not bind all of them, an operation of a child resource must bind
 * every identifier of the parent, and no two members of a structure may name the same identifier
 * with `@resourceIdentifier` (an ERROR); one that overrides a member of the identifier's own name
 * is a WARNING.
 */
import type { Shape } from "../../model.js";
import { tickedList } from "../http/bindings.js";
import type { TraitValidationContext } from "../traits/context.js";
import {
  bindingType,
  explicitIdentifier,
  operationIdentifierBindings,
  resourceOperations,
  resourceShapes,
} from "./identifiers.js";

const EVENT_ID = "ResourceIdentifierBinding";

/** Runs every check of the validator. */
export function checkResourceIdentifierBindings(ctx: TraitValidationContext): void {
  checkResourceIdentifierTraits(ctx);
  for (const resource of resourceShapes(ctx.shapes)) {
    checkChildOperations(ctx, resource);
    checkOperationBindings(ctx, resource);
  }
}

/** Structures whose members name identifiers with `@resourceIdentifier`: overridden implicit names and conflicts. */
function checkResourceIdentifierTraits(ctx: TraitValidationContext): void {
  for (const structure of ctx.shapes.values()) {
    if (structure.prelude || !structure.members.some((m) => explicitIdentifier(m) !== undefined)) continue;
    // Identifier name to the members that would bind it: by the trait, else by their own name.
    const potential = new Map<string, string[]>();
    const explicit = new Map<string, string[]>();
    for (const member of structure.members) {
      const named = explicitIdentifier(member);
      push(potential, named ?? member.name, member.name);
      if (named !== undefined) push(explicit, named, member.name);
    }
    for (const [identifier, members] of explicit) {
      if (members.length < 2) continue;
      ctx.report(structure, undefined, {
        eventId: EVENT_ID,
        message: `Conflicting resource identifier member bindings found for identifier '${identifier}' between members: '${sorted(members).join("', '")}'`,
        hint: "Give `@resourceIdentifier` to one member per identifier",
      });
    }
    for (const [identifier, members] of potential) {
      if (members.length < 2 || !members.includes(identifier)) continue;
      const overriding = sorted(members.filter((m) => m !== identifier));
      ctx.report(structure, undefined, {
        eventId: EVENT_ID,
        severity: "WARNING",
        message: `Implicit resource identifier for '${identifier}' is overridden by \`resourceIdentifier\` trait on members: '${overriding.join("', '")}'`,
      });
    }
  }
}

/** Every operation of a child resource must bind the identifiers of each parent. */
function checkChildOperations(ctx: TraitValidationContext, parent: Shape): void {
  for (const childId of parent.resources ?? []) {
    const child = ctx.shapes.get(childId);
    if (child?.type !== "resource") continue;
    for (const operationId of resourceOperations(child)) {
      const operation = ctx.shapes.get(operationId);
      if (operation?.type !== "operation") continue;
      const bound = operationIdentifierBindings(ctx.shapes, child, operation, "input");
      const missing = Object.keys(parent.identifiers ?? {}).filter((name) => !bound.has(name));
      if (missing.length === 0) continue;
      ctx.report(operation, undefined, {
        eventId: EVENT_ID,
        message:
          `This operation is bound to the \`${child.id}\` resource, which is a child of the \`${parent.id}\` resource, ` +
          `and it is missing the following resource identifier bindings of \`${parent.id}\`: [${tickedList(missing)}]`,
        hint: `Add a required input member for each missing identifier (named as the identifier, or marked \`@resourceIdentifier\`)`,
      });
    }
  }
}

/** Instance operations bind every identifier; collection operations do not bind them all. */
function checkOperationBindings(ctx: TraitValidationContext, resource: Shape): void {
  for (const operationId of resourceOperations(resource)) {
    const operation = ctx.shapes.get(operationId);
    if (operation?.type !== "operation") continue;
    const bound = operationIdentifierBindings(ctx.shapes, resource, operation, "input");
    const allBound = bindsAllIdentifiers(ctx, resource, operation, bound);
    if (bindingType(resource, operationId) === "collection") {
      if (!allBound) continue;
      ctx.report(operation, undefined, {
        eventId: EVENT_ID,
        message:
          `This operation is bound as a collection operation on the \`${resource.id}\` resource, but it improperly binds all of the ` +
          "identifiers of the resource to members of the operation input.",
        hint: "Bind it as an instance operation (`operations`, `read`, `update`, `delete`, `put`), or drop an identifier from its input",
      });
    } else if (!allBound) {
      // Smithy names the found bindings by member name where it names the expected ones by target: kept for its wording.
      const expected = bindingList(Object.entries(resource.identifiers ?? {}));
      const found = bindingList([...bound]);
      ctx.report(operation, undefined, {
        eventId: EVENT_ID,
        message:
          `This operation does not form a valid instance operation when bound to resource \`${resource.id}\`. All of the identifiers ` +
          "of the resource were not implicitly or explicitly bound to the input of the operation. Expected the following identifier " +
          `bindings: [${expected}]. Found the following identifier bindings: [${found}]`,
        hint: "Add a required input member per identifier, or bind the operation as a collection operation (`collectionOperations`, `create`, `list`)",
      });
    }
  }
}

/** Whether every identifier is bound to an input member that targets the identifier's shape. */
function bindsAllIdentifiers(
  ctx: TraitValidationContext,
  resource: Shape,
  operation: Shape,
  bound: Map<string, string>,
): boolean {
  const input = operation.input === undefined ? undefined : ctx.shapes.get(operation.input);
  return Object.entries(resource.identifiers ?? {}).every(([name, target]) => {
    const memberName = bound.get(name);
    return memberName !== undefined && input?.members.find((m) => m.name === memberName)?.target === target;
  });
}

/** Smithy's "required member named `a` that targets `b`" list, sorted. */
function bindingList(entries: [string, string][]): string {
  return entries
    .map(([name, value]) => `required member named \`${name}\` that targets \`${value}\``)
    .sort()
    .join(", ");
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Smithy joins these names from a hash set; anvil sorts them, so its output is deterministic. */
function sorted(names: string[]): string[] {
  return [...names].sort();
}
