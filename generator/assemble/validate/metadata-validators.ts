/**
 * The validators a model declares in `metadata validators`, as Smithy runs them: each entry names
 * a validator (`name`), with an event `id` (default: the name), `message`, `severity` (default
 * DANGER, NOTE for UnreferencedShape), `namespaces` it is limited to, and a `configuration`.
 * anvil runs the three validators Smithy builds into smithy-model: EmitEachSelector (an event for every
 * shape the selector matches), EmitNoneSelector (one event when none does) and UnreferencedShape
 * (an event for every shape not connected to a root, ./closure/unreferenced-shapes.ts). An
 * unknown name is Smithy's WARNING `UnknownValidator_<name>`, an entry that cannot be set up (no
 * usable selector, say) an ERROR at the entry's metadata statement.
 */
import type { Diagnostic, Severity, SourceLocation } from "../../errors.js";
import type { NodeValue } from "../../load/ast.js";
import { unreferencedShapes } from "./closure/unreferenced-shapes.js";
import type { SelectorNode } from "./selector/evaluate.js";
import { SelectorSyntaxError, UnsupportedSelector } from "./selector/parse.js";
import type { TraitValidationContext } from "./traits/context.js";

type NodeObject = { [key: string]: NodeValue };

const SEVERITIES = new Set(["NOTE", "WARNING", "DANGER", "ERROR"]);

/** One event a validator found: about a shape or member, or (shape undefined) about the model. */
interface Found {
  node?: SelectorNode;
  message: string;
}

/** A built-in validator: its default severity and what it finds, or the reason it cannot be created. */
interface BuiltIn {
  severity: Severity;
  /** `inScope`: a node not of the prelude and within the entry's `namespaces`, the nodes reported on. */
  run(
    ctx: TraitValidationContext,
    config: NodeObject,
    message: string | undefined,
    inScope: (n: SelectorNode) => boolean,
  ): Found[] | { error: string };
}

/** Smithy's built-in validators (smithy-model's ValidatorService providers), by name. */
const BUILT_INS: Record<string, BuiltIn> = {
  EmitEachSelector: {
    severity: "DANGER",
    run(ctx, config, message, inScope) {
      const matched = select(ctx, config["selector"], "selector");
      if ("error" in matched) return matched;
      return [...matched.nodes]
        .filter(inScope)
        .map((node) => ({ node, message: message ?? `Selector capture matched selector: ${matched.selector}` }));
    },
  },
  EmitNoneSelector: {
    severity: "DANGER",
    run(ctx, config, message, inScope) {
      const matched = select(ctx, config["selector"], "selector");
      if ("error" in matched) return matched;
      return [...matched.nodes].some(inScope)
        ? []
        : [{ message: message ?? `Expected at least one shape to match selector: ${matched.selector}` }];
    },
  },
  UnreferencedShape: {
    severity: "NOTE",
    run(ctx, config, message, inScope) {
      const extra = Object.keys(config)
        .filter((k) => k !== "rootShapeSelector")
        .sort();
      if (extra.length > 0)
        return {
          error: `Expected an object with possible properties of \`rootShapeSelector\`, but found additional properties: ${extra.map((k) => `\`${k}\``).join(", ")}`,
        };
      const roots = select(ctx, config["rootShapeSelector"] ?? "service", "rootShapeSelector");
      if ("error" in roots) return roots;
      return unreferencedShapes(ctx, roots.nodes)
        .filter(inScope)
        .map((node) => ({
          node,
          message:
            message ??
            `This shape is unreferenced. It has no modeled connections to shapes that match the following selector: \`${roots.selector}\``,
        }));
    },
  },
};

/** The validator names anvil runs from `metadata validators`. */
export const METADATA_VALIDATOR_NAMES: ReadonlySet<string> = new Set(Object.keys(BUILT_INS));

function isObject(v: NodeValue | undefined): v is NodeObject {
  return v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v);
}

