/**
 * The client every generated client delegates to, whatever its protocol. Generated code describes
 * the service (`ServiceDescriptor`, with its protocol object from protocols/) and each operation
 * (`OperationDescriptor`: generated serialize and deserialize functions); this file validates,
 * sends, signs, retries and maps errors, and knows no wire format.
 *
 * One call, in order: abort check; input validation (`reject` throws before anything is sent,
 * `warn` logs, `off` skips); serialize once (the operation's parts, then the protocol's own
 * headers); then per attempt: a send token in adaptive retry mode (rate-limiter.ts), credentials,
 * a fresh request, SigV4 signature at the skew-corrected time (clock.ts), send; every response's
 * `Date` may correct the clock; a 2xx goes to the operation's deserializer (a body that does not parse
 * becomes a `MalformedResponseError`); otherwise the protocol reads the error and the service's
 * error table builds it, and the retry strategy says whether (and when) to try again.
 */
import type { AuthScheme, AuthTarget, HttpAuth, HttpAuthConfig, OperationAuth, ServiceAuth } from "./auth.js";
import { CLOCK_SKEW_ERROR_CODES, offsetMoved, SigningClock } from "./clock.js";
import { CredentialSource, type CredentialProvider, type Credentials } from "./credentials.js";
import { createDefaultTransport, defaultSigV4 } from "./default-transport.js";
import { utf8Length } from "./body.js";
import { resolveEndpoint, resolveRegion, type ResolvedEndpoint } from "./endpoint.js";
import {
  AbortError,
  ClientConfigError,
  describeBody,
  formatIssues,
  errorFromResponse,
  MalformedBodyError,
  NetworkError,
  RequestValidationError,
  responseMetadata,
  ServiceException,
  TimeoutError,
  type BaseExceptionClass,
  type ErrorDeserializer,
  type ErrorTable,
  type ValidationIssue,
} from "./errors.js";
import { AdaptiveRateLimiter } from "./rate-limiter.js";
import {
  classifyRetry,
  sleep,
  STANDARD_RETRY_OPTIONS,
  StandardRetryStrategy,
  type RetryOptions,
  type RetryTicket,
} from "./retry.js";
import { RequestSigner } from "./signer.js";
import type { ClientProtocol, SerializedRequest } from "./protocols/protocol.js";
import type { CallEndpoints } from "./rules/call-endpoints.js";
import {
  headerValue,
  isStreamBody,
  type HttpRequest,
  type HttpResponse,
  type StreamBody,
  type Transport,
} from "./transport.js";
import { queryString } from "./uri.js";

export type { BaseExceptionClass, ErrorDeserializer, ErrorInit, ErrorTable, ValidationIssue } from "./errors.js";
export type { ClientProtocol, SerializedRequest } from "./protocols/protocol.js";
export type { CredentialProvider, Credentials } from "./credentials.js";
export type {
  ApiKeyAuthConfig,
  AuthScheme,
  BasicAuthConfig,
  BearerAuthConfig,
  OperationAuth,
  ServiceAuth,
} from "./auth.js";

