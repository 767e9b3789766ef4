/**
 * Smithy's HostLabelTrait validator, over each operation's `@endpoint` hostPrefix: with its labels
 * stubbed it must be a valid RFC 3986 host, it should end in a period when it has labels (a
 * DANGER: the label could otherwise choose the domain), and its labels and the input's
 * `@hostLabel` members must match one for one.
 */
import type { Shape } from "../../model.js";
import type { TraitValidationContext } from "../traits/context.js";

const ENDPOINT = "smithy.api#endpoint";
const HOST_LABEL = "smithy.api#hostLabel";
/** Smithy's pattern of an expanded host (its atomic group changes nothing here: a label cannot end in a dot). */
const EXPANDED_HOST = /^[a-zA-Z0-9][a-zA-Z0-9-]{0,62}(?:\.[a-zA-Z0-9-]{1,63})*\.?$/;

/** The `{label}` names of a host prefix. */
function labelsOf(prefix: string): string[] {
  return [...prefix.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? "");
}

/** Every operation with an `@endpoint` trait. */
export function checkHostLabels(ctx: TraitValidationContext): void {
  for (const holder of ctx.holders()) {
    const endpoint = holder.traits[ENDPOINT];
    if (
      holder.type !== "operation" ||
      endpoint === null ||
      typeof endpoint !== "object" ||
      Array.isArray(endpoint) ||
      typeof endpoint.hostPrefix !== "string"
    )
      continue;
    const prefix = endpoint.hostPrefix;
    const labels = labelsOf(prefix);
    const stub = prefix.replace(/\{[^}]*\}/g, "foo");
    if (!EXPANDED_HOST.test(stub)) {
      ctx.report(holder, ENDPOINT, {
        eventId: "HostLabelTrait",
        message: `The \`endpoint\` trait hostPrefix, ${prefix}, could not expand in to a valid RFC 3986 host: ${stub}`,
      });
    }
    if (labels.length > 0 && !prefix.endsWith(".")) {
      ctx.report(holder, ENDPOINT, {
        eventId: "HostLabelTrait",
        severity: "DANGER",
        message:
          "`endpoint` trait hostPrefix contains host labels and does not end in a period (`.`). This can result in clients inadvertently sending data to domains you do not control.",
      });
    }
    const input = ctx.shapes.get(holder.shape.input ?? "smithy.api#Unit");
    if (input?.type === "structure") checkBindings(ctx, holder.shape, input, labels);
  }
}

function checkBindings(ctx: TraitValidationContext, operation: Shape, input: Shape, labels: string[]): void {
  const unbound = new Set(labels);
  for (const member of input.members) {
    if (member.traits[HOST_LABEL] === undefined) continue;
    unbound.delete(member.name);
    if (labels.includes(member.name)) continue;
    ctx.report({ id: member.id, location: member.location, locateTrait: member.locateTrait }, HOST_LABEL, {
      eventId: "HostLabelTrait",
      message: `This \`${member.name}\` structure member is marked with the \`hostLabel\` trait, but no corresponding \`endpoint\` label could be found when used as the input of the \`${operation.id}\` operation.`,
    });
  }
  if (unbound.size === 0) return;
  ctx.report({ id: operation.id, location: operation.location, locateTrait: operation.locateTrait }, undefined, {
    eventId: "HostLabelTrait",
    message: `This operation uses ${input.id} as input, but the following host labels found in the operation's \`endpoint\` trait do not have a corresponding member marked with the \`hostLabel\` trait: ${[
      ...unbound,
    ]
      .sort()
      .map((l) => `\`${l}\``)
      .join(", ")}`,
  });
}
