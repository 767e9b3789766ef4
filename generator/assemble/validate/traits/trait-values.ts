/**
 * TraitValue: every trait value must be a value of its trait's shape (the definition in the model
 * or the prelude), checked as Smithy's node validation does (./node-value.ts). A mistyped member
 * (`@length(maxx: 64)`) is Smithy's WARNING; a value of the wrong type (`@length(max: "64")`) or
 * a constraint broken inside the value is an ERROR.
 */
import { validateNodeValue, type IdRefUse } from "../node-value.js";
import { idiomaticName, suggestion, type TraitValidationContext } from "./context.js";
import { idRefProblem } from "./id-refs.js";
import { traitCreationProblem } from "../misc/trait-creation.js";

/** Validates every trait value against its definition. */
export function checkTraitValues(ctx: TraitValidationContext): void {
  for (const holder of ctx.holders()) {
    for (const [traitId, value] of Object.entries(holder.traits)) {
      const def = ctx.definition(traitId);
      if (!def) continue;
      // A value Smithy cannot even build the trait from is its loading error, reported instead.
      const creation = traitCreationProblem(traitId, value);
      if (creation !== undefined) {
        ctx.report(holder, traitId, {
          eventId: "Model",
          message: `Error creating trait \`${idiomaticName(traitId)}\`: ${creation}`,
          hint: `The value of @${idiomaticName(traitId)} must fit its definition, ${def.id} (${def.type})`,
        });
        continue;
      }
      const idRefs: IdRefUse[] = [];
      const problems = validateNodeValue(value, def, ctx.shapes, { idRefs });
      for (const use of idRefs) {
        const message = idRefProblem(ctx, use);
        if (message !== undefined) problems.push({ path: use.path, message, severity: "ERROR" });
      }
      for (const p of problems) {
        const where = p.path.length > 0 ? `.${p.path.join(".")}` : "";
        const unknown = p.eventIdSuffix?.startsWith("UnknownMember.")
          ? p.eventIdSuffix.slice(p.eventIdSuffix.lastIndexOf(".") + 1)
          : undefined;
        const container =
          unknown === undefined
            ? undefined
            : ctx.shapes.get(p.eventIdSuffix?.slice("UnknownMember.".length, -(unknown.length + 1)) ?? "");
        ctx.report(holder, traitId, {
          message: `Error validating trait \`${idiomaticName(traitId)}\`${where}: ${p.message}`,
          eventId: p.eventIdSuffix ? `TraitValue.${p.eventIdSuffix}` : "TraitValue",
          severity: p.severity,
          hint:
            unknown !== undefined
              ? (suggestion(unknown, container?.members.map((m) => m.name) ?? []) ??
                `\`${container?.id ?? def.id}\` has the members: ${container?.members.map((m) => m.name).join(", ") || "none"}`)
              : `The value of @${idiomaticName(traitId)} must fit its definition, ${def.id} (${def.type})`,
        });
      }
    }
  }
}
