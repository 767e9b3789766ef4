/**
 * Node transport: node:http / node:https with keep-alive agents, so consecutive calls reuse one
 * TCP (and TLS) connection. The only runtime file that imports node:http and node:https.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { AbortError, NetworkError, TimeoutError } from "./errors.js";
import type { HttpRequest, HttpResponse, Transport, TransportOptions } from "./transport.js";

/** Options of the Node transport. */
export interface NodeHttpTransportOptions {
  /** Most sockets kept per host (default: no limit, like Node's own agent). */
  maxSockets?: number;
  /**
   * Close keep-alive sockets idle for this many ms. Default: none (as the AWS SDK); sockets the
   * server closes are dropped by the agent, and a request that races such a close fails with
   * ECONNRESET, which the client retries. Setting it costs a few µs per call (socket timers).
   */
  idleSocketTimeoutMs?: number;
}

/** Sends requests with node:http(s) over keep-alive connections. Call `destroy()` to close them. */
export class NodeHttpTransport implements Transport {
  readonly #http: HttpAgent;
  readonly #https: HttpsAgent;

  constructor(options: NodeHttpTransportOptions = {}) {
    const agentOptions = {
      keepAlive: true,
      // LIFO reuses the most recently used socket, so idle ones age out instead of all staying warm.
      scheduling: "lifo" as const,
      maxSockets: options.maxSockets ?? Number.POSITIVE_INFINITY,
      ...(options.idleSocketTimeoutMs === undefined ? {} : { timeout: options.idleSocketTimeoutMs }),
    };
    this.#http = new HttpAgent(agentOptions);
    this.#https = new HttpsAgent(agentOptions);
  }

  handle(request: HttpRequest, options: TransportOptions): Promise<HttpResponse> {
    const { signal, timeoutMs } = options;
    if (signal?.aborted) return Promise.reject(new AbortError(signal.reason));
    return new Promise<HttpResponse>((resolve, reject) => {
      const https = request.protocol === "https:";
      const headers = request.headers;
      headers["content-length"] ??= String(Buffer.byteLength(request.body));
      let timer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      const finish = (error: Error | undefined, response?: HttpResponse): void => {
        if (settled) return;
        settled = true;
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        if (error === undefined) resolve(response as HttpResponse);
        else reject(error);
      };
      const onAbort = (): void => {
        const error = new AbortError(signal?.reason);
        finish(error);
        req.destroy(error);
      };
      const onResponse = (res: IncomingMessage): void => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
        });
        res.on("end", () => {
          const body =
            chunks.length === 1 ? (chunks[0] as Buffer).toString("utf8") : Buffer.concat(chunks).toString("utf8");
          finish(undefined, new NodeResponse(res, body));
        });
        res.on("error", (error: Error) => finish(networkError(error)));
      };
      const req = (https ? httpsRequest : httpRequest)(
        {
          agent: https ? this.#https : this.#http,
          method: request.method,
          hostname: request.hostname,
          port: request.port,
          path: request.path,
          headers,
        },
        onResponse,
      );
      req.on("error", (error: Error) => finish(networkError(error)));
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          const error = new TimeoutError(`no complete response within ${timeoutMs} ms (requestTimeoutMs)`, timeoutMs);
          finish(error);
          req.destroy(error);
        }, timeoutMs);
      }
      signal?.addEventListener("abort", onAbort, { once: true });
      req.end(request.body);
    });
  }

  /** Closes every pooled socket, in use or idle (a request still in flight fails with a NetworkError). */
  destroy(): void {
    this.#http.destroy();
    this.#https.destroy();
  }
}

/** A response whose headers object is built by Node only if someone reads it (success paths do not). */
class NodeResponse implements HttpResponse {
  readonly statusCode: number;
  readonly body: string;
  readonly #message: IncomingMessage;

  constructor(message: IncomingMessage, body: string) {
    this.statusCode = message.statusCode ?? 0;
    this.body = body;
    this.#message = message;
  }

  get headers(): IncomingMessage["headers"] {
    return this.#message.headers;
  }
}

/** Wraps a socket-level failure (ECONNRESET, ECONNREFUSED, ENOTFOUND...) as a retryable error. */
function networkError(error: Error): NetworkError {
  const code = (error as { code?: unknown }).code;
  const codeText = typeof code === "string" ? code : undefined;
  return new NetworkError(`network error: ${codeText ?? error.message}`, { code: codeText, cause: error });
}
