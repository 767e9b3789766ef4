/**
 * Everything a call can throw, and the protocol-neutral half of error mapping (the protocol
 * module reads the code and body; `errorFromResponse` picks and builds the exception).
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
  /** The response's HTTP status code. */
  httpStatusCode?: number;
  /** The request ID the service returned, for support cases. */
  requestId?: string;
  /** Requests sent for this call, retries included. */
  attempts: number;
  /** Milliseconds spent waiting between attempts. */
  totalRetryDelay: number;
  /**
   * Set on a clock-skew error (`InvalidSignatureException`, `RequestTimeTooSkewed`...) when the
   * client corrected its signing clock from the response's `Date`, which makes it retryable.
   */
  clockSkewCorrected?: boolean;
}

/** What an error factory receives besides the parsed body. */
export interface ErrorInit {
  /** Sanitized error code (namespace and `:suffix` removed), e.g. `ValidationException`. */
  code: string;
  /** `message` (or `Message`, `errorMessage`) from the body, when it is a string. */
  message: string | undefined;
  /** `server` for a 5xx status, else `client`; lets the unknown-error factory pick a fault. */
  $fault: "client" | "server";
  /** Facts about the exchange. */
  $metadata: ResponseMetadata;
}

/** What a ServiceException is built from. */
export interface ServiceExceptionInit {
  /** The error's name (the class name, or the service's code for an unmodeled error). */
  name: string;
  /** The error message. */
  message: string;
  /** Whose fault: `client` (4xx) or `server` (5xx). */
  $fault: "client" | "server";
  /** Facts about the exchange. */
  $metadata: ResponseMetadata;
  /** The error code the service sent, when it differs from `name`. */
  code?: string;
}

/**
 * What a generated error class passes to `ServiceException`: its own name and fault with the
 * runtime's `init` (the message, empty when the response has none; metadata; code). One function
 * for every class, so each costs a call in an app's bundle rather than an object literal.
 */
export function modeledErrorInit(init: ErrorInit, name: string, $fault: "client" | "server"): ServiceExceptionInit {
  return { name, message: init.message ?? "", $fault, $metadata: init.$metadata, code: init.code };
}

/** A service's base exception class, built for a code the model does not know. */
export type BaseExceptionClass = new (init: ServiceExceptionInit) => ServiceException;

/** An error response from the service (modeled or not). Generated error classes extend it. */
export class ServiceException extends Error {
  /** Whose fault: `client` (4xx) or `server` (5xx). */
  readonly $fault: "client" | "server";
  /** Facts about the exchange that failed. */
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
  /** The configuration key at fault, e.g. `maxSockets`, when one is. */
  readonly key: string | undefined;

  constructor(message: string, key?: string) {
    super(message);
    this.name = "ClientConfigError";
    this.key = key;
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

/**
 * A generated error deserializer: builds the modeled error from the response's facts (`init`),
 * the body as the service's protocol parsed it (a JSON object, an XML element, a CBOR map...) and
 * the response itself (for members bound to headers or the status code).
 */
export type ErrorDeserializer = (init: ErrorInit, body: unknown, response: HttpResponse) => ServiceException;

/** The modeled errors of a service and its fallback, as a generated client describes them. */
export interface ErrorTable {
  /** Modeled errors by wire code (the error shape's name). */
  errors: Record<string, ErrorDeserializer>;
  /** The service's base exception, for an unknown or missing code (its name is the code). */
  baseException: BaseExceptionClass;
  /**
   * REST protocols: for a response that names no error code, the wire code of the one modeled
   * error whose `@httpError` is its status (a 404 without a body, say).
   */
  errorsByStatus?: Readonly<Record<number, string>>;
}

/** What a protocol module read from an error response (see protocols/protocol.ts). */
export interface ParsedError {
  /** The raw code, when the response names one. */
  code: string | undefined;
  /** The message from the body, when it has one. */
  message: string | undefined;
  /** The parsed body (for the error class to read its members from). */
  body: unknown;
  /** The code callers see, when it differs from the one that picks the class. */
  exposedCode?: string | undefined;
}

/** Code used when an error response names no code at all (an HTML 502 from a proxy, say). */
export const UNKNOWN_ERROR_CODE = "UnknownError";

/** The response's status and request id (`x-amzn-requestid`, else `x-amz-request-id`), with the call's attempts and delays. */
export function responseMetadata(response: HttpResponse, attempts: number, totalRetryDelay: number): ResponseMetadata {
  const $metadata: ResponseMetadata = { httpStatusCode: response.statusCode, attempts, totalRetryDelay };
  const requestId = headerValue(response, "x-amzn-requestid") ?? headerValue(response, "x-amz-request-id");
  if (requestId !== undefined) $metadata.requestId = requestId;
  return $metadata;
}

/**
 * Turns a non-2xx response, as its protocol parsed it, into the matching exception. The class is
 * chosen by the sanitized code (without one, by `table.errorsByStatus`); an unknown or missing
 * code becomes `table.baseException`. The
 * exposed `code` is `parsed.exposedCode` when the protocol gives one (awsQuery-compatible
 * services). Never throws: a deserializer that trips over an unexpected body gives way to a
 * plain `ServiceException`. `attempts` and `totalRetryDelay` start at 0 and are filled in by the
 * client when it gives up.
 */
export function errorFromResponse(response: HttpResponse, parsed: ParsedError, table: ErrorTable): ServiceException {
  const status = response.statusCode;
  const $metadata = responseMetadata(response, 0, 0);
  const named = parsed.code === undefined || parsed.code.trim() === "" ? undefined : parsed.code;
  const rawCode = named ?? (table.errorsByStatus === undefined ? undefined : table.errorsByStatus[status]);
  const code = rawCode === undefined ? UNKNOWN_ERROR_CODE : sanitizeErrorCode(rawCode) || UNKNOWN_ERROR_CODE;
  const message =
    parsed.message ?? (rawCode === undefined ? describeBody(response, "without an error code") : undefined);
  const exposed = parsed.exposedCode ?? code;
  const init: ErrorInit = { code: exposed, message, $fault: status >= 500 ? "server" : "client", $metadata };
  const modeled = Object.hasOwn(table.errors, code) ? table.errors[code] : undefined;
  try {
    if (modeled !== undefined) return modeled(init, parsed.body, response);
    return new table.baseException({
      name: exposed,
      message: message ?? "",
      $fault: init.$fault,
      $metadata,
      code: exposed,
    });
  } catch {
    // A deserializer that trips over an unexpected body must not hide the service's answer.
    return new ServiceException({ name: code, message: message ?? "", $fault: init.$fault, $metadata, code: exposed });
  }
}

/**
 * Thrown by a protocol's body readers for a response body that does not parse (truncated JSON,
 * HTML from a proxy, a wrong content type); the client turns it into a `ServiceException` named
 * `MalformedResponseError` that names the operation and status. Never reaches callers.
 */
export class MalformedBodyError extends Error {
  /** What was expected, e.g. `a JSON object`. */
  readonly expected: string;

  constructor(expected: string) {
    super(`response body is not ${expected}`);
    this.name = "MalformedBodyError";
    this.expected = expected;
  }
}

/** Says what came back without quoting it (the body may echo request data): `HTTP 502 response <what> (text/html, 12 characters)`. */
export function describeBody(response: HttpResponse, what: string): string {
  const type = headerValue(response, "content-type") ?? "no content-type";
  const body = response.body;
  const size = typeof body === "string" ? `${body.length} characters` : `${body.byteLength} bytes`;
  return `HTTP ${response.statusCode} response ${what} (${type}, ${size})`;
}
