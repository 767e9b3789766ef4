/**
 * Everything a call can throw, and the awsJson error-response parser.
 *
 * Sensitive data: no error created here carries request input. `RequestValidationError` keeps the
 * issues (path, constraint, message), never the value; transport errors keep the low-level cause
 * (a socket error), never the request. A service's own error message is passed through as the
 * service wrote it.
 */
import { headerValue, type HttpResponse } from "./transport.js";

/** One constraint violation found by an operation's input validator. */
export interface ValidationIssue {
  /** Where, e.g. `entities[0].entityId` (`""` for the input itself). */
  path: string;
  /** Which constraint failed, e.g. `length`, `pattern`, `required`. */
  constraint: string;
  /** What is wrong, in words; never quotes the value. */
  message: string;
}

/** Facts about the exchange that produced a result or an error. */
export interface ResponseMetadata {
  httpStatusCode?: number;
  requestId?: string;
  /** Requests sent for this call, retries included. */
  attempts: number;
  /** Milliseconds spent waiting between attempts. */
  totalRetryDelay: number;
}

/** What an error factory receives besides the parsed body. */
export interface ErrorInit {
  /** Sanitized error code (namespace and `:suffix` removed), e.g. `ValidationException`. */
  code: string;
  /** `message` (or `Message`, `errorMessage`) from the body, when it is a string. */
  message: string | undefined;
  /** `server` for a 5xx status, else `client`; lets the unknown-error factory pick a fault. */
  $fault: "client" | "server";
  $metadata: ResponseMetadata;
}

/** A generated error class: built from the response's facts and its parsed JSON body. */
export type ErrorClass = new (init: ErrorInit, body: Record<string, unknown>) => ServiceException;

/** What a ServiceException is built from. */
export interface ServiceExceptionInit {
  name: string;
  message: string;
  $fault: "client" | "server";
  $metadata: ResponseMetadata;
  code?: string;
}

/** A service's base exception class, built for a code the model does not know. */
export type BaseExceptionClass = new (init: ServiceExceptionInit) => ServiceException;

/** An error response from the service (modeled or not). Generated error classes extend it. */
export class ServiceException extends Error {
  readonly $fault: "client" | "server";
  readonly $metadata: ResponseMetadata;
  /** The sanitized error code. */
  readonly code: string;
  /**
   * Set by generated classes for errors with the `@retryable` trait; the retry strategy honours
   * it in addition to status and code. (`declare`: no own property unless a subclass sets it.)
   */
  declare readonly $retryable?: { throttling: boolean };

  constructor(init: ServiceExceptionInit) {
    super(init.message);
    this.name = init.name;
    this.$fault = init.$fault;
    this.$metadata = init.$metadata;
    this.code = init.code ?? init.name;
  }
}

/** Thrown in validation mode `reject`: the input broke the model's constraints; nothing was sent. */
export class RequestValidationError extends Error {
  /** Every issue found (the input itself is deliberately not kept). */
  readonly issues: ValidationIssue[];
  /** The operation whose input was rejected, e.g. `SendEvent`. */
  readonly operation: string;

  constructor(operation: string, issues: ValidationIssue[]) {
    super(`${operation}: input rejected, nothing was sent\n${formatIssues(issues)}`);
    this.name = "RequestValidationError";
    this.operation = operation;
    this.issues = issues;
  }
}

/** Lists issues one per line (`  - path: message`), without values. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => `  - ${i.path === "" ? "(input)" : i.path}: ${i.message}`).join("\n");
}

/** The request could not be completed at the network level (refused, reset, DNS...). Retryable. */
export class NetworkError extends Error {
  /** System error code when there is one, e.g. `ECONNRESET`. */
  readonly code: string | undefined;
  /** Filled when the client gives up (attempts and delays); absent on a per-attempt error. */
  $metadata: ResponseMetadata | undefined;

  constructor(message: string, options: { code?: string | undefined; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "NetworkError";
    this.code = options.code;
    this.$metadata = undefined;
  }
}

/** An attempt took longer than `requestTimeoutMs`. Retryable. */
export class TimeoutError extends Error {
  /** The limit that was exceeded, in milliseconds. */
  readonly timeoutMs: number;
  /** Filled when the client gives up (attempts and delays); absent on a per-attempt error. */
  $metadata: ResponseMetadata | undefined;

  constructor(message: string, timeoutMs: number) {
    super(message);
    this.name = "TimeoutError";
    this.timeoutMs = timeoutMs;
    this.$metadata = undefined;
  }
}

/** The caller's `AbortSignal` fired; the call stopped (request or retry wait) and never retries. */
export class AbortError extends Error {
  constructor(reason?: unknown) {
    super("The operation was aborted", { cause: reason });
    this.name = "AbortError";
  }
}

/** No credentials could be found, or the provider failed or returned an unusable value. */
export class CredentialsError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CredentialsError";
  }
}