/** What a generated client knows about its service (`C`: its config type, which the endpoint rules read). */
export interface ServiceDescriptor<C extends ClientConfig = ClientConfig> {
  /** The service's protocol (one class of protocols/, e.g. `AwsJsonProtocol`). */
  protocol: ClientProtocol;
  /** SigV4 signing name (`aws.auth#sigv4` name), e.g. `frauddetector`. */
  signingName: string;
  /** First label of the default host name (`aws.api#service` endpointPrefix). */
  endpointPrefix: string;
  /** e.g. `FraudDetector`; used in messages and the user agent. */
  sdkId: string;
  /** Service version, e.g. `2019-11-15`. */
  version: string;
  /**
   * Modeled errors' deserializers keyed by shape name (the sanitized error code), for operations
   * without their own table (`OperationDescriptor.errors`).
   */
  errors: Record<string, ErrorDeserializer>;
  /** REST protocols: the error to build, by status, for a response that names no error code (`@httpError`). */
  errorsByStatus?: Readonly<Record<number, string>>;
  /** The service's base exception class, for an unknown or missing code. */
  baseException: BaseExceptionClass;
  /**
   * The endpoint the model's `smithy.rules#endpointRuleSet` gives for a region and the endpoint
   * parameters of the config (generated clients pass the evaluator from runtime/rules/ when the
   * model has rules). Without it, or when `config.endpoint` is set, the endpoint is derived as
   * endpoint.ts describes.
   */
  endpointFromRules?: (region: string, config: C) => string;
  /**
   * SigV4 percent-encodes the path once more when signing, unless this is false (S3 only, as
   * the AWS SDK's `signingEscapePath`): see signer.ts.
   */
  signingEscapePath?: false;
  /**
   * Services whose operations carry endpoint context (`@contextParam`, `@staticContextParams`,
   * e.g. S3's `Bucket`): a client's per-call endpoints (rules/call-endpoints.ts), which give the
   * endpoint the rules give for one call from the region, the config (its `endpoint` passed to
   * the rules as `SDK::Endpoint`, so an S3 bucket still goes in the host or the path as the rules
   * say) and the operation's context parameters.
   */
  callEndpoints?: (region: string, config: C, sdkId: string) => CallEndpoints;
  /**
   * The schemes the operations use (auth.ts) and the list an operation without its own `auth`
   * follows. Absent: every operation is SigV4-signed.
   */
  auth?: ServiceAuth;
}

/** An operation's endpoint rule parameters from its input (`@contextParam`) and its `@staticContextParams`. */
export type EndpointContext = Record<string, string | boolean | undefined>;

/**
 * When the client computes the request checksum of an `aws.protocols#httpChecksum` operation:
 * `WHEN_SUPPORTED` (the default, as in the AWS SDK) for every such operation, `WHEN_REQUIRED`
 * only where the operation requires one or the input names an algorithm.
 */
export type RequestChecksumCalculation = "WHEN_SUPPORTED" | "WHEN_REQUIRED";

/** What a generated client knows about one operation. */
export interface OperationDescriptor<I, O> {
  /** Operation name, e.g. `SendEvent`. */
  name: string;
  /** The input-dependent request parts (method, path, query, headers, body); the protocol adds its own. */
  serialize(input: I): SerializedRequest;
  /**
   * The typed output from the whole 2xx response (status, headers, body); throws
   * `MalformedBodyError` for a body that does not parse.
   */
  deserialize(response: HttpResponse): O;
  /** Every constraint issue in the input; absent when the operation has no input. */
  validate?(input: unknown): ValidationIssue[];
  /**
   * `@endpoint` hostPrefix, e.g. `foo.{label}.`, with each `{name}` filled from the input member
   * `name` (a `@hostLabel`): prepended to the endpoint's host. Throws `RequestValidationError` for
   * a label that is not a DNS label (features/host-prefix.ts).
   */
  hostPrefix?(input: I): string;
  /**
   * `@requestCompression` with gzip: the body to send, gzipped when it has at least `minBytes`
   * bytes (features/request-compression.ts).
   */
  requestCompression?(body: string, minBytes: number): Promise<string | Uint8Array>;
  /** The operation's own auth schemes, when they differ from the service's list. */
  auth?: OperationAuth;
  /**
   * The output holds a `@streaming` blob: the transport may hand the 2xx body over as a stream,
   * which `deserialize` wraps in a `StreamingBlobOutput` for the caller to read. The function
   * (streaming.ts `readWhole`) reads an error response's streamed body whole, so that it parses
   * as any other; only clients that stream hold it.
   */
  streamingOutput?(response: HttpResponse): Promise<HttpResponse>;
  /**
   * The errors this operation can return (its own and the service's); any other code becomes the
   * table's base exception. Absent: the service descriptor's table. Generated clients give every
   * operation its own, so an app bundles only the error classes of the operations it calls.
   */
  errors?: ErrorTable;
  /**
   * Adds the request checksum headers (features/checksum.ts, features/content-md5.ts) to the
   * serialized request, whose body is final; absent when the operation has none.
   */
  requestChecksum?(request: SerializedRequest, input: I, when: RequestChecksumCalculation): void;
  /**
   * The endpoint rule parameters this call sets (see `ServiceDescriptor.callEndpoints`);
   * absent when the operation has none, and then the client's one endpoint is used.
   */
  endpointContext?(this: void, input: I): EndpointContext;
  /**
   * Fills what the AWS SDK fills in the input before anything else (S3's CreateBucket
   * `LocationConstraint` from the client's region: features/s3-location-constraint.ts).
   */
  prepareInput?(input: I, region: string): I;
  /**
   * A 2xx response may still carry an error in its body (S3's CopyObject, UploadPartCopy,
   * CompleteMultipartUpload): the protocol's `errorIn2xx` is asked before deserializing.
   */
  errorsIn2xx?: boolean;
}

