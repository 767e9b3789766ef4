/**
 * The adaptive-mode rate limiter on a hand-driven clock, and side by side with the AWS SDK's own
 * `DefaultRateLimiter` (from `@smithy/core/retry`, which `@aws-sdk/client-frauddetector` brings)
 * fed the same sequence of outcomes at the same (fake) times: the allowed rates must agree.
 */
import { DefaultRateLimiter } from "@smithy/core/retry";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AbortError } from "../../generator/runtime/errors.js";
import { AdaptiveRateLimiter } from "../../generator/runtime/rate-limiter.js";

/** A limiter on a clock the test moves; `sleeps` records every wait it asks for. */
function manual(start = 1_000_000): { limiter: AdaptiveRateLimiter; clock: { ms: number }; sleeps: number[] } {
  const clock = { ms: start };
  const sleeps: number[] = [];
  const limiter = new AdaptiveRateLimiter({
    now: () => clock.ms,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.ms += ms;
    },
  });
  return { limiter, clock, sleeps };
}

/** Sends at `perSecond` for `seconds`, each attempt succeeding. */
function sendSteadily(
  l: { limiter: AdaptiveRateLimiter; clock: { ms: number } },
  perSecond: number,
  seconds: number,
): void {
  for (let i = 0; i < perSecond * seconds; i++) {
    l.clock.ms += 1000 / perSecond;
    l.limiter.update(false);
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe("AdaptiveRateLimiter", () => {
  it("never waits before the first throttling response", () => {
    const l = manual();
    for (let i = 0; i < 1000; i++) {
      expect(l.limiter.acquire()).toBeUndefined();
      l.limiter.update(false);
    }
    expect(l.limiter.enabled).toBe(false);
  });

  it("measures the send rate in half-second buckets, smoothed", () => {
    const l = manual();
    sendSteadily(l, 20, 3);
    expect(l.limiter.measuredRate).toBeGreaterThan(19);
    expect(l.limiter.measuredRate).toBeLessThan(21);
  });

  it("cuts the rate to 0.7 of the measured rate on throttling, then paces attempts at that rate", async () => {
    const l = manual();
    sendSteadily(l, 20, 3);
    const measured = l.limiter.measuredRate;
    l.limiter.update(true);
    expect(l.limiter.enabled).toBe(true);
    expect(l.limiter.fillRate).toBeCloseTo(0.7 * measured, 6);
    // The bucket holds at most one second's worth; once that is spent, one attempt every 1/fillRate s.
    for (let i = 0; i < Math.ceil(l.limiter.fillRate); i++) await l.limiter.acquire();
    const started = l.clock.ms;
    for (let i = 0; i < 30; i++) await l.limiter.acquire();
    const elapsed = (l.clock.ms - started) / 1000;
    expect(30 / elapsed).toBeLessThanOrEqual(l.limiter.fillRate * 1.1);
    expect(30 / elapsed).toBeGreaterThan(l.limiter.fillRate * 0.8);
  });

  it("falls to 0.5 attempts a second when throttled before any rate was measured", async () => {
    const l = manual();
    l.limiter.update(true);
    expect(l.limiter.fillRate).toBe(0.5);
    await l.limiter.acquire();
    expect(l.sleeps).toEqual([2000]);
  });

  it("grows back along the CUBIC curve: at K seconds after the throttle it reaches the rate it had (capped by 2x measured)", () => {
    const l = manual();
    sendSteadily(l, 20, 3);
    l.limiter.update(true);
    const lastMax = l.limiter.measuredRate;
    const k = Math.cbrt((lastMax * 0.3) / 0.4);
    const throttledAt = l.clock.ms;
    // Successes at the allowed pace until K seconds later.
    while (l.clock.ms < throttledAt + k * 1000) {
      l.clock.ms += 1000 / Math.max(1, l.limiter.fillRate);
      l.limiter.update(false);
    }
    const expected = 0.4 * ((l.clock.ms - throttledAt) / 1000 - k) ** 3 + lastMax;
    expect(l.limiter.fillRate).toBeCloseTo(Math.max(0.5, Math.min(expected, 2 * l.limiter.measuredRate)), 6);
    expect(l.limiter.fillRate).toBeGreaterThan(0.7 * lastMax);
  });

  it("rejects a wait with an AbortError as soon as the signal fires", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date", "performance"] });
    const limiter = new AdaptiveRateLimiter();
    limiter.update(true); // 0.5 a second: the next attempt waits 2 s
    const controller = new AbortController();
    const wait = limiter.acquire(controller.signal);
    expect(wait).toBeInstanceOf(Promise);
    const settled = (wait as Promise<void>).catch((e: unknown) => e);
    controller.abort();
    expect(await settled).toBeInstanceOf(AbortError);
  });
});

describe("side by side with the AWS SDK's DefaultRateLimiter", () => {
  it("allows the same rate after every step of a throttle-recover-throttle sequence", () => {
    vi.useFakeTimers({ toFake: ["Date", "performance"] });
    vi.setSystemTime(Date.UTC(2026, 0, 1, 0, 0, 0, 250));
    const ours = new AdaptiveRateLimiter({ now: () => Date.now() });
    // Its rate fields are private in its types; they are the figures to compare.
    const sdk = new DefaultRateLimiter() as unknown as {
      updateClientSendingRate(response: unknown): void;
      fillRate: number;
      measuredTxRate: number;
    };
    // Outcomes at 50 attempts a second: throttled at steps 120 and 400 (and 401, 402), else fine.
    const throttledAt = new Set([120, 400, 401, 402]);
    for (let step = 0; step < 700; step++) {
      vi.advanceTimersByTime(20);
      const throttled = throttledAt.has(step);
      ours.update(throttled);
      sdk.updateClientSendingRate(throttled ? { errorType: "THROTTLING" } : {});
      expect(ours.fillRate, `step ${step}`).toBeCloseTo(sdk.fillRate, 5);
      expect(ours.measuredRate, `step ${step}`).toBeCloseTo(sdk.measuredTxRate, 5);
    }
  });
});
