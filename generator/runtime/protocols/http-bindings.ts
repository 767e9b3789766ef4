/**
 * HTTP bindings of an operation's input and output members, schema-driven (the `http` entries of
 * xml/schema.ts): `@httpLabel` (greedy `{name+}` too), `@httpQuery`, `@httpQueryParams`,
 * `@httpHeader` (lists comma-joined, timestamps as HTTP dates, `@mediaType` strings as base64),
 * `@httpPrefixHeaders`, `@httpResponseCode`; `@httpPayload` is left to the protocol, which knows
 * its body format. Written for restXml; nothing here depends on XML, so another REST protocol can
 * use it as it is.
 */
import { RequestValidationError } from "../errors.js";
import { fromBase64, idempotencyToken, toBase64 } from "../serde.js";
import type { HttpResponse } from "../transport.js";
import { percentEncode } from "../uri.js";
import type { QueryPairs, SerializedRequest } from "./protocol.js";
import { isScalar, ownMember, readScalar, scalarText } from "./xml/serde.js";
import {
  resolve,
  type MemberSchema,
  type ScalarSchema,
  type StructureSchema,
  type TimestampSchema,
} from "./xml/schema.js";

/** An operation's `@http` trait. */
export interface HttpOperation {
  /** Operation name, for messages. */
  readonly name: string;
  readonly method: string;
  /** The URI pattern, e.g. `/things/{id}/{key+}?literal=1`. */
  readonly uri: string;
}

type Members = Readonly<Record<string, unknown>>;

/**
 * The request with every HTTP-bound member of `input` in place (path, query, headers) and no body
 * yet. A label that is missing, empty, or would change the path (`.` or `..` segments) is a
 * `RequestValidationError`: nothing is sent.
 */
export function bindRequest(op: HttpOperation, schema: StructureSchema | undefined, input: Members): SerializedRequest {
  const q = op.uri.indexOf("?");
  const pattern = q < 0 ? op.uri : op.uri.slice(0, q);
  const query: QueryPairs = [];
  if (q >= 0) {
    for (const part of op.uri.slice(q + 1).split("&")) {
      if (part === "") continue;
      const eq = part.indexOf("=");
      query.push(
        eq < 0
          ? [decodeURIComponent(part), undefined]
          : [decodeURIComponent(part.slice(0, eq)), decodeURIComponent(part.slice(eq + 1))],
      );
    }
  }
  const headers: Record<string, string> = {};
  const members = schema?.members ?? [];
  const path = pattern.replace(/\{([^}+]+)(\+?)\}/g, (_m, name: string, greedy: string) =>
    label(op, members, input, name, greedy === "+"),
  );
  const bound = new Set<string>();
  for (const m of members) {
    if (m.http?.in === "query") bound.add(m.http.name);
  }
  for (const m of members) {
    let v = ownMember(input, m.name);
    if (v == null && m.idempotencyToken === true) v = idempotencyToken();
    if (v == null || m.http === undefined) continue;
    const s = resolve(m.schema);
    switch (m.http.in) {
      case "query":
        if (s.kind === "list") {
          for (const item of v as readonly unknown[])
            if (item != null) query.push([m.http.name, text(s.member, item, "date-time")]);
        } else query.push([m.http.name, text(m.schema, v, "date-time")]);
        break;
      case "queryParams":
        for (const [key, value] of Object.entries(v as Members)) {
          if (bound.has(key) || value == null) continue;
          if (Array.isArray(value)) for (const item of value) query.push([key, String(item)]);
          else query.push([key, String(value)]);
        }
        break;
      case "header": {
        const value = headerText(m, v);
        if (value !== undefined) headers[m.http.name.toLowerCase()] = value;
        break;
      }
      case "prefixHeaders":
        for (const [key, value] of Object.entries(v as Members)) {
          if (value != null) headers[(m.http.prefix + key).toLowerCase()] = String(value);
        }
        break;
      default:
        break;
    }
  }
  return { method: op.method, path, query: query.length === 0 ? undefined : query, headers, body: undefined };
}

function label(
  op: HttpOperation,
  members: readonly MemberSchema[],
  input: Members,
  name: string,
  greedy: boolean,
): string {
  const m = members.find((x) => x.name === name);
  const v = m === undefined ? undefined : ownMember(input, m.name);
  const value = m === undefined || v == null ? "" : text(m.schema, v, "date-time");
  const segments = value.split("/");
  const problem =
    value === ""
      ? "is empty: a path label needs a value"
      : (greedy ? segments : [value]).some((s) => s === "." || s === "..")
        ? "would change the request path (`.` or `..`)"
        : greedy && segments.some((s) => s === "")
          ? "has an empty path segment"
          : undefined;
  if (problem !== undefined) {
    throw new RequestValidationError(op.name, [
      { path: `/${name}`, constraint: "required", message: `The path label ${name} ${problem}.` },
    ]);
  }
  return greedy ? segments.map(percentEncode).join("/") : percentEncode(value);
}

