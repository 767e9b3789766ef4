/**
 * The assembled model: every file merged, the prelude in, `apply` merged, mixins flattened,
 * every target checked. Later stages read only this.
 */
import type { Diagnostic, SourceLocation } from "../errors.js";
import type { NodeValue, ShapeType, Traits } from "../load/ast.js";

/** A member after assembly: target resolved, traits merged (mixins and `apply` included). */
export interface Member {
  /** Member name (`member`, `key`, `value` for lists and maps). */
  name: string;
  /** Absolute id of the member: `ns#Shape$name`. */
  id: string;
  target: string;
  traits: Traits;
  location?: SourceLocation;
  /** Where one of its traits was written (own, applied or inherited), when the loader knows. */
  locateTrait?: TraitLocator;
}

/** Finds where a trait of a shape or member was written; undefined when unknown. */
export type TraitLocator = (traitId: string) => SourceLocation | undefined;

/** Where a trait of `holder` was written, else the holder's own position. */
export function traitLocation(
  holder: { location?: SourceLocation; locateTrait?: TraitLocator },
  traitId: string,
): SourceLocation | undefined {
  return holder.locateTrait?.(traitId) ?? holder.location;
}

/** A locator asking `first`, then `second`. */
export function chainLocators(
  first: TraitLocator | undefined,
  second: TraitLocator | undefined,
): TraitLocator | undefined {
  if (!first) return second;
  if (!second) return first;
  return (id) => first(id) ?? second(id);
}

/** A shape after assembly. Fields that a shape type does not use are left undefined. */
export interface Shape {
  id: string;
  type: ShapeType;
  traits: Traits;
  /** Mixins the shape declares (their members and traits are already merged in). */
  mixins: string[];
  /** Members in model order: structure/union/enum/intEnum members; `member` for lists; `key`, `value` for maps. */
  members: Member[];
  /** True for shapes of the built-in prelude (left out of `anvil ast`). */
  prelude: boolean;
  location?: SourceLocation;
  /** Where one of its traits was written (own, applied or inherited), when the loader knows. */
  locateTrait?: TraitLocator;
  input?: string;
  output?: string;
  errors?: string[];
  version?: string;
  operations?: string[];
  resources?: string[];
  rename?: Record<string, string>;
  identifiers?: Record<string, string>;
  properties?: Record<string, string>;
  create?: string;
  put?: string;
  read?: string;
  update?: string;
  delete?: string;
  list?: string;
  collectionOperations?: string[];
}

/** The whole assembled model. `shapes` keeps definition order (prelude first). */
export interface Model {
  metadata: Record<string, NodeValue>;
  shapes: Map<string, Shape>;
  /** Validation events that do not stop generation (Smithy's WARNING and NOTE), for the CLI to print. */
  warnings?: Diagnostic[];
  /** Milliseconds assembly spent on model rules and validators (part of the assemble stage's time). */
  validationMs?: number;
}

/** The member of a list/set, or undefined. */
export function listMember(shape: Shape): Member | undefined {
  return shape.type === "list" || shape.type === "set" ? shape.members[0] : undefined;
}

/** Looks a shape up, throwing an internal error if assembly let a dangling id through. */
export function getShape(model: Model, id: string): Shape {
  const s = model.shapes.get(id);
  if (!s) throw new Error(`internal: shape ${id} not in the assembled model`);
  return s;
}

/** Splits `ns#Name` into its parts. */
export function splitId(id: string): { namespace: string; name: string; member?: string } {
  const hash = id.indexOf("#");
  const dollar = id.indexOf("$", hash);
  return {
    namespace: id.slice(0, hash),
    name: dollar < 0 ? id.slice(hash + 1) : id.slice(hash + 1, dollar),
    member: dollar < 0 ? undefined : id.slice(dollar + 1),
  };
}
