/**
 * The shapes Smithy's UnreferencedShape validator reports: shapes (not members, not prelude) that
 * no walk reaches from the root shapes, from a trait definition or from a shape typing metadata.
 * A walk follows every relationship Smithy's neighbour provider gives: the directed ones of the
 * selector index, a member's container, and the shapes named by `@idRef` strings in the traits
 * a reached shape or member carries.
 */
import type { NodeValue } from "../../../load/ast.js";
import { validateNodeValue, type IdRefUse } from "../node-value.js";
import type { SelectorNode } from "../selector/evaluate.js";
import type { TraitValidationContext } from "../traits/context.js";

const TRAIT = "smithy.api#trait";
const METADATA = "smithy.api#metadata";

/** The unreferenced shapes of the model, given the roots a selector matched. */
export function unreferencedShapes(ctx: TraitValidationContext, roots: Iterable<SelectorNode>): SelectorNode[] {
  const index = ctx.selectors();
  const kept = index.nodes.filter(
    (n) => n.shape !== undefined && (n.traits[TRAIT] !== undefined || n.traits[METADATA] !== undefined),
  );
  const idRefs = idRefTargets(ctx);
  const connected = index.closure([...roots, ...kept], (n) => {
    const more = idRefs.get(n) ?? [];
    const container = n.member === undefined ? undefined : index.node(n.id.slice(0, n.id.indexOf("$")));
    return container === undefined ? more : [...more, container];
  });
  return index.nodes.filter((n) => n.shape !== undefined && !n.shape.prelude && !connected.has(n));
}

/** For each shape or member, the nodes its trait values name through `@idRef` strings. */
function idRefTargets(ctx: TraitValidationContext): Map<SelectorNode, SelectorNode[]> {
  const index = ctx.selectors();
  const out = new Map<SelectorNode, SelectorNode[]>();
  for (const holder of ctx.holders()) {
    const node = index.node(holder.id);
    if (node === undefined) continue;
    for (const [traitId, value] of Object.entries(holder.traits)) {
      const targets = idRefStrings(ctx, traitId, value).flatMap((id) => index.node(id) ?? []);
      if (targets.length > 0) out.set(node, [...(out.get(node) ?? []), ...targets]);
    }
  }
  return out;
}

/** The strings of a trait value that its definition marks `@idRef`. */
function idRefStrings(ctx: TraitValidationContext, traitId: string, value: NodeValue): string[] {
  const def = ctx.definition(traitId);
  if (def === undefined) return [];
  const uses: IdRefUse[] = [];
  validateNodeValue(value, def, ctx.shapes, { idRefs: uses });
  return uses.map((u) => u.value);
}
