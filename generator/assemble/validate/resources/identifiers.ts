/**
 * How operations bind to a resource and its identifiers, as Smithy's IdentifierBindingIndex
 * decides it: shared by the resource validators (and meant for any validator that needs to know
 * which input or output member carries which identifier).
 *
 * An operation bound to a resource is a collection operation when it is the resource's `create`
 * or `list` or listed in `collectionOperations`, else an instance operation. A member of its
 * input (or output) carries an identifier when it has `@resourceIdentifier("name")` (explicit),
 * or when it is `@required`, has the identifier's name and targets the identifier's shape
 * (implicit); an explicit binding overrides an implicit one of the same identifier.
 */
import type { Member, Shape } from "../../model.js";

const RESOURCE_IDENTIFIER = "smithy.api#resourceIdentifier";
const REQUIRED = "smithy.api#required";

/** How an operation is bound to a resource. */
export type BindingType = "instance" | "collection";

/** Every operation bound to a resource (instance, collection and lifecycle), each once, in a stable order. */
export function resourceOperations(resource: Shape): string[] {
  const ids = [
    ...(resource.operations ?? []),
    ...(resource.collectionOperations ?? []),
    resource.put,
    resource.create,
    resource.read,
    resource.update,
    resource.delete,
    resource.list,
  ];
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

/** How `operationId` binds to `resource`, or undefined when the resource does not bind it. */
export function bindingType(resource: Shape, operationId: string): BindingType | undefined {
  if (!resourceOperations(resource).includes(operationId)) return undefined;
  const collection =
    resource.create === operationId ||
    resource.list === operationId ||
    (resource.collectionOperations ?? []).includes(operationId);
  return collection ? "collection" : "instance";
}

/** The name of the identifier a member's `@resourceIdentifier` names, if it has one. */
export function explicitIdentifier(member: Member): string | undefined {
  const value = member.traits[RESOURCE_IDENTIFIER];
  return typeof value === "string" ? value : undefined;
}

/**
 * The identifiers a structure's members carry for `resource`: identifier name to member name.
 * Empty for a missing shape or anything but a structure (Unit included).
 */
export function structureIdentifierBindings(resource: Shape, structure: Shape | undefined): Map<string, string> {
  const bindings = new Map<string, string>();
  if (structure?.type !== "structure") return bindings;
  const identifiers = resource.identifiers ?? {};
  for (const member of structure.members) {
    const named = explicitIdentifier(member);
    if (named !== undefined) {
      // An explicit binding replaces an implicit one (a later explicit one replaces an earlier, as in Smithy).
      bindings.set(named, member.name);
    } else if (
      identifiers[member.name] === member.target &&
      member.traits[REQUIRED] !== undefined &&
      !bindings.has(member.name)
    ) {
      bindings.set(member.name, member.name);
    }
  }
  return bindings;
}

/**
 * The identifier bindings of an operation's input or output for a resource (identifier name to
 * member name); empty when the operation or that structure is missing.
 */
export function operationIdentifierBindings(
  shapes: Map<string, Shape>,
  resource: Shape,
  operation: Shape | undefined,
  side: "input" | "output",
): Map<string, string> {
  const id = operation?.[side];
  return structureIdentifierBindings(resource, id === undefined ? undefined : shapes.get(id));
}

/** The resources of the model (prelude left out), in model order. */
export function resourceShapes(shapes: Map<string, Shape>): Shape[] {
  return [...shapes.values()].filter((s) => s.type === "resource" && !s.prelude);
}
