/**
 * Smithy's HttpBindingTraitIgnored and IdempotencyTokenIgnored validators: HTTP binding traits
 * and `@idempotencyToken` only act on the top-level members of an operation's input (or output,
 * for `@httpResponseCode`); where the structure is also used elsewhere (as a member's target, as
 * the other side of an operation), the trait is ignored there, and Smithy warns with the list.
 * Mixins are skipped: their members are checked where they are mixed in.
 */
import type { Member, Shape } from "../../model.js";
import type { TraitHolder, TraitValidationContext } from "../traits/context.js";
import { formatContexts, incomingRelationships, type IncomingRelationship } from "./relationships.js";

const MIXIN = "smithy.api#mixin";
const IDEMPOTENCY_TOKEN = "smithy.api#idempotencyToken";
const IGNORED_OUTSIDE_INPUT = new Set(["smithy.api#httpLabel", "smithy.api#httpQueryParams", "smithy.api#httpQuery"]);
const IGNORED_OUTSIDE_OUTPUT = new Set(["smithy.api#httpResponseCode"]);
const HTTP_BINDINGS = new Set([
  ...IGNORED_OUTSIDE_INPUT,
  ...IGNORED_OUTSIDE_OUTPUT,
  "smithy.api#httpHeader",
  "smithy.api#httpPayload",
  "smithy.api#httpPrefixHeaders",
]);

/**
 * The members of non-mixin structures that `wanted` picks, with the relationships into their
 * structure (its own members' left out); the reverse index is built only once one is found.
 */
function* structureMembers(
  ctx: TraitValidationContext,
  wanted: (member: Member) => boolean,
): Generator<{ holder: TraitHolder; member: Member; incoming: IncomingRelationship[] }> {
  let incoming: Map<string, IncomingRelationship[]> | undefined;
  for (const holder of ctx.holders()) {
    const member = holder.member;
    if (!member || holder.shape.type !== "structure" || holder.shape.traits[MIXIN] !== undefined || !wanted(member))
      continue;
    incoming ??= incomingRelationships(ctx.shapes);
    yield { holder, member, incoming: incoming.get(holder.shape.id) ?? [] };
  }
}

/** Whether a member was inherited from one of its structure's mixins. */
function isMixedIn(ctx: TraitValidationContext, shape: Shape, member: Member): boolean {
  return shape.mixins.some((id) => ctx.shapes.get(id)?.members.some((m) => m.name === member.name));
}

/** Every HTTP binding trait on a member of a structure that is also used where the trait does nothing. */
export function checkHttpBindingsIgnored(ctx: TraitValidationContext): void {
  for (const { holder, member, incoming } of structureMembers(ctx, (m) =>
    Object.keys(m.traits).some((t) => HTTP_BINDINGS.has(t)),
  )) {
    const bindings = Object.keys(member.traits).filter((t) => HTTP_BINDINGS.has(t));
    const [first] = bindings;
    if (first === undefined) continue;
    const inputOnly = bindings.find((t) => IGNORED_OUTSIDE_INPUT.has(t));
    const outputOnly = bindings.find((t) => IGNORED_OUTSIDE_OUTPUT.has(t));
    // As Smithy: a trait valid only in input is ignored in any other relationship; one valid only
    // in output, in any but output; every binding, anywhere but an operation's input, output or error.
    const ignored = incoming.filter(
      (r) =>
        (inputOnly !== undefined && r.type !== "input") ||
        (outputOnly !== undefined && r.type !== "output") ||
        !["input", "output", "error"].includes(r.type),
    );
    if (ignored.length === 0) continue;
    const trait = inputOnly ?? outputOnly ?? first;
    const kind = inputOnly !== undefined ? "Input" : outputOnly !== undefined ? "Output" : "TopLevel";
    // Smithy compares the number of relationships with the number of relationship *types* ignored.
    const types = new Set(ignored.map((r) => r.type)).size;
    const where =
      incoming.length === types ? "ignored in all contexts." : `ignored in some contexts: ${formatContexts(ignored)}`;
    ctx.report(holder, trait, {
      eventId: `HttpBindingTraitIgnored.${kind}`,
      severity: "WARNING",
      message: `The \`${trait.slice("smithy.api#".length)}\` trait applied to this${isMixedIn(ctx, holder.shape, member) ? " mixed in" : ""} member is ${where}`,
    });
  }
}

/** Every `@idempotencyToken` on a member of a structure used other than as an operation's input. */
export function checkIdempotencyTokensIgnored(ctx: TraitValidationContext): void {
  for (const { holder, incoming } of structureMembers(ctx, (m) => m.traits[IDEMPOTENCY_TOKEN] !== undefined)) {
    const ignored = incoming.filter((r) => r.type !== "input");
    if (ignored.length === 0) continue;
    ctx.report(holder, IDEMPOTENCY_TOKEN, {
      eventId: "IdempotencyTokenIgnored",
      severity: "WARNING",
      message: `The \`idempotencyToken\` trait only has an effect when applied to a top-level operation input member, but it was applied and ignored in the following contexts: ${formatContexts(ignored)}`,
    });
  }
}
