/**
 * JSON bodies, shared by the JSON protocols (awsJson1_0/1_1 and restJson1): parsing a response
 * body that must be an object, and reading an error's code and message the way both protocols
 * define them (`X-Amzn-Errortype` header, else the body's `__type`, else `code`).
 */
import { describeBody, MalformedBodyError, type ParsedError } from "../errors.js";
import { bodyText, headerValue, type HttpResponse } from "../transport.js";

/** `JSON.parse` for bodies that should hold an object: `{}` when empty, undefined when not an object (HTML, arrays...). */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  if (text.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The response body as a JSON object (`{}` when empty); throws `MalformedBodyError` when it is not one. */
export function readJsonObject(response: HttpResponse): Record<string, unknown> {
  const body = parseJsonObject(bodyText(response));
  if (body === undefined) throw new MalformedBodyError("a JSON object");
  return body;
}

/**
 * An error response's code, message and parsed body. A body that is not a JSON object counts as
 * `{}` (its message then says what came back, without quoting it).
 */
export function parseJsonError(response: HttpResponse): ParsedError {
  const body = parseJsonObject(bodyText(response));
  const code =
    nonEmpty(headerValue(response, "x-amzn-errortype")) ??
    (body === undefined ? undefined : nonEmpty(stringField(body, "__type") ?? stringField(body, "code")));
  const message =
    body === undefined
      ? describeBody(response, "without a JSON error code")
      : (stringField(body, "message") ?? stringField(body, "Message") ?? stringField(body, "errorMessage"));
  return { code, message, body: body ?? {} };
}

function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  return typeof value === "string" ? value : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
