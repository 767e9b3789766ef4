/**
 * AWS "adaptive" retry mode: a client-side rate limiter that slows the client itself down while
 * the service throttles it, on top of the standard retries (retry.ts).
 *
 * The algorithm is the one the AWS SDKs specify (aws-sdk-js-v3 `DefaultRateLimiter` in
 * `@smithy/util-retry`, botocore `retries/adaptive.py`), with their figures:
 *
 * - a token bucket, off until the first throttling response: each attempt takes one token; the
 *   bucket refills at `fillRate` tokens a second up to `maxCapacity`;
 * - the measured send rate: attempts are counted in half-second buckets and smoothed
 *   (`smooth` 0.8 of the newest bucket);
 * - CUBIC (the TCP congestion algorithm): a throttling response cuts the rate to `beta` (0.7) of
 *   the rate in use and remembers it as `lastMaxRate`; afterwards the rate grows back along
 *   `scaleConstant * (t - lastThrottle - K)^3 + lastMaxRate`, where
 *   `K = cbrt(lastMaxRate * (1 - beta) / scaleConstant)`, never above twice the measured rate
 *   and never below `minFillRate` (0.5 a second).
 *
 * Time comes from `now()` (ms; default `performance.now()`, which a wall-clock change does not
 * move), waits from `sleep`, so tests run it on fake timers.
 */
import { sleep } from "./retry.js";

/** Tuning of the adaptive rate limiter; the defaults are the AWS SDKs'. */
export interface RateLimiterOptions {
  /** Share of the rate kept after a throttling response. Default 0.7. */
  beta: number;
  /** Smallest bucket size, tokens. Default 1. */
  minCapacity: number;
  /** Slowest refill, tokens a second. Default 0.5. */
  minFillRate: number;
  /** CUBIC scale constant. Default 0.4. */
  scaleConstant: number;
  /** Weight of the newest half-second in the measured send rate. Default 0.8. */
  smooth: number;
  /** Current time in ms. Default `performance.now()`. */
  now: () => number;
  /** Waits ms (rejecting with an AbortError when the signal fires). Default: setTimeout. */
  sleep: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

/** The adaptive retry mode's rate limiter constants, as in the AWS SDKs. */
export const ADAPTIVE_RATE_OPTIONS: Readonly<RateLimiterOptions> = Object.freeze({
  beta: 0.7,
  minCapacity: 1,
  minFillRate: 0.5,
  scaleConstant: 0.4,
  smooth: 0.8,
  now: () => performance.now(),
  sleep,
});

/** One per client: every call of the client draws from the same bucket. */
export class AdaptiveRateLimiter {
  readonly #o: Readonly<RateLimiterOptions>;
  /** Whether a throttling response has been seen: until then nothing waits. */
  #enabled = false;
  #tokens = 0;
  #maxCapacity: number;
  /** Tokens per second. */
  #fillRate: number;
  /** Seconds of the last refill; undefined before the first. */
  #lastRefill: number | undefined;
  #lastMaxRate = 0;
  #lastThrottle: number;
  #timeWindow = 0;
  #measuredRate = 0;
  #requestCount = 0;
  #lastRateBucket: number;

  constructor(options: Partial<RateLimiterOptions> = {}) {
    this.#o = { ...ADAPTIVE_RATE_OPTIONS, ...options };
    const t = this.#seconds();
    this.#lastThrottle = t;
    this.#lastRateBucket = Math.floor(t);
    this.#fillRate = this.#o.minFillRate;
    this.#maxCapacity = this.#o.minCapacity;
  }

  /** Tokens a second the bucket refills at (the allowed send rate once enabled). */
  get fillRate(): number {
    return this.#fillRate;
  }

  /** Attempts a second, as measured. */
  get measuredRate(): number {
    return this.#measuredRate;
  }

  /** Whether the bucket limits sending (after the first throttling response). */
  get enabled(): boolean {
    return this.#enabled;
  }

  /**
   * Takes one send token before an attempt. Returns undefined when one was available at once
   * (always, until the first throttling response), else a promise that settles when the attempt
   * may go (or rejects with an AbortError when `signal` fires).
   */
  acquire(signal?: AbortSignal): Promise<void> | undefined {
    if (!this.#enabled) return undefined;
    this.#refill();
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return undefined;
    }
    return this.#wait(signal);
  }

  async #wait(signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      await this.#o.sleep(Math.ceil(((1 - this.#tokens) / this.#fillRate) * 1000), signal);
      this.#refill();
      if (this.#tokens >= 1) {
        this.#tokens -= 1;
        return;
      }
    }
  }

  /** Records the outcome of one attempt: `throttled` for a throttling error, false otherwise. */
  update(throttled: boolean): void {
    this.#updateMeasuredRate();
    let rate: number;
    if (throttled) {
      const rateInUse = this.#enabled ? Math.min(this.#measuredRate, this.#fillRate) : this.#measuredRate;
      this.#lastMaxRate = rateInUse;
      this.#computeTimeWindow();
      this.#lastThrottle = this.#seconds();
      rate = rateInUse * this.#o.beta;
      this.#enabled = true;
    } else {
      this.#computeTimeWindow();
      rate = this.#o.scaleConstant * (this.#seconds() - this.#lastThrottle - this.#timeWindow) ** 3 + this.#lastMaxRate;
    }
    this.#setRate(Math.min(rate, 2 * this.#measuredRate));
  }

  #seconds(): number {
    return this.#o.now() / 1000;
  }

  #refill(): void {
    const t = this.#seconds();
    if (this.#lastRefill !== undefined) {
      this.#tokens = Math.min(this.#maxCapacity, this.#tokens + (t - this.#lastRefill) * this.#fillRate);
    }
    this.#lastRefill = t;
  }

  #computeTimeWindow(): void {
    this.#timeWindow = Math.cbrt((this.#lastMaxRate * (1 - this.#o.beta)) / this.#o.scaleConstant);
  }

  #setRate(rate: number): void {
    this.#refill();
    this.#fillRate = Math.max(rate, this.#o.minFillRate);
    this.#maxCapacity = Math.max(rate, this.#o.minCapacity);
    this.#tokens = Math.min(this.#tokens, this.#maxCapacity);
  }

  #updateMeasuredRate(): void {
    const bucket = Math.floor(this.#seconds() * 2) / 2;
    this.#requestCount++;
    if (bucket > this.#lastRateBucket) {
      const rate = this.#requestCount / (bucket - this.#lastRateBucket);
      this.#measuredRate = rate * this.#o.smooth + this.#measuredRate * (1 - this.#o.smooth);
      this.#requestCount = 0;
      this.#lastRateBucket = bucket;
    }
  }
}
