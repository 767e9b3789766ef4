/**
 * Mixin flattening and elided members: a shape that uses mixins gets the mixins' members (first,
 * in mixin order) and their traits (but not `@mixin` itself or the mixin's `localTraits`); its
 * own members and traits win. Elided IDL members (`$name`) take their target from the `for`
 * resource's identifiers/properties, then from the mixins.
 */
import type { Diagnostic } from "../errors.js";
import type { ShapeDefinition } from "../load/ast.js";
import { chainLocators, type Member, type Shape, type TraitLocator } from "./model.js";
import { reportMixinCycles } from "./mixin-cycles.js";

const MIXIN = "smithy.api#mixin";

/**
 * Flattens mixins in place on every shape that declares some, and resolves elided members. Gives
 * the shapes whose mixins could not be applied (Smithy leaves them unbuilt).
 */
export function flattenMixins(
  shapes: Map<string, Shape>,
  defined: Map<string, { def: ShapeDefinition }>,
  problems: Diagnostic[],
): ReadonlySet<string> {
  const state = new Map<string, "visiting" | "done">();
  // Shapes whose mixins could not be applied: to the shapes that use them in turn they are as
  // good as missing, and Smithy reports each link of such a chain.
  const failed = new Set<string>();
  // Shapes of a mixin cycle are reported once each and left unbuilt, as in Smithy.
  for (const id of reportMixinCycles(shapes, problems)) {
    state.set(id, "done");
    failed.add(id);
  }
  const visit = (shape: Shape): void => {
    const st = state.get(shape.id);
    if (st === "done") return;
    // Cycles were reported and their shapes marked done above; this guards the walk regardless.
    if (st === "visiting") return;
    state.set(shape.id, "visiting");
    const inheritedMembers: Member[] = [];
    // Each mixin's own member of a name, in mixin order (their ids name the conflicts).
    const mixinMembers = new Map<string, Member[]>();
    const inheritedTraits: Record<string, Shape["traits"][string]> = {};
    let inheritedLocator: TraitLocator | undefined;
    for (const mixinId of shape.mixins) {
      const mixin = shapes.get(mixinId);
      if (!mixin) {
        problems.push({
          message: `Cannot apply mixin to ${applyingTo(shape)}: ${mixinId} not found`,
          location: shape.location,
          shapeId: shape.id,
          hint: "Define the mixin, or fix its id",
        });
        failed.add(shape.id);
        continue;
      }
      if (mixin.traits[MIXIN] === undefined) {
        problems.push({
          message: `Attempted to use ${mixinId} as a mixin, but it is not marked with the mixin trait`,
          location: shape.location,
          shapeId: shape.id,
          eventId: "Target",
          hint: `Mark ${mixinId} with @mixin`,
        });
        continue;
      }
      visit(mixin);
      if (failed.has(mixinId)) {
        problems.push({
          message: `Cannot apply mixin to ${applyingTo(shape)}: ${mixinId} not found`,
          location: shape.location,
          shapeId: shape.id,
          hint: `${mixinId} could not be built: fix its own mixins first`,
        });
        failed.add(shape.id);
        continue;
      }
      const mixinTrait = mixin.traits[MIXIN];
      const local = new Set<string>([MIXIN]);
      if (
        mixinTrait &&
        typeof mixinTrait === "object" &&
        !Array.isArray(mixinTrait) &&
        Array.isArray(mixinTrait.localTraits)
      ) {
        for (const t of mixinTrait.localTraits) if (typeof t === "string") local.add(t);
      }
      for (const [id, value] of Object.entries(mixin.traits)) if (!local.has(id)) inheritedTraits[id] = value;
      inheritedLocator = chainLocators(inheritedLocator, mixin.locateTrait);
      for (const m of mixin.members) {
        const prior = inheritedMembers.findIndex((x) => x.name === m.name);
        const copy: Member = { ...m, id: `${shape.id}$${m.name}`, traits: { ...m.traits } };
        const from = mixinMembers.get(m.name) ?? [];
        mixinMembers.set(m.name, [...from, m]);
        if (prior >= 0) {
          inheritedMembers[prior] = {
            ...inheritedMembers[prior],
            traits: { ...inheritedMembers[prior].traits, ...m.traits },
            locateTrait: chainLocators(m.locateTrait, inheritedMembers[prior].locateTrait),
          };
        } else inheritedMembers.push(copy);
      }
    }
    // An unbuilt shape's elided members have nothing to take their target from: reported above.
    if (!failed.has(shape.id)) resolveElided(shape, defined.get(shape.id)?.def, inheritedMembers, shapes, problems);
    if (shape.mixins.length > 0) {
      reportMemberConflicts(shape, mixinMembers, problems);
      const merged: Member[] = inheritedMembers.map((m) => ({ ...m }));
      for (const own of shape.members) {
        const i = merged.findIndex((m) => m.name === own.name);
        if (i < 0) merged.push(own);
        else {
          merged[i] = {
            ...merged[i],
            traits: { ...merged[i].traits, ...own.traits },
            location: own.location,
            locateTrait: chainLocators(own.locateTrait, merged[i].locateTrait),
          };
        }
      }
      shape.members = merged;
      shape.traits = { ...inheritedTraits, ...shape.traits };
      shape.locateTrait = chainLocators(shape.locateTrait, inheritedLocator);
    }
    state.set(shape.id, "done");
  };
  for (const s of shapes.values()) if (!s.prelude) visit(s);
  return failed;
}

/** What Smithy names when a mixin cannot be applied: the first elided member, which needed it, else the shape. */
function applyingTo(shape: Shape): string {
  const elided = shape.members.find((m) => m.target === "");
  return elided === undefined ? shape.id : elided.id;
}

/**
 * A member whose target differs from the one a mixin gives it, in Smithy's words and once per
 * member: the shape's own member against each mixin's in turn (naming that mixin's member), or,
 * without one, two mixins that disagree (naming the member the first gave the shape).
 */
function reportMemberConflicts(
  shape: Shape,
  mixinMembers: ReadonlyMap<string, Member[]>,
  problems: Diagnostic[],
): void {
  for (const [name, fromMixins] of mixinMembers) {
    const own = shape.members.find((m) => m.name === name);
    const first = fromMixins[0];
    const conflict =
      own !== undefined
        ? fromMixins.find((m) => m.target !== own.target)?.id
        : fromMixins.some((m) => m.target !== first?.target)
          ? `${shape.id}$${name}`
          : undefined;
    if (conflict === undefined) continue;
    problems.push({
      message: `Member conflicts with an inherited mixin member: \`${conflict}\``,
      location: own?.location ?? shape.location,
      shapeId: `${shape.id}$${name}`,
      hint: "A shape may only add traits to an inherited member, never change its target",
    });
  }
}

/** Gives elided members (`$name`, target still empty) their target. */
function resolveElided(
  shape: Shape,
  def: ShapeDefinition | undefined,
  inherited: Member[],
  shapes: Map<string, Shape>,
  problems: Diagnostic[],
): void {
  for (const m of shape.members) {
    if (m.target !== "") continue;
    const resource = def?.forResource ? shapes.get(def.forResource) : undefined;
    const fromResource = resource?.identifiers?.[m.name] ?? resource?.properties?.[m.name];
    const fromMixin = inherited.find((x) => x.name === m.name)?.target;
    const target = fromResource ?? fromMixin;
    if (target) m.target = target;
    else {
      problems.push({
        message:
          "Member target was elided, but no bound resource or mixin contained a matching identifier or member name.",
        location: m.location,
        shapeId: m.id,
        hint: "Give the member an explicit target, or add it to the resource or a mixin",
      });
    }
  }
}
