/**
 * Node transport: node:http / node:https with keep-alive agents, so consecutive calls reuse one
 * TCP (and TLS) connection. The only runtime file that imports node:http and node:https.
 */
// Node's types even in an app whose tsconfig loads no global types (`tsc --init` writes `"types": []`).
/// <reference types="node" />
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { AbortError, NetworkError, TimeoutError } from "./errors.js";
import {
  isStreamBody,
  pathAndQuery,
  type HttpRequest,
  type HttpResponse,
  type StreamBody,
  type Transport,
  type TransportOptions,
} from "./transport.js";

/** Options of the Node transport. */
export interface NodeHttpTransportOptions {
  /**
   * Most sockets open at once per host (`scheme://host:port`); further requests wait for a free
   * one. Default 50, as the AWS SDK's Node handler. Not used with `httpAgent`/`httpsAgent`.
   */
  maxSockets?: number | undefined;
  /**
   * Close keep-alive sockets idle for this many ms. Default: none (as the AWS SDK); sockets the
   * server closes are dropped by the agent, and a request that races such a close fails with
   * ECONNRESET, which the client retries. Setting it costs a few µs per call (socket timers).
   * Not used with `httpAgent`/`httpsAgent`.
   */
  idleSocketTimeoutMs?: number;
  /** Your own agent for http: endpoints (its `maxSockets` rules); `destroy()` leaves it open. */
  httpAgent?: HttpAgent;
  /** Your own agent for https: endpoints (its `maxSockets` rules); `destroy()` leaves it open. */
  httpsAgent?: HttpsAgent;
  /** Receives the warning about requests waiting for a socket. Default `console`. */
  logger?: { warn(message: string): void } | undefined;
  /** A request that waits this long (ms) for a socket logs the warning. Default 1000. */
  socketWaitWarningMs?: number;
}

/** Default socket limit per host, the AWS SDK's. */
export const DEFAULT_MAX_SOCKETS = 50;

/** The socket-wait warning is logged at most once per this many ms (the AWS SDK's interval). */
export const SOCKET_WARNING_INTERVAL_MS = 15_000;

/** One agent and what the transport knows of its use. */
interface Pool {
  readonly agent: HttpAgent;
  /** Whether the caller passed it in (then it is not destroyed, and its setting is named so). */
  readonly external: boolean;
  /** Requests between `handle()` and their end: an upper bound of the sockets in use. */
  inFlight: number;
}

/** Sends requests with node:http(s) over keep-alive connections. Call `destroy()` to close them. */
export class NodeHttpTransport implements Transport {
  readonly #http: Pool;
  readonly #https: Pool;
  readonly #logger: { warn(message: string): void };
  readonly #socketWaitWarningMs: number;
  #lastWarning = Number.NEGATIVE_INFINITY;

  constructor(options: NodeHttpTransportOptions = {}) {
    const agentOptions = {
      keepAlive: true,
      // LIFO reuses the most recently used socket, so idle ones age out instead of all staying warm.
      scheduling: "lifo" as const,
      maxSockets: options.maxSockets ?? DEFAULT_MAX_SOCKETS,
      ...(options.idleSocketTimeoutMs === undefined ? {} : { timeout: options.idleSocketTimeoutMs }),
    };
    this.#http = options.httpAgent
      ? { agent: options.httpAgent, external: true, inFlight: 0 }
      : { agent: new HttpAgent(agentOptions), external: false, inFlight: 0 };
    this.#https = options.httpsAgent
      ? { agent: options.httpsAgent, external: true, inFlight: 0 }
      : { agent: new HttpsAgent(agentOptions), external: false, inFlight: 0 };
    this.#logger = options.logger ?? console;
    this.#socketWaitWarningMs = options.socketWaitWarningMs ?? 1000;
  }

