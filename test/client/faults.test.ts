/**
 * The fault suite: the generated FraudDetectorClient against a loopback service that misbehaves
 * on purpose (a skewed clock, saturation, throttling bursts, stalls, resets, 5xx, broken and
 * hostile bodies), side by side with `@aws-sdk/client-frauddetector` where the SDK's behaviour is
 * the reference. Where time matters the clock is fake (faults.ts): no test sleeps.
 */
import type { ServerResponse } from "node:http";
import { Agent } from "node:http";
import { inspect } from "node:util";
import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { GetEventPredictionCommand, SendEventCommand } from "@aws-sdk/client-frauddetector";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  FraudDetectorClient,
  FraudDetectorServiceException,
  ServiceException,
} from "../../generated/frauddetector/index.js";
import { NodeHttpTransport } from "../../generated/frauddetector/runtime/transport-node.js";
import { reply } from "../runtime/server.js";
import {
  burst,
  CountingTransport,
  countingSdkHandler,
  realTurn,
  runInVirtualTime,
  sdkClientFor,
  sdkRateLimiterOnFakeTimers,
  seededRandom,
  skewedService,
  throttlingService,
  until,
  useVirtualTime,
  parseAmzDate,
} from "./faults.js";
import {
  clientFor,
  credentials,
  getEventPredictionInput,
  loopbackServerForFile,
  rejectionOf,
  SECRET_EMAIL,
  SECRET_ENTITY_ID,
  sendEventInput,
} from "./helpers.js";

const server = await loopbackServerForFile();
afterEach(() => {
  vi.useRealTimers();
});

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The core runtime client inside a generated client (its clock offset is not on the public class). */
const core = (client: FraudDetectorClient): { systemClockOffset: number } =>
  (client as unknown as { core: { systemClockOffset: number } }).core;

/** A logger that keeps what it is given. */
function collectingLogger(): { warn(message: string): void; messages: string[] } {
  const messages: string[] = [];
  return { messages, warn: (m: string) => void messages.push(m) };
}

