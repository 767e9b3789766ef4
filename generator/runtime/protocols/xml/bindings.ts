/**
 * restXml's HTTP bindings, driven by the `http` entries of the schema constants (schema.ts)
 * rather than by generated statements: which member goes in a label, the query, a header, the
 * prefix headers or the status code. Label expansion, header lists and the reading of them are
 * the REST protocols' shared helpers (../http-bindings.ts); this module only walks the schema.
 * `@httpPayload` is left to rest-xml.ts, which knows the body format.
 */
import { idempotencyToken, setOwn } from "../../serde.js";
import type { HttpResponse } from "../../transport.js";
import {
  base64Header,
  fromBase64Header,
  greedyLabel,
  headerList,
  labelSegment,
  prefixHeaders,
  queryParams,
  readPrefixHeaders,
  splitHeaderList,
  splitHttpDates,
} from "../http-bindings.js";
import type { QueryPairs, SerializedRequest } from "../protocol.js";
import {
  resolve,
  type MemberSchema,
  type Schema,
  type ScalarSchema,
  type StructureSchema,
  type TimestampSchema,
} from "./schema.js";
import { isScalar, ownMember, readScalar, scalarText } from "./serde.js";

/** An operation's `@http` trait. */
export interface HttpOperation {
  /** Operation name, for messages. */
  readonly name: string;
  /** The HTTP method. */
  readonly method: string;
  /** The URI pattern, e.g. `/things/{id}/{key+}?literal=1`. */
  readonly uri: string;
}

type Members = Readonly<Record<string, unknown>>;

/**
 * The request with every HTTP-bound member of `input` in place (path, query, headers) and no body
 * yet. A label that is missing, empty, or would change the path is a `RequestValidationError`:
 * nothing is sent.
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
  const path = pattern.replace(/\{([^}+]+)(\+?)\}/g, (_m, name: string, greedy: string) => {
    const m = members.find((x) => x.name === name);
    const v = m === undefined ? undefined : ownMember(input, m.name);
    const value = m === undefined || v == null ? v : text(m.schema, v, "date-time");
    return greedy === "+" ? greedyLabel(value, name, op.name) : labelSegment(value, name, op.name);
  });
  const taken = members.flatMap((m) => (m.http?.in === "query" ? [m.http.name] : []));
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
        queryParams(query, v as Readonly<Record<string, string | readonly string[]>>, taken);
        break;
      case "header": {
        const value = headerText(m, v);
        if (value !== undefined) headers[m.http.name.toLowerCase()] = value;
        break;
      }
      case "prefixHeaders":
        prefixHeaders(headers, m.http.prefix, v as Readonly<Record<string, string>>);
        break;
      default:
        break;
    }
  }
  return { method: op.method, path, query: query.length === 0 ? undefined : query, headers, body: undefined };
}

function text(schema: Schema, value: unknown, format: "date-time" | "http-date"): string {
  const s = resolve(schema);
  return isScalar(s) ? scalarText(s, value, format) : String(value);
}

/** A header's text: lists comma-joined (strings with commas or quotes quoted), `@mediaType` strings base64. */
function headerText(m: MemberSchema, v: unknown): string | undefined {
  const s = resolve(m.schema);
  const base64 = m.http?.in === "header" && m.http.base64 === true;
  const one = (schema: ScalarSchema | TimestampSchema, item: unknown): string =>
    base64 ? base64Header(String(item)) : scalarText(schema, item, "http-date");
  if (s.kind === "list") {
    const member = resolve(s.member);
    if (!isScalar(member)) return undefined;
    return headerList(v as readonly unknown[], (item) => one(member, item), member.kind === "string");
  }
  return isScalar(s) ? one(s, v) : undefined;
}

/** Output (or error) members bound to headers, prefix headers and the status code, read from the response into `out`. */
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
      case "prefixHeaders":
        // Present even when empty, as Smithy's cases expect (no header with the prefix: an empty map).
        value = readPrefixHeaders(response, m.http.prefix) ?? {};
        break;
      case "responseCode":
        value = response.statusCode;
        break;
      default:
        break;
    }
    if (value !== undefined) setOwn(out, m.name, value);
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
  const base64 = m.http?.in === "header" && m.http.base64 === true;
  const one = (schema: ScalarSchema | TimestampSchema, t: string): unknown =>
    base64 ? fromBase64Header(t) : readScalar(schema, schema.kind === "string" ? t : t.trim(), "http-date");
  if (s.kind === "list") {
    const member = resolve(s.member);
    if (!isScalar(member)) return undefined;
    const httpDates = member.kind === "timestamp" && (member.format ?? "http-date") === "http-date";
    return ((httpDates ? splitHttpDates(raw) : splitHeaderList(raw)) ?? []).map((t) => one(member, t));
  }
  return isScalar(s) ? one(s, raw.trim()) : undefined;
}
