/**
 * The built-in validators that protect constraint traits, so a mistyped constraint never becomes
 * a validator that checks less than the model says: `@length` and `@range` bounds that cannot be
 * met (negative lengths, `min` above `max`, decimals on integer types), `@pattern`s Java would
 * not compile, and members of one structure whose `@jsonName`s (or names) collide.
 */
import type { NodeValue } from "../../../load/ast.js";
import { javaPatternSyntaxError } from "../java-pattern.js";
import { shapeHolder, type TraitHolder, type TraitValidationContext } from "./context.js";

const LENGTH = "smithy.api#length";
const RANGE = "smithy.api#range";
const PATTERN = "smithy.api#pattern";
const JSON_NAME = "smithy.api#jsonName";
const DECIMAL_TYPES = new Set(["float", "double", "bigDecimal"]);

/** Reports unsatisfiable `@length`/`@range` bounds and `@pattern`s Java rejects. */
export function checkConstraintTraits(ctx: TraitValidationContext): void {
  for (const holder of ctx.holders()) {
    const length = asObject(holder.traits[LENGTH]);
    if (length) checkLength(ctx, holder, length);
    const range = asObject(holder.traits[RANGE]);
    if (range) checkRange(ctx, holder, range);
    const pattern = holder.traits[PATTERN];
    if (typeof pattern === "string") {
      const problem = javaPatternSyntaxError(pattern);
      if (problem !== undefined) {
        ctx.report(holder, PATTERN, {
          message: `Invalid @pattern on \`${holder.id}\`: Java would not compile \`${pattern}\`: ${problem}`,
          eventId: "PatternTrait",
          hint: "Smithy patterns are Java regular expressions (java.util.regex.Pattern); fix the expression",
        });
      }
      const missing = [
        pattern.startsWith("^") ? undefined : "leading '^'",
        pattern.endsWith("$") ? undefined : "trailing '$'",
      ].filter((m) => m !== undefined);
      if (missing.length > 0) {
        // Smithy patterns are not anchored: an unanchored one accepts any string containing a match.
        ctx.report(holder, PATTERN, {
          severity: "WARNING",
          eventId: "PatternTrait",
          message: `A pattern trait is applied without a ${missing.join(" and ")}, meaning only part of the string must match the regular expression. Explicitly anchoring regular expressions is preferable because it is more restrictive by default and does not require modelers to understand that Smithy patterns are not automatically anchored.`,
          hint: "Start the pattern with ^ and end it with $, or suppress PatternTrait if a partial match is meant",
        });
      }
    }
  }
}

function asObject(v: NodeValue | undefined): Record<string, NodeValue> | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? v : undefined;
}

function checkLength(ctx: TraitValidationContext, holder: TraitHolder, length: Record<string, NodeValue>): void {
  const { min, max } = length;
  const report = (message: string, hint: string) =>
    ctx.report(holder, LENGTH, { message, eventId: "LengthTrait", hint });
  if (typeof min === "number" && min < 0)
    report(
      "A length trait is applied with a negative `min` value.",
      "Lengths count characters, bytes or items: use 0 or more",
    );
  if (typeof max === "number" && max < 0)
    report(
      "A length trait is applied with a negative `max` value.",
      "Lengths count characters, bytes or items: use 0 or more",
    );
  if (typeof min === "number" && typeof max === "number" && min > max) {
    report(
      "A length trait is applied with a `min` value greater than its `max` value.",
      `No value can be at least ${min} and at most ${max} long: swap or fix the bounds`,
    );
  }
}

function checkRange(ctx: TraitValidationContext, holder: TraitHolder, range: Record<string, NodeValue>): void {
  const { min, max } = range;
  if (typeof min === "number" && typeof max === "number" && min > max) {
    ctx.report(holder, RANGE, {
      message: "A range trait is applied with a `min` value greater than its `max` value.",
      eventId: "RangeTrait",
      hint: `No number is at least ${min} and at most ${max}: swap or fix the bounds`,
    });
  }
  const target = holder.member ? ctx.shapes.get(holder.member.target) : holder.shape;
  if (!target || DECIMAL_TYPES.has(target.type)) return;
  for (const [key, value] of [
    ["min", min],
    ["max", max],
  ] as const) {
    if (typeof value !== "number" || Number.isInteger(value)) continue;
    // Smithy names a member's target by id, a shape by its type.
    ctx.report(holder, RANGE, {
      message: holder.member
        ? `Member \`${holder.id}\` is marked with the \`range\` trait, but its \`${key}\` property is a decimal (${value}) when its target (\`${target.id}\`) does not support decimals.`
        : `Shape \`${holder.id}\` is marked with the \`range\` trait, but its \`${key}\` property is a decimal (${value}) when its shape (\`${target.type}\`) does not support decimals.`,
      eventId: "RangeTrait",
      hint: `${target.id} is a ${target.type}: use a whole number`,
    });
  }
}

/** Reports structures and unions whose members resolve to the same JSON name. */
export function checkJsonNames(ctx: TraitValidationContext): void {
  for (const shape of ctx.shapes.values()) {
    if (shape.prelude || !shape.members.some((m) => m.traits[JSON_NAME] !== undefined)) continue;
    const byName = new Map<string, string[]>();
    for (const m of shape.members) {
      const v = m.traits[JSON_NAME];
      const name = typeof v === "string" ? v : m.name;
      byName.set(name, [...(byName.get(name) ?? []), m.name]);
    }
    for (const [name, members] of [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (members.length < 2) continue;
      const holder = shapeHolder(shape);
      const withTrait = shape.members.find((m) => members.includes(m.name) && m.traits[JSON_NAME] !== undefined);
      ctx.report(
        withTrait ? { ...holder, location: withTrait.location, locateTrait: withTrait.locateTrait } : holder,
        JSON_NAME,
        {
          message: `This shape contains members with conflicting JSON names that resolve to '${name}': ${[...members].sort().join(", ")}`,
          eventId: "JsonName",
          hint: "Give each member a distinct @jsonName",
        },
      );
    }
  }
}