describe("a clock 2 hours behind the service", () => {
  it("succeeds on the second request, and the next call needs one request (as the AWS SDK)", async () => {
    server.handler = skewedService(2 * HOUR);
    const client = clientFor(server);
    await expect(client.sendEvent(sendEventInput)).resolves.toEqual({});
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests.map((r) => parseAmzDate(r.headers["x-amz-date"]));
    expect(Math.abs((second as number) - (first as number) - 2 * HOUR)).toBeLessThan(MINUTE);
    expect(Math.abs(core(client).systemClockOffset - 2 * HOUR)).toBeLessThan(2000);
    await client.sendEvent(sendEventInput);
    expect(server.requests).toHaveLength(3);

    server.reset();
    server.handler = skewedService(2 * HOUR);
    const sdk = sdkClientFor(server);
    await sdk.send(new SendEventCommand(sendEventInput));
    expect(server.requests).toHaveLength(2);
    await sdk.send(new SendEventCommand(sendEventInput));
    expect(server.requests).toHaveLength(3);
  });

  it("corrects a clock ahead of the service the same way", async () => {
    server.handler = skewedService(-2 * HOUR);
    const client = clientFor(server);
    await client.sendEvent(sendEventInput);
    await client.sendEvent(sendEventInput);
    expect(server.requests).toHaveLength(3);
    expect(Math.abs(core(client).systemClockOffset + 2 * HOUR)).toBeLessThan(2000);
  });

  it("gets 20 concurrent skewed calls through with two requests each, one correction serving them all", async () => {
    server.handler = skewedService(2 * HOUR);
    const client = clientFor(server);
    const outputs = await Promise.all(Array.from({ length: 20 }, () => client.sendEvent(sendEventInput)));
    expect(outputs).toEqual(Array.from({ length: 20 }, () => ({})));
    expect(server.requests).toHaveLength(40);
    await Promise.all(Array.from({ length: 20 }, () => client.sendEvent(sendEventInput)));
    expect(server.requests).toHaveLength(60);
  });

  it("needs one request from the start with systemClockOffset set", async () => {
    server.handler = skewedService(2 * HOUR);
    await clientFor(server, { systemClockOffset: 2 * HOUR }).sendEvent(sendEventInput);
    expect(server.requests).toHaveLength(1);
  });

  it("marks the error clockSkewCorrected when no attempt is left, and the next call passes at once", async () => {
    server.handler = skewedService(2 * HOUR);
    const client = clientFor(server, { maxAttempts: 1 });
    const error = await rejectionOf(client.sendEvent(sendEventInput));
    expect(error).toBeInstanceOf(FraudDetectorServiceException);
    expect(error).toMatchObject({
      name: "InvalidSignatureException",
      $metadata: { httpStatusCode: 403, attempts: 1, clockSkewCorrected: true },
    });
    expect((error as Error).message).toMatch(/^Signature expired: /);
    await client.sendEvent(sendEventInput);
    expect(server.requests).toHaveLength(2);
  });

  it("learns from a successful response more than 5 minutes off, not from one within 5 minutes", async () => {
    const client = clientFor(server);
    server.handler = (_r, res) => reply(res, 200, "{}", { date: new Date(Date.now() + 3 * MINUTE).toUTCString() });
    await client.sendEvent(sendEventInput);
    expect(core(client).systemClockOffset).toBe(0);
    server.handler = (_r, res) => reply(res, 200, "{}", { date: new Date(Date.now() + 10 * MINUTE).toUTCString() });
    await client.sendEvent(sendEventInput);
    expect(Math.abs(core(client).systemClockOffset - 10 * MINUTE)).toBeLessThan(2000);
    await client.sendEvent(sendEventInput);
    const signed = parseAmzDate(server.requests[2]?.headers["x-amz-date"]);
    expect(Math.abs(signed - (Date.now() + 10 * MINUTE))).toBeLessThan(5000);
  });

  it("ignores the Date of a response served from a cache (Age header)", async () => {
    server.handler = (_r, res) =>
      reply(res, 200, "{}", { date: new Date(Date.now() - 3 * HOUR).toUTCString(), age: "10800" });
    const client = clientFor(server);
    await client.sendEvent(sendEventInput);
    expect(core(client).systemClockOffset).toBe(0);
  });

  it("does not retry a clock-skew code (AccessDeniedException) when the clocks agree", async () => {
    server.handler = (_r, res) => reply(res, 403, '{"__type":"AccessDeniedException","message":"no"}');
    const error = await rejectionOf(clientFor(server).sendEvent(sendEventInput));
    expect(error).toMatchObject({ name: "AccessDeniedException", $metadata: { attempts: 1 } });
    expect((error as ServiceException).$metadata.clockSkewCorrected).toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });
});

