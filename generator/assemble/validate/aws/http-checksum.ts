/**
 * HttpChecksumTrait (smithy-aws-traits' HttpChecksumTraitValidator): `aws.protocols#httpChecksum`
 * defines request or response behaviour; its member properties name input members whose enums
 * hold only supported values; response behaviour needs both the validation-mode member and
 * `responseAlgorithms`; and header bindings of the input, output and errors SHOULD NOT collide
 * with the `x-amz-checksum-` headers the trait adds.
 */
import type { Member, Shape } from "../../model.js";
import type { TraitValidationContext } from "../traits/context.js";
import { tickedList } from "../http/bindings.js";
import { isObject, shapesOfType, stringMember } from "./aws-traits.js";

const CHECKSUM = "aws.protocols#httpChecksum";
const PREFIX = "x-amz-checksum-";
const ALGORITHMS = [
  "CRC32",
  "CRC32C",
  "CRC64NVME",
  "MD5",
  "SHA1",
  "SHA256",
  "SHA512",
  "XXHASH64",
  "XXHASH3",
  "XXHASH128",
];
const VALIDATION_MODES = ["ENABLED"];

/** Every rule, per operation with the trait. */
export function checkHttpChecksums(ctx: TraitValidationContext): void {
  for (const op of shapesOfType(ctx.shapes, "operation")) {
    const trait = op.traits[CHECKSUM];
    if (!isObject(trait)) continue;
    const report = (message: string) => ctx.report(op, CHECKSUM, { eventId: "HttpChecksumTrait", message });
    const algorithmMember = stringMember(trait, "requestAlgorithmMember");
    const modeMember = stringMember(trait, "requestValidationModeMember");
    const responseAlgorithms = Array.isArray(trait["responseAlgorithms"]) ? trait["responseAlgorithms"] : [];
    const request = trait["requestChecksumRequired"] === true || algorithmMember !== undefined;
    const response = responseAlgorithms.length > 0 || modeMember !== undefined;
    if (!request && !response) {
      report("The `httpChecksum` trait must define at least one of the `request` or `response` checksum behaviors.");
      continue;
    }
    const input = ctx.shapes.get(op.input ?? "");
    if (input?.type !== "structure") continue;
    if (request) {
      if (algorithmMember !== undefined) {
        const problem = enumMemberProblem(ctx, input, "requestAlgorithmMember", algorithmMember, ALGORITHMS);
        if (problem !== undefined) report(problem);
      }
      headerConflicts(ctx, op, input);
    }
    if (response) {
      if (modeMember === undefined) {
        report(
          "The `httpChecksum` trait must model the `requestValidationModeMember` property to support response checksum behavior.",
        );
      } else {
        const problem = enumMemberProblem(ctx, input, "requestValidationModeMember", modeMember, VALIDATION_MODES);
        if (problem !== undefined) report(problem);
      }
      if (responseAlgorithms.length === 0)
        report(
          "The `httpChecksum` trait must model the `responseAlgorithms` property to support response checksum behavior.",
        );
      const output = ctx.shapes.get(op.output ?? "");
      if (output?.type === "structure") headerConflicts(ctx, op, output);
      for (const id of op.errors ?? []) {
        const error = ctx.shapes.get(id);
        if (error?.type === "structure") headerConflicts(ctx, op, error);
      }
    }
  }
}

/** The enum values a member resolves (its own `@enum`, else its target's enum members or `@enum`), or undefined. */
function enumValues(ctx: TraitValidationContext, member: Member): string[] | undefined {
  const fromTrait = (traits: Shape["traits"]) => {
    const e = traits["smithy.api#enum"];
    return Array.isArray(e) ? e.map((d) => stringMember(d, "value") ?? "") : undefined;
  };
  const own = fromTrait(member.traits);
  if (own !== undefined) return own;
  const target = ctx.shapes.get(member.target);
  if (target?.type === "enum")
    return target.members.map((m) =>
      typeof m.traits["smithy.api#enumValue"] === "string" ? m.traits["smithy.api#enumValue"] : m.name,
    );
  return target === undefined ? undefined : fromTrait(target.traits);
}

/** Why the member named by a trait property is not an enum of supported values, or undefined. */
function enumMemberProblem(
  ctx: TraitValidationContext,
  input: Shape,
  property: string,
  name: string,
  supported: string[],
): string | undefined {
  const member = input.members.find((m) => m.name === name);
  const lead = `The \`${property}\` property of the \`httpChecksum\` trait targets a member`;
  if (member === undefined) return `${lead} that does not exist.`;
  const values = enumValues(ctx, member);
  if (values === undefined) return `${lead} that does not resolve an \`enum\` trait.`;
  const unsupported = values.filter((v) => !supported.includes(v));
  return unsupported.length === 0
    ? undefined
    : `${lead} with an \`enum\` trait that contains unsupported values: ${tickedList(unsupported)}`;
}

/** `@httpPrefixHeaders` that cover the checksum prefix (DANGER) and `@httpHeader`s under it (WARNING). */
function headerConflicts(ctx: TraitValidationContext, op: Shape, container: Shape): void {
  const containerName = container.id.slice(container.id.indexOf("#") + 1);
  for (const member of container.members) {
    const prefix = member.traits["smithy.api#httpPrefixHeaders"];
    if (typeof prefix === "string" && PREFIX.startsWith(prefix)) {
      const lower = prefix.toLowerCase();
      ctx.report(op, undefined, {
        eventId: `HttpChecksumTrait.HttpPrefixHeaders.${containerName}.${lower}`,
        severity: "DANGER",
        message: `The \`httpPrefixHeaders\` binding of \`${containerName}\` uses the prefix \`${lower}\` that conflicts with the prefix \`${PREFIX}\` used by the \`httpChecksum\` trait.`,
      });
    }
    const header = member.traits["smithy.api#httpHeader"];
    if (typeof header === "string" && header.startsWith(PREFIX)) {
      const lower = header.toLowerCase();
      ctx.report(op, undefined, {
        eventId: `HttpChecksumTrait.HttpHeader.${containerName}.${lower}`,
        severity: "WARNING",
        message: `The \`httpHeader\` binding of \`${lower}\` on \`${containerName}\` starts with the prefix \`${PREFIX}\` used by the \`httpChecksum\` trait.`,
      });
    }
  }
}
