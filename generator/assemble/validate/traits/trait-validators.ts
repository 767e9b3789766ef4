/**
 * Smithy's TraitValidators validator: a trait definition's `@traitValidators` maps an event id to
 * a selector; for each shape the trait is applied to, every shape the selector reaches from it
 * is reported under that id (with the validator's severity and message). Keys that cannot be
 * event ids are an ERROR on the definition, and its validators are then not run.
 */
import type { Severity } from "../../../errors.js";
import type { NodeValue } from "../../../load/ast.js";
import { UnsupportedSelector } from "../selector/parse.js";
import type { TraitValidationContext } from "./context.js";

const TRAIT_VALIDATORS = "smithy.api#traitValidators";

/** An event id: dot-separated identifiers (Smithy's namespace syntax). */
const EVENT_ID = /^(?:_*[A-Za-z][A-Za-z0-9_]*)(?:\.(?:_*[A-Za-z][A-Za-z0-9_]*))*$/;

const SEVERITIES: ReadonlySet<string> = new Set(["ERROR", "DANGER", "WARNING", "NOTE"]);

type NodeObject = { [key: string]: NodeValue };

function isObject(v: NodeValue | undefined): v is NodeObject {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Invalid keys, then the shapes each validator of each applied trait selects. */
export function checkTraitValidators(ctx: TraitValidationContext): void {
  const definitions = [...ctx.shapes.values()].filter((s) => isObject(s.traits[TRAIT_VALIDATORS]));
  if (definitions.length === 0) return;
  for (const def of definitions) {
    const validators = def.traits[TRAIT_VALIDATORS] as NodeObject;
    const bad = Object.keys(validators).filter((key) => !EVENT_ID.test(key));
    for (const key of bad) {
      ctx.report(def, TRAIT_VALIDATORS, { eventId: "TraitValidators", message: `\`${TRAIT_VALIDATORS}\` key is not a valid event ID: \`${key}\`` });
    }
    if (bad.length > 0) continue;
    for (const applied of ctx.shapes.values()) {
      if (applied.traits[def.id] === undefined) continue;
      const start = ctx.selectors().node(applied.id);
      if (start === undefined) continue;
      for (const [eventId, validator] of Object.entries(validators)) {
        if (!isObject(validator) || typeof validator.selector !== "string") continue;
        const found = ctx.selectors().selectFrom(validator.selector, start);
        // A selector anvil cannot evaluate leaves the validator unchecked, as for trait targets.
        if (found instanceof UnsupportedSelector) {
          ctx.unsupportedSelectors.add(validator.selector);
          continue;
        }
        const severity = typeof validator.severity === "string" && SEVERITIES.has(validator.severity) ? (validator.severity as Severity) : "ERROR";
        const suffix = typeof validator.message === "string" ? `: ${validator.message}` : "";
        for (const node of found) {
          ctx.events.push({
            eventId,
            severity,
            shapeId: node.id,
            location: node.shape?.location ?? node.member?.location,
            message: `Found an incompatible shape when validating the constraints of the \`${def.id}\` trait attached to \`${applied.id}\`${suffix}`,
          });
        }
      }
    }
  }
}