describe("a bounded connection pool", () => {
  it("makes 500 concurrent calls over at most 50 sockets by default, all succeeding (as the AWS SDK)", async () => {
    const client = clientFor(server, { logger: collectingLogger() });
    const outputs = await Promise.all(Array.from({ length: 500 }, () => client.sendEvent(sendEventInput)));
    expect(outputs).toHaveLength(500);
    expect(server.requests).toHaveLength(500);
    expect(server.connections).toBeGreaterThan(1);
    expect(server.connections).toBeLessThanOrEqual(50);

    server.reset();
    const sdk = sdkClientFor(server);
    await Promise.all(Array.from({ length: 500 }, () => sdk.send(new SendEventCommand(sendEventInput))));
    expect(server.requests).toHaveLength(500);
    expect(server.connections).toBeLessThanOrEqual(50);
  });

  it("uses at most maxSockets sockets", async () => {
    const client = clientFor(server, { maxSockets: 4 });
    await Promise.all(Array.from({ length: 100 }, () => client.sendEvent(sendEventInput)));
    expect(server.requests).toHaveLength(100);
    expect(server.connections).toBeLessThanOrEqual(4);
  });

  it("follows the maxSockets of a caller's own agent, and leaves that agent open on destroy()", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 3 });
    try {
      const client = clientFor(server, { transport: new NodeHttpTransport({ httpAgent: agent }) });
      await Promise.all(Array.from({ length: 30 }, () => client.sendEvent(sendEventInput)));
      expect(server.connections).toBeLessThanOrEqual(3);
      const transport = new NodeHttpTransport({ httpAgent: agent });
      transport.destroy();
      await client.sendEvent(sendEventInput); // the agent still works
      expect(server.connections).toBeLessThanOrEqual(3);
    } finally {
      agent.destroy();
    }
  });

  it("logs one warning naming maxSockets when calls wait more than a second for a socket", async () => {
    useVirtualTime();
    const held: ServerResponse[] = [];
    server.handler = (_r, res) => void held.push(res);
    const logger = collectingLogger();
    const client = clientFor(server, { maxSockets: 2, logger });
    const calls = Array.from({ length: 6 }, () => client.sendEvent(sendEventInput));
    await until(() => server.requests.length === 2, "two requests at the server");
    await vi.advanceTimersByTimeAsync(999);
    expect(logger.messages).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2);
    expect(logger.messages).toHaveLength(1);
    expect(logger.messages[0]).toMatch(
      /waited more than 1000 ms for a socket: 6 requests in flight, at most 2 sockets per host \(`maxSockets` in the client config\)/,
    );
    expect(logger.messages[0]).not.toContain(credentials.secretAccessKey);
    // The server catches up: every call succeeds over the same two sockets.
    server.handler = (_r, res) => reply(res, 200, "{}");
    for (const res of held.splice(0)) reply(res, 200, "{}");
    await expect(Promise.all(calls)).resolves.toHaveLength(6);
    expect(server.connections).toBe(2);
    // Saturated again within 15 s: no second warning; after 15 s, one more.
    server.handler = (_r, res) => void held.push(res);
    const again = Array.from({ length: 4 }, () => client.sendEvent(sendEventInput));
    await until(() => held.length === 2, "two held requests");
    await vi.advanceTimersByTimeAsync(1_500);
    expect(logger.messages).toHaveLength(1);
    server.handler = (_r, res) => reply(res, 200, "{}");
    for (const res of held.splice(0)) reply(res, 200, "{}");
    await Promise.all(again);
    await vi.advanceTimersByTimeAsync(15_000);
    server.handler = (_r, res) => void held.push(res);
    const third = Array.from({ length: 4 }, () => client.sendEvent(sendEventInput));
    await until(() => held.length === 2, "two held requests");
    await vi.advanceTimersByTimeAsync(1_001);
    expect(logger.messages).toHaveLength(2);
    server.handler = (_r, res) => reply(res, 200, "{}");
    for (const res of held.splice(0)) reply(res, 200, "{}");
    await Promise.all(third);
  });

  it("says nothing when no call waits for a socket", async () => {
    useVirtualTime();
    const logger = collectingLogger();
    const client = clientFor(server, { maxSockets: 2, logger });
    const held: ServerResponse[] = [];
    server.handler = (_r, res) => void held.push(res);
    const calls = [client.sendEvent(sendEventInput), client.sendEvent(sendEventInput)];
    await until(() => held.length === 2, "two held requests");
    await vi.advanceTimersByTimeAsync(60_000);
    for (const res of held) reply(res, 200, "{}");
    await Promise.all(calls);
    expect(logger.messages).toHaveLength(0);
  });
});