/** Runs every declared validator; `location` is where the `validators` metadata was written. */
export function runMetadataValidators(
  ctx: TraitValidationContext,
  metadata: Record<string, NodeValue>,
  location: SourceLocation | undefined,
): void {
  const entries = metadata["validators"];
  if (!Array.isArray(entries)) return; // reported by the loader
  for (const entry of entries) {
    if (!isObject(entry) || typeof entry["name"] !== "string") continue;
    const name = entry["name"];
    const builtIn = BUILT_INS[name];
    if (builtIn === undefined) {
      ctx.events.push({
        ...event(
          `Unable to locate a validator named \`${name}\``,
          "WARNING",
          `UnknownValidator_${name}`,
          undefined,
          location,
        ),
        hint: `anvil runs the ${[...METADATA_VALIDATOR_NAMES].join(", ")} validators`,
      });
      continue;
    }
    const config = isObject(entry["configuration"]) ? entry["configuration"] : {};
    const message = typeof entry["message"] === "string" ? entry["message"] : undefined;
    const namespaces = Array.isArray(entry["namespaces"])
      ? entry["namespaces"].filter((n): n is string => typeof n === "string")
      : undefined;
    const inScope = (n: SelectorNode) =>
      !isPrelude(ctx, n) && (namespaces === undefined || namespaces.includes(n.id.slice(0, n.id.indexOf("#"))));
    const found = builtIn.run(ctx, config, message, inScope);
    if ("error" in found) {
      ctx.events.push(
        event(`Error creating \`${name}\` validator: ${found.error}`, "ERROR", "Model", undefined, location),
      );
      continue;
    }
    const id = typeof entry["id"] === "string" ? entry["id"] : name;
    const severity =
      typeof entry["severity"] === "string" && SEVERITIES.has(entry["severity"])
        ? (entry["severity"] as Severity)
        : builtIn.severity;
    for (const f of found.sort((a, b) => compareIds(a.node?.id ?? "", b.node?.id ?? ""))) {
      const holder = f.node?.member ?? f.node?.shape;
      ctx.events.push(event(f.message, severity, id, f.node?.id, f.node === undefined ? location : holder?.location));
    }
  }
}

/** A selector of the configuration: its matches, or the error creating the validator. */
function select(
  ctx: TraitValidationContext,
  selector: NodeValue | undefined,
  key: string,
): { selector: string; nodes: Set<SelectorNode> } | { error: string } {
  if (typeof selector !== "string") return { error: `${key} is required` };
  const matched = ctx.selectors().matches(selector);
  if (matched instanceof SelectorSyntaxError) {
    // Smithy's words: EmitEachSelector reads its selector through the Selector class's fromNode,
    // UnreferencedShape parses it itself.
    return key === "selector"
      ? {
          error: `Deserialization error at (/selector): unable to create software.amazon.smithy.model.selector.Selector from ${JSON.stringify(selector)}: Unable to deserialize Node using fromNode method: ${matched.message}`,
        }
      : { error: `Error parsing \`${key}\`: ${matched.message}` };
  }
  if (matched instanceof UnsupportedSelector)
    return { error: `anvil cannot evaluate the ${key} ${JSON.stringify(selector)}: ${matched.message}` };
  return { selector, nodes: matched };
}

/** Whether a node is a prelude shape or a member of one (never reported). */
function isPrelude(ctx: TraitValidationContext, n: SelectorNode): boolean {
  return (n.shape ?? ctx.shapes.get(n.id.slice(0, n.id.indexOf("$"))))?.prelude === true;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function event(
  message: string,
  severity: Severity,
  eventId: string,
  shapeId: string | undefined,
  location: SourceLocation | undefined,
): Diagnostic {
  return {
    message,
    severity,
    eventId,
    ...(shapeId === undefined ? {} : { shapeId }),
    ...(location === undefined ? {} : { location }),
  };
}