  handle(request: HttpRequest, options: TransportOptions): Promise<HttpResponse> {
    const { signal, timeoutMs, streamResponse } = options;
    if (signal?.aborted) return Promise.reject(new AbortError(signal.reason));
    return new Promise<HttpResponse>((resolve, reject) => {
      const https = request.protocol === "https:";
      const pool = https ? this.#https : this.#http;
      const headers = request.headers;
      const requestBody = request.body;
      if (requestBody !== undefined && !isStreamBody(requestBody))
        headers["content-length"] ??= String(Buffer.byteLength(requestBody));
      let timer: ReturnType<typeof setTimeout> | undefined;
      let waitTimer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      const finish = (error: Error | undefined, response?: HttpResponse): void => {
        if (settled) return;
        settled = true;
        pool.inFlight--;
        if (timer !== undefined) clearTimeout(timer);
        if (waitTimer !== undefined) clearTimeout(waitTimer);
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
        const status = res.statusCode ?? 0;
        if (streamResponse === true && status >= 200 && status < 300) {
          // The caller reads the body (a read-once stream); the time limit ends with the headers.
          finish(undefined, new NodeResponse(res, EMPTY, readBody(res)));
          // The call's signal still cancels the body being read.
          if (signal !== undefined) {
            const onBodyAbort = (): void => {
              res.destroy(new AbortError(signal.reason));
            };
            signal.addEventListener("abort", onBodyAbort, { once: true });
            res.once("close", () => signal.removeEventListener("abort", onBodyAbort));
          }
          return;
        }
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
        });
        res.on("end", () => {
          // Bytes: the protocol decides how to read them (text for JSON and XML, raw for blobs and CBOR).
          const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
          finish(undefined, new NodeResponse(res, body));
        });
        res.on("error", (error: Error) => finish(networkError(error)));
      };
      const req = (https ? httpsRequest : httpRequest)(
        {
          agent: pool.agent,
          method: request.method,
          hostname: request.hostname,
          port: request.port,
          path: pathAndQuery(request),
          headers,
        },
        onResponse,
      );
      pool.inFlight++;
      req.on("error", (error: Error) => finish(networkError(error)));
      // More requests than sockets: this one may queue in the agent. Only then is a timer armed.
      if (pool.inFlight > pool.agent.maxSockets) {
        const onSocket = (): void => {
          if (waitTimer !== undefined) clearTimeout(waitTimer);
          waitTimer = undefined;
        };
        req.once("socket", onSocket);
        waitTimer = setTimeout(() => {
          waitTimer = undefined;
          req.off("socket", onSocket);
          if (!settled) this.#warnSocketWait(pool, request);
        }, this.#socketWaitWarningMs);
      }
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          const error = new TimeoutError(`no complete response within ${timeoutMs} ms (requestTimeoutMs)`, timeoutMs);
          finish(error);
          req.destroy(error);
        }, timeoutMs);
      }
      signal?.addEventListener("abort", onAbort, { once: true });
      if (requestBody === undefined) req.end();
      else if (isStreamBody(requestBody)) {
        // A failing source (the caller's stream) rejects with its own error: nothing to retry.
        sendStream(req, requestBody).catch((error: unknown) => {
          const failure = error instanceof Error ? error : new Error(String(error));
          finish(failure);
          req.destroy(failure);
        });
      } else req.end(requestBody);
    });
  }

  /** Closes every pooled socket of the agents it made, in use or idle (a request still in flight fails with a NetworkError). */
  destroy(): void {
    if (!this.#http.external) this.#http.agent.destroy();
    if (!this.#https.external) this.#https.agent.destroy();
  }

  /** The AWS SDK's "socket usage at capacity" warning, naming the setting to change; at most once per interval. */
  #warnSocketWait(pool: Pool, request: HttpRequest): void {
    const now = performance.now();
    if (now - this.#lastWarning < SOCKET_WARNING_INTERVAL_MS) return;
    this.#lastWarning = now;
    const max = pool.agent.maxSockets;
    const setting = pool.external
      ? `the maxSockets of the ${request.protocol === "https:" ? "httpsAgent" : "httpAgent"} you passed`
      : "`maxSockets` in the client config";
    this.#logger.warn(
      `anvil client: a request to ${request.hostname} waited more than ${this.#socketWaitWarningMs} ms for a socket: ` +
        `${pool.inFlight} requests in flight, at most ${max} sockets per host (${setting}). ` +
        `Raise ${setting} or send fewer requests at once. (Logged at most once every ${SOCKET_WARNING_INTERVAL_MS / 1000} s.)`,
    );
  }
}

const EMPTY = new Uint8Array(0);

/** A streamed body's chunks: a connection lost mid-body is a `NetworkError`, a cancel the call's `AbortError`. */
async function* readBody(res: IncomingMessage): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of res) yield chunk as Buffer;
  } catch (error) {
    throw error instanceof AbortError ? error : networkError(error instanceof Error ? error : new Error(String(error)));
  }
}

/** Writes a stream body as it is read, waiting for the socket to drain (a multi-MB body is never held whole). */
async function sendStream(req: ClientRequest, body: StreamBody): Promise<void> {
  for await (const chunk of body.take()) {
    if (req.destroyed) return;
    if (!req.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          req.off("drain", done);
          req.off("close", done);
          resolve();
        };
        req.on("drain", done);
        req.on("close", done);
      });
    }
  }
  req.end();
}

/** A response whose headers object is built by Node only if someone reads it (success paths do not). */
class NodeResponse implements HttpResponse {
  readonly statusCode: number;
  readonly body: Uint8Array;
  readonly stream?: AsyncIterable<Uint8Array>;
  readonly #message: IncomingMessage;

  constructor(message: IncomingMessage, body: Uint8Array, stream?: AsyncIterable<Uint8Array>) {
    this.statusCode = message.statusCode ?? 0;
    this.body = body;
    if (stream !== undefined) this.stream = stream;
    this.#message = message;
  }

  get headers(): IncomingMessage["headers"] {
    return this.#message.headers;
  }

  /** One header from the raw list, without building `headers` (the client reads `date` on every response). */
  header(name: string): string | undefined {
    const raw = this.#message.rawHeaders;
    let value: string | undefined;
    for (let i = 0; i < raw.length; i += 2) {
      const key = raw[i] as string;
      if (key.length === name.length && key.toLowerCase() === name) {
        const v = raw[i + 1] as string;
        value = value === undefined ? v : `${value}, ${v}`;
      }
    }
    return value;
  }
}

/** Wraps a socket-level failure (ECONNRESET, ECONNREFUSED, ENOTFOUND...) as a retryable error. */
function networkError(error: Error): NetworkError {
  const code = (error as { code?: unknown }).code;
  const codeText = typeof code === "string" ? code : undefined;
  return new NetworkError(`network error: ${codeText ?? error.message}`, { code: codeText, cause: error });
}
