/**
 * restJson1: each operation's `@http` method and URI, members bound to labels, query, headers and
 * the status code (http-bindings.ts), the rest in a JSON body (or one `@httpPayload` member as the
 * whole body). Requests with a JSON body carry `Content-Type: application/json` unless the
 * payload's own media type was set by the serializer. Errors name their code in
 * `X-Amzn-Errortype` or the body's `__type`/`code`, sanitised like awsJson's (json.ts).
 */
import { MalformedBodyError, type ParsedError } from "../errors.js";
import { bodyBytes, bodyText, type HttpResponse } from "../transport.js";
import { parseJsonError, readJsonObject } from "./json.js";
import type { ClientProtocol, SerializedRequest } from "./protocol.js";

/** The restJson1 protocol of one service. */
export class RestJsonProtocol implements ClientProtocol {
  prepare(request: SerializedRequest): void {
    if (request.body !== undefined && request.headers["content-type"] === undefined)
      request.headers["content-type"] = "application/json";
  }

  parseError(response: HttpResponse): ParsedError {
    return parseJsonError(response);
  }
}

/** The JSON body of a response as an object (`{}` when empty); `MalformedBodyError` when it is not one. */
export const restJsonBody: (response: HttpResponse) => Record<string, unknown> = readJsonObject;

/** An `@httpPayload` document: any JSON value, undefined for an empty body. */
export function jsonPayload(response: HttpResponse): unknown {
  const text = bodyText(response);
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new MalformedBodyError("JSON");
  }
}

/** An `@httpPayload` structure or union: the body's object, undefined for an empty body. */
export function jsonObjectPayload(response: HttpResponse): Record<string, unknown> | undefined {
  const body = response.body;
  if ((typeof body === "string" ? body.length : body.byteLength) === 0) return undefined;
  return readJsonObject(response);
}

/** An `@httpPayload` string or enum: the body's text, undefined for an empty body. */
export function textPayload(response: HttpResponse): string | undefined {
  const text = bodyText(response);
  return text === "" ? undefined : text;
}

/** An `@httpPayload` blob: the body's bytes, undefined for an empty body. */
export function blobPayload(response: HttpResponse): Uint8Array | undefined {
  const bytes = bodyBytes(response);
  return bytes.byteLength === 0 ? undefined : bytes;
}
