/**
 * Doc lines for members and shapes: the model's documentation, then the constraints a reader
 * needs at the call site (the validator enforces them), then a fallback so every public name
 * has TSDoc even when the model documents nothing.
 */
import type { Member, Model, Shape } from "../assemble/model.js";
import { docLines, escapeCommentText } from "./docs.js";
import { isNamedShape } from "./type-expressions.js";
import { num, str } from "./node-values.js";

/** One line summarising the constraint traits on a member and its target, or undefined. */
export function constraintSummary(member: Member, target: Shape | undefined): string | undefined {
  const trait = (id: string) => member.traits[id] ?? target?.traits[id];
  const parts: string[] = [];
  const length = trait("smithy.api#length") as Record<string, unknown> | undefined;
  if (length) {
    const min = num(length.min);
    const max = num(length.max);
    const unit =
      target?.type === "blob"
        ? "bytes"
        : target?.type === "list" || target?.type === "set"
          ? "items"
          : target?.type === "map"
            ? "entries"
            : "characters";
    parts.push(
      min !== undefined && max !== undefined
        ? `${min} to ${max} ${unit}`
        : min !== undefined
          ? `at least ${min} ${unit}`
          : `at most ${max} ${unit}`,
    );
  }
  const pattern = str(trait("smithy.api#pattern"));
  if (pattern !== undefined) parts.push(`pattern \`${pattern}\``);
  const range = trait("smithy.api#range") as Record<string, unknown> | undefined;
  if (range) {
    const min = num(range.min);
    const max = num(range.max);
    parts.push(
      min !== undefined && max !== undefined
        ? `from ${min} to ${max}`
        : min !== undefined
          ? `at least ${min}`
          : `at most ${max}`,
    );
  }
  if (trait("smithy.api#uniqueItems") !== undefined) parts.push("unique items");
  if (trait("anvil.traits#iso8601Utc") !== undefined) parts.push("an ISO 8601 UTC timestamp");
  const defaultValue = member.traits["smithy.api#default"];
  if (defaultValue !== undefined && defaultValue !== null) parts.push(`default ${JSON.stringify(defaultValue)}`);
  const lines: string[] = [];
  if (parts.length > 0) lines.push(`Constraints: ${parts.join("; ")}.`);
  if (trait("smithy.api#sensitive") !== undefined) lines.push("Sensitive: never included in errors or logs.");
  return lines.length > 0 ? escapeCommentText(lines.join(" ")) : undefined;
}

/** Docs of a member: its own (else its simple target's), constraints, or a fallback line. */
export function memberDoc(model: Model, m: Member): string[] {
  const target = model.shapes.get(m.target);
  const own = str(m.traits["smithy.api#documentation"]);
  const lines = own
    ? docLines(own)
    : target && !target.prelude && !isNamedShape(target)
      ? docLines(str(target.traits["smithy.api#documentation"]))
      : [];
  const summary = constraintSummary(m, target);
  if (summary) lines.push(...(lines.length > 0 ? [""] : []), summary);
  return lines.length > 0 ? lines : [`The \`${escapeCommentText(m.name)}\` member.`];
}

/** Docs of a shape, or a fallback naming it. */
export function shapeDoc(s: Shape, what: string): string[] {
  const lines = docLines(str(s.traits["smithy.api#documentation"]));
  const out = lines.length > 0 ? lines : [`${what} \`${escapeCommentText(s.id)}\`.`];
  if (s.traits["smithy.api#sensitive"] !== undefined) out.push("", "Sensitive: never included in errors or logs.");
  return out;
}
