/**
 * Smithy's OperationValidator. A structure marked `@input` (or `@output`) belongs to one
 * operation: it is that operation's input (output) only, no member targets it, and its name
 * should start with the operation's (a WARNING). And a shape named like an operation's input or
 * output (`GetFooInput`, `GetFooRequest`...) that is not it is a WARNING: generators name the
 * real input that way, and readers would assume it.
 */
import type { Shape } from "../../model.js";
import { splitId } from "../../model.js";
import { tickedList } from "../http/bindings.js";
import type { TraitValidationContext } from "../traits/context.js";
import { holderOf, referrers } from "./relationships.js";

const MISUSE = "OperationInputOutputMisuse";
const UNIT = "smithy.api#Unit";
const SUFFIXES = { input: ["Input", "Request"], output: ["Output", "Response"] } as const;

/** Shapes marked `@input`/`@output`: who refers to them, and how. */
export function checkInputOutputUse(ctx: TraitValidationContext): void {
  for (const [descriptor, invalid] of [
    ["input", "output"],
    ["output", "input"],
  ] as const) {
    for (const shape of ctx.shapes.values()) {
      if (shape.traits[`smithy.api#${descriptor}`] !== undefined) checkUses(ctx, shape, descriptor, invalid);
    }
  }
}

function checkUses(
  ctx: TraitValidationContext,
  shape: Shape,
  descriptor: "input" | "output",
  invalid: "input" | "output",
): void {
  const operations = new Set<string>();
  for (const rel of referrers(ctx.shapes, shape.id)) {
    if (rel.type === descriptor.toUpperCase()) {
      operations.add(rel.from);
      const opName = splitId(rel.from).name;
      if (!splitId(shape.id).name.startsWith(opName)) {
        ctx.report(holderOf(ctx.shapes, rel.from), undefined, {
          eventId: `OperationInputOutputName.${descriptor}`,
          severity: "WARNING",
          message: `The ${descriptor} of this operation should target a shape that starts with the operation's name, '${opName}', but the targeted shape is \`${shape.id}\``,
        });
      }
    } else if (rel.type === invalid.toUpperCase()) {
      ctx.report(holderOf(ctx.shapes, rel.from), undefined, {
        eventId: MISUSE,
        message: `Operation \`${invalid}\` cannot target structures marked with the \`@${descriptor}\` trait: \`${shape.id}\``,
      });
    } else if (rel.type === "MEMBER_TARGET") {
      ctx.report(holderOf(ctx.shapes, rel.from), undefined, {
        eventId: MISUSE,
        message: `Members cannot target structures marked with the @${descriptor} trait: ${shape.id}`,
      });
    }
  }
  if (operations.size > 1) {
    ctx.report(shape, undefined, {
      eventId: MISUSE,
      message: `Shapes marked with the @${descriptor} trait cannot be used as ${descriptor} by multiple operations: ${tickedList(operations)}`,
    });
  }
}

/** Shapes named `<Operation>Input`, `Request`, `Output` or `Response` that are not that operation's input or output. */
export function checkOperationNameAmbiguity(ctx: TraitValidationContext): void {
  for (const op of ctx.shapes.values()) {
    if (op.type !== "operation" || op.prelude) continue;
    for (const descriptor of ["input", "output"] as const) {
      const actual = op[descriptor] ?? UNIT;
      for (const suffix of SUFFIXES[descriptor]) {
        const ambiguous = ctx.shapes.get(`${op.id}${suffix}`);
        if (ambiguous === undefined || ambiguous.id === actual) continue;
        ctx.report(ambiguous, undefined, {
          eventId: "OperationNameAmbiguity",
          severity: "WARNING",
          message: `The name of this shape implies that it is the ${descriptor} of ${op.id}, but that operation uses ${actual} for ${descriptor}. This kind of ambiguity can confuse developers calling this operation and can cause issues in code generators that use similar naming conventions to generate ${descriptor} types.`,
        });
      }
    }
  }
}
