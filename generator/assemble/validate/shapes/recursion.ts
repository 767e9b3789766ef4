/**
 * Smithy's ShapeRecursionValidator: recursion must end somewhere a value can stop. A list, set or
 * map may only reach itself again through a structure or union (else its type is infinite); a
 * structure may not reach itself through required members only (no finite value has them all);
 * a union needs at least one member from which a finite value can be built.
 */
import type { Shape } from "../../model.js";
import { components } from "../../../strongly-connected.js";
import type { TraitValidationContext } from "../traits/context.js";
import { memberOf, referrers, relationshipsFrom, type Relationship } from "./relationships.js";

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
  const throughRequired: Follow = (rel) =>
    typeOf(rel.from) === "structure"
      ? memberOf(ctx.shapes, rel.to)?.traits[REQUIRED] !== undefined
      : typeOf(rel.from) === "member";
  const collections = new CycleFinder(ctx.shapes, new Set(["list", "set", "map"]), throughCollections);
  const structures = new CycleFinder(ctx.shapes, new Set(["structure"]), throughRequired);
  const ending = endingShapes(ctx.shapes);

  for (const s of ctx.shapes.values()) {
    if (s.prelude) continue;
    if (s.type === "list" || s.type === "set" || s.type === "map") {
      const path = collections.cycle(s);
      if (path) {
        report(
          ctx,
          s,
          `Found invalid shape recursion: ${path.join(" > ")}. A recursive list, set, or map shape is only valid if an intermediate reference is through a union or structure.`,
          "Wrap the inner collection in a structure: recursion may only pass through a structure or union member",
        );
      }
    } else if (s.type === "structure") {
      const path = structures.cycle(s);
      if (path) {
        report(
          ctx,
          s,
          `Found invalid shape recursion: ${path.join(" > ")}. A structure cannot be mutually recursive through all required members.`,
          "Make one member of the cycle optional",
        );
      }
    } else if (s.type === "union" && s.members.length > 0 && !ending.has(s.id)) {
      // An empty union is reported by the Union validator.
      report(
        ctx,
        s,
        "It is impossible to create instances of this recursive union",
        "Give the union a member whose value can be built without the union itself",
      );
    }
  }
}

function report(ctx: TraitValidationContext, s: Shape, message: string, hint: string): void {
  ctx.report(s, undefined, { eventId: EVENT_ID, message, hint });
}

/**
 * Finds paths from a shape back to itself along the relationships `follow` allows. Only the
 * shapes and members of the start's strongly connected component can be on such a path, so the
 * components are found first (once for the whole model) and each search stays inside one.
 */
class CycleFinder {
  /** The component number of each shape and member id of the graph. */
  private readonly componentOf = new Map<string, number>();
  /** The relationships the search follows out of each node, inside the graph. */
  private readonly edges = new Map<string, Relationship[]>();

  /**
   * The graph: the model's own shapes of `types` (the only shapes such a cycle can pass through)
   * and their members, with the relationships between them that `follow` allows.
   */
  constructor(shapes: Map<string, Shape>, types: ReadonlySet<string>, follow: Follow) {
    const ids: string[] = [];
    for (const s of shapes.values()) if (!s.prelude && types.has(s.type)) ids.push(s.id, ...s.members.map((m) => m.id));
    const index = new Map(ids.map((id, n) => [id, n]));
    for (const id of ids)
      this.edges.set(
        id,
        relationshipsFrom(shapes, id).filter((rel) => index.has(rel.to) && follow(rel)),
      );
    const component = components(ids.length, (n) =>
      this.out(ids[n] as string).map((rel) => index.get(rel.to) as number),
    );
    ids.forEach((id, n) => this.componentOf.set(id, component[n] as number));
  }

  private out(id: string): Relationship[] {
    return this.edges.get(id) ?? [];
  }

  /**
   * A path from `start` back to itself through shapes and members seen once each, as the ids
   * after `start` (ending with it); undefined if none. Smithy reports every such path; anvil
   * reports the first it finds, so that a search enters each node of the component once.
   */
  cycle(start: Shape): string[] | undefined {
    const own = this.componentOf.get(start.id);
    const entered = new Set<string>([start.id]);
    const path: string[] = [];
    const stack: Array<{ out: Relationship[]; next: number }> = [{ out: this.out(start.id), next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { out: Relationship[]; next: number };
      const rel = top.out[top.next++];
      if (rel === undefined) {
        stack.pop();
        path.pop();
        continue;
      }
      if (rel.to === start.id) return [...path, rel.to];
      if (entered.has(rel.to) || this.componentOf.get(rel.to) !== own) continue;
      entered.add(rel.to);
      path.push(rel.to);
      stack.push({ out: this.out(rel.to), next: 0 });
    }
    return undefined;
  }
}

/**
 * The structures and unions a finite value exists for (and every other shape): a structure with
 * no members, an optional member, or a required member whose target has one; a union with a
 * member whose target has one. Smithy's UnionTerminatesVisitor asks this of each union by a
 * depth-first walk; here it is found for the whole model at once, from the shapes that plainly
 * end, following members backwards to their containers (each shape enters the queue once).
 */
function endingShapes(shapes: Map<string, Shape>): Set<string> {
  const ending = new Set<string>();
  for (const s of shapes.values()) {
    if ((s.type !== "structure" && s.type !== "union") || s.members.length === 0) ending.add(s.id);
    else if (s.type === "structure" && s.members.some((m) => m.traits[REQUIRED] === undefined)) ending.add(s.id);
  }
  // A member with an unresolved target (reported elsewhere) is taken to end, so as not to add to that error.
  for (const s of shapes.values())
    if (!ending.has(s.id) && s.members.some((m) => !shapes.has(m.target))) ending.add(s.id);
  const queue = [...ending];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const rel of referrers(shapes, id)) {
      if (rel.type !== "MEMBER_TARGET") continue;
      const containerId = rel.from.slice(0, rel.from.indexOf("$"));
      const type = shapes.get(containerId)?.type;
      if ((type !== "structure" && type !== "union") || ending.has(containerId)) continue;
      ending.add(containerId);
      queue.push(containerId);
    }
  }
  return ending;
}
