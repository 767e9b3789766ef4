import { describe, expect, it } from "vitest";
import { AbortError, NetworkError, ServiceException, TimeoutError } from "../../generator/runtime/errors.js";
import { classifyRetry, sleep, StandardRetryStrategy, STANDARD_RETRY_OPTIONS } from "../../generator/runtime/retry.js";

function serviceError(code: string, status: number, retryable?: { throttling: boolean }): ServiceException {
  const e = new ServiceException({
    name: code,
    message: "",
    $fault: status >= 500 ? "server" : "client",
    $metadata: { httpStatusCode: status, attempts: 0, totalRetryDelay: 0 },
    code,
  });
  if (retryable) Object.defineProperty(e, "$retryable", { value: retryable });
  return e;
}

/** A clock-skew error the client corrected its clock for (client.ts sets the flag). */
function skewed(code: string, status: number): ServiceException {
  const e = serviceError(code, status);
  e.$metadata.clockSkewCorrected = true;
  return e;
}

describe("classifyRetry", () => {
  it.each([
    ["429 with any code", serviceError("Whatever", 429), "throttling"],
    ["ThrottlingException at 400", serviceError("ThrottlingException", 400), "throttling"],
    [
      "ProvisionedThroughputExceededException",
      serviceError("ProvisionedThroughputExceededException", 400),
      "throttling",
    ],
    ["RequestLimitExceeded", serviceError("RequestLimitExceeded", 400), "throttling"],
    ["500", serviceError("InternalServerException", 500), "transient"],
    ["502", serviceError("UnknownError", 502), "transient"],
    ["503", serviceError("ServiceUnavailable", 503), "transient"],
    ["504", serviceError("UnknownError", 504), "transient"],
    ["RequestTimeoutException at 400", serviceError("RequestTimeoutException", 400), "transient"],
    ["@retryable(throttling)", serviceError("Custom", 400, { throttling: true }), "throttling"],
    ["@retryable", serviceError("Custom", 409, { throttling: false }), "transient"],
    ["network error", new NetworkError("x", { code: "ECONNRESET" }), "transient"],
    ["timeout", new TimeoutError("x", 10), "timeout"],
    ["InvalidSignatureException after a clock correction", skewed("InvalidSignatureException", 403), "transient"],
    ["InvalidSignatureException without one", serviceError("InvalidSignatureException", 403), undefined],
    ["400 ValidationException", serviceError("ValidationException", 400), undefined],
    ["403 AccessDeniedException", serviceError("AccessDeniedException", 403), undefined],
    ["404", serviceError("ResourceNotFoundException", 404), undefined],
    ["501", serviceError("NotImplemented", 501), undefined],
    ["abort", new AbortError(), undefined],
    ["a plain Error (a bug)", new TypeError("x"), undefined],
  ])("%s -> %s", (_name, error, kind) => {
    expect(classifyRetry(error)).toBe(kind);
  });
});

describe("StandardRetryStrategy", () => {
  it("uses the AWS standard-mode figures by default", () => {
    expect({ ...STANDARD_RETRY_OPTIONS, random: undefined }).toEqual({
      baseDelayMs: 100,
      throttlingBaseDelayMs: 500,
      maxDelayMs: 20_000,
      initialRetryTokens: 500,
      retryCost: 5,
      timeoutRetryCost: 10,
      noRetryIncrement: 1,
      random: undefined,
    });
  });

  it("waits random * min(cap, base * 2^(attempt-1)): full jitter, exponential, capped at 20 s", () => {
    const s = new StandardRetryStrategy(20, { random: () => 0.999999 });
    const delays = [1, 2, 3, 4, 8, 12].map((attempt) => s.retryAfter(serviceError("X", 503), attempt)?.delayMs);
    expect(delays).toEqual([99, 199, 399, 799, 12_799, 19_999]);
    const t = new StandardRetryStrategy(3, { random: () => 0.5 });
    expect(t.retryAfter(serviceError("ThrottlingException", 400), 1)?.delayMs).toBe(250);
    expect(new StandardRetryStrategy(3, { random: () => 0 }).retryAfter(serviceError("X", 503), 2)?.delayMs).toBe(0);
  });

  it("stops at maxAttempts", () => {
    const s = new StandardRetryStrategy(2);
    expect(s.retryAfter(serviceError("X", 503), 1)).toBeDefined();
    expect(s.retryAfter(serviceError("X", 503), 2)).toBeUndefined();
  });

  it("takes 5 tokens per retry and 10 after a timeout, refusing when the bucket cannot pay", () => {
    const s = new StandardRetryStrategy(3, { initialRetryTokens: 15 });
    expect(s.retryAfter(new TimeoutError("t", 1), 1)?.cost).toBe(10);
    expect(s.availableTokens).toBe(5);
    expect(s.retryAfter(new TimeoutError("t", 1), 1)).toBeUndefined();
    expect(s.retryAfter(serviceError("X", 500), 1)?.cost).toBe(5);
    expect(s.availableTokens).toBe(0);
    expect(s.retryAfter(serviceError("X", 500), 1)).toBeUndefined();
  });

  it("refunds the succeeding retry's cost, or 1 token, never above the initial size", () => {
    const s = new StandardRetryStrategy(3, { initialRetryTokens: 20 });
    const ticket = s.retryAfter(new TimeoutError("t", 1), 1);
    expect(s.availableTokens).toBe(10);
    s.recordSuccess(ticket);
    expect(s.availableTokens).toBe(20);
    s.recordSuccess(undefined);
    expect(s.availableTokens).toBe(20);
    s.retryAfter(serviceError("X", 500), 1);
    s.recordSuccess(undefined);
    expect(s.availableTokens).toBe(16);
  });
});

describe("sleep", () => {
  it("rejects with an AbortError as soon as the signal fires", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const wait = sleep(5_000, controller.signal);
    setTimeout(() => controller.abort(), 10);
    await expect(wait).rejects.toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("rejects at once for an already-aborted signal", async () => {
    await expect(sleep(5_000, AbortSignal.abort())).rejects.toBeInstanceOf(AbortError);
  });
});
