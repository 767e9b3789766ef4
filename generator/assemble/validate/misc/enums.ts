/**
 * Smithy's EnumShape and EnumTrait validators: enum and intEnum member values (type, uniqueness,
 * emptiness, 32-bit range) and the deprecated `@enum` trait's names and values, with the
 * recommended UPPER_SNAKE name format as a warning.
 */
import type { NodeValue } from "../../../load/ast.js";
import type { Member, Shape } from "../../model.js";
import type { TraitValidationContext } from "../traits/context.js";

const ENUM_VALUE = "smithy.api#enumValue";
const ENUM = "smithy.api#enum";
const RECOMMENDED_NAME = /^[A-Z]+[A-Z_0-9]*$/;
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** Smithy's warning for a name that is not UPPER_SNAKE. */
function nameAdvice(name: string): string {
  return `The name \`${name}\` does not match the recommended enum name format of beginning with an uppercase letter, followed by any number of uppercase letters, numbers, or underscores.`;
}

/** A value as Smithy's Node.printJson prints it (compact JSON). */
function printJson(value: NodeValue | undefined): string {
  return JSON.stringify(value ?? null);
}

/** Every enum and intEnum shape's members. */
export function checkEnumShapes(ctx: TraitValidationContext): void {
  for (const shape of ctx.shapes.values()) {
    if (shape.prelude) continue;
    if (shape.type === "enum") checkStringEnum(ctx, shape);
    else if (shape.type === "intEnum") checkIntEnum(ctx, shape);
  }
}

function memberHolder(shape: Shape, member: Member) {
  return { id: member.id, location: member.location, locateTrait: member.locateTrait, shape };
}

function checkStringEnum(ctx: TraitValidationContext, shape: Shape): void {
  const seen = new Set<string>();
  for (const member of shape.members) {
    const holder = memberHolder(shape, member);
    const value = member.traits[ENUM_VALUE];
    if (typeof value !== "string") {
      ctx.report(holder, ENUM_VALUE, {
        eventId: "EnumShape",
        message: `enum members can only be assigned string values, but found: ${printJson(value)}`,
      });
    } else {
      if (seen.has(value))
        ctx.report(holder, undefined, {
          eventId: "EnumShape",
          message: `Multiple enum members found with duplicate value \`${value}\``,
        });
      seen.add(value);
      if (value === "")
        ctx.report(holder, undefined, { eventId: "EnumShape", message: "enum values may not be empty." });
    }
    checkMemberName(ctx, holder, member.name);
  }
}

function checkIntEnum(ctx: TraitValidationContext, shape: Shape): void {
  const seen = new Set<number>();
  for (const member of shape.members) {
    const holder = memberHolder(shape, member);
    const value = member.traits[ENUM_VALUE];
    // A member without a value has no implied one (only string enums take their name).
    if (value === undefined) {
      ctx.report(holder, undefined, {
        eventId: "EnumShape",
        message: "intEnum members must be assigned an integer value",
      });
      continue;
    }
    const checked = intEnumValue(value);
    if (typeof checked === "string") {
      ctx.report(holder, ENUM_VALUE, { eventId: "EnumShape", message: checked });
      continue;
    }
    if (seen.has(checked))
      ctx.report(holder, undefined, {
        eventId: "EnumShape",
        message: `Multiple intEnum members found with duplicate value \`${checked}\``,
      });
    seen.add(checked);
    checkMemberName(ctx, holder, member.name);
  }
}

/** An intEnum value as a 32-bit integer, or Smithy's message saying why it is not one. */
function intEnumValue(value: NodeValue): number | string {
  if (typeof value !== "number") return `intEnum members require integer values, but found: ${printJson(value)}`;
  if (!Number.isInteger(value)) return `intEnum members do not support floating point values: ${value}`;
  if (value > INT_MAX || value < INT_MIN) return `intEnum members must fit within an integer, but found: ${value}`;
  return value;
}

function checkMemberName(ctx: TraitValidationContext, holder: ReturnType<typeof memberHolder>, name: string): void {
  if (!RECOMMENDED_NAME.test(name))
    ctx.report(holder, undefined, { eventId: "EnumShape", severity: "WARNING", message: nameAdvice(name) });
}

/** One entry of an `@enum` trait value, as far as this check reads it. */
interface EnumDefinition {
  value: string;
  name?: string;
}

function definitions(value: NodeValue | undefined): EnumDefinition[] {
  if (!Array.isArray(value)) return [];
  const out: EnumDefinition[] = [];
  for (const d of value) {
    if (d === null || typeof d !== "object" || Array.isArray(d) || typeof d.value !== "string") continue;
    out.push({ value: d.value, name: typeof d.name === "string" ? d.name : undefined });
  }
  return out;
}

/** Every `@enum` trait: unique values and names, names on all entries or none (then EnumNamesPresent). */
export function checkEnumTraits(ctx: TraitValidationContext): void {
  for (const holder of ctx.holders()) {
    if (holder.traits[ENUM] === undefined) continue;
    const defs = definitions(holder.traits[ENUM]);
    const values = new Set<string>();
    for (const d of defs) {
      if (values.has(d.value))
        ctx.report(holder, ENUM, {
          eventId: "EnumTrait",
          message: `Duplicate enum trait values found with the same \`value\` property of '${d.value}'`,
        });
      values.add(d.value);
    }
    const names = new Set<string>();
    for (const d of defs) {
      if (d.name === undefined) continue;
      if (names.has(d.name))
        ctx.report(holder, ENUM, {
          eventId: "EnumTrait",
          message: `Duplicate enum trait values found with the same \`name\` property of '${d.name}'`,
        });
      names.add(d.name);
      // The name in the id lets one name's advice be suppressed alone, as in Smithy.
      if (!RECOMMENDED_NAME.test(d.name))
        ctx.report(holder, ENUM, { eventId: `EnumTrait.${d.name}`, severity: "WARNING", message: nameAdvice(d.name) });
    }
    if (names.size > 0) {
      for (const d of defs) {
        if (d.name !== undefined) continue;
        ctx.report(holder, ENUM, {
          eventId: "EnumTrait",
          message: `\`${d.value}\` enum value body is missing the \`name\` property; if any enum trait value contains a \`name\` property, then all values must contain the \`name\` property.`,
        });
      }
    } else {
      ctx.report(holder, ENUM, {
        eventId: "EnumNamesPresent",
        severity: "WARNING",
        message: "Enums should define the `name` property to allow rich types to be generated in code generators.",
      });
    }
  }
}