describe("sustained throttling: adaptive retry mode", () => {
  /** 10 callers x 30 calls against 40 requests a second, in virtual time; what the service counted. */
  async function anvilBurst(
    retryMode: "standard" | "adaptive",
  ): Promise<{ ok: number; throttled: number; failed: number; seconds: number }> {
    const { handler, counts } = throttlingService(40);
    server.reset();
    server.handler = handler;
    const transport = new CountingTransport();
    const client = clientFor(server, { retryMode, transport, retry: { random: seededRandom(7) } });
    const started = Date.now();
    try {
      const { failed } = await runInVirtualTime(
        burst(() => client.sendEvent(sendEventInput), 10, 30),
        () => transport.inFlight > 0,
      );
      return { ...counts, failed, seconds: (Date.now() - started) / 1000 };
    } finally {
      transport.destroy();
    }
  }

  async function sdkBurst(
    retryMode: "standard" | "adaptive",
  ): Promise<{ ok: number; throttled: number; failed: number }> {
    const { handler, counts } = throttlingService(40);
    server.reset();
    server.handler = handler;
    const requestHandler = countingSdkHandler();
    const sdk = sdkClientFor(server, { retryMode, requestHandler });
    const undo = sdkRateLimiterOnFakeTimers();
    try {
      const { failed } = await runInVirtualTime(
        burst(() => sdk.send(new SendEventCommand(sendEventInput)), 10, 30),
        () => requestHandler.inFlight > 0,
      );
      return { ...counts, failed };
    } finally {
      undo();
    }
  }

  it("sends fewer throttled requests than standard mode over the same burst (side by side with the AWS SDK)", async () => {
    useVirtualTime();
    const standard = await anvilBurst("standard");
    const adaptive = await anvilBurst("adaptive");
    const sdkStandard = await sdkBurst("standard");
    const sdkAdaptive = await sdkBurst("adaptive");
    console.info(
      `10 callers x 30 calls, service allows 40 requests/s; throttled responses: anvil standard ${standard.throttled}, adaptive ${adaptive.throttled}; ` +
        `aws-sdk standard ${sdkStandard.throttled}, adaptive ${sdkAdaptive.throttled}; ` +
        `calls failed: anvil ${standard.failed} / ${adaptive.failed}, aws-sdk ${sdkStandard.failed} / ${sdkAdaptive.failed}; ` +
        `virtual seconds: anvil ${standard.seconds} / ${adaptive.seconds}`,
    );
    expect(adaptive.throttled).toBeLessThan(standard.throttled / 3);
    expect(adaptive.failed).toBeLessThanOrEqual(standard.failed);
    expect(sdkAdaptive.throttled).toBeLessThan(sdkStandard.throttled);
  });
});