/** `reject`: throw `RequestValidationError`, send nothing. `warn`: log and send. `off`: send. */
export type ValidationMode = "reject" | "warn" | "off";

/**
 * `standard`: retries with exponential backoff and a retry quota (retry.ts). `adaptive`: the same
 * plus a client-side rate limiter that slows every call of the client down while the service
 * throttles (rate-limiter.ts).
 */
export type RetryMode = "standard" | "adaptive";

/** The SigV4 scheme: what every operation uses when the service descriptor has no `auth`. */
const SIGV4: AuthScheme = { id: "aws.auth#sigv4" };

/** Client configuration (every field optional). */
export interface ClientConfig {
  /** Default: AWS_REGION, else AWS_DEFAULT_REGION. Required one way or the other. */
  region?: string;
  /** Default: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, read at the first call. */
  credentials?: Credentials | CredentialProvider;
  /** Endpoint override, e.g. `http://127.0.0.1:8080`. Default `https://{prefix}.{region}.{dnsSuffix}`. */
  endpoint?: string;
  /** Attempts per call, retries included. Default 3. */
  maxAttempts?: number;
  /**
   * `standard` (default) or `adaptive`: adaptive also limits this client's send rate after
   * throttling responses (measured rate, token bucket, CUBIC), so a high-volume caller slows
   * itself down instead of spending its attempts on throttled requests.
   */
  retryMode?: RetryMode;
  /**
   * Milliseconds to add to the local clock when signing, for a clock you know to be off (e.g.
   * `-7_200_000` when it is 2 hours ahead). Default 0. The client also corrects it by itself from
   * the service's `Date` header (a response more than 5 minutes off, or a clock-skew error, which
   * is then retried); in browsers only when the service exposes `Date` to CORS.
   */
  systemClockOffset?: number;
  /**
   * Node: most sockets open at once per host; further calls wait for a free one, and a call that
   * waits more than a second logs a warning (at most once every 15 s). Default 50, as the AWS SDK.
   * For your own agent, pass `transport: new NodeHttpTransport({ httpsAgent })` instead. Browsers
   * pool connections themselves; not allowed with `transport` or `fetch`.
   */
  maxSockets?: number;
  /**
   * Time limit per attempt in ms (connect to last body byte); a timed-out attempt is retried.
   * Default: none, as in the AWS SDK; pass an `AbortSignal` or this to bound a call.
   */
  requestTimeoutMs?: number;
  /** Use a fetch-based transport with this fetch. */
  fetch?: typeof fetch;
  /** Full transport override (wins over `fetch`); the client never destroys it. */
  transport?: Transport;
  /** Overrides the generated client's default validation mode. */
  validation?: ValidationMode;
  /** Receives the `warn`-mode message and the transport's socket-wait warning. Default `console`. */
  logger?: { warn(message: string): void };
  /** Do not prepend operations' `@endpoint` host prefixes to the host (e.g. for a proxy). Default false. */
  disableHostPrefix?: boolean;
  /** Send bodies of `@requestCompression` operations uncompressed. Default false. */
  disableRequestCompression?: boolean;
  /** Smallest body, in bytes, that `@requestCompression` operations compress. Default 10 240. */
  requestMinCompressionSizeBytes?: number;
  /**
   * Operations with `aws.protocols#httpChecksum` (S3's PutObject, DeleteObjects...):
   * `WHEN_SUPPORTED` (default) sends a CRC32 checksum with every one of them, `WHEN_REQUIRED`
   * only where the operation requires one or the input names an algorithm. Others ignore it.
   */
  requestChecksumCalculation?: RequestChecksumCalculation;
  /**
   * Advanced: retry tuning (backoff bases, quota figures, jitter source). Defaults are AWS
   * standard mode. Tests pass `{ random: () => 0 }` so backoff waits are 0 ms.
   */
  retry?: Partial<RetryOptions>;
}

