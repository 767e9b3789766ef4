/**
 * Smithy's TraitValidatorsValidator: a trait definition with `@traitValidators` declares, per
 * event id, a selector run from every shape the trait is applied to; each shape it reaches is
 * reported with that id, severity and message. anvil's add-on definitions use it for the
 * protocols that cannot carry documents (UnsupportedProtocolDocument); a model's own trait
 * definitions may declare other ids.
 */
import type { Severity } from "../../errors.js";
import { UnsupportedSelector } from "./selector/parse.js";
import type { TraitValidationContext } from "./traits/context.js";

const TRAIT_VALIDATORS = "smithy.api#traitValidators";
const SEVERITIES = new Set<string>(["NOTE", "WARNING", "DANGER", "ERROR"]);
/** Smithy requires each key to be a valid event id, which it checks as a namespace (identifiers joined by dots). */
const IDENTIFIER = "(?:_+[A-Za-z0-9]|[A-Za-z])[A-Za-z0-9_]*";
const EVENT_ID = new RegExp(`^${IDENTIFIER}(?:\\.${IDENTIFIER})*$`);

/** The event ids anvil's own add-on trait definitions declare (for the errorfiles runner). */
export const ADDON_TRAIT_VALIDATOR_IDS = ["UnsupportedProtocolDocument", "rpcv2Cbor.NoDocuments"];

/** Every declared rule, run from every shape carrying its trait. */
export function checkTraitValidators(ctx: TraitValidationContext): void {
  for (const def of ctx.shapes.values()) {
    const rules = def.traits[TRAIT_VALIDATORS];
    if (rules === undefined || rules === null || typeof rules !== "object" || Array.isArray(rules)) continue;
    const bad = Object.keys(rules).filter((key) => !EVENT_ID.test(key));
    for (const key of bad)
      ctx.report(def, TRAIT_VALIDATORS, {
        eventId: "TraitValidators",
        message: `\`${TRAIT_VALIDATORS}\` key is not a valid event ID: \`${key}\``,
      });
    if (bad.length > 0) continue;
    const applied = [...ctx.shapes.values()].filter((s) => !s.prelude && s.traits[def.id] !== undefined);
    for (const shape of applied) {
      const start = ctx.selectors().node(shape.id);
      if (start === undefined) continue;
      for (const [eventId, rule] of Object.entries(rules)) {
        if (rule === null || typeof rule !== "object" || Array.isArray(rule) || typeof rule["selector"] !== "string")
          continue;
        const found = ctx.selectors().selectFrom(rule["selector"], start);
        if (found instanceof UnsupportedSelector) {
          ctx.unsupportedSelectors.add(rule["selector"]);
          continue;
        }
        const suffix = typeof rule["message"] === "string" ? `: ${rule["message"]}` : "";
        const severity =
          typeof rule["severity"] === "string" && SEVERITIES.has(rule["severity"])
            ? (rule["severity"] as Severity)
            : "ERROR";
        for (const node of found) {
          ctx.report(node.member ?? node.shape ?? shape, undefined, {
            eventId,
            severity,
            message: `Found an incompatible shape when validating the constraints of the \`${def.id}\` trait attached to \`${shape.id}\`${suffix}`,
          });
        }
      }
    }
  }
}
