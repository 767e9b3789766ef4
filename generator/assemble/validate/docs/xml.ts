/**
 * Smithy's XmlNamespaceTrait and XmlFlattenedTrait validators: an `@xmlNamespace` uri must parse
 * as a URI, and a flattened list member without its own `@xmlName` is warned about when the
 * list's member has an `@xmlName` that flattening discards.
 */
import { describeShape } from "../http/http-trait.js";
import type { TraitValidationContext } from "../traits/context.js";

const XML_NAMESPACE = "smithy.api#xmlNamespace";
const XML_NAME = "smithy.api#xmlName";

/**
 * Whether `text` is a URI reference as java.net.URI (RFC 2396) accepts it: an optional scheme
 * that starts with a letter, then only URI characters or `%XX` escapes.
 */
export function isUriReference(text: string): boolean {
  const colon = text.search(/[:/?#]/);
  if (colon >= 0 && text[colon] === ":" && !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(text.slice(0, colon))) return false;
  return /^(?:[A-Za-z0-9\-_.!~*'();/?:@&=+$,#[\]]|%[0-9A-Fa-f]{2})*$/.test(text);
}

/** `@xmlNamespace` values whose uri does not parse. */
export function checkXmlNamespaces(ctx: TraitValidationContext): void {
  for (const shape of ctx.shapes.values()) {
    const value = shape.traits[XML_NAMESPACE];
    if (
      shape.prelude ||
      value === null ||
      typeof value !== "object" ||
      Array.isArray(value) ||
      typeof value.uri !== "string"
    )
      continue;
    if (isUriReference(value.uri)) continue;
    ctx.report(shape, undefined, {
      eventId: "XmlNamespaceTrait",
      message: `An \`xmlNamespace\` trait is applied to the ${describeShape(shape)} shape with an invalid uri: ${value.uri}`,
    });
  }
}

/** Flattened list members whose list member's `@xmlName` is lost. */
export function checkXmlFlattened(ctx: TraitValidationContext): void {
  for (const holder of ctx.holders()) {
    const member = holder.member;
    if (
      member === undefined ||
      member.traits["smithy.api#xmlFlattened"] === undefined ||
      member.traits[XML_NAME] !== undefined
    )
      continue;
    const list = ctx.shapes.get(member.target);
    const listMember = list?.type === "list" ? list.members[0] : undefined;
    const name = listMember?.traits[XML_NAME];
    if (listMember === undefined || typeof name !== "string" || name === member.name) continue;
    ctx.report(holder, undefined, {
      eventId: "XmlFlattenedTrait",
      severity: "WARNING",
      message: `Member is \`@xmlFlattened\`, so \`@xmlName\` of target's member (\`${listMember.id}\`) has no effect. The flattened list elements will have the name of this member - \`${member.name}\`. If this is unintended, you can add \`@xmlName("${name}")\` to this member.`,
    });
  }
}