/** Per-call options. */
export interface InvokeOptions {
  /** Cancels the call, including an attempt in flight and a wait between attempts. */
  signal?: AbortSignal;
}

/** Sends the operations of one service. Create one per region/credentials and reuse it. */
export class ServiceClient<C extends ClientConfig = ClientConfig> {
  readonly #service: ServiceDescriptor<C>;
  readonly #endpoint: ResolvedEndpoint;
  /** Why the rules gave no client-wide endpoint, thrown by calls without endpoint context. */
  readonly #endpointProblem: ClientConfigError | undefined;
  readonly #transport: Transport;
  readonly #ownsTransport: boolean;
  readonly #signer: RequestSigner;
  readonly #credentials: CredentialSource;
  /** Non-SigV4 auth; undefined when every operation is SigV4-signed. */
  readonly #auth: HttpAuth | undefined;
  readonly #authDefault: OperationAuth;
  readonly #retry: StandardRetryStrategy;
  /** The adaptive-mode rate limiter; undefined in standard mode. */
  readonly #limiter: AdaptiveRateLimiter | undefined;
  readonly #clock: SigningClock;
  readonly #validation: ValidationMode;
  readonly #logger: { warn(message: string): void };
  readonly #timeoutMs: number | undefined;
  /** The endpoint's path without a trailing `/` (`""` for `/`): operation paths go after it. */
  readonly #basePath: string;
  readonly #userAgent: string;
  readonly #hostPrefixes: boolean;
  /** Smallest body to gzip for `@requestCompression` operations; undefined when disabled. */
  readonly #compressFrom: number | undefined;
  readonly #checksums: RequestChecksumCalculation;
  readonly #region: string;
  /** Per-call endpoints, for services whose operations carry endpoint context. */
  readonly #calls: CallEndpoints | undefined;

