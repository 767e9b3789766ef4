/**
 * DefaultTrait: Smithy's rules for `@default` (DefaultTraitValidator). A default is a value of
 * its shape, checked like a trait value (./node-value.ts) against the member's own constraints
 * and then its target's, where a `@range` broken by a zero is only a WARNING (1.0 models implied
 * zeros); lists and maps default to empty, documents to a scalar or an empty array or object,
 * blobs to base64; `null` is allowed only on members (it removes the target's default); and a
 * structure member whose target has a default must repeat it (or set `null`). Without these
 * rules a bad default reaches the generated code as a type error or a wrong value.
 */
import type { NodeValue } from "../../load/ast.js";
import type { Member, Shape } from "../model.js";
import { nodeEquals } from "../traits.js";
import { validateMemberValue, validateNodeValue, type NodeProblem } from "./node-value.js";
import { isSimpleType } from "./selector/evaluate.js";
import { memberHolder, shapeHolder, type TraitHolder, type TraitValidationContext } from "./traits/context.js";

const DEFAULT = "smithy.api#default";
const EVENT_ID = "DefaultTrait";

/** Reports every `@default` that does not fit its shape, and members that do not repeat their target's default. */
export function checkDefaultTrait(ctx: TraitValidationContext): void {
  for (const holder of holdersWithDefaults(ctx)) {
    const value = holder.traits[DEFAULT] as NodeValue;
    if (!holder.member) {
      if (value === null) {
        ctx.report(holder, DEFAULT, {
          message: "The @default trait can be set to null only on members",
          eventId: EVENT_ID,
          hint: "Remove the @default trait: a shape without a default has none",
        });
        continue;
      }
      reportValueProblems(
        ctx,
        holder,
        validateNodeValue(value, holder.shape, ctx.shapes, { zeroRangeIsWarning: true }),
        holder.shape,
      );
      checkKindRules(ctx, holder, value, holder.shape);
      continue;
    }
    // A member may set null to remove its target's default (the member becomes optional).
    if (value === null) continue;
    const target = ctx.shapes.get(holder.member.target);
    if (!target) continue; // a dangling target is the reference check's error
    reportValueProblems(
      ctx,
      holder,
      validateMemberValue(value, holder.member, holder.shape, ctx.shapes, { zeroRangeIsWarning: true }),
      target,
    );
    checkKindRules(ctx, holder, value, target);
    checkMemberTarget(ctx, holder, holder.member, target);
  }
  checkRepeatedDefaults(ctx);
}

/** The shapes and members that carry `@default` (walked directly: most members of a large model have none). */
function* holdersWithDefaults(ctx: TraitValidationContext): Generator<TraitHolder> {
  for (const shape of ctx.shapes.values()) {
    if (shape.prelude) continue;
    if (shape.traits[DEFAULT] !== undefined) yield shapeHolder(shape);
    for (const member of shape.members) if (member.traits[DEFAULT] !== undefined) yield memberHolder(shape, member);
  }
}

function reportValueProblems(
  ctx: TraitValidationContext,
  holder: TraitHolder,
  problems: NodeProblem[],
  target: Shape,
): void {
  for (const p of problems) {
    const where = p.path.length > 0 ? `.${p.path.join(".")}` : "";
    ctx.report(holder, DEFAULT, {
      message: `Error validating @default trait${where}: ${p.message}`,
      eventId: p.eventIdSuffix ? `${EVENT_ID}.${p.eventIdSuffix}` : EVENT_ID,
      severity: p.severity,
      hint: `A default must be a value of ${target.id} (${target.type}) that meets its constraints`,
    });
  }
}

