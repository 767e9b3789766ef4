import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { AbortError, NetworkError, TimeoutError } from "../../generator/runtime/errors.js";
import { FakeServiceException, sendEvent, ThrottlingException, ValidationException, validInput } from "./fixtures.js";
import { loopbackServerForFile, makeClient, rejectionOf } from "./helpers.js";
import { reply, TestServer } from "./server.js";

const server = await loopbackServerForFile();

/**
 * A request timeout no loopback answer comes near, even on a loaded CI machine: tests that need an
 * attempt to time out get a server that never answers, never a short race against a real reply.
 */
const GENEROUS_TIMEOUT_MS = 1000;
/** "Promptly", for a cancellation that would otherwise wait forever (or 10 s): generous for load. */
const PROMPT_MS = 2000;

/** Answers with `first` for the first `n` requests, then 200 `{}`. */
function failFirst(n: number, status: number, body: string): void {
  server.handler = (_r, res, i) => (i < n ? reply(res, status, body) : reply(res, 200, "{}"));
}

describe("retries", () => {
  it("retries a 429 and succeeds on the second attempt", async () => {
    failFirst(1, 429, '{"__type":"ThrottlingException"}');
    await expect(makeClient(server).invoke(sendEvent, validInput)).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it("retries a 500 and succeeds on the second attempt", async () => {
    failFirst(1, 500, '{"__type":"InternalServerException"}');
    await expect(makeClient(server).invoke(sendEvent, validInput)).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it("retries a ThrottlingException sent with status 400, then reports it after maxAttempts", async () => {
    server.handler = (_r, res) => reply(res, 400, '{"__type":"ThrottlingException","message":"slow down"}');
    const error = await rejectionOf(makeClient(server).invoke(sendEvent, validInput));
    expect(error).toBeInstanceOf(ThrottlingException);
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 400, attempts: 3 } });
    expect(server.requests).toHaveLength(3);
  });

  it("retries a modeled error that carries $retryable", async () => {
    failFirst(1, 400, '{"__type":"FlakyException"}');
    await makeClient(server).invoke(sendEvent, validInput);
    expect(server.requests).toHaveLength(2);
  });

  it("never retries a 400 ValidationException", async () => {
    server.handler = (_r, res) => reply(res, 400, '{"__type":"ValidationException"}');
    const error = await rejectionOf(makeClient(server).invoke(sendEvent, validInput));
    expect(error).toBeInstanceOf(ValidationException);
    expect(server.requests).toHaveLength(1);
  });

  it("honours maxAttempts", async () => {
    server.handler = (_r, res) => reply(res, 503, "{}");
    const error = await rejectionOf(makeClient(server, { maxAttempts: 5 }).invoke(sendEvent, validInput));
    expect(error).toMatchObject({ $metadata: { attempts: 5 } });
    expect(server.requests).toHaveLength(5);
  });

  it("records the total backoff delay in $metadata", async () => {
    server.handler = (_r, res) => reply(res, 503, "{}");
    // random 0.5: waits of floor(0.5 * 4) = 2 ms, then floor(0.5 * 8) = 4 ms.
    const client = makeClient(server, { retry: { random: () => 0.5, baseDelayMs: 4 } });
    const error = await rejectionOf(client.invoke(sendEvent, validInput));
    expect(error).toMatchObject({ $metadata: { attempts: 3, totalRetryDelay: 6 } });
  });

  it("retries when the server resets the connection, and succeeds", async () => {
    server.handler = (req, res, i) => {
      if (i === 0) res.socket?.destroy();
      else reply(res, 200, "{}");
    };
    await expect(makeClient(server).invoke(sendEvent, validInput)).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it("retries when the connection drops in the middle of the response body", async () => {
    server.handler = (_r, res, i) => {
      if (i > 0) return reply(res, 200, "{}");
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1", "content-length": "100" });
      res.write('{"partial":');
      setTimeout(() => res.socket?.destroy(), 5);
    };
    await expect(makeClient(server).invoke(sendEvent, validInput)).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it("reports a NetworkError with the socket code after every attempt was reset", async () => {
    server.handler = (_r, res) => res.socket?.destroy();
    const error = await rejectionOf(makeClient(server).invoke(sendEvent, validInput));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: "ECONNRESET", $metadata: { attempts: 3 } });
    expect((error as Error).message).toMatch(
      /^FraudDetector\.SendEvent: network error: ECONNRESET; gave up after 3 attempts$/,
    );
    expect(server.requests).toHaveLength(3);
  });

  it("retries a refused connection, then reports a NetworkError with ECONNREFUSED", async () => {
    const closed = await TestServer.start();
    await closed.close(); // its port now refuses connections
    const error = await rejectionOf(makeClient(server, { endpoint: closed.url }).invoke(sendEvent, validInput));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: "ECONNREFUSED", $metadata: { attempts: 3 } });
  });

  it("times out each attempt after requestTimeoutMs, retries, then throws a clear TimeoutError", async () => {
    server.handler = () => {}; // never answers
    const started = Date.now();
    const error = await rejectionOf(makeClient(server, { requestTimeoutMs: 40 }).invoke(sendEvent, validInput));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe(
      "FraudDetector.SendEvent: no complete response within 40 ms (requestTimeoutMs); gave up after 3 attempts",
    );
    expect(error).toMatchObject({ $metadata: { attempts: 3 } });
    expect(server.requests).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("succeeds after a timed-out attempt when the next answer is quick", async () => {
    server.handler = (_r, res, i) => {
      if (i > 0) reply(res, 200, "{}");
    };
    // Only the first attempt may time out: its server never answers. The bound is generous so a
    // loaded machine cannot make the answering attempt time out too.
    const client = makeClient(server, { requestTimeoutMs: GENEROUS_TIMEOUT_MS, retry: { random: () => 0 } });
    await expect(client.invoke(sendEvent, validInput)).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });
});

describe("cancellation", () => {
  it("rejects promptly with an AbortError when aborted during a request, and sends no retry", async () => {
    server.handler = () => {};
    const controller = new AbortController();
    const call = makeClient(server).invoke(sendEvent, validInput, { signal: controller.signal });
    await waitFor(() => server.requests.length === 1);
    const abortedAt = Date.now();
    controller.abort();
    const error = await rejectionOf(call);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).name).toBe("AbortError");
    expect(Date.now() - abortedAt).toBeLessThan(PROMPT_MS);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(1);
  });

  it("rejects promptly when aborted during the backoff wait, and stops retrying", async () => {
    server.handler = (_r, res) => reply(res, 503, "{}");
    const controller = new AbortController();
    // A wait of about 10 s unless the abort cuts it short.
    const client = makeClient(server, { retry: { random: () => 0.99, baseDelayMs: 10_000 } });
    const call = client.invoke(sendEvent, validInput, { signal: controller.signal });
    await waitFor(() => server.requests.length === 1);
    await new Promise((r) => setTimeout(r, 20));
    const abortedAt = Date.now();
    controller.abort(new Error("user gave up"));
    const error = await rejectionOf(call);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).cause).toMatchObject({ message: "user gave up" });
    expect(Date.now() - abortedAt).toBeLessThan(PROMPT_MS);
    expect(server.requests).toHaveLength(1);
  });

  it("leaves no listener on a long-lived signal after calls, retries and timeouts", async () => {
    const controller = new AbortController();
    // Each call: a 503 (retried), an attempt whose server never answers (timed out, retried), a 200.
    // Only the attempt that gets no answer can time out, whatever the machine's load: the bound
    // is generous and backoff waits are zero.
    server.handler = (_r, res, i) =>
      i % 3 === 2 ? reply(res, 200, "{}") : i % 3 === 1 ? undefined : reply(res, 503, "{}");
    const client = makeClient(server, { requestTimeoutMs: GENEROUS_TIMEOUT_MS, retry: { random: () => 0 } });
    for (let i = 0; i < 2; i++) await client.invoke(sendEvent, validInput, { signal: controller.signal });
    expect(server.requests).toHaveLength(6);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const error = await rejectionOf(makeClient(server).invoke(sendEvent, validInput, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("retry quota", () => {
  it("stops retrying once a failing server has drained the 500-token bucket (5 tokens per retry)", async () => {
    server.handler = (_r, res) => reply(res, 500, '{"__type":"InternalServerException"}');
    const client = makeClient(server);
    // 50 calls x 2 retries x 5 tokens = 500 tokens: every retry of these calls is allowed.
    for (let i = 0; i < 50; i++) {
      expect(await rejectionOf(client.invoke(sendEvent, validInput))).toMatchObject({ $metadata: { attempts: 3 } });
    }
    expect(server.requests).toHaveLength(150);
    const drained = await rejectionOf(client.invoke(sendEvent, validInput));
    expect(drained).toBeInstanceOf(FakeServiceException);
    expect(drained).toMatchObject({ $metadata: { attempts: 1, httpStatusCode: 500 } });
    expect(server.requests).toHaveLength(151);
  });

  it("refills the bucket by 1 per first-attempt success, allowing one retry per 5 successes", async () => {
    let failing = true;
    server.handler = (_r, res) => (failing ? reply(res, 500, "{}") : reply(res, 200, "{}"));
    const client = makeClient(server, { retry: { random: () => 0, initialRetryTokens: 10 } });
    await rejectionOf(client.invoke(sendEvent, validInput)); // 3 requests, bucket 10 -> 0
    await rejectionOf(client.invoke(sendEvent, validInput)); // 1 request: no tokens
    expect(server.requests).toHaveLength(4);
    failing = false;
    for (let i = 0; i < 5; i++) await client.invoke(sendEvent, validInput); // +5 tokens
    failing = true;
    server.requests.length = 0;
    await rejectionOf(client.invoke(sendEvent, validInput)); // one retry (5 tokens), then empty
    expect(server.requests).toHaveLength(2);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error("condition not reached");
}