  /** Throws `ClientConfigError` for an unusable configuration (no region, bad endpoint...). */
  constructor(service: ServiceDescriptor<C>, config: C & HttpAuthConfig, defaults: { validation: ValidationMode }) {
    const sdkId = service.sdkId;
    // A region matters to SigV4, to endpoint rules and to the default AWS endpoint only.
    const needsRegion =
      service.auth === undefined ||
      service.auth.schemes.some((s) => s.id === SIGV4.id) ||
      service.endpointFromRules !== undefined ||
      (config.endpoint === undefined && service.endpointPrefix !== "");
    const region = needsRegion ? resolveRegion(config.region, sdkId) : (config.region ?? "");
    const maxAttempts = config.maxAttempts ?? 3;
    const check = (key: string, ok: boolean, rule: string, value: unknown): void =>
      configCheck(sdkId, key, ok, rule, value);
    check("maxAttempts", Number.isInteger(maxAttempts) && maxAttempts >= 1, "an integer of at least 1", maxAttempts);
    const timeoutMs = config.requestTimeoutMs;
    check(
      "requestTimeoutMs",
      timeoutMs === undefined || (typeof timeoutMs === "number" && Number.isFinite(timeoutMs) && timeoutMs > 0),
      "a positive number of milliseconds",
      timeoutMs,
    );
    const retryMode = oneOf(check, "retryMode", config.retryMode, ["standard", "adaptive"]);
    const clockOffset = config.systemClockOffset ?? 0;
    check(
      "systemClockOffset",
      typeof clockOffset === "number" && Number.isFinite(clockOffset),
      "a finite number of milliseconds",
      clockOffset,
    );
    const maxSockets = config.maxSockets;
    if (maxSockets !== undefined) {
      check(
        "maxSockets",
        maxSockets === Number.POSITIVE_INFINITY || (Number.isInteger(maxSockets) && maxSockets >= 1),
        "a whole number of at least 1, or Infinity",
        maxSockets,
      );
      const other = config.transport !== undefined ? "transport" : "fetch";
      check(
        "maxSockets",
        config.transport === undefined && config.fetch === undefined,
        `left out with \`${other}\` set (it sizes the default Node transport's pool; limit connections there)`,
        maxSockets,
      );
    }
    checkRetryOptions(config.retry, check);
    const validation = oneOf(check, "validation", config.validation ?? defaults.validation, ["reject", "warn", "off"]);
    const compressFrom = config.requestMinCompressionSizeBytes ?? 10_240;
    check(
      "requestMinCompressionSizeBytes",
      Number.isInteger(compressFrom) && compressFrom >= 0 && compressFrom <= 10_485_760,
      "an integer from 0 to 10485760",
      compressFrom,
    );
    const checksums = oneOf(check, "requestChecksumCalculation", config.requestChecksumCalculation, [
      "WHEN_SUPPORTED",
      "WHEN_REQUIRED",
    ]);
    this.#checksums = checksums;
    this.#region = region;
    this.#service = service;
    this.#hostPrefixes = config.disableHostPrefix !== true;
    this.#compressFrom = config.disableRequestCompression === true ? undefined : compressFrom;
    const prefix = service.endpointPrefix || service.signingName;
    let fromRules: string | undefined;
    try {
      fromRules = config.endpoint ?? rulesEndpoint(service, region, config);
    } catch (e) {
      // With per-call endpoints, a config the rules refuse without an operation's context (S3
      // Control with FIPS in China) may still serve operations whose context they accept
      // (an Outposts ARN): the refusal waits for a call that has no context.
      if (service.callEndpoints === undefined || !(e instanceof ClientConfigError)) throw e;
      this.#endpointProblem = e;
    }
    this.#endpoint = resolveEndpoint(fromRules, prefix, region, sdkId);
    this.#calls = service.callEndpoints?.(region, config, sdkId);
    this.#credentials = new CredentialSource(config.credentials);
    this.#auth = service.auth === undefined ? undefined : new service.auth.engine(config, service.auth.schemes, sdkId);
    this.#authDefault = service.auth?.default ?? { schemes: [SIGV4.id] };
    this.#signer = new RequestSigner({
      region,
      service: service.signingName,
      library: defaultSigV4,
      uriEscapePath: service.signingEscapePath ?? true,
    });
    this.#retry = new StandardRetryStrategy(maxAttempts, config.retry);
    this.#limiter = retryMode === "adaptive" ? new AdaptiveRateLimiter() : undefined;
    this.#clock = new SigningClock(clockOffset);
    this.#validation = validation;
    this.#logger = config.logger ?? console;
    this.#timeoutMs = timeoutMs;
    this.#basePath = this.#endpoint.path.endsWith("/") ? this.#endpoint.path.slice(0, -1) : this.#endpoint.path;
    this.#userAgent = `anvil api/${sdkId.replace(/\s+/g, "_")}#${service.version}`;
    if (config.transport !== undefined) {
      this.#transport = config.transport;
      this.#ownsTransport = false;
    } else {
      // The platform's transport builds the fetch one too (loaded only when `fetch` is set, on Node).
      this.#transport = createDefaultTransport({ maxSockets, logger: this.#logger, fetch: config.fetch });
      this.#ownsTransport = true;
    }
  }

  /** Validates, sends (with retries) and returns the operation's output, or throws. */
  async invoke<I, O>(op: OperationDescriptor<I, O>, given: I, options?: InvokeOptions): Promise<O> {
    const input = op.prepareInput === undefined ? given : op.prepareInput(given, this.#region);
    const signal = options?.signal;
    if (signal?.aborted) throw new AbortError(signal.reason);
    if (this.#validation !== "off" && op.validate !== undefined) this.#validate(op, input);
    const parts = op.serialize(input);
    this.#service.protocol.prepare(parts, op.name);
    if (op.endpointContext === undefined && this.#endpointProblem !== undefined) throw this.#endpointProblem;
    const context = op.endpointContext;
    const calls = context === undefined ? undefined : this.#calls;
    const endpoint =
      calls === undefined || context === undefined ? this.#endpoint : calls.endpoint(op.name, context(input));
    const hostPrefix = op.hostPrefix === undefined || !this.#hostPrefixes ? "" : op.hostPrefix(input);
    // Compressed once, before the first attempt; every attempt sends (and signs) the same bytes.
    const body =
      op.requestCompression === undefined || typeof parts.body !== "string" || this.#compressFrom === undefined
        ? parts.body
        : await op.requestCompression(parts.body, this.#compressFrom);
    // The checksum is of the bytes sent, so it follows compression.
    // (The copy shares `parts.headers`, where the checksum headers go.)
    if (op.requestChecksum !== undefined) op.requestChecksum({ ...parts, body }, input, this.#checksums);
    const target: RequestTarget = {
      endpoint,
      hostPrefix,
      path: calls === undefined ? this.#pathOf(parts.path) : calls.path(endpoint, parts.path),
      query: queryString(parts.query),
      body,
      contentLength:
        body === undefined
          ? undefined
          : isStreamBody(body)
            ? body.contentLength(parts.headers, op.name)
            : String(typeof body === "string" ? utf8Length(body) : body.byteLength),
      gzipped: body !== parts.body,
    };
    const scheme =
      this.#auth === undefined
        ? SIGV4
        : this.#auth.select(op.name, op.auth ?? this.#authDefault, this.#credentials.available());
    const retry = this.#retry;
    const limiter = this.#limiter;
    const clock = this.#clock;
    const transportOptions = { signal, timeoutMs: this.#timeoutMs, streamResponse: op.streamingOutput !== undefined };
    let attempt = 0;
    let totalRetryDelay = 0;
    let ticket: RetryTicket | undefined;
    for (;;) {
      attempt++;
      let response: HttpResponse | undefined;
      let error: unknown;
      let sent = false;
      let sentAt = 0;
      const offset = clock.offsetMs;
      try {
        if (limiter !== undefined) {
          const wait = limiter.acquire(signal);
          if (wait !== undefined) await wait;
        }
        let request: HttpRequest;
        if (scheme?.id === SIGV4.id) {
          // Cached credentials are read synchronously; each attempt is signed anew.
          const credentials = this.#credentials.current() ?? (await this.#credentials.get());
          request = this.#newRequest(parts.method, parts.headers, target);
          sentAt = Date.now();
          // Synchronous on Node (no promise to wait for); a promise with WebCrypto.
          const signing = this.#signer.sign(request, credentials, sentAt + offset);
          if (signing !== undefined) await signing;
        } else {
          request = await this.#authenticated(scheme, parts, target);
          sentAt = Date.now();
        }
        request.headers["x-amz-user-agent"] = this.#userAgent;
        sent = true;
        response = await this.#transport.handle(request, transportOptions);
      } catch (caught) {
        error = caught;
      }
      if (response !== undefined) {
        const corrected = clock.observe(serverDate(response), sentAt, Date.now());
        const status = response.statusCode;
        // An error's body is parsed whole, also when a transport handed it over as a stream.
        if (response.stream !== undefined && (status < 200 || status >= 300) && op.streamingOutput !== undefined)
          response = await op.streamingOutput(response);
        const inBody =
          op.errorsIn2xx === true && status >= 200 && status < 300
            ? this.#service.protocol.errorIn2xx?.(response)
            : undefined;
        if (status >= 200 && status < 300 && inBody === undefined) {
          retry.recordSuccess(ticket);
          limiter?.update(false);
          try {
            return op.deserialize(response);
          } catch (caught) {
            if (caught instanceof MalformedBodyError)
              throw this.#malformed(op, response, caught, attempt, totalRetryDelay);
            throw caught;
          }
        }
        const failure = errorFromResponse(
          response,
          inBody ?? this.#service.protocol.parseError(response),
          op.errors ?? this.#service,
        );
        if (
          (corrected || offsetMoved(offset, clock.offsetMs)) &&
          (CLOCK_SKEW_ERROR_CODES.has(failure.code) || CLOCK_SKEW_ERROR_CODES.has(failure.name))
        ) {
          failure.$metadata.clockSkewCorrected = true;
        }
        error = failure;
      }
      // Adaptive mode learns from every attempt that reached the network, aborts aside.
      if (limiter !== undefined && sent && !(error instanceof AbortError)) {
        limiter.update(classifyRetry(error) === "throttling");
      }
      // A stream body was read by this attempt: there is nothing left to send again.
      const next = isStreamBody(body) && body.consumed ? undefined : retry.retryAfter(error, attempt);
      if (next === undefined) throw this.#finalError(op, error, attempt, totalRetryDelay);
      ticket = next;
      await sleep(next.delayMs, signal);
      totalRetryDelay += next.delayMs;
    }
  }

  /** Milliseconds the client adds to its clock when signing (configured, then learnt from responses). */
  get systemClockOffset(): number {
    return this.#clock.offsetMs;
  }

  /** Closes the keep-alive sockets of the transport this client created (not of one passed in). */
  destroy(): void {
    if (this.#ownsTransport) this.#transport.destroy?.();
  }

  /**
   * Validates input before anything is sent. An unknown enum value alone never rejects: Smithy
   * enums are open and clients must be able to send values they do not know, so `enum` issues are
   * logged as in `warn` mode; any other issue rejects with every issue listed.
   */
  #validate<I, O>(op: OperationDescriptor<I, O>, input: I): void {
    const issues = op.validate?.(input) ?? [];
    if (issues.length === 0) return;
    if (this.#validation === "reject" && issues.some((i) => i.constraint !== "enum"))
      throw new RequestValidationError(op.name, issues);
    this.#logger.warn(
      `${this.#service.sdkId}.${op.name}: input has ${issues.length} validation issue(s); sending anyway (validation: "${this.#validation}")\n` +
        formatIssues(issues),
    );
  }

  /** A request for one attempt with the scheme's header or query parameter (none for `undefined`). */
  async #authenticated(
    scheme: AuthScheme | undefined,
    parts: SerializedRequest,
    target: RequestTarget,
  ): Promise<HttpRequest> {
    if (scheme === undefined || this.#auth === undefined) return this.#newRequest(parts.method, parts.headers, target);
    const auth: AuthTarget = { headers: { ...parts.headers }, query: target.query };
    await this.#auth.apply(scheme, auth);
    return this.#newRequest(
      parts.method,
      auth.headers,
      auth.query === target.query ? target : { ...target, query: auth.query },
    );
  }

  /** The operation's path after the endpoint's (an RPC operation's `/` is the endpoint's path itself). */
  #pathOf(path: string): string {
    if (path === "/") return this.#endpoint.path;
    return this.#basePath + path;
  }

  /** A fresh request for one attempt (signing adds headers to it). */
  #newRequest(method: string, operationHeaders: Record<string, string>, target: RequestTarget): HttpRequest {
    const e = target.endpoint;
    const headers: Record<string, string> = { ...operationHeaders };
    headers["host"] = target.hostPrefix + e.host;
    if (target.contentLength !== undefined) headers["content-length"] = target.contentLength;
    if (target.gzipped) {
      const encoding = headers["content-encoding"];
      headers["content-encoding"] = encoding === undefined ? "gzip" : `${encoding}, gzip`;
    }
    const query = target.query;
    const url =
      target.hostPrefix === "" && target.path === e.path && query === ""
        ? e.url
        : `${e.protocol}//${target.hostPrefix}${e.host}${target.path}${query === "" ? "" : `?${query}`}`;
    return {
      method,
      url,
      protocol: e.protocol,
      hostname: target.hostPrefix + e.hostname,
      port: e.port,
      path: target.path,
      query,
      headers,
      body: target.body,
    };
  }

  /** The error the caller sees once retrying is over, with attempts and delays recorded. */
  #finalError<I, O>(op: OperationDescriptor<I, O>, error: unknown, attempts: number, totalRetryDelay: number): unknown {
    const where = `${this.#service.sdkId}.${op.name}`;
    const tries = `${attempts} attempt${attempts === 1 ? "" : "s"}`;
    if (error instanceof ServiceException) {
      error.$metadata.attempts = attempts;
      error.$metadata.totalRetryDelay = totalRetryDelay;
      return error;
    }
    if (error instanceof TimeoutError) {
      const final = new TimeoutError(
        `${where}: no complete response within ${error.timeoutMs} ms (requestTimeoutMs); gave up after ${tries}`,
        error.timeoutMs,
      );
      final.$metadata = { attempts, totalRetryDelay };
      return final;
    }
    if (error instanceof NetworkError) {
      const final = new NetworkError(`${where}: ${error.message}; gave up after ${tries}`, {
        code: error.code,
        cause: error.cause,
      });
      final.$metadata = { attempts, totalRetryDelay };
      return final;
    }
    return error; // AbortError, CredentialsError, bugs: as thrown
  }

  /** The typed error for a 2xx response whose body does not parse: names the operation and status, never quotes the body. */
  #malformed<I, O>(
    op: OperationDescriptor<I, O>,
    response: HttpResponse,
    cause: MalformedBodyError,
    attempts: number,
    totalRetryDelay: number,
  ): ServiceException {
    return new ServiceException({
      name: "MalformedResponseError",
      message: `${this.#service.sdkId}.${op.name}: ${describeBody(response, `body is not ${cause.expected}`)}`,
      $fault: "server",
      $metadata: responseMetadata(response, attempts, totalRetryDelay),
    });
  }
}

