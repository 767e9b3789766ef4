/**
 * Turns the HTTP request of a restJson1 malformed-request test into the value a generated
 * validator takes: the JSON body read member by member (blobs from base64 to Uint8Array,
 * timestamps to Date, bigIntegers to bigint), plus `@httpHeader` and `@httpQuery` members from
 * the headers and query string. A JSON value of the wrong kind is passed through unchanged, so the
 * validator sees it (and reports a type issue) rather than the converter hiding it.
 */
import { getShape, type Model, type Member } from "../../generator/assemble/model.js";

/** The parts of a test request the conversion reads. */
export interface TestRequest {
  body?: string;
  headers?: Record<string, string>;
  queryParams?: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Converts one JSON value to the JS form of the shape `id`. */
export function fromJson(model: Model, id: string, json: unknown): unknown {
  if (json === null || json === undefined) return json;
  const s = getShape(model, id);
  switch (s.type) {
    case "structure":
    case "union": {
      if (!isRecord(json)) return json;
      const out: Record<string, unknown> = {};
      for (const m of s.members) {
        const key =
          typeof m.traits["smithy.api#jsonName"] === "string" ? (m.traits["smithy.api#jsonName"] as string) : m.name;
        if (Object.hasOwn(json, key)) out[m.name] = fromJson(model, m.target, json[key]);
      }
      return out;
    }
    case "list":
    case "set":
      return Array.isArray(json) ? json.map((e: unknown) => fromJson(model, s.members[0].target, e)) : json;
    case "map": {
      if (!isRecord(json)) return json;
      const value = s.members.find((m) => m.name === "value") as Member;
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(json)) out[k] = fromJson(model, value.target, json[k]);
      return out;
    }
    case "blob":
      return typeof json === "string" ? new Uint8Array(Buffer.from(json, "base64")) : json;
    case "timestamp":
      if (typeof json === "number") return new Date(json * 1000);
      return typeof json === "string" ? new Date(json) : json;
    case "bigInteger":
      return typeof json === "number" || typeof json === "string" ? BigInt(json) : json;
    case "bigDecimal":
      return typeof json === "number" ? String(json) : json;
    default:
      return json;
  }
}

/** The input structure `inputId` built from a test request (body, headers, query). */
export function requestInput(model: Model, inputId: string, request: TestRequest): Record<string, unknown> {
  const input = getShape(model, inputId);
  const body: unknown = request.body && request.body.trim() !== "" ? JSON.parse(request.body) : {};
  const out = fromJson(model, inputId, body) as Record<string, unknown>;
  const headers = new Map(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const query = new Map<string, string>();
  for (const q of request.queryParams ?? []) {
    const eq = q.indexOf("=");
    // A parameter without `=` has the empty string as its value.
    query.set(decodeURIComponent(eq < 0 ? q : q.slice(0, eq)), eq < 0 ? "" : decodeURIComponent(q.slice(eq + 1)));
  }
  for (const m of input.members) {
    const bound = [
      "smithy.api#httpHeader",
      "smithy.api#httpQuery",
      "smithy.api#httpLabel",
      "smithy.api#httpPrefixHeaders",
      "smithy.api#httpQueryParams",
    ];
    if (bound.some((t) => m.traits[t] !== undefined)) delete out[m.name];
    const header = m.traits["smithy.api#httpHeader"];
    const param = m.traits["smithy.api#httpQuery"];
    if (typeof header === "string" && headers.has(header.toLowerCase()))
      out[m.name] = (headers.get(header.toLowerCase()) as string).trim();
    if (typeof param === "string" && query.has(param)) out[m.name] = query.get(param);
  }
  return out;
}