function text(schema: MemberSchema["schema"], value: unknown, format: "date-time" | "http-date"): string {
  const s = resolve(schema);
  return isScalar(s) ? scalarText(s, value, format) : String(value);
}

/** A header's text: lists comma-joined (strings with commas or quotes quoted), `@mediaType` strings base64. */
function headerText(m: MemberSchema, v: unknown): string | undefined {
  const s = resolve(m.schema);
  const one = (schema: ScalarSchema | TimestampSchema, item: unknown): string => {
    if (m.http?.in === "header" && m.http.base64 === true) return toBase64(new TextEncoder().encode(String(item)));
    return scalarText(schema, item, "http-date");
  };
  if (s.kind === "list") {
    const member = resolve(s.member);
    if (!isScalar(member)) return undefined;
    return (v as readonly unknown[])
      .filter((item) => item != null)
      .map((item) => {
        const t = one(member, item);
        return member.kind === "string" && /[,"]/.test(t) ? `"${t.replace(/["\\]/g, (c) => `\\${c}`)}"` : t;
      })
      .join(", ");
  }
  return isScalar(s) ? one(s, v) : undefined;
}

/** Output members bound to headers, prefix headers and the status code, read from the response. */
export function readBoundMembers(schema: StructureSchema, response: HttpResponse, out: Record<string, unknown>): void {
  for (const m of schema.members) {
    if (m.http === undefined) continue;
    let value: unknown;
    switch (m.http.in) {
      case "header": {
        const raw = headerOf(response, m.http.name);
        if (raw !== undefined) value = readHeader(m, raw);
        break;
      }
      case "prefixHeaders": {
        const prefix = m.http.prefix.toLowerCase();
        const map: Record<string, string> = {};
        for (const [name, raw] of Object.entries(response.headers)) {
          if (!name.toLowerCase().startsWith(prefix) || raw === undefined) continue;
          const text = Array.isArray(raw) ? raw.join(", ") : String(raw);
          Object.defineProperty(map, name.slice(prefix.length), {
            value: text,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        // Present even when empty, as Smithy's cases expect (no header with the prefix: an empty map).
        value = map;
        break;
      }
      case "responseCode":
        value = response.statusCode;
        break;
      default:
        break;
    }
    if (value !== undefined)
      Object.defineProperty(out, m.name, { value, enumerable: true, writable: true, configurable: true });
  }
}

function headerOf(response: HttpResponse, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(response.headers)) {
    if (k.toLowerCase() === wanted && v !== undefined) return Array.isArray(v) ? v.join(", ") : String(v);
  }
  return undefined;
}

function readHeader(m: MemberSchema, raw: string): unknown {
  const s = resolve(m.schema);
  const one = (schema: ScalarSchema | TimestampSchema, t: string): unknown => {
    if (m.http?.in === "header" && m.http.base64 === true) return new TextDecoder().decode(fromBase64(t));
    return readScalar(schema, schema.kind === "string" ? t : t.trim(), "http-date");
  };
  if (s.kind === "list") {
    const member = resolve(s.member);
    if (!isScalar(member)) return undefined;
    const items =
      member.kind === "timestamp" && (member.format ?? "http-date") === "http-date"
        ? splitHttpDates(raw)
        : splitHeaderList(raw);
    return items.map((t) => one(member, t));
  }
  return isScalar(s) ? one(s, raw.trim()) : undefined;
}

/** A comma-separated header list, with quoted items (`"a,b"`) unquoted. */
export function splitHeaderList(raw: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= raw.length) {
    while (raw[i] === " " || raw[i] === "\t") i++;
    if (raw[i] === '"') {
      let item = "";
      i++;
      while (i < raw.length && raw[i] !== '"') {
        if (raw[i] === "\\" && i + 1 < raw.length) i++;
        item += raw[i];
        i++;
      }
      out.push(item);
      const comma = raw.indexOf(",", i);
      if (comma < 0) break;
      i = comma + 1;
    } else {
      const comma = raw.indexOf(",", i);
      out.push(raw.slice(i, comma < 0 ? raw.length : comma).trim());
      if (comma < 0) break;
      i = comma + 1;
    }
  }
  return out;
}

/** HTTP dates hold a comma each (`Mon, 16 Dec 2019 ...`), so a list of them splits at every second comma. */
function splitHttpDates(raw: string): string[] {
  const parts = raw.split(",");
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 2) out.push(`${parts[i] ?? ""},${parts[i + 1] ?? ""}`.trim());
  return out;
}
