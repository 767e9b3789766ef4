/**
 * Smithy's HTTP bindings (`@httpLabel`, `@httpQuery`, `@httpQueryParams`, `@httpHeader`,
 * `@httpPrefixHeaders`), shared by the REST protocols whatever their body format: label expansion
 * that refuses values which would change the path, header and query text for each scalar, and
 * header lists read back. Every regex here is a literal, compiled once per process.
 */
import { RequestValidationError } from "../errors.js";
import { fromBase64, serDateTime, serEpochSeconds, serHttpDate, toBase64 } from "../serde.js";
import { headerValue, type HttpResponse } from "../transport.js";
import { percentEncode } from "../uri.js";

/** A timestamp format of `@timestampFormat`. */
export type TimestampFormat = "date-time" | "http-date" | "epoch-seconds";

/** A timestamp as a label, query value or header value in `format`. */
export function timestampText(d: Date, format: TimestampFormat): string {
  return format === "date-time" ? serDateTime(d) : format === "http-date" ? serHttpDate(d) : String(serEpochSeconds(d));
}

/** A number as header, query or label text (`NaN`, `Infinity` and `-Infinity` as Smithy spells them). */
export function numberText(n: number | bigint): string {
  return String(n);
}

/**
 * One `{label}` of the URI, percent-encoded. A value that would change the path (empty, `.` or
 * `..`) or is missing is refused before anything is sent.
 */
export function labelSegment(value: unknown, member: string, operation: string): string {
  const text = labelText(value, member, operation);
  if (text === "" || text === "." || text === "..") throw labelError(operation, member, text);
  return percentEncode(text);
}

/**
 * A greedy `{label+}`: each `/`-separated segment percent-encoded, the slashes kept. An empty
 * value, an empty segment or a `.` or `..` segment (which would change the path) is refused.
 */
export function greedyLabel(value: unknown, member: string, operation: string): string {
  const text = labelText(value, member, operation);
  const segments = text.split("/");
  let out = "";
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    // A leading or trailing slash is part of the value; an inner empty segment would merge paths.
    if (segment === "." || segment === ".." || (segment === "" && i !== 0 && i !== segments.length - 1))
      throw labelError(operation, member, text);
    out += i === 0 ? percentEncode(segment) : `/${percentEncode(segment)}`;
  }
  if (text === "" || text === "/") throw labelError(operation, member, text);
  return out;
}

function labelText(value: unknown, member: string, operation: string): string {
  if (value === undefined || value === null) throw labelError(operation, member, undefined);
  if (value instanceof Date) return serDateTime(value);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  // Only reachable with validation off: an object would be sent as "[object Object]".
  throw new RequestValidationError(operation, [
    {
      path: member,
      constraint: "type",
      message: "Must be a string, number, boolean or timestamp: it is part of the request path",
    },
  ]);
}

function labelError(operation: string, member: string, text: string | undefined): RequestValidationError {
  return new RequestValidationError(operation, [
    {
      path: member,
      constraint: "httpLabel",
      message:
        text === undefined
          ? "Is required: it is part of the request path"
          : "Must not be empty, `.` or `..` (or hold such a segment): it is part of the request path and would change it",
    },
  ]);
}

/** One value of a header list, quoted when it holds a comma or a double quote. */
function listItem(text: string): string {
  return /[",]/.test(text) ? `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"` : text;
}

/** A list header's value: items joined with `, `, strings quoted where needed (timestamps never are). */
export function headerList<T>(values: ReadonlyArray<T | null>, text: (v: T) => string, quote: boolean): string {
  let out = "";
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const item = text(v);
    out += (out === "" ? "" : ", ") + (quote ? listItem(item) : item);
  }
  return out;
}

/** A `@mediaType` string header: its UTF-8 bytes in base64. */
export function base64Header(text: string): string {
  return toBase64(new TextEncoder().encode(text));
}

/** A `@mediaType` string header read back from base64. */
export function fromBase64Header(text: string | undefined): string | undefined {
  return text === undefined ? undefined : new TextDecoder().decode(fromBase64(text));
}

/** Adds every entry of a `@httpPrefixHeaders` map as `prefix + key`. */
export function prefixHeaders(
  headers: Record<string, string>,
  prefix: string,
  map: Readonly<Record<string, string>>,
): void {
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value !== undefined && value !== null) headers[(prefix + key).toLowerCase()] = value;
  }
}

/** The entries of a `@httpPrefixHeaders` map from a response: every header starting with `prefix`, the prefix removed. */
export function readPrefixHeaders(response: HttpResponse, prefix: string): Record<string, string> | undefined {
  const lower = prefix.toLowerCase();
  let out: Record<string, string> | undefined;
  for (const name of Object.keys(response.headers)) {
    if (!name.toLowerCase().startsWith(lower)) continue;
    const value = headerValue(response, name.toLowerCase());
    if (value === undefined) continue;
    out ??= {};
    out[name.slice(prefix.length)] = value;
  }
  return out;
}

/** Appends a `@httpQueryParams` map, skipping names a `@httpQuery` member already set. */
export function queryParams(
  query: Array<readonly [string, string | undefined]>,
  map: Readonly<Record<string, string | readonly string[]>>,
  taken: readonly string[],
): void {
  for (const name of Object.keys(map)) {
    if (taken.includes(name)) continue;
    const value = map[name];
    if (value === undefined || value === null) continue;
    if (typeof value === "string") query.push([name, value]);
    else for (const v of value) query.push([name, v]);
  }
}

/** The items of a list header: split at commas outside double quotes, each trimmed and unquoted. */
export function splitHeaderList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const out: string[] = [];
  let item = "";
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (quoted) {
      if (c === "\\" && i + 1 < value.length) item += value[++i];
      else if (c === '"') quoted = false;
      else item += c;
    } else if (c === '"' && item.trim() === "") {
      quoted = true;
      wasQuoted = true;
      item = "";
    } else if (c === ",") {
      out.push(wasQuoted ? item : item.trim());
      item = "";
      wasQuoted = false;
    } else item += c;
  }
  out.push(wasQuoted ? item : item.trim());
  return out;
}

/** The http-dates of a list header: each date has one comma of its own, so items are every two parts. */
export function splitHttpDates(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(",");
  const out: string[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2)
    out.push(`${(parts[i] as string).trim()}, ${(parts[i + 1] as string).trim()}`);
  return out;
}

/** A header's number (`NaN`, `Infinity`, `-Infinity` included). */
export function headerNumber(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const n = Number(text);
  return Number.isNaN(n) && text.trim() !== "NaN" ? undefined : n;
}

/** A header's boolean. */
export function headerBoolean(text: string | undefined): boolean | undefined {
  const t = text?.trim();
  return t === "true" ? true : t === "false" ? false : undefined;
}

/** A header's timestamp in `format`. */
export function headerTimestamp(text: string | undefined, format: TimestampFormat): Date | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  const d = format === "epoch-seconds" ? new Date(Math.round(Number(t) * 1000)) : new Date(t);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** A header's bigint. */
export function headerBigInt(text: string | undefined): bigint | undefined {
  const t = text?.trim();
  return t !== undefined && /^-?\d+$/.test(t) ? BigInt(t) : undefined;
}