describe("what already worked keeps working", () => {
  it("times out a stalled body after requestTimeoutMs, retries, and succeeds", async () => {
    useVirtualTime();
    let partialSent = false;
    server.handler = (_r, res, i) => {
      if (i > 0) return reply(res, 200, "{}");
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1", "content-length": "200" });
      res.write('{"partial":', () => (partialSent = true)); // and then nothing
    };
    const call = clientFor(server, { requestTimeoutMs: 2_000 }).sendEvent(sendEventInput);
    await until(() => partialSent, "the first bytes of the body");
    for (let i = 0; i < 10; i++) await realTurn();
    await vi.advanceTimersByTimeAsync(1_999);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(1); // fake timers put the 0 ms backoff set during a tick 1 ms later
    await until(() => server.requests.length === 2, "the retry");
    await expect(call).resolves.toEqual({});
    expect(server.requests).toHaveLength(2);
  });

  it("throws a TimeoutError after maxAttempts stalled attempts", async () => {
    useVirtualTime();
    server.handler = () => undefined;
    const call = rejectionOf(clientFor(server, { requestTimeoutMs: 500 }).sendEvent(sendEventInput));
    for (let attempt = 1; attempt <= 3; attempt++) {
      await until(() => server.requests.length === attempt, `attempt ${attempt}`);
      await vi.advanceTimersByTimeAsync(501); // the timeout, then the 0 ms backoff (1 ms on fake timers)
    }
    expect(await call).toMatchObject({ name: "TimeoutError", timeoutMs: 500, $metadata: { attempts: 3 } });
  });

  it.each([500, 502, 503, 504])("retries a %i and succeeds", async (status) => {
    server.handler = (_r, res, i) => (i === 0 ? reply(res, status, "{}") : reply(res, 200, "{}"));
    await expect(clientFor(server).sendEvent(sendEventInput)).resolves.toEqual({});
    expect(server.requests).toHaveLength(2);
  });

  it("retries a reset before the response and one in the middle of the body", async () => {
    server.handler = (_r, res, i) => {
      if (i === 0) return void res.socket?.destroy();
      if (i === 1) {
        res.writeHead(200, { "content-type": "application/x-amz-json-1.1", "content-length": "100" });
        return void res.write('{"trunc', () => setImmediate(() => res.socket?.destroy()));
      }
      reply(res, 200, "{}");
    };
    await expect(clientFor(server).sendEvent(sendEventInput)).resolves.toEqual({});
    expect(server.requests).toHaveLength(3);
  });

  it("turns a truncated JSON body and an HTML body into typed errors, never a SyntaxError", async () => {
    server.handler = (_r, res) => reply(res, 200, '{"modelScores":[{"scores":{"a":1');
    const truncated = await rejectionOf(clientFor(server).getEventPrediction(getEventPredictionInput));
    expect(truncated).toBeInstanceOf(ServiceException);
    expect(truncated).toMatchObject({ name: "MalformedResponseError", $metadata: { httpStatusCode: 200 } });
    server.handler = (_r, res) =>
      reply(res, 503, "<html><body>Service Unavailable</body></html>", { "content-type": "text/html" });
    const html = await rejectionOf(clientFor(server).sendEvent(sendEventInput));
    expect(html).toBeInstanceOf(FraudDetectorServiceException);
    expect(html).toMatchObject({ $fault: "server", $metadata: { httpStatusCode: 503, attempts: 3 } });
    for (const e of [truncated, html]) expect(e).not.toBeInstanceOf(SyntaxError);
  });

  it("lets no __proto__ key in a response change a prototype", async () => {
    server.handler = (_r, res) =>
      reply(
        res,
        200,
        '{"__proto__":{"polluted":1},"modelScores":[{"__proto__":{"polluted":2},"scores":{"__proto__":3,"risk":900}}],' +
          '"ruleResults":[{"ruleId":"r","outcomes":["a"],"__proto__":{"polluted":4}}]}',
      );
    const output = await clientFor(server).getEventPrediction(getEventPredictionInput);
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    const score = output.modelScores?.[0];
    expect(Object.getPrototypeOf(score)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(score?.scores)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(score?.scores, "__proto__")?.value).toBe(3);
    expect(score?.scores?.risk).toBe(900);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("never shows a secret in an error's message or inspect output, whatever the fault", async () => {
    useVirtualTime();
    const errors: unknown[] = [];
    server.handler = (_r, res) => reply(res, 400, '{"__type":"ValidationException","message":"bad"}');
    errors.push(await rejectionOf(clientFor(server).sendEvent(sendEventInput)));
    server.handler = (_r, res) => void res.socket?.destroy();
    errors.push(await rejectionOf(clientFor(server, { maxAttempts: 1 }).sendEvent(sendEventInput)));
    server.handler = () => undefined;
    const timing = rejectionOf(clientFor(server, { requestTimeoutMs: 100, maxAttempts: 1 }).sendEvent(sendEventInput));
    await until(() => server.requests.length === 3, "the stalled request");
    await vi.advanceTimersByTimeAsync(100);
    errors.push(await timing);
    errors.push(
      await rejectionOf(clientFor(server).sendEvent({ ...sendEventInput, eventId: `BAD ${SECRET_ENTITY_ID}` })),
    );
    server.handler = skewedService(2 * HOUR);
    errors.push(await rejectionOf(clientFor(server, { maxAttempts: 1 }).sendEvent(sendEventInput)));
    expect(errors.map((e) => (e as Error).name)).toEqual([
      "ValidationException",
      "NetworkError",
      "TimeoutError",
      "RequestValidationError",
      "InvalidSignatureException",
    ]);
    const client = clientFor(server);
    const shown = [
      ...errors.map((e) => `${String(e)}\n${inspect(e, { depth: 10, showHidden: true })}`),
      inspect(client, { depth: 10, showHidden: true }),
    ].join("\n");
    for (const secret of [SECRET_ENTITY_ID, SECRET_EMAIL, credentials.secretAccessKey])
      expect(shown).not.toContain(secret);
  });

  it("stops at once on abort, in flight, in a backoff wait or in an adaptive-mode wait, and never retries", async () => {
    useVirtualTime(); // nothing below advances the clock: an abort that needed time would hang
    server.handler = () => undefined;
    const inFlight = new AbortController();
    const first = rejectionOf(clientFor(server).sendEvent(sendEventInput, { signal: inFlight.signal }));
    await until(() => server.requests.length === 1, "the request");
    inFlight.abort();
    expect(await first).toMatchObject({ name: "AbortError" });

    server.reset();
    server.handler = (_r, res) => reply(res, 503, "{}");
    const backoff = new AbortController();
    const second = rejectionOf(
      clientFor(server, { retry: { random: () => 0.99, baseDelayMs: 10_000 } }).sendEvent(sendEventInput, {
        signal: backoff.signal,
      }),
    );
    await until(() => server.requests.length === 1 && vi.getTimerCount() > 0, "the backoff wait");
    backoff.abort();
    expect(await second).toMatchObject({ name: "AbortError" });

    server.reset();
    server.handler = (_r, res) => reply(res, 429, '{"__type":"ThrottlingException"}');
    const adaptive = new AbortController();
    const client = clientFor(server, { retryMode: "adaptive", retry: { random: () => 0, throttlingBaseDelayMs: 0 } });
    const third = rejectionOf(client.sendEvent(sendEventInput, { signal: adaptive.signal }));
    await until(() => server.requests.length === 1, "the throttled request");
    await vi.advanceTimersByTimeAsync(0); // the 0 ms backoff; now it waits for a send token (2 s at 0.5/s)
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    adaptive.abort();
    expect(await third).toMatchObject({ name: "AbortError" });
    for (let i = 0; i < 20; i++) await realTurn();
    expect(server.requests).toHaveLength(1);
  });

  it("parses a 30 MB response", async () => {
    const count = 30_000;
    const rule = (i: number): string =>
      `{"ruleId":"rule_${String(i).padStart(6, "0")}_${"x".repeat(1000)}","outcomes":["verify_customer","review"]}`;
    const body = `{"ruleResults":[${Array.from({ length: count }, (_, i) => rule(i)).join(",")}]}`;
    expect(body.length).toBeGreaterThan(30_000_000);
    server.handler = (_r, res) => reply(res, 200, body);
    const output = await clientFor(server).getEventPrediction(getEventPredictionInput);
    expect(output.ruleResults).toHaveLength(count);
    expect(output.ruleResults?.[count - 1]?.ruleId).toBe(`rule_029999_${"x".repeat(1000)}`);
    expect(output.ruleResults?.[count - 1]?.outcomes).toEqual(["verify_customer", "review"]);
  });

  it("makes 5,000 sequential calls over one socket without heap growth", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const client = clientFor(server);
    for (let i = 0; i < 500; i++) await client.sendEvent(sendEventInput);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 5_000; i++) await client.sendEvent(sendEventInput);
    server.requests.length = 0; // the test server's own record of requests is not the client's heap
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    expect(server.connections).toBe(1);
    expect(grown).toBeLessThan(3 * 1024 * 1024);
  });
});

