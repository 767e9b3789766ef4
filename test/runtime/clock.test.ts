/** The signing clock: when a response's `Date` changes the offset, and when it does not. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  CLOCK_SKEW_ERROR_CODES,
  CLOCK_SKEW_THRESHOLD_MS,
  offsetMoved,
  SigningClock,
} from "../../generator/runtime/clock.js";

const NOW = Date.UTC(2026, 10, 23, 10, 0, 0);
const HOUR = 3_600_000;

/** The `Date` header a service whose clock reads `ms` sends. */
const httpDate = (ms: number): string => new Date(ms).toUTCString();

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("SigningClock", () => {
  it("signs at the local time plus the configured offset", () => {
    expect(new SigningClock().now()).toBe(NOW);
    expect(new SigningClock(-2 * HOUR).now()).toBe(NOW - 2 * HOUR);
  });

  it("takes the service's time from a Date 2 hours ahead or behind, to the second", () => {
    for (const skew of [2 * HOUR, -2 * HOUR]) {
      const clock = new SigningClock();
      expect(clock.observe(httpDate(NOW + skew), NOW - 40, NOW)).toBe(true);
      expect(clock.offsetMs).toBe(skew);
      expect(clock.now()).toBe(NOW + skew);
    }
  });

  it("leaves the offset alone within 5 minutes (Date has whole seconds; small skews are the service's to accept)", () => {
    const clock = new SigningClock();
    for (const skew of [0, 1000, -999, CLOCK_SKEW_THRESHOLD_MS - 1000, -CLOCK_SKEW_THRESHOLD_MS]) {
      expect(clock.observe(httpDate(NOW + skew), NOW, NOW)).toBe(false);
    }
    expect(clock.offsetMs).toBe(0);
    expect(clock.observe(httpDate(NOW + CLOCK_SKEW_THRESHOLD_MS + 2000), NOW, NOW)).toBe(true);
  });

  it("compares with the corrected clock: once corrected, the same service clock changes nothing, a fixed local clock resets it", () => {
    const clock = new SigningClock();
    clock.observe(httpDate(NOW + 2 * HOUR), NOW, NOW);
    expect(clock.observe(httpDate(NOW + 2 * HOUR + 60_000), NOW, NOW)).toBe(false);
    // The machine's clock is set right (it jumps 2 hours ahead); the service now agrees with it.
    vi.setSystemTime(NOW + 2 * HOUR);
    expect(clock.observe(httpDate(NOW + 2 * HOUR), NOW + 2 * HOUR, NOW + 2 * HOUR)).toBe(true);
    expect(clock.offsetMs).toBe(0);
  });

  it("does not mistake a slow exchange for skew: a Date anywhere between sending and receipt is in time", () => {
    const clock = new SigningClock();
    const sentAt = NOW - 20 * 60_000; // a 20-minute exchange (a huge body on a slow link)
    expect(clock.observe(httpDate(sentAt + 60_000), sentAt, NOW)).toBe(false);
    expect(clock.offsetMs).toBe(0);
  });

  it("ignores a missing or unparseable Date", () => {
    const clock = new SigningClock(5);
    expect(clock.observe(undefined, NOW, NOW)).toBe(false);
    expect(clock.observe("yesterday-ish", NOW, NOW)).toBe(false);
    expect(clock.observe("", NOW, NOW)).toBe(false);
    expect(clock.offsetMs).toBe(5);
  });

  it("offsetMoved: a concurrent call's correction counts when it moved the offset by more than 5 minutes", () => {
    expect(offsetMoved(0, 2 * HOUR)).toBe(true);
    expect(offsetMoved(2 * HOUR, 2 * HOUR + 1000)).toBe(false);
    expect(offsetMoved(0, -CLOCK_SKEW_THRESHOLD_MS - 1)).toBe(true);
  });

  it("knows the AWS SDKs' clock-skew codes", () => {
    for (const code of [
      "RequestTimeTooSkewed",
      "RequestExpired",
      "InvalidSignatureException",
      "SignatureDoesNotMatch",
      "AuthFailure",
      "RequestInTheFuture",
    ]) {
      expect(CLOCK_SKEW_ERROR_CODES.has(code)).toBe(true);
    }
    expect(CLOCK_SKEW_ERROR_CODES.has("ValidationException")).toBe(false);
  });
});
