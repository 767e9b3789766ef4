/**
 * The client every generated awsJson client delegates to. Generated code describes the service
 * (`ServiceDescriptor`) and each operation (`OperationDescriptor`); this file validates, sends,
 * signs, retries and maps errors.
 *
 * One call, in order: abort check; input validation (`reject` throws before anything is sent,
 * `warn` logs, `off` skips); serialize once; then per attempt: credentials, a fresh request,
 * SigV4 signature, send; 2xx -> parse and deserialize; otherwise map to an exception and ask the
 * retry strategy whether (and when) to try again.
 */
import { CredentialSource, type CredentialProvider, type Credentials } from "./credentials.js";
import { createDefaultTransport, defaultSigningCrypto } from "./default-transport.js";
import { gzip, utf8Length } from "./body.js";
import { expandHostPrefix, resolveEndpoint, resolveRegion, type ResolvedEndpoint } from "./endpoint.js";
import {
  AbortError,
  ClientConfigError,
  formatIssues,
  NetworkError,
  parseErrorResponse,
  parseJsonObject,
  RequestValidationError,
  ServiceException,
  TimeoutError,
  type BaseExceptionClass,
  type ErrorClass,
  type ResponseMetadata,
  type ValidationIssue,
} from "./errors.js";
import { sleep, StandardRetryStrategy, type RetryOptions, type RetryTicket } from "./retry.js";
import { RequestSigner } from "./signer.js";
import { FetchTransport } from "./transport-fetch.js";
import { headerValue, type HttpRequest, type HttpResponse, type Transport } from "./transport.js";

export type { BaseExceptionClass, ErrorClass, ErrorInit, ValidationIssue } from "./errors.js";
export type { CredentialProvider, Credentials } from "./credentials.js";

/** What a generated client knows about its service. */
export interface ServiceDescriptor {
  protocol: "awsJson1_0" | "awsJson1_1";
  /** X-Amz-Target prefix: the service shape's name, e.g. `AWSHawksNestServiceFacade`. */
  serviceShapeName: string;
  /** SigV4 signing name (`aws.auth#sigv4` name), e.g. `frauddetector`. */
  signingName: string;
  /** First label of the default host name (`aws.api#service` endpointPrefix). */
  endpointPrefix: string;
  /** e.g. `FraudDetector`; used in messages and the user agent. */
  sdkId: string;
  /** Service version, e.g. `2019-11-15`. */
  version: string;
  /** Modeled error classes keyed by shape name (the sanitized error code). */
  errors: Record<string, ErrorClass>;
  /** The service's base exception class, for an unknown or missing code. */
  baseException: BaseExceptionClass;
  /**
   * The endpoint the model's `smithy.rules#endpointRuleSet` gives for a region (generated clients
   * pass the evaluator from runtime/rules/ when the model has rules). Without it, or when
   * `config.endpoint` is set, the endpoint is derived as endpoint.ts describes.
   */
  endpointFromRules?: (region: string) => string;
  /**
   * `aws.protocols#awsQueryCompatible`: requests carry `x-amzn-query-mode: true`, and an error's
   * `code` is the awsQuery code from the `x-amzn-query-error` header when the service sends one.
   */
  queryCompatible?: boolean;
}

/** What a generated client knows about one operation. */
export interface OperationDescriptor<I, O> {
  /** Operation name, e.g. `SendEvent`. */
  name: string;
  /** Input to the JSON body text (model order, modeled members only, `{}` without input). */
  serialize(input: I): string;
  /** The parsed JSON body (`{}` when empty) to the typed output. */
  deserialize(body: unknown): O;
  /** Every constraint issue in the input; absent when the operation has no input. */
  validate?(input: unknown): ValidationIssue[];
  /**
   * `@endpoint` hostPrefix, e.g. `foo.{label}.`: prepended to the endpoint's host. Each `{name}`
   * is the input member `name` (a `@hostLabel`), checked to be a valid DNS label before sending.
   */
  hostPrefix?: string;
  /** `@requestCompression` with gzip: bodies of at least the configured size are sent gzipped. */
  requestCompression?: "gzip";
}

/** `reject`: throw `RequestValidationError`, send nothing. `warn`: log and send. `off`: send. */
export type ValidationMode = "reject" | "warn" | "off";

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
  /** Receives the `warn`-mode message. Default `console`. */
  logger?: { warn(message: string): void };
  /** Do not prepend operations' `@endpoint` host prefixes to the host (e.g. for a proxy). Default false. */
  disableHostPrefix?: boolean;
  /** Send bodies of `@requestCompression` operations uncompressed. Default false. */
  disableRequestCompression?: boolean;
  /** Smallest body, in bytes, that `@requestCompression` operations compress. Default 10 240. */
  requestMinCompressionSizeBytes?: number;
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