describe("configuration errors name the key", () => {
  it.each([
    [{ maxSockets: 0 }, "maxSockets"],
    [{ maxSockets: 2.5 }, "maxSockets"],
    [{ requestTimeoutMs: -1 }, "requestTimeoutMs"],
    [{ retryMode: "fast" as never }, "retryMode"],
    [{ systemClockOffset: Number.NaN }, "systemClockOffset"],
    [{ maxAttempts: 0 }, "maxAttempts"],
    [{ retry: { maxDelayMs: -5 } }, "retry.maxDelayMs"],
    [{ maxSockets: 10, transport: new NodeHttpTransport() }, "maxSockets"],
  ])("%o -> ClientConfigError for %s", (config, key) => {
    let error: unknown;
    try {
      new FraudDetectorClient({ region: "us-east-1", credentials, ...config });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: "ClientConfigError", key });
    expect((error as Error).message).toContain(key);
  });

  it("accepts maxSockets: Infinity, retryMode adaptive and a negative systemClockOffset", () => {
    expect(() =>
      new FraudDetectorClient({
        region: "us-east-1",
        credentials,
        maxSockets: Number.POSITIVE_INFINITY,
        retryMode: "adaptive",
        systemClockOffset: -HOUR,
      }).destroy(),
    ).not.toThrow();
  });
});
