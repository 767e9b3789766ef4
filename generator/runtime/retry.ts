/**
 * AWS "standard" retry mode: which failures are worth another attempt, how long to wait, and a
 * token bucket (retry quota) that stops retry storms when a service is down.
 *
 * Figures are the ones the AWS SDKs have used for standard mode (aws-sdk-js-v3
 * `@smithy/util-retry` constants, botocore `retries/standard.py`): 3 attempts; full-jitter
 * exponential backoff capped at 20 s, base 100 ms (500 ms after throttling); a bucket of 500
 * tokens, 5 per retry, 10 per retry after a timeout; a success refunds the cost of the retry that
 * succeeded, or 1 token when no retry was needed. AWS announced changed figures for 2026 (opt-in
 * `AWS_NEW_RETRIES_2026`: 14 tokens per retry, 5 after throttling, 50 ms / 1 s bases); every
 * figure here is a `RetryOptions` field so a client can adopt them.
 */
import { AbortError, NetworkError, ServiceException, TimeoutError } from "./errors.js";

/** Why a failure may be retried; drives the backoff base and the token cost. */
export type RetryKind = "throttling" | "transient" | "timeout";

/** Error codes that mean "slow down", whatever the HTTP status. */
export const THROTTLING_ERROR_CODES: ReadonlySet<string> = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestThrottledException",
  "TooManyRequestsException",
  "ProvisionedThroughputExceededException",
  "TransactionInProgressException",
  "RequestLimitExceeded",
  "BandwidthLimitExceeded",
  "LimitExceededException",
  "RequestThrottled",
  "SlowDown",
  "PriorRequestNotComplete",
  "EC2ThrottledException",
]);

/** Error codes that name a transient server-side timeout. */
export const TRANSIENT_ERROR_CODES: ReadonlySet<string> = new Set(["RequestTimeout", "RequestTimeoutException"]);

/** HTTP statuses retried as transient server failures. */
export const TRANSIENT_STATUS_CODES: ReadonlySet<number> = new Set([500, 502, 503, 504]);

/** Classifies a failed attempt; undefined means "do not retry" (4xx, aborts, bugs). */
export function classifyRetry(error: unknown): RetryKind | undefined {
  if (error instanceof TimeoutError) return "timeout";
  if (error instanceof NetworkError) return "transient";
  if (!(error instanceof ServiceException)) return undefined; // AbortError and unknown throws
  // A clock-skew error after the client corrected its clock (clock.ts): the next attempt can pass.
  if (error.$metadata.clockSkewCorrected === true) return "transient";
  if (error.$retryable !== undefined) return error.$retryable.throttling ? "throttling" : "transient";
  const status = error.$metadata.httpStatusCode;
  if (status === 429 || THROTTLING_ERROR_CODES.has(error.code)) return "throttling";
  if (TRANSIENT_ERROR_CODES.has(error.code)) return "transient";
  if (status !== undefined && TRANSIENT_STATUS_CODES.has(status)) return "transient";
  return undefined;
}

/** Tuning of the standard strategy. Every field is optional in `ClientConfig.retry`. */
export interface RetryOptions {
  /** Backoff base for transient failures, ms. Default 100. */
  baseDelayMs: number;
  /** Backoff base after a throttling error, ms. Default 500. */
  throttlingBaseDelayMs: number;
  /** Cap on one wait, ms (applied before jitter). Default 20 000. */
  maxDelayMs: number;
  /** Size of the retry quota bucket. Default 500. */
  initialRetryTokens: number;
  /** Tokens taken by a retry. Default 5. */
  retryCost: number;
  /** Tokens taken by a retry after a timeout. Default 10. */
  timeoutRetryCost: number;
  /** Tokens returned by a call that succeeds at its first attempt. Default 1. */
  noRetryIncrement: number;
  /** Source of jitter in [0, 1). Default `Math.random`; tests pass `() => 0` to skip waiting. */
  random: () => number;
}

/** The standard-mode figures (see the file comment for their source). */
export const STANDARD_RETRY_OPTIONS: Readonly<RetryOptions> = Object.freeze({
  baseDelayMs: 100,
  throttlingBaseDelayMs: 500,
  maxDelayMs: 20_000,
  initialRetryTokens: 500,
  retryCost: 5,
  timeoutRetryCost: 10,
  noRetryIncrement: 1,
  random: Math.random,
});

/** Permission to retry once: wait `delayMs`, and `cost` tokens were taken from the quota. */
export interface RetryTicket {
  /** How long to wait before the retry, in milliseconds. */
  delayMs: number;
  /** Tokens taken from the retry quota (returned on success). */
  cost: number;
  /** What kind of failure is retried. */
  kind: RetryKind;
}

/**
 * One strategy per client: its quota is shared by every call the client makes, as in the AWS
 * SDKs. Not tied to a transport or to time, so it can be unit-tested directly.
 */
export class StandardRetryStrategy {
  /** Attempts per call, the first included. */
  readonly maxAttempts: number;
  /** The options the strategy was made with, defaults filled in. */
  readonly options: Readonly<RetryOptions>;
  #tokens: number;

  constructor(maxAttempts: number, options: Partial<RetryOptions> = {}) {
    this.maxAttempts = maxAttempts;
    this.options = { ...STANDARD_RETRY_OPTIONS, ...options };
    this.#tokens = this.options.initialRetryTokens;
  }

  /** Tokens left in the retry quota. */
  get availableTokens(): number {
    return this.#tokens;
  }

  /**
   * Decides on a retry after attempt number `attempt` (1-based) failed with `error`. Returns
   * undefined when the error is not retryable, attempts are used up, or the quota is empty.
   */
  retryAfter(error: unknown, attempt: number): RetryTicket | undefined {
    if (attempt >= this.maxAttempts) return undefined;
    const kind = classifyRetry(error);
    if (kind === undefined) return undefined;
    const o = this.options;
    const cost = kind === "timeout" ? o.timeoutRetryCost : o.retryCost;
    if (cost > this.#tokens) return undefined;
    this.#tokens -= cost;
    const base = kind === "throttling" ? o.throttlingBaseDelayMs : o.baseDelayMs;
    const ceiling = Math.min(o.maxDelayMs, base * 2 ** (attempt - 1));
    return { delayMs: Math.floor(o.random() * ceiling), cost, kind };
  }

  /** Records a successful call; `lastRetry` is the ticket of the retry that succeeded, if any. */
  recordSuccess(lastRetry: RetryTicket | undefined): void {
    const refund = lastRetry === undefined ? this.options.noRetryIncrement : lastRetry.cost;
    this.#tokens = Math.min(this.options.initialRetryTokens, this.#tokens + refund);
  }
}

/** Waits `ms`, or rejects with an `AbortError` as soon as `signal` fires. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return new Promise((resolve) => setTimeout(resolve, ms));
  if (signal.aborted) return Promise.reject(new AbortError(signal.reason));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortError(signal.reason));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