/** The client configuration is unusable (missing region, bad endpoint...). Thrown by the constructor. */
export class ClientConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ClientConfigError";
  }
}

/**
 * Reduces a raw awsJson error code to the shape name: everything after the first `:` goes (a URL
 * some services append), then everything up to `#` (the namespace).
 */
export function sanitizeErrorCode(raw: string): string {
  let code = raw;
  const colon = code.indexOf(":");
  if (colon !== -1) code = code.slice(0, colon);
  const hash = code.indexOf("#");
  if (hash !== -1) code = code.slice(hash + 1);
  return code.trim();
}

/** The modeled errors of a service and its fallback, as a generated client describes them. */
export interface ErrorTable {
  /** Modeled errors by wire code (the error shape's name). */
  errors: Record<string, ErrorClass>;
  /** The service's base exception, for an unknown or missing code (its name is the code). */
  baseException: BaseExceptionClass;
  /** `aws.protocols#awsQueryCompatible`: the exposed code comes from `x-amzn-query-error` when present. */
  queryCompatible?: boolean;
}

/** Code used when an error response names no code at all (an HTML 502 from a proxy, say). */
export const UNKNOWN_ERROR_CODE = "UnknownError";

/**
 * Turns a non-2xx awsJson response into the matching exception. Never throws a SyntaxError: a
 * body that is not a JSON object counts as `{}`. The code comes from the `X-Amzn-Errortype`
 * header, else `__type`, else `code`; an unknown or missing code becomes `table.baseException`.
 * For an awsQuery-compatible service the error's `code` is the `Code` of an
 * `x-amzn-query-error: Code;Fault` header (the code its awsQuery clients knew), while the class
 * is still chosen by the JSON error type.
 * `attempts` and `totalRetryDelay` start at 0 and are filled in by the client when it gives up.
 */
export function parseErrorResponse(response: HttpResponse, table: ErrorTable): ServiceException {
  const status = response.statusCode;
  const body = parseJsonObject(response.body);
  const $metadata: ResponseMetadata = { httpStatusCode: status, attempts: 0, totalRetryDelay: 0 };
  const requestId = headerValue(response, "x-amzn-requestid") ?? headerValue(response, "x-amz-request-id");
  if (requestId !== undefined) $metadata.requestId = requestId;

  const rawCode =
    nonEmpty(headerValue(response, "x-amzn-errortype")) ??
    (body === undefined ? undefined : nonEmpty(stringField(body, "__type") ?? stringField(body, "code")));
  const code = rawCode === undefined ? UNKNOWN_ERROR_CODE : sanitizeErrorCode(rawCode) || UNKNOWN_ERROR_CODE;
  const message =
    body === undefined
      ? describeBody(response)
      : (stringField(body, "message") ??
        stringField(body, "Message") ??
        stringField(body, "errorMessage") ??
        (rawCode === undefined ? describeBody(response) : undefined));
  const queryCode = table.queryCompatible === true ? queryErrorCode(response) : undefined;
  const init: ErrorInit = { code: queryCode ?? code, message, $fault: status >= 500 ? "server" : "client", $metadata };
  const modeled = Object.hasOwn(table.errors, code) ? table.errors[code] : undefined;
  try {
    if (modeled !== undefined) return new modeled(init, body ?? {});
    return new table.baseException({
      name: init.code,
      message: message ?? "",
      $fault: init.$fault,
      $metadata,
      code: init.code,
    });
  } catch {
    // A factory that trips over an unexpected body must not hide the service's answer.
    return new ServiceException({
      name: code,
      message: message ?? "",
      $fault: init.$fault,
      $metadata,
      code: init.code,
    });
  }
}

/** The `Code` part of an `x-amzn-query-error: Code;Fault` header, if there is one. */
function queryErrorCode(response: HttpResponse): string | undefined {
  const header = headerValue(response, "x-amzn-query-error");
  if (header === undefined) return undefined;
  const code = header.split(";")[0]?.trim();
  return code === undefined || code === "" ? undefined : code;
}

/** `JSON.parse` for bodies that should hold an object; anything else (HTML, arrays, "") is undefined. */
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

function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  return typeof value === "string" ? value : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

/** Says what came back without quoting it (the body may echo request data). */
function describeBody(response: HttpResponse): string {
  const type = headerValue(response, "content-type") ?? "no content-type";
  return `HTTP ${response.statusCode} response without a JSON error code (${type}, ${response.body.length} characters)`;
}
