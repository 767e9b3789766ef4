/**
 * Retries, timeouts and cancellation of the generated FraudDetectorClient against a real
 * loopback server: the server counts what actually arrived.
 */
import { describe, expect, it } from "vitest";
import { ThrottlingException, ValidationException } from "../../generated/frauddetector/index.js";
import { reply } from "../runtime/server.js";
import { clientFor, loopbackServerForFile, rejectionOf, sendEventInput } from "./helpers.js";

const server = await loopbackServerForFile();

/** Fails the first `n` requests with `status` and `body`, then answers 200 `{}`. */
function failFirst(n: number, status: number, body: string): void {
  server.handler = (_r, res, i) => (i < n ? reply(res, status, body) : reply(res, 200, "{}"));
}

describe("retries", () => {
  it("retries a 429 ThrottlingException once and succeeds: the server sees 2 requests, each signed anew", async () => {
    failFirst(1, 429, '{"__type":"ThrottlingException","message":"Rate exceeded"}');
    await expect(clientFor(server).sendEvent(sendEventInput)).resolves.toEqual({});
    expect(server.requests).toHaveLength(2);
    for (const r of server.requests) expect(r.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);
    expect(server.requests[1].body).toBe(server.requests[0].body);
  });

  it("gives up on a throttled service after maxAttempts (3 requests) and throws ThrottlingException", async () => {
    server.handler = (_r, res) => reply(res, 429, '{"__type":"ThrottlingException"}');
    const error = await rejectionOf(clientFor(server).sendEvent(sendEventInput));
    expect(error).toBeInstanceOf(ThrottlingException);
    expect(server.requests).toHaveLength(3);
  });

  it("retries a 500 and succeeds on the second attempt", async () => {
    failFirst(1, 500, '{"__type":"InternalServerException"}');
    await expect(clientFor(server).sendEvent(sendEventInput)).resolves.toEqual({});
    expect(server.requests).toHaveLength(2);
  });

  it("never retries a 400 ValidationException", async () => {
    server.handler = (_r, res) => reply(res, 400, '{"__type":"ValidationException"}');
    expect(await rejectionOf(clientFor(server).sendEvent(sendEventInput))).toBeInstanceOf(ValidationException);
    expect(server.requests).toHaveLength(1);
  });

  it("retries when the server resets the connection, and succeeds", async () => {
    server.handler = (_r, res, i) => (i === 0 ? res.socket?.destroy() : reply(res, 200, "{}"));
    await expect(clientFor(server).sendEvent(sendEventInput)).resolves.toEqual({});
    expect(server.requests).toHaveLength(2);
  });

  it("reports a NetworkError with the attempts once every attempt was reset", async () => {
    server.handler = (_r, res) => res.socket?.destroy();
    const error = await rejectionOf(clientFor(server).sendEvent(sendEventInput));
    expect(error).toMatchObject({ name: "NetworkError", $metadata: { attempts: 3 } });
    expect(server.requests).toHaveLength(3);
  });

  it("stops retrying when the retry quota is spent, so a failing service is not hammered", async () => {
    server.handler = (_r, res) => reply(res, 503, "{}");
    // 10 tokens, 5 per retry: two retries in all, then each call makes a single attempt.
    const client = clientFor(server, { retry: { random: () => 0, initialRetryTokens: 10 } });
    await rejectionOf(client.sendEvent(sendEventInput));
    expect(server.requests).toHaveLength(3);
    await rejectionOf(client.sendEvent(sendEventInput));
    expect(server.requests).toHaveLength(4);
  });
});

describe("timeouts", () => {
  it("times out a silent attempt after requestTimeoutMs, retries, and succeeds", async () => {
    server.handler = (_r, res, i) => {
      if (i > 0) reply(res, 200, "{}"); // the first request never gets an answer
    };
    const started = Date.now();
    await expect(clientFor(server, { requestTimeoutMs: 100 }).sendEvent(sendEventInput)).resolves.toEqual({});
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
  });

  it("throws a TimeoutError after maxAttempts silent attempts", async () => {
    server.handler = () => undefined;
    const error = await rejectionOf(
      clientFor(server, { requestTimeoutMs: 50, maxAttempts: 2 }).sendEvent(sendEventInput),
    );
    expect(error).toMatchObject({ name: "TimeoutError", timeoutMs: 50, $metadata: { attempts: 2 } });
    expect(server.requests).toHaveLength(2);
  });
});

describe("cancellation", () => {
  it("aborts a request in flight: AbortError, no retry", async () => {
    const controller = new AbortController();
    server.handler = () => controller.abort(); // the server has the request; never answers
    const error = await rejectionOf(clientFor(server).sendEvent(sendEventInput, { signal: controller.signal }));
    expect(error).toMatchObject({ name: "AbortError" });
    expect(server.requests).toHaveLength(1);
  });

  it("aborts during the backoff wait, before the next attempt is sent", async () => {
    const controller = new AbortController();
    server.handler = (_r, res) => {
      reply(res, 503, "{}");
      setTimeout(() => controller.abort(), 30);
    };
    // A 10 s wait: only the abort can end it within the test's time.
    const client = clientFor(server, { retry: { random: () => 0.99, baseDelayMs: 10_000 } });
    const started = Date.now();
    const error = await rejectionOf(client.sendEvent(sendEventInput, { signal: controller.signal }));
    expect(error).toMatchObject({ name: "AbortError" });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(1);
  });

  it("sends nothing when the signal has already fired", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(clientFor(server).sendEvent(sendEventInput, { signal: controller.signal }));
    expect(error).toMatchObject({ name: "AbortError" });
    expect(server.requests).toHaveLength(0);
  });
});