const CONTENT_TYPES = {
  awsJson1_0: "application/x-amz-json-1.0",
  awsJson1_1: "application/x-amz-json-1.1",
} as const;

/** Sends awsJson operations for one service. Create one per region/credentials and reuse it. */
export class JsonRpcClient {
  readonly #service: ServiceDescriptor;
  readonly #endpoint: ResolvedEndpoint;
  readonly #transport: Transport;
  readonly #ownsTransport: boolean;
  readonly #signer: RequestSigner;
  readonly #credentials: CredentialSource;
  readonly #retry: StandardRetryStrategy;
  readonly #validation: ValidationMode;
  readonly #logger: { warn(message: string): void };
  readonly #timeoutMs: number | undefined;
  readonly #contentType: string;
  readonly #targetPrefix: string;
  readonly #userAgent: string;
  readonly #hostPrefixes: boolean;
  /** Smallest body to gzip for `@requestCompression` operations; undefined when disabled. */
  readonly #compressFrom: number | undefined;

  /** Throws `ClientConfigError` for an unusable configuration (no region, bad endpoint...). */
  constructor(service: ServiceDescriptor, config: ClientConfig, defaults: { validation: ValidationMode }) {
    const sdkId = service.sdkId;
    const contentType = Object.hasOwn(CONTENT_TYPES, service.protocol) ? CONTENT_TYPES[service.protocol] : undefined;
    if (contentType === undefined)
      throw new ClientConfigError(`${sdkId} client: unsupported protocol "${String(service.protocol)}".`);
    const region = resolveRegion(config.region, sdkId);
    const maxAttempts = config.maxAttempts ?? 3;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
      throw new ClientConfigError(
        `${sdkId} client: maxAttempts must be an integer of at least 1 (got ${String(maxAttempts)}).`,
      );
    }
    const timeoutMs = config.requestTimeoutMs;
    if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
      throw new ClientConfigError(`${sdkId} client: requestTimeoutMs must be a positive number of milliseconds.`);
    }
    const validation = config.validation ?? defaults.validation;
    if (validation !== "reject" && validation !== "warn" && validation !== "off") {
      throw new ClientConfigError(
        `${sdkId} client: validation must be "reject", "warn" or "off" (got "${String(validation)}").`,
      );
    }
    const compressFrom = config.requestMinCompressionSizeBytes ?? 10_240;
    if (!Number.isInteger(compressFrom) || compressFrom < 0 || compressFrom > 10_485_760) {
      throw new ClientConfigError(
        `${sdkId} client: requestMinCompressionSizeBytes must be an integer from 0 to 10485760 (got ${String(compressFrom)}).`,
      );
    }
    this.#service = service;
    this.#hostPrefixes = config.disableHostPrefix !== true;
    this.#compressFrom = config.disableRequestCompression === true ? undefined : compressFrom;
    this.#endpoint = resolveEndpoint(
      config.endpoint ?? rulesEndpoint(service, region),
      service.endpointPrefix || service.signingName,
      region,
      sdkId,
    );
    this.#credentials = new CredentialSource(config.credentials);
    this.#signer = new RequestSigner({ region, service: service.signingName, crypto: defaultSigningCrypto });
    this.#retry = new StandardRetryStrategy(maxAttempts, config.retry);
    this.#validation = validation;
    this.#logger = config.logger ?? console;
    this.#timeoutMs = timeoutMs;
    this.#contentType = contentType;
    this.#targetPrefix = `${service.serviceShapeName}.`;
    this.#userAgent = `anvil api/${sdkId.replace(/\s+/g, "_")}#${service.version}`;
    if (config.transport !== undefined) {
      this.#transport = config.transport;
      this.#ownsTransport = false;
    } else {
      this.#transport = config.fetch !== undefined ? new FetchTransport(config.fetch) : createDefaultTransport();
      this.#ownsTransport = true;
    }
  }

  /** Validates, sends (with retries) and returns the operation's output, or throws. */
  async invoke<I, O>(op: OperationDescriptor<I, O>, input: I, options?: InvokeOptions): Promise<O> {
    const signal = options?.signal;
    if (signal?.aborted) throw new AbortError(signal.reason);
    if (this.#validation !== "off" && op.validate !== undefined) this.#validate(op, input);
    const text = op.serialize(input);
    const hostPrefix = op.hostPrefix === undefined || !this.#hostPrefixes ? "" : this.#hostPrefix(op, input);
    // Compressed once, before the first attempt; every attempt sends (and signs) the same bytes.
    const body = op.requestCompression === undefined ? text : await this.#compress(text);
    const target = this.#targetPrefix + op.name;
    const retry = this.#retry;
    const transportOptions = { signal, timeoutMs: this.#timeoutMs };
    let attempt = 0;
    let totalRetryDelay = 0;
    let ticket: RetryTicket | undefined;
    for (;;) {
      attempt++;
      let response: HttpResponse | undefined;
      let error: unknown;
      try {
        // Cached credentials are read synchronously; each attempt is signed anew.
        const credentials = this.#credentials.current() ?? (await this.#credentials.get());
        const request = this.#newRequest(target, body, hostPrefix);
        await this.#signer.sign(request, credentials, new Date());
        request.headers["x-amz-user-agent"] = this.#userAgent;
        response = await this.#transport.handle(request, transportOptions);
      } catch (caught) {
        error = caught;
      }
      if (response !== undefined) {
        const status = response.statusCode;
        if (status >= 200 && status < 300) {
          retry.recordSuccess(ticket);
          const parsed = parseJsonObject(response.body);
          if (parsed === undefined) throw this.#malformed(op, response, attempt, totalRetryDelay);
          return op.deserialize(parsed);
        }
        error = parseErrorResponse(response, this.#service);
      }
      const next = retry.retryAfter(error, attempt);
      if (next === undefined) throw this.#finalError(op, error, attempt, totalRetryDelay);
      ticket = next;
      await sleep(next.delayMs, signal);
      totalRetryDelay += next.delayMs;
    }
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

  /** The operation's host prefix with its labels filled in; refuses labels that are not DNS labels. */
  #hostPrefix<I, O>(op: OperationDescriptor<I, O>, input: I): string {
    const { prefix, invalid } = expandHostPrefix(op.hostPrefix ?? "", input);
    if (invalid.length === 0) return prefix;
    throw new RequestValidationError(
      op.name,
      invalid.map((path) => ({
        path,
        constraint: "hostLabel",
        message:
          "Must be a DNS host label (letters, digits and inner hyphens, 1 to 63 characters, dot-separated): it becomes part of the host name",
      })),
    );
  }

  /** The body gzipped when compression is on and it is at least the threshold, else as is. */
  async #compress(text: string): Promise<string | Uint8Array> {
    const from = this.#compressFrom;
    return from === undefined || utf8Length(text) < from ? text : gzip(text);
  }

  #newRequest(target: string, body: string | Uint8Array, hostPrefix: string): HttpRequest {
    const e = this.#endpoint;
    const headers: Record<string, string> = {
      "content-type": this.#contentType,
      host: hostPrefix + e.host,
      "x-amz-target": target,
      "content-length": String(typeof body === "string" ? utf8Length(body) : body.byteLength),
    };
    if (typeof body !== "string") headers["content-encoding"] = "gzip";
    if (this.#service.queryCompatible === true) headers["x-amzn-query-mode"] = "true";
    return {
      method: "POST",
      url: hostPrefix === "" ? e.url : `${e.protocol}//${hostPrefix}${e.host}${e.path}`,
      protocol: e.protocol,
      hostname: hostPrefix + e.hostname,
      port: e.port,
      path: e.path,
      headers,
      body,
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

  #malformed<I, O>(
    op: OperationDescriptor<I, O>,
    response: HttpResponse,
    attempts: number,
    totalRetryDelay: number,
  ): ServiceException {
    const $metadata: ResponseMetadata = { httpStatusCode: response.statusCode, attempts, totalRetryDelay };
    const requestId = headerValue(response, "x-amzn-requestid") ?? headerValue(response, "x-amz-request-id");
    if (requestId !== undefined) $metadata.requestId = requestId;
    const type = headerValue(response, "content-type") ?? "no content-type";
    return new ServiceException({
      name: "MalformedResponseError",
      message: `${this.#service.sdkId}.${op.name}: HTTP ${response.statusCode} response body is not a JSON object (${type}, ${response.body.length} characters)`,
      $fault: "server",
      $metadata,
    });
  }
}

/** The endpoint the service's rules give for `region`, or undefined when it has none; a rule's error becomes a config error. */
function rulesEndpoint(service: ServiceDescriptor, region: string): string | undefined {
  if (service.endpointFromRules === undefined) return undefined;
  try {
    return service.endpointFromRules(region);
  } catch (e) {
    throw new ClientConfigError(`${service.sdkId} client: no endpoint for region "${region}": ${(e as Error).message}`);
  }
}
