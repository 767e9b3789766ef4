/**
 * Which members of a resource operation's input and output stand for resource properties, as
 * Smithy's PropertyBindingIndex decides it. The members looked at are those of the input (or
 * output) structure, or of the structure its `@nestedProperties` member targets. A member stands
 * for a property unless it carries an identifier or a trait whose definition is marked
 * `@notProperty` (`@notProperty` itself, `@idempotencyToken`, ...); a member named like one of the
 * resource's properties always does. Its property name is its `@property(name)`, else its own.
 *
 * As in Smithy, the answer is kept per member for the whole model (the last resource binding an
 * operation decides), so one operation bound to two resources is judged once.
 */
import type { Member, Shape } from "../../model.js";
import { operationIdentifierBindings, resourceOperations, resourceShapes } from "./identifiers.js";

const NOT_PROPERTY = "smithy.api#notProperty";
const NESTED_PROPERTIES = "smithy.api#nestedProperties";
const PROPERTY = "smithy.api#property";
const TRAIT = "smithy.api#trait";

/** Property names of the members that stand for resource properties, by member id. */
export class PropertyBindings {
  private readonly names = new Map<string, string>();
  private readonly notPropertyTraits: Set<string>;

  constructor(private readonly shapes: Map<string, Shape>) {
    this.notPropertyTraits = new Set(
      [...shapes.values()]
        .filter((s) => s.traits[NOT_PROPERTY] !== undefined && s.traits[TRAIT] !== undefined)
        .map((s) => s.id),
    );
    for (const resource of resourceShapes(shapes)) {
      const properties = resource.properties ?? {};
      for (const operationId of resourceOperations(resource)) {
        const operation = shapes.get(operationId);
        if (operation?.type !== "operation") continue;
        this.index(
          this.inputShape(operation),
          operationIdentifierBindings(shapes, resource, operation, "input"),
          properties,
        );
        this.index(
          this.outputShape(operation),
          operationIdentifierBindings(shapes, resource, operation, "output"),
          properties,
        );
      }
    }
  }

  /** The structure holding an operation's input properties (its input, or the `@nestedProperties` target). */
  inputShape(operation: Shape): Shape | undefined {
    return this.propertiesShape(operation.input);
  }

  /** The structure holding an operation's output properties. */
  outputShape(operation: Shape): Shape | undefined {
    return this.propertiesShape(operation.output);
  }

  /** The property a member stands for, or undefined when it stands for none. */
  propertyName(member: Member): string | undefined {
    return this.names.get(member.id);
  }

  private propertiesShape(id: string | undefined): Shape | undefined {
    const top = id === undefined ? undefined : this.shapes.get(id);
    if (top?.type !== "structure") return undefined;
    for (const member of top.members) {
      if (member.traits[NESTED_PROPERTIES] === undefined) continue;
      const nested = this.shapes.get(member.target);
      if (nested?.type === "structure") return nested;
    }
    return top;
  }

  private index(
    structure: Shape | undefined,
    identifierBindings: Map<string, string>,
    properties: Record<string, string>,
  ): void {
    const identifierMembers = new Set(identifierBindings.values());
    for (const member of structure?.members ?? []) {
      const exempt =
        identifierMembers.has(member.name) || Object.keys(member.traits).some((t) => this.notPropertyTraits.has(t));
      if (exempt && properties[member.name] === undefined) continue;
      this.names.set(member.id, propertyTraitName(member) ?? member.name);
    }
  }
}

/** The `name` of a member's `@property`, if given. */
function propertyTraitName(member: Member): string | undefined {
  const value = member.traits[PROPERTY];
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  return typeof value.name === "string" ? value.name : undefined;
}
