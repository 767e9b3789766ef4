/**
 * Misbehaving services and the tools to test against them without sleeping:
 *
 * - `useVirtualTime()`: fake timers (setTimeout, Date, performance...) while setImmediate and the
 *   sockets stay real, so a loopback server still answers but no test waits for the wall clock;
 * - `until()`: turns the real event loop (not the clock) until a condition holds;
 * - `runInVirtualTime()`: runs a workload whose requests go over real sockets, letting the fake
 *   clock jump to the next timer only while no request is in flight: the network takes no
 *   virtual time, backoff and rate-limiter waits take exactly theirs, and a run of many virtual
 *   seconds takes a fraction of a real one;
 * - handlers for a service with a skewed clock and one that throttles above a rate;
 * - the AWS SDK's client for the same server, for side-by-side runs.
 */
import type { ServerResponse } from "node:http";
import { createRequire } from "node:module";
import {
  FraudDetectorClient as SdkClient,
  type FraudDetectorClientConfig as SdkConfig,
} from "@aws-sdk/client-frauddetector";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { vi } from "vitest";
import { NodeHttpTransport } from "../../generated/frauddetector/runtime/transport-node.js";
import type {
  HttpRequest,
  HttpResponse,
  Transport,
  TransportOptions,
} from "../../generated/frauddetector/runtime/transport.js";
import { track } from "../runtime/helpers.js";
import { reply, type CapturedRequest, type Handler, type TestServer } from "../runtime/server.js";
import { credentials } from "./helpers.js";

/** A fixed start for virtual time: 2026-11-23 10:00:00 UTC. */
export const VIRTUAL_START = Date.UTC(2026, 10, 23, 10, 0, 0);

/** Fakes the clock and timers; setImmediate, nextTick and the sockets stay real. */
export function useVirtualTime(start = VIRTUAL_START): void {
  vi.useFakeTimers({
    toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date", "performance"],
    now: start,
  });
}

/** One real turn of the event loop: pending I/O callbacks and promise jobs run. */
export function realTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Turns the real event loop until `condition` holds; fails after `turns` turns. On fake timers it
 * also runs the timers already due (a 0 ms backoff), but the clock does not move.
 */
export async function until(condition: () => boolean, what = "condition", turns = 20_000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (condition()) return;
    await realTurn();
    if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(0);
  }
  throw new Error(`${what}: not reached after ${turns} event-loop turns`);
}

/**
 * Runs `work` on fake timers: real turns while `busy()` (requests in flight) or while promise
 * jobs may still start one; when all is quiet, the clock jumps to the next timer.
 */
export async function runInVirtualTime<T>(work: Promise<T>, busy: () => boolean, maxSteps = 200_000): Promise<T> {
  let done = false;
  work.then(
    () => (done = true),
    () => (done = true),
  );
  for (let step = 0; !done; step++) {
    if (step > maxSteps) throw new Error(`virtual time: still running after ${maxSteps} steps`);
    await realTurn();
    if (done || busy()) continue;
    await realTurn(); // a response handled in the last turn may have started the next request
    if (done || busy()) continue;
    if (vi.getTimerCount() > 0) await vi.advanceTimersToNextTimerAsync();
  }
  return work;
}

/** A transport that counts its requests in flight (for `runInVirtualTime`). */
export class CountingTransport implements Transport {
  inFlight = 0;
  readonly #inner: Transport;

  constructor(inner: Transport = new NodeHttpTransport()) {
    this.#inner = inner;
  }

  async handle(request: HttpRequest, options: TransportOptions): Promise<HttpResponse> {
    this.inFlight++;
    try {
      return await this.#inner.handle(request, options);
    } finally {
      this.inFlight--;
    }
  }

  destroy(): void {
    this.#inner.destroy?.();
  }
}

/** The SDK's Node handler, counting requests in flight (for `runInVirtualTime`). */
export function countingSdkHandler(
  options: ConstructorParameters<typeof NodeHttpHandler>[0] = {},
): NodeHttpHandler & { inFlight: number } {
  const handler = new NodeHttpHandler(options) as NodeHttpHandler & { inFlight: number };
  handler.inFlight = 0;
  const handle = handler.handle.bind(handler);
  handler.handle = async (...args) => {
    handler.inFlight++;
    try {
      return await handle(...args);
    } finally {
      handler.inFlight--;
    }
  };
  return handler;
}

