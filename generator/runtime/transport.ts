/**
 * The seam between the client and the network. A transport sends one already-signed request and
 * returns the whole response; it never retries, signs or parses bodies (the client and its
 * protocol module do that), so a custom transport stays a few lines long.
 */

/** One HTTP request, ready to send. Built by the client once per attempt. */
export interface HttpRequest {
  /** The HTTP method. */
  method: string;
  /** Full URL (`https://host[:port]/path[?query]`), for fetch-style transports. */
  url: string;
  /** The URL scheme with its colon, for node:http. */
  protocol: "http:" | "https:";
  /** Host name without brackets (an IPv6 literal is given as `::1`). */
  hostname: string;
  /** Port number, or undefined for the scheme's default port. */
  port: number | undefined;
  /** Path, percent-encoded, without the query string. */
  path: string;
  /** The query string, percent-encoded, without `?` (`""` when there is none; RPC protocols never send one). */
  query: string;
  /**
   * Header names are lower case. Includes `host` (it is signed); fetch-based transports must drop
   * it because fetch sets Host itself and treats it as a forbidden header.
   */
  headers: Record<string, string>;
  /**
   * The body text or bytes (gzip bytes for a `@requestCompression` operation, then the headers
   * say `content-encoding: gzip`); undefined when the request has none. `content-length` is
   * already in the headers. A `StreamBody` (a `@streaming` blob given as a stream) is sent as it
   * is read, with `take()` or `takeFetchBody()`, once; `content-length` is in the headers when
   * its length is known, else the body goes chunked.
   */
  body: string | Uint8Array | StreamBody | undefined;
}

/**
 * A request body read from a stream, sent once: streaming.ts's `StreamingRequestBody`. Described
 * here so that the client and transports handle one without importing streaming.ts, which only
 * clients with streaming operations bundle.
 */
export interface StreamBody {
  /** Bytes the stream holds, when known; else the transport sends it chunked. */
  readonly length: number | undefined;
  /** Whether a transport has taken the stream (then it cannot be sent again). */
  readonly consumed: boolean;
  /** The `content-length` to send, from its own length or the operation's headers; throws when one is required and unknown. */
  contentLength(headers: Readonly<Record<string, string>>, operation: string): string | undefined;
  /** The stream's bytes, once. */
  take(): AsyncIterable<Uint8Array>;
  /** The body as fetch takes it (a `Blob`, else a web stream), once. */
  takeFetchBody(): Blob | ReadableStream<Uint8Array>;
}

/** Whether a body is a stream body (anything but text, bytes or none). */
export function isStreamBody(body: string | Uint8Array | StreamBody | undefined): body is StreamBody {
  return typeof body === "object" && !(body instanceof Uint8Array);
}

/** One HTTP response with its body read to the end. */
export interface HttpResponse {
  /** The HTTP status code. */
  statusCode: number;
  /** Header names in lower case; a repeated header may arrive as an array. */
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /**
   * The whole body: text, or bytes as transports that do not decode read it. Protocol code reads
   * it through `bodyText` or `bodyBytes`, so a custom transport may return either.
   */
  body: string | Uint8Array;
  /**
   * Optional: the body as a stream not read yet, for a 2xx response to a call whose
   * `TransportOptions.streamResponse` was set (then `body` is empty). The operation's output
   * hands it to the caller as a `StreamingBlobOutput`. A transport may ignore the option and
   * read every body whole.
   */
  stream?: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;
  /**
   * Optional: one header (name in lower case, repeated values joined with ", ") without touching
   * `headers`, for transports that build `headers` only when asked. `headerValue` uses it.
   */
  header?(name: string): string | undefined;
}

/** Per-attempt options the client passes to a transport. */
export interface TransportOptions {
  /** Cancels the attempt; the transport rejects with an `AbortError` (see errors.ts). */
  signal?: AbortSignal | undefined;
  /**
   * Time limit for the whole attempt (connect, send, wait, read the body), in milliseconds.
   * When it passes the transport rejects with a `TimeoutError` (see errors.ts).
   */
  timeoutMs?: number | undefined;
  /**
   * The operation's output holds a `@streaming` blob: a 2xx response's body may be given as
   * `stream` instead of being read whole (other statuses are always read whole). The time limit
   * then ends when the headers arrive.
   */
  streamResponse?: boolean | undefined;
}

/**
 * Sends requests. Failures must be reported as `NetworkError` (retryable: connection refused or
 * reset, DNS failure...), `TimeoutError` or `AbortError` from errors.ts; anything else thrown is
 * treated as a non-retryable bug and passed to the caller as is.
 */
export interface Transport {
  /** Sends one request and resolves with the response (its body not yet read). */
  handle(request: HttpRequest, options: TransportOptions): Promise<HttpResponse>;
  /** Releases pooled connections. Optional: a stateless transport needs nothing. */
  destroy?(): void;
}

/** What the client tells the platform's default transport (default-transport*.ts). */
export interface DefaultTransportOptions {
  /** Most sockets per host (Node; browsers pool connections themselves). */
  maxSockets?: number | undefined;
  /** Receives the transport's warnings (a call waiting for a socket). */
  logger?: { warn(message: string): void } | undefined;
  /** The client config's `fetch`: send with this fetch instead of the platform's default. */
  fetch?: typeof fetch | undefined;
}

/** Reads one response header (name in lower case), joining repeated values with ", ". */
export function headerValue(response: HttpResponse, name: string): string | undefined {
  if (response.header !== undefined) return response.header(name);
  const value = response.headers[name];
  if (value === undefined || typeof value === "string") return value;
  return value.join(", ");
}

/** The request target as it goes on the wire: the path, then `?query` when there is one. */
export function pathAndQuery(request: HttpRequest): string {
  return request.query === "" ? request.path : `${request.path}?${request.query}`;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** The response body as text (bytes are decoded as UTF-8). */
export function bodyText(response: HttpResponse): string {
  const body = response.body;
  if (typeof body === "string") return body;
  return decoder.decode(body);
}

/** The response body as bytes (text is encoded as UTF-8). */
export function bodyBytes(response: HttpResponse): Uint8Array {
  const body = response.body;
  if (typeof body !== "string") return body;
  return encoder.encode(body);
}

/** The body's length as the response states it: characters of text, or bytes. */
export function bodyLength(response: HttpResponse): number {
  const body = response.body;
  return typeof body === "string" ? body.length : body.byteLength;
}
