/**
 * Transport over a WHATWG `fetch` (browsers, Deno, Bun, workers, or Node's own fetch). Given the
 * fetch function explicitly so tests and callers can wrap or replace it.
 */
import { AbortError, NetworkError, TimeoutError } from "./errors.js";
import {
  isStreamBody,
  type HttpRequest,
  type HttpResponse,
  type Transport,
  type TransportOptions,
} from "./transport.js";

/** The subset of `fetch` this transport uses. */
export type FetchFunction = typeof fetch;

/** Sends requests with a fetch function. Stateless: the platform pools connections. */
export class FetchTransport implements Transport {
  readonly #fetch: FetchFunction;

  constructor(fetchFunction: FetchFunction) {
    this.#fetch = fetchFunction;
  }

  async handle(request: HttpRequest, options: TransportOptions): Promise<HttpResponse> {
    const { signal, timeoutMs } = options;
    if (signal?.aborted) throw new AbortError(signal.reason);
    const headers: Record<string, string> = {};
    for (const name in request.headers) {
      // fetch sets Host (and Content-Length) itself; browsers reject them as forbidden headers.
      if (name !== "host" && name !== "content-length") headers[name] = request.headers[name] as string;
    }
    // One controller per attempt joins the caller's signal and the timeout.
    const controller = signal === undefined && timeoutMs === undefined ? undefined : new AbortController();
    let timedOut = false;
    const onAbort = (): void => controller?.abort();
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            controller?.abort();
          }, timeoutMs);
    signal?.addEventListener("abort", onAbort, { once: true });
    let bodyKeepsSignal = false;
    try {
      const requestBody = request.body;
      const init: RequestInit & { duplex?: "half" } = {
        method: request.method,
        headers,
        // A gzip body is copied into a plain ArrayBuffer-backed array, the one kind BodyInit names.
        body:
          requestBody === undefined
            ? null
            : typeof requestBody === "string"
              ? requestBody
              : isStreamBody(requestBody)
                ? requestBody.takeFetchBody()
                : requestBody.slice(),
        signal: controller?.signal ?? null,
      };
      // fetch sends a stream body only when told it is sent before the response is read.
      if (init.body instanceof ReadableStream) init.duplex = "half";
      const response = await this.#fetch(request.url, init);
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        responseHeaders[name] = value;
      });
      if (options.streamResponse === true && response.ok && response.body !== null) {
        // The caller reads the body once, as a stream; the time limit ends with the headers, and
        // the call's signal stays joined to the controller, so it still cancels the body.
        bodyKeepsSignal = true;
        return {
          statusCode: response.status,
          headers: responseHeaders,
          body: new Uint8Array(0),
          stream: response.body,
        };
      }
      // Bytes: the protocol decides how to read them (text for JSON and XML, raw for blobs and CBOR).
      const body = new Uint8Array(await response.arrayBuffer());
      return { statusCode: response.status, headers: responseHeaders, body };
    } catch (error) {
      if (timedOut && timeoutMs !== undefined) {
        throw new TimeoutError(`no complete response within ${timeoutMs} ms (requestTimeoutMs)`, timeoutMs);
      }
      if (signal?.aborted) throw new AbortError(signal.reason);
      // fetch reports every network-level failure as a TypeError ("fetch failed", "Failed to fetch").
      const code = causeCode(error);
      throw new NetworkError(`network error: ${code ?? (error instanceof Error ? error.message : String(error))}`, {
        code,
        cause: error,
      });
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      if (!bodyKeepsSignal) signal?.removeEventListener("abort", onAbort);
    }
  }
}

/** Node's fetch puts the socket error (with its code) in `cause`. */
function causeCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === "string" ? cause.code : undefined;
}