/** The rules by the target's type that node validation does not cover. */
function checkKindRules(ctx: TraitValidationContext, holder: TraitHolder, value: NodeValue, target: Shape): void {
  const report = (message: string, hint: string, severity: "ERROR" | "WARNING" = "ERROR") =>
    ctx.report(holder, DEFAULT, { message, eventId: EVENT_ID, severity, hint });
  const nonEmptyArray = Array.isArray(value) && value.length > 0;
  const nonEmptyObject =
    value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length > 0;
  switch (target.type) {
    case "blob":
      if (typeof value === "string" && !isBase64(value))
        report(
          "The @default value of a blob should be a valid base64 string.",
          "Encode the default bytes as base64",
          "WARNING",
        );
      return;
    case "map":
      if (nonEmptyObject) report("The @default value of a map must be an empty map", "A map can only default to {}");
      return;
    case "list":
    case "set":
      if (nonEmptyArray) report("The @default value of a list must be an empty list", "A list can only default to []");
      return;
    case "document":
      if (nonEmptyArray)
        report(
          "The @default value of a document cannot be a non-empty array",
          "A document can default to a scalar, [] or {}",
        );
      if (nonEmptyObject)
        report(
          "The @default value of a document cannot be a non-empty object",
          "A document can default to a scalar, [] or {}",
        );
      return;
  }
}

/** Whether Java's basic base64 decoder accepts the text: the alphabet, no lone final character, padding only at the end. */
function isBase64(text: string): boolean {
  const m = /^([A-Za-z0-9+/]*)(={0,2})$/.exec(text);
  if (!m) return false;
  const body = m[1].length;
  if (m[2].length > 0) return (body + m[2].length) % 4 === 0;
  return body % 4 !== 1;
}

/**
 * The `@default` selector's rule for members, `structure > member :test(> :is(simpleType, list,
 * map))`, checked here only while anvil's selector engine cannot evaluate that selector (the
 * TraitTarget validator records it as unsupported); the event is TraitTarget's, as in Smithy.
 */
function checkMemberTarget(ctx: TraitValidationContext, holder: TraitHolder, member: Member, target: Shape): void {
  const def = ctx.definition(DEFAULT);
  const selector = def ? ctx.traitDefinition(def).selector : undefined;
  if (selector === undefined || !ctx.unsupportedSelectors.has(selector)) return;
  const fits =
    holder.shape.type === "structure" &&
    (isSimpleType(target.type) || target.type === "list" || target.type === "set" || target.type === "map");
  if (fits) return;
  ctx.report(holder, DEFAULT, {
    message: `Trait \`default\` cannot be applied to \`${member.id}\`. This trait may only be applied to shapes that match the following selector: ${selector}`,
    eventId: "TraitTarget",
    hint: `Only structure members that target a simple type, list or map take a default; ${member.target} is a ${target.type} and ${holder.shape.id} a ${holder.shape.type}`,
  });
}

/** Structure members whose target has a default must state the same default, or `null`. */
function checkRepeatedDefaults(ctx: TraitValidationContext): void {
  for (const shape of ctx.shapes.values()) {
    if (shape.prelude || shape.type !== "structure") continue;
    for (const member of shape.members) {
      const target = ctx.shapes.get(member.target);
      const targetDefault = target?.traits[DEFAULT];
      if (!target || targetDefault === undefined || targetDefault === null) continue;
      const own = member.traits[DEFAULT];
      const holder = { id: member.id, location: member.location, locateTrait: member.locateTrait };
      const shown = JSON.stringify(targetDefault);
      if (own === undefined) {
        ctx.report(holder, undefined, {
          message: `Member targets ${target.id}, which requires that the member defines the same default of \`${shown}\` or \`null\``,
          eventId: EVENT_ID,
          hint: `Add @default(${shown}) to the member, or @default(null) to make it optional`,
        });
      } else if (own !== null && !nodeEquals(own, targetDefault)) {
        ctx.report(holder, DEFAULT, {
          message: `Member defines a default value that differs from the default value of the target shape, ${target.id}. The member has a default of \`${JSON.stringify(own)}\`, but the target has a default of \`${shown}\`.`,
          eventId: EVENT_ID,
          hint: `Use the target's default, ${shown}, or null`,
        });
      }
    }
  }
}
