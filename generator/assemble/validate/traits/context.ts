/**
 * What every trait validator gets: the assembled shapes, a selector index built on first use,
 * and helpers to walk trait applications and report events the way Smithy words them.
 */
import { didYouMean, type Diagnostic, type Severity, type SourceLocation } from "../../../errors.js";
import type { NodeValue } from "../../../load/ast.js";
import { traitLocation, type Member, type Shape } from "../../model.js";
import { SelectorIndex } from "../selector/evaluate.js";

const TRAIT = "smithy.api#trait";

/** A shape or member carrying traits, with the shape that holds it (itself for a shape). */
export interface TraitHolder {
  id: string;
  /** `member` for members, else the shape type. */
  type: string;
  traits: Record<string, NodeValue>;
  shape: Shape;
  member?: Member;
  location?: Member["location"];
  locateTrait?: Member["locateTrait"];
}

/** A shape as the holder of its own traits. */
export function shapeHolder(shape: Shape): TraitHolder {
  return {
    id: shape.id,
    type: shape.type,
    traits: shape.traits,
    shape,
    location: shape.location,
    locateTrait: shape.locateTrait,
  };
}

/** A member of `shape` as the holder of its traits. */
export function memberHolder(shape: Shape, member: Member): TraitHolder {
  return {
    id: member.id,
    type: "member",
    traits: member.traits,
    shape,
    member,
    location: member.location,
    locateTrait: member.locateTrait,
  };
}

/** Shared state of one validation run. */
export class TraitValidationContext {
  private index: SelectorIndex | undefined;
  /** Selectors of trait definitions that anvil cannot evaluate (their targets go unchecked). */
  readonly unsupportedSelectors = new Set<string>();

  /**
   * `metadata` is the model's merged metadata and `locateMetadata` where a key was (first)
   * written, for the validators that read metadata (shape closures).
   */
  constructor(
    readonly shapes: Map<string, Shape>,
    readonly events: Diagnostic[],
    readonly metadata: Record<string, NodeValue> = {},
    readonly locateMetadata: (key: string) => SourceLocation | undefined = () => undefined,
  ) {}

  /** The selector index, built the first time a validator needs it. */
  selectors(): SelectorIndex {
    this.index ??= new SelectorIndex(this.shapes);
    return this.index;
  }

  /** Every non-prelude shape and member that carries traits. */
  *holders(): Generator<TraitHolder> {
    for (const shape of this.shapes.values()) {
      if (shape.prelude) continue;
      yield shapeHolder(shape);
      for (const member of shape.members) yield memberHolder(shape, member);
    }
  }

  /** The definition of a trait (a shape marked `@trait`), or undefined (reported elsewhere). */
  definition(traitId: string): Shape | undefined {
    const def = this.shapes.get(traitId);
    return def && def.traits[TRAIT] !== undefined ? def : undefined;
  }

  /** The `@trait` value of a definition, as an object. */
  traitDefinition(def: Shape): { selector?: string; conflicts?: string[] } {
    const v = def.traits[TRAIT];
    if (v === null || typeof v !== "object" || Array.isArray(v)) return {};
    return {
      selector: typeof v.selector === "string" ? v.selector : undefined,
      conflicts: Array.isArray(v.conflicts) ? v.conflicts.filter((c): c is string => typeof c === "string") : undefined,
    };
  }

  /** Reports an event about a trait on a holder, at the trait's position. */
  report(
    holder: Pick<TraitHolder, "id" | "location" | "locateTrait">,
    traitId: string | undefined,
    e: { message: string; eventId: string; severity?: Severity; hint?: string },
  ): void {
    this.events.push({
      message: e.message,
      eventId: e.eventId,
      severity: e.severity ?? "ERROR",
      shapeId: holder.id,
      location: traitId === undefined ? holder.location : traitLocation(holder, traitId),
      hint: e.hint,
    });
  }
}

/** Smithy's idiomatic trait name: the bare name for prelude traits, else the absolute id. */
export function idiomaticName(traitId: string): string {
  return traitId.startsWith("smithy.api#") ? traitId.slice("smithy.api#".length) : traitId;
}

/** "Did you mean `x`?" over candidates, or undefined. */
export function suggestion(name: string, candidates: Iterable<string>): string | undefined {
  const best = didYouMean(name, candidates);
  return best === undefined ? undefined : `Did you mean \`${best}\`?`;
}
