/**
 * Smithy's HttpHeaderTrait, HttpPrefixHeadersTrait and HttpQueryParamsTrait validators: header
 * names are RFC 9110 tokens, not ones a client may not set, and unique (case-insensitively) in a
 * structure; no `@httpHeader` falls under an `@httpPrefixHeaders` prefix of the same structure;
 * `@httpQuery` beside `@httpQueryParams` is noted, since the two cannot be told apart on the wire.
 */
import type { TraitValidationContext } from "../traits/context.js";
import { tickedList } from "./bindings.js";

const HEADER = "smithy.api#httpHeader";
const PREFIX_HEADERS = "smithy.api#httpPrefixHeaders";
const QUERY = "smithy.api#httpQuery";
const QUERY_PARAMS = "smithy.api#httpQueryParams";

/** Only RFC 9110 section 5.6.2 `tchar` characters (an empty name is reported elsewhere). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]*$/;

/** Headers that HTTP stacks set themselves, so a binding to them cannot work. */
const BLOCKED_HEADERS = new Set([
  "authorization",
  "connection",
  "content-length",
  "expect",
  "host",
  "max-forwards",
  "proxy-authenticate",
  "server",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "user-agent",
  "www-authenticate",
  "x-forwarded-for",
]);

/** Duplicate header names per structure (ERROR), then each header name's validity (DANGER). */
export function checkHttpHeaders(ctx: TraitValidationContext): void {
  for (const s of ctx.shapes.values()) {
    if (s.prelude || s.type !== "structure") continue;
    const byName = new Map<string, string[]>();
    for (const m of s.members) {
      const name = m.traits[HEADER];
      if (typeof name !== "string") continue;
      const key = name.toLowerCase();
      byName.set(key, [...(byName.get(key) ?? []), m.name]);
    }
    for (const [name, members] of [...byName].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (members.length < 2) continue;
      ctx.report(s, undefined, {
        eventId: "HttpHeaderTrait",
        message: `\`httpHeader\` field name binding conflicts found for the \`${name}\` header in the following structure members: ${tickedList(members)}`,
      });
    }
  }
  for (const holder of ctx.holders()) {
    const name = holder.traits[HEADER];
    if (holder.member === undefined || typeof name !== "string") continue;
    const message = BLOCKED_HEADERS.has(name.toLowerCase())
      ? `\`${name}\` is not an allowed HTTP header binding`
      : TOKEN.test(name)
        ? undefined
        : `\`${name}\` is not a valid HTTP header field name according to section 5.6.2 of RFC 9110`;
    if (message !== undefined) ctx.report(holder, HEADER, { eventId: "HttpHeaderTrait", severity: "DANGER", message });
  }
}

/** Headers of a structure that start with one of its prefix-header bindings. */
export function checkHttpPrefixHeaders(ctx: TraitValidationContext): void {
  for (const s of ctx.shapes.values()) {
    if (s.prelude || s.type !== "structure") continue;
    for (const prefixMember of s.members) {
      const raw = prefixMember.traits[PREFIX_HEADERS];
      if (typeof raw !== "string") continue;
      const prefix = raw.toLowerCase();
      // An empty prefix captures every header: legal, but the server cannot tell them apart.
      const detail =
        prefix === ""
          ? `The service will not be able to disambiguate between header parameters intended for the \`${prefixMember.id}\` member and those explicitly bound to the \`httpHeader\` members.`
          : "`httpHeader` bindings must not case-insensitively start with any `httpPrefixHeaders` bindings.";
      for (const other of s.members) {
        const header = other.traits[HEADER];
        if (typeof header !== "string" || !header.toLowerCase().startsWith(prefix)) continue;
        ctx.report(other, HEADER, {
          eventId: "HttpPrefixHeadersTrait",
          severity: prefix === "" ? "NOTE" : "ERROR",
          message: `\`httpHeader\` binding of \`${header.toLowerCase()}\` conflicts with the \`httpPrefixHeaders\` binding of \`${prefixMember.id}\` to \`${prefix}\`. ${detail}`,
        });
      }
    }
  }
}

/** A NOTE on structures that mix `@httpQueryParams` with `@httpQuery` members. */
export function checkHttpQueryParams(ctx: TraitValidationContext): void {
  for (const s of ctx.shapes.values()) {
    if (s.prelude || s.type !== "structure") continue;
    const queries = s.members.filter((m) => m.traits[QUERY] !== undefined).map((m) => m.name);
    if (queries.length === 0) continue;
    for (const m of s.members) {
      if (m.traits[QUERY_PARAMS] === undefined) continue;
      ctx.report(s, undefined, {
        eventId: "HttpQueryParamsTrait",
        severity: "NOTE",
        message: `Structure member \`${m.name}\` is marked with the \`httpQueryParams\` trait, and \`httpQuery\` traits are applied to the following members: ${tickedList(queries)}. The service will not be able to disambiguate between query string parameters intended for the \`${m.name}\` member and those explicitly bound to the \`httpQuery\` members.`,
      });
    }
  }
}
