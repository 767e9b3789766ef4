/**
 * The validators a model declares in `metadata validators`, as Smithy runs them: each entry names
 * a validator (`name`), with an event `id` (default: the name), `message`, `severity` (default
 * DANGER), `namespaces` it is limited to, and a `configuration`. anvil knows EmitEachSelector
 * (an event for every shape the selector matches) and EmitNoneSelector (one event when none
 * does); an unknown name is Smithy's WARNING `UnknownValidator_<name>`, an entry without a
 * usable selector an ERROR at the entry's metadata statement.
 */
import type { Diagnostic, Severity, SourceLocation } from "../../errors.js";
import type { NodeValue } from "../../load/ast.js";
import { SelectorSyntaxError, UnsupportedSelector } from "./selector/parse.js";
import type { TraitValidationContext } from "./traits/context.js";

type NodeObject = { [key: string]: NodeValue };

const SEVERITIES = new Set(["NOTE", "WARNING", "DANGER", "ERROR"]);

function isObject(v: NodeValue | undefined): v is NodeObject {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Runs every declared validator; `location` is where the `validators` metadata was written. */
export function runMetadataValidators(ctx: TraitValidationContext, metadata: Record<string, NodeValue>, location: SourceLocation | undefined): void {
  const entries = metadata["validators"];
  if (!Array.isArray(entries)) return; // reported by the loader
  for (const entry of entries) {
    if (!isObject(entry) || typeof entry["name"] !== "string") continue;
    const name = entry["name"];
    if (name !== "EmitEachSelector" && name !== "EmitNoneSelector") {
      ctx.events.push({ ...event(`Unable to locate a validator named \`${name}\``, "WARNING", `UnknownValidator_${name}`, undefined, location), hint: "anvil runs the EmitEachSelector and EmitNoneSelector validators" });
      continue;
    }
    const config = isObject(entry["configuration"]) ? entry["configuration"] : {};
    const selector = config["selector"];
    const fail = (reason: string) => ctx.events.push(event(`Error creating \`${name}\` validator: ${reason}`, "ERROR", "Model", undefined, location));
    if (typeof selector !== "string") {
      fail("selector is required");
      continue;
    }
    const matched = ctx.selectors().matches(selector);
    if (matched instanceof SelectorSyntaxError) {
      // Smithy's words: its validator reads the selector through the Selector class's fromNode.
      fail(`Deserialization error at (/selector): unable to create software.amazon.smithy.model.selector.Selector from ${JSON.stringify(selector)}: Unable to deserialize Node using fromNode method: ${matched.message}`);
      continue;
    }
    if (matched instanceof UnsupportedSelector) {
      fail(`anvil cannot evaluate the selector ${JSON.stringify(selector)}: ${matched.message}`);
      continue;
    }
    const id = typeof entry["id"] === "string" ? entry["id"] : name;
    const severity = (typeof entry["severity"] === "string" && SEVERITIES.has(entry["severity"]) ? entry["severity"] : "DANGER") as Severity;
    const namespaces = Array.isArray(entry["namespaces"]) ? entry["namespaces"].filter((n): n is string => typeof n === "string") : undefined;
    const inScope = (shapeId: string) => namespaces === undefined || namespaces.includes(shapeId.slice(0, shapeId.indexOf("#")));
    const hits = [...matched].filter((n) => !(n.shape ?? ctx.shapes.get(n.id.slice(0, n.id.indexOf("$"))))?.prelude && inScope(n.id));
    const message = typeof entry["message"] === "string" ? entry["message"] : undefined;
    if (name === "EmitEachSelector") {
      for (const n of hits.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
        const holder = n.member ?? n.shape;
        ctx.events.push(event(message ?? `Selector capture matched selector: ${selector}`, severity, id, n.id, holder?.location));
      }
    } else if (hits.length === 0) {
      ctx.events.push(event(message ?? `Expected at least one shape to match selector: ${selector}`, severity, id, undefined, location));
    }
  }
}

function event(message: string, severity: Severity, eventId: string, shapeId: string | undefined, location: SourceLocation | undefined): Diagnostic {
  return { message, severity, eventId, ...(shapeId === undefined ? {} : { shapeId }), ...(location === undefined ? {} : { location }) };
}
