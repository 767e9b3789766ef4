/**
 * Smithy's ShapeRecursionValidator: recursion must end somewhere a value can stop. A list, set or
 * map may only reach itself again through a structure or union (else its type is infinite); a
 * structure may not reach itself through required members only (no finite value has them all);
 * a union needs at least one member from which a finite value can be built.
 */
import type { Member, Shape } from "../../model.js";
import type { TraitValidationContext } from "../traits/context.js";
import { memberOf, relationshipsFrom, type Relationship } from "./relationships.js";

const EVENT_ID = "ShapeRecursion";
const REQUIRED = "smithy.api#required";

/** Whether a search may follow a relationship out of a shape or member (Smithy's PathFinder filter). */
type Follow = (rel: Relationship) => boolean;

/** Every invalid recursion: collections, structures through required members, unions that cannot end. */
export function checkShapeRecursion(ctx: TraitValidationContext): void {
  const typeOf = (id: string) => (id.includes("$") ? "member" : ctx.shapes.get(id)?.type);
  // Collections: out of anything but a structure or union.
  const throughCollections: Follow = (rel) => typeOf(rel.from) !== "structure" && typeOf(rel.from) !== "union";
  // Structures: from a structure to its required members only, and from a member to its target.
  const throughRequired: Follow = (rel) => (typeOf(rel.from) === "structure" ? memberOf(ctx.shapes, rel.to)?.traits[REQUIRED] !== undefined : typeOf(rel.from) === "member");

  for (const s of ctx.shapes.values()) {
    if (s.prelude) continue;
    if (s.type === "list" || s.type === "set" || s.type === "map") {
      for (const path of cycles(ctx.shapes, s, throughCollections)) {
        report(ctx, s, `Found invalid shape recursion: ${path.join(" > ")}. A recursive list, set, or map shape is only valid if an intermediate reference is through a union or structure.`);
      }
    } else if (s.type === "structure") {
      for (const path of cycles(ctx.shapes, s, throughRequired)) {
        report(ctx, s, `Found invalid shape recursion: ${path.join(" > ")}. A structure cannot be mutually recursive through all required members.`);
      }
    } else if (s.type === "union" && s.members.length > 0 && !new Termination(ctx.shapes).union(s)) {
      // An empty union is reported by the Union validator.
      report(ctx, s, "It is impossible to create instances of this recursive union");
    }
  }
}

function report(ctx: TraitValidationContext, s: Shape, message: string): void {
  ctx.report(s, undefined, { eventId: EVENT_ID, message });
}

/**
 * Every path from `start` back to itself through shapes and members seen once each, following
 * the relationships `follow` allows; each path lists the ids after `start`, ending with it.
 */
function cycles(shapes: Map<string, Shape>, start: Shape, follow: Follow): string[][] {
  const found: string[][] = [];
  const path: string[] = [];
  const onPath = new Set<string>([start.id]);
  const visit = (id: string) => {
    for (const rel of relationshipsFrom(shapes, id)) {
      if (!follow(rel)) continue;
      if (rel.to === start.id) found.push([...path, rel.to]);
      else if (!onPath.has(rel.to)) {
        onPath.add(rel.to);
        path.push(rel.to);
        visit(rel.to);
        path.pop();
        onPath.delete(rel.to);
      }
    }
  };
  visit(start.id);
  return found;
}

/**
 * Whether a finite value of a shape exists, as Smithy's UnionTerminatesVisitor decides it: a
 * structure ends if it has no members, an optional one, or a required one that ends; a union if
 * one member ends; any other shape ends. Members already tried (in this whole search, not just
 * the current path) count as not ending.
 */
class Termination {
  private readonly tried = new Set<string>();

  constructor(private readonly shapes: Map<string, Shape>) {}

  union(shape: Shape): boolean {
    return shape.members.some((m) => this.member(m));
  }

  private shape(shape: Shape | undefined): boolean {
    if (shape?.type === "union") return this.union(shape);
    if (shape?.type !== "structure" || shape.members.length === 0) return true;
    if (shape.members.some((m) => m.traits[REQUIRED] === undefined)) return true;
    return shape.members.some((m) => this.member(m));
  }

  private member(m: Member): boolean {
    if (this.tried.has(m.id)) return false;
    this.tried.add(m.id);
    return this.shape(this.shapes.get(m.target));
  }
}
