/**
 * Smithy's `@idRef` check on trait values (its IdRefPlugin): a string marked `@idRef` is an
 * absolute shape id; when the shape exists it must match the idRef's selector (any shape when
 * none), and when it does not exist that is an error only with `failWhenMissing`. A custom
 * `errorMessage` replaces the two messages about a shape, not the syntax error.
 */
import type { NodeValue } from "../../../load/ast.js";
import { APPLY_TARGET } from "../../../load/json-loader.js";
import type { IdRefUse } from "../node-value.js";
import type { TraitValidationContext } from "./context.js";

/** The message for a shape id string that breaks its `@idRef`, or undefined when it is fine. */
export function idRefProblem(ctx: TraitValidationContext, use: IdRefUse): string | undefined {
  if (!APPLY_TARGET.test(use.value)) return `Invalid shape ID: ${use.value}`;
  const { selector, failWhenMissing, errorMessage } = readIdRef(use.idRef);
  const node = ctx.selectors().node(use.value);
  if (node === undefined) {
    return failWhenMissing ? (errorMessage ?? `Shape ID \`${use.value}\` was not found in the model`) : undefined;
  }
  if (selector === "*") return undefined;
  const matches = ctx.selectors().matchesNode(selector, node);
  // A selector anvil cannot evaluate leaves the reference unchecked, as for trait targets.
  if (typeof matches !== "boolean") {
    ctx.unsupportedSelectors.add(selector);
    return undefined;
  }
  return matches ? undefined : (errorMessage ?? `Shape ID \`${use.value}\` does not match selector \`${selector}\``);
}

function readIdRef(value: NodeValue): { selector: string; failWhenMissing: boolean; errorMessage?: string } {
  const o = value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
  return {
    selector: typeof o.selector === "string" ? o.selector : "*",
    failWhenMissing: o.failWhenMissing === true,
    errorMessage: typeof o.errorMessage === "string" ? o.errorMessage : undefined,
  };
}
