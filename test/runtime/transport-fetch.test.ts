import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { AbortError, NetworkError, TimeoutError } from "../../generator/runtime/errors.js";
import { FetchTransport } from "../../generator/runtime/transport-fetch.js";
import { sendEvent, staticCredentials, validInput } from "./fixtures.js";
import { loopbackServerForFile, makeClient, rejectionOf } from "./helpers.js";
import { reply, TestServer } from "./server.js";
import { authorizationByAws4fetch } from "./verify.js";

const server = await loopbackServerForFile();

describe("the fetch transport (config.fetch, here Node's own fetch)", () => {
  it("round-trips a call with a signature that verifies, letting fetch set Host", async () => {
    const calls: string[] = [];
    const spyFetch: typeof fetch = (input, init) => {
      calls.push(String(input));
      return fetch(input, init);
    };
    const output = await makeClient(server, { fetch: spyFetch }).invoke(sendEvent, validInput);
    expect(output).toEqual({ ok: true });
    expect(calls).toEqual([`${server.url}/`]);
    const req = server.requests[0]!;
    expect(req.headers.host).toBe(server.url.slice("http://".length));
    expect(req.headers["x-amz-target"]).toBe("AWSHawksNestServiceFacade.SendEvent");
    expect(await authorizationByAws4fetch(req, server.url, staticCredentials, "us-east-1", "frauddetector")).toBe(
      req.headers.authorization,
    );
  });

  it("exposes response headers in lower case to the error parser", async () => {
    server.handler = (_r, res) =>
      reply(res, 400, "{}", { "X-Amzn-ErrorType": "ValidationException", "x-amzn-requestid": "rid-f" });
    const error = await rejectionOf(makeClient(server, { fetch }).invoke(sendEvent, validInput));
    expect(error).toMatchObject({ name: "ValidationException", $metadata: { requestId: "rid-f", attempts: 1 } });
  });

  it("retries a reset connection as a network error", async () => {
    server.handler = (_r, res, i) => (i === 0 ? res.socket?.destroy() : reply(res, 200, "{}"));
    await makeClient(server, { fetch }).invoke(sendEvent, validInput);
    expect(server.requests).toHaveLength(2);
  });

  it("retries when the connection drops in the middle of the response body", async () => {
    server.handler = (_r, res, i) => {
      if (i > 0) return reply(res, 200, "{}");
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1", "content-length": "100" });
      res.write('{"partial":');
      setTimeout(() => res.socket?.destroy(), 5);
    };
    await expect(makeClient(server, { fetch }).invoke(sendEvent, validInput)).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it("leaves no listener on a long-lived signal", async () => {
    const controller = new AbortController();
    const client = makeClient(server, { fetch, requestTimeoutMs: 1000 });
    for (let i = 0; i < 3; i++) await client.invoke(sendEvent, validInput, { signal: controller.signal });
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("gives up with a TimeoutError after requestTimeoutMs on every attempt", async () => {
    server.handler = () => {};
    const error = await rejectionOf(makeClient(server, { fetch, requestTimeoutMs: 40 }).invoke(sendEvent, validInput));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(3);
  });

  it("rejects with an AbortError when the caller aborts mid-request", async () => {
    server.handler = () => {};
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const error = await rejectionOf(
      makeClient(server, { fetch }).invoke(sendEvent, validInput, { signal: controller.signal }),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(1);
  });

  it("reports a refused connection as a NetworkError with the socket code", async () => {
    const closed = await TestServer.start();
    await closed.close(); // its port now refuses connections
    const port = Number(new URL(closed.url).port);
    const transport = new FetchTransport(fetch);
    const error = await rejectionOf(
      transport.handle(
        {
          method: "POST",
          url: `${closed.url}/`,
          protocol: "http:",
          hostname: "127.0.0.1",
          port,
          path: "/",
          query: "",
          headers: {},
          body: "{}",
        },
        {},
      ),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).code).toBe("ECONNREFUSED");
  });
});