/** What every attempt of one call sends, decided once before the first. */
interface RequestTarget {
  /** Where this call goes: the client's endpoint, or the one the rules gave for its context. */
  endpoint: ResolvedEndpoint;
  /** The operation's host prefix with its labels filled in, or `""`. */
  hostPrefix: string;
  /** The full path, percent-encoded. */
  path: string;
  /** The query string, percent-encoded, without `?`. */
  query: string;
  body: string | Uint8Array | StreamBody | undefined;
  /** `content-length`, or undefined without a body (or for a stream of unknown length, sent chunked). */
  contentLength: string | undefined;
  /** The body was gzipped for `@requestCompression`. */
  gzipped: boolean;
}

/**
 * The service's clock as a response states it: its `Date` header, unless the response also has
 * `Age` (then it came from a cache and its `Date` is old).
 */
function serverDate(response: HttpResponse): string | undefined {
  const date = headerValue(response, "date");
  return date === undefined || headerValue(response, "age") !== undefined ? undefined : date;
}

/** A configured value as an error message shows it. */
function shown(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** A config check: throws the `ClientConfigError` for `key` unless `ok` (see `configCheck`). */
type ConfigCheck = (key: string, ok: boolean, rule: string, value: unknown) => void;

/**
 * Throws `<sdkId> client: <key> must be <rule> (got <value>).`, naming `key`, unless `ok`. Every
 * config check goes through it, so each one costs a condition and a few words in an app's bundle
 * rather than a throw statement with a whole message of its own.
 */
function configCheck(sdkId: string, key: string, ok: boolean, rule: string, value: unknown): void {
  if (!ok) throw new ClientConfigError(`${sdkId} client: ${key} must be ${rule} (got ${shown(value)}).`, key);
}

/** `value` when it is one of `allowed` (the first when unset), else the config error for `key`. */
function oneOf<T extends string>(
  check: ConfigCheck,
  key: string,
  value: T | undefined,
  allowed: readonly [T, ...T[]],
): T {
  const chosen = value ?? allowed[0];
  check(key, allowed.includes(chosen), allowed.map((a) => JSON.stringify(a)).join(" or "), chosen);
  return chosen;
}

/** Every `retry` field must be a number of at least 0 (`random`: a function). */
function checkRetryOptions(options: Partial<RetryOptions> | undefined, check: ConfigCheck): void {
  if (options === undefined) return;
  for (const key of Object.keys(STANDARD_RETRY_OPTIONS) as Array<keyof RetryOptions>) {
    const value = options[key];
    if (value === undefined) continue;
    if (key === "random") check("retry.random", typeof value === "function", "a function", typeof value);
    else
      check(
        `retry.${key}`,
        typeof value === "number" && Number.isFinite(value) && value >= 0,
        "a finite number of at least 0",
        value,
      );
  }
}

/** The endpoint the service's rules give for `region`, or undefined when it has none; a rule's error becomes a config error. */
function rulesEndpoint<C extends ClientConfig>(
  service: ServiceDescriptor<C>,
  region: string,
  config: C,
): string | undefined {
  if (service.endpointFromRules === undefined) return undefined;
  try {
    return service.endpointFromRules(region, config);
  } catch (e) {
    throw new ClientConfigError(`${service.sdkId} client: no endpoint for region "${region}": ${(e as Error).message}`);
  }
}