/**
 * Lets the AWS SDK's adaptive rate limiter run on fake timers. Node waits at least 1 ms for any
 * `setTimeout`; fake timers run a 0.4 ms timer at once without moving the clock, so the SDK's
 * limiter (whose waits can be fractions of a millisecond) would spin. The limiter takes its
 * `setTimeout` from a static hook for this purpose; it gets Node's minimum here. Returns the undo.
 */
export function sdkRateLimiterOnFakeTimers(): () => void {
  // The SDK is loaded as CommonJS (its package has no "exports"): patch that instance.
  const retry = createRequire(import.meta.url)("@smithy/core/retry") as {
    DefaultRateLimiter: { setTimeoutFn: (fn: () => void, delay: number) => unknown };
  };
  const saved = retry.DefaultRateLimiter.setTimeoutFn;
  retry.DefaultRateLimiter.setTimeoutFn = (fn, delay) => setTimeout(fn, Math.max(1, delay));
  return () => {
    retry.DefaultRateLimiter.setTimeoutFn = saved;
  };
}

/** `@aws-sdk/client-frauddetector` pointed at `server`, with the same credentials; destroyed after the test. */
export function sdkClientFor(server: TestServer, config: SdkConfig = {}): SdkClient {
  return track(new SdkClient({ region: "us-east-1", endpoint: server.url, credentials, ...config }));
}

/** `20261123T100000Z` to ms since the epoch. */
export function parseAmzDate(value: unknown): number {
  const m = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(String(value));
  if (m === null) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

const amzDate = (ms: number): string => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, "");

/**
 * A service whose clock is `skewMs` ahead of this machine's (negative: behind). Like AWS, it
 * refuses a signature more than 15 minutes from its own time (403 InvalidSignatureException,
 * "Signature expired" or "Signature not yet current"), and every response carries its `Date`.
 * `answer` writes the accepted responses (default 200 `{}`).
 */
export function skewedService(
  skewMs: number,
  answer: (request: CapturedRequest, response: ServerResponse, date: string) => void = (_r, res, date) =>
    reply(res, 200, "{}", { date }),
): Handler {
  return (request, response) => {
    const serviceNow = Date.now() + skewMs;
    const date = new Date(serviceNow).toUTCString();
    const signedAt = parseAmzDate(request.headers["x-amz-date"]);
    const stamp = String(request.headers["x-amz-date"]);
    let message: string | undefined;
    if (!(signedAt >= serviceNow - 15 * 60_000)) {
      message = `Signature expired: ${stamp} is now earlier than ${amzDate(serviceNow - 15 * 60_000)} (${amzDate(serviceNow)} - 15 min.)`;
    } else if (signedAt > serviceNow + 15 * 60_000) {
      message = `Signature not yet current: ${stamp} is still later than ${amzDate(serviceNow + 15 * 60_000)} (${amzDate(serviceNow)} + 15 min.)`;
    }
    if (message === undefined) answer(request, response, date);
    else reply(response, 403, JSON.stringify({ __type: "InvalidSignatureException", message }), { date });
  };
}

/** What a throttling service counted. */
export interface ThrottleCounts {
  ok: number;
  throttled: number;
}

/**
 * A service that allows `perSecond` requests in each second of the (virtual) clock and answers
 * the rest with 429 ThrottlingException "Rate exceeded", as a per-account TPS limit does.
 */
export function throttlingService(perSecond: number): { handler: Handler; counts: ThrottleCounts } {
  const counts: ThrottleCounts = { ok: 0, throttled: 0 };
  let second = Number.NaN;
  let used = 0;
  const handler: Handler = (_request, response) => {
    const now = Date.now();
    const date = new Date(now).toUTCString();
    if (Math.floor(now / 1000) !== second) {
      second = Math.floor(now / 1000);
      used = 0;
    }
    if (used < perSecond) {
      used++;
      counts.ok++;
      reply(response, 200, "{}", { date });
    } else {
      counts.throttled++;
      reply(response, 429, '{"__type":"ThrottlingException","message":"Rate exceeded"}', { date });
    }
  };
  return { handler, counts };
}

/** A seeded source of [0, 1) (mulberry32), so backoff jitter is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `workers` callers each making `callsEach` calls one after another; failures are counted, not thrown. */
export async function burst(
  call: () => Promise<unknown>,
  workers: number,
  callsEach: number,
): Promise<{ failed: number }> {
  let failed = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let i = 0; i < callsEach; i++) {
        try {
          await call();
        } catch {
          failed++;
        }
      }
    }),
  );
  return { failed };
}
