/**
 * Smithy's MediaType validator: a `@mediaType` value must parse as RFC 9110's media type,
 * `type "/" subtype *( OWS ";" OWS token "=" ( token / quoted-string ) )`, the grammar of Smithy's
 * MediaType parser (whitespace only where it skips it).
 */
import type { TraitValidationContext } from "../traits/context.js";

const MEDIA_TYPE = "smithy.api#mediaType";
const TOKEN = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";
const WS = "[ \\t\\r\\n]*";
const QUOTED = '"(?:[^"\\\\]|\\\\[\\s\\S])*"';
const GRAMMAR = new RegExp(`^${TOKEN}/${TOKEN}${WS}(?:;${WS}${TOKEN}=(?:${QUOTED}|${TOKEN})${WS})*$`);

/** Why a media type does not parse, or undefined when it does. */
export function mediaTypeProblem(value: string): string | undefined {
  if (GRAMMAR.test(value)) return undefined;
  if (!new RegExp(`^${TOKEN}/${TOKEN}`).test(value)) return "expected `type/subtype`, each a token (RFC 9110)";
  return "expected parameters as `; name=value`, the value a token or a quoted string (RFC 9110)";
}

/** Every `@mediaType` value that is not a media type. */
export function checkMediaTypes(ctx: TraitValidationContext): void {
  for (const holder of ctx.holders()) {
    const value = holder.traits[MEDIA_TYPE];
    if (typeof value !== "string") continue;
    const problem = mediaTypeProblem(value);
    if (problem !== undefined)
      ctx.report(holder, MEDIA_TYPE, {
        eventId: "MediaType",
        message: `Invalid mediaType value, "${value}": ${problem}`,
      });
  }
}
