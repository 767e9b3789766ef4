/**
 * Streaming blobs in the runtime: the input kinds a `@streaming` member accepts, `@requiresLength`,
 * the read-once output and its helpers, both transports sending a stream body without buffering
 * it and handing a 2xx body over as a stream, the client not retrying a sent stream, and SigV4
 * signing `UNSIGNED-PAYLOAD` for a stream and the path as sent for S3.
 */
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServiceClient, type OperationDescriptor, type ServiceDescriptor } from "../../generator/runtime/client.js";
import { RequestValidationError, ServiceException } from "../../generator/runtime/errors.js";
import { nodeSigV4 } from "../../generator/runtime/sigv4-node.js";
import { RequestSigner } from "../../generator/runtime/signer.js";
import {
  StreamConsumedError,
  StreamingBlobOutput,
  StreamingRequestBody,
  streamingRequestBody,
  streamingResponseBody,
} from "../../generator/runtime/streaming.js";
import { FetchTransport } from "../../generator/runtime/transport-fetch.js";
import { NodeHttpTransport } from "../../generator/runtime/transport-node.js";
import type { HttpRequest, HttpResponse } from "../../generator/runtime/transport.js";

const text = (s: string) => new TextEncoder().encode(s);

async function* chunksOf(...parts: Array<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
  for (const p of parts) yield p;
}

describe("streamingRequestBody", () => {
  it("passes bytes and text through, so they are sent and signed as any body", () => {
    const bytes = text("abc");
    expect(streamingRequestBody(bytes, "Body", "Put", false)).toBe(bytes);
    expect(streamingRequestBody("abc", "Body", "Put", false)).toBe("abc");
  });

  it("wraps a Blob with its size, and streams of unknown length", async () => {
    const blob = streamingRequestBody(new Blob(["hello"]), "Body", "Put", true) as StreamingRequestBody;
    expect(blob).toBeInstanceOf(StreamingRequestBody);
    expect(blob.length).toBe(5);
    for (const source of [Readable.from([Buffer.from("a")]), chunksOf("a"), new Blob(["a"]).stream()]) {
      const body = streamingRequestBody(source, "Body", "Put", false) as StreamingRequestBody;
      expect(body).toBeInstanceOf(StreamingRequestBody);
      expect(await new StreamingBlobOutput(body.take()).transformToString()).toBe("a");
    }
  });

  it("refuses anything else before sending, naming the member", () => {
    let error: unknown;
    try {
      streamingRequestBody(42, "Body", "PutObject", false);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues[0]).toMatchObject({ path: "Body", constraint: "streaming" });
  });

  it("is taken once: a second send is a StreamConsumedError", () => {
    const body = new StreamingRequestBody(chunksOf("x"), undefined, false);
    expect(body.consumed).toBe(false);
    body.take();
    expect(body.consumed).toBe(true);
    expect(() => body.take()).toThrow(StreamConsumedError);
  });
});

describe("StreamingRequestBody.contentLength", () => {
  it("uses the stream's own length, else the operation's content-length header", () => {
    expect(new StreamingRequestBody(chunksOf(), 7, true).contentLength({}, "Put")).toBe("7");
    expect(new StreamingRequestBody(chunksOf(), undefined, true).contentLength({ "content-length": "9" }, "Put")).toBe(
      "9",
    );
    expect(new StreamingRequestBody(chunksOf(), undefined, false).contentLength({}, "Put")).toBeUndefined();
  });

  it("refuses a @requiresLength stream of unknown length with a typed error", () => {
    expect(() => new StreamingRequestBody(chunksOf(), undefined, true).contentLength({}, "UploadArchive")).toThrow(
      RequestValidationError,
    );
  });
});

describe("StreamingBlobOutput", () => {
  it("collects chunks of bytes and text into one plain Uint8Array", async () => {
    const out = await new StreamingBlobOutput(chunksOf(Buffer.from("ab"), "cd", text("é"))).transformToByteArray();
    expect(out.constructor).toBe(Uint8Array);
    expect(new TextDecoder().decode(out)).toBe("abcdé");
  });

  it("decodes text in the encoding asked for, base64 and hex included", async () => {
    const bytes = Uint8Array.from([0x41, 0x00, 0xe9, 0x00]);
    expect(await new StreamingBlobOutput(bytes).transformToString("utf-16le")).toBe("Aé");
    expect(await new StreamingBlobOutput(bytes).transformToString("base64")).toBe("QQDpAA==");
    expect(await new StreamingBlobOutput(bytes).transformToString("hex")).toBe("4100e900");
  });

  it("iterates chunk by chunk and becomes a web stream", async () => {
    const seen: string[] = [];
    for await (const chunk of new StreamingBlobOutput(chunksOf("a", "b"))) seen.push(new TextDecoder().decode(chunk));
    expect(seen).toEqual(["a", "b"]);
    const web = new StreamingBlobOutput(chunksOf("x", "y")).transformToWebStream();
    expect(await new Response(web).text()).toBe("xy");
  });

  it("is read once: every second read throws StreamConsumedError", async () => {
    const out = new StreamingBlobOutput(text("once"));
    expect(await out.transformToString()).toBe("once");
    await expect(out.transformToByteArray()).rejects.toBeInstanceOf(StreamConsumedError);
    await expect(out.transformToString()).rejects.toBeInstanceOf(StreamConsumedError);
    expect(() => out.transformToWebStream()).toThrow(StreamConsumedError);
    expect(() => out[Symbol.asyncIterator]()).toThrow(StreamConsumedError);
  });

  it("reads a response's stream when the transport gave one, else its whole body", async () => {
    const streamed: HttpResponse = {
      statusCode: 200,
      headers: {},
      body: new Uint8Array(0),
      stream: chunksOf(text("s")) as AsyncIterable<Uint8Array>,
    };
    expect(await streamingResponseBody(streamed).transformToString()).toBe("s");
    expect(await streamingResponseBody({ statusCode: 200, headers: {}, body: "whole" }).transformToString()).toBe(
      "whole",
    );
  });
});

/** A loopback server that records raw request bodies and answers with `reply`. */
interface RawServer {
  url: string;
  requests: Array<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>;
  reply: (status: number) => { status: number; body: Buffer };
  server: Server;
}

async function startRawServer(): Promise<RawServer> {
  const state: RawServer = {
    url: "",
    requests: [],
    reply: (status) => ({ status, body: Buffer.alloc(0) }),
    server: undefined as unknown as Server,
  };
  state.server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      state.requests.push({ headers: req.headers, body: Buffer.concat(chunks) });
      const { status, body } = state.reply(200);
      res.writeHead(status, { "content-type": "application/octet-stream" });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => state.server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

function requestTo(url: string, body: HttpRequest["body"], headers: Record<string, string> = {}): HttpRequest {
  const u = new URL(url);
  return {
    method: "PUT",
    url: `${url}/obj`,
    protocol: "http:",
    hostname: u.hostname,
    port: Number(u.port),
    path: "/obj",
    query: "",
    headers: { host: u.host, ...headers },
    body,
  };
}

describe("transports with stream bodies", () => {
  let raw: RawServer;
  const big = Buffer.alloc(3 * 1024 * 1024 + 5, 0);
  for (let i = 0; i < big.length; i++) big[i] = i % 251;
  beforeAll(async () => {
    raw = await startRawServer();
  });
  afterAll(() => new Promise<void>((resolve) => raw.server.close(() => resolve())));

  async function* bigChunks(): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < big.length; at += 65_536) yield big.subarray(at, at + 65_536);
  }

  it("Node: sends a stream of unknown length chunked, and one of known length with content-length", async () => {
    const transport = new NodeHttpTransport();
    try {
      raw.requests.length = 0;
      await transport.handle(requestTo(raw.url, new StreamingRequestBody(bigChunks(), undefined, false)), {});
      expect(raw.requests[0]?.headers["transfer-encoding"]).toBe("chunked");
      expect(raw.requests[0]?.body.equals(big)).toBe(true);
      await transport.handle(
        requestTo(raw.url, new StreamingRequestBody(bigChunks(), undefined, false), {
          "content-length": String(big.length),
        }),
        {},
      );
      expect(raw.requests[1]?.headers["content-length"]).toBe(String(big.length));
      expect(raw.requests[1]?.body.equals(big)).toBe(true);
    } finally {
      transport.destroy();
    }
  });

  it("Node and fetch: hand a 2xx body over as a stream when asked, and read it whole otherwise", async () => {
    raw.reply = (status) => ({ status, body: big });
    for (const transport of [new NodeHttpTransport(), new FetchTransport(fetch)]) {
      const streamed = await transport.handle(requestTo(raw.url, "x"), { streamResponse: true });
      expect(streamed.stream).toBeDefined();
      expect(Buffer.from(await streamingResponseBody(streamed).transformToByteArray()).equals(big)).toBe(true);
      const whole = await transport.handle(requestTo(raw.url, "x"), {});
      expect(whole.stream).toBeUndefined();
      expect(Buffer.from(whole.body as Uint8Array).equals(big)).toBe(true);
      (transport as { destroy?(): void }).destroy?.();
    }
    raw.reply = (status) => ({ status, body: Buffer.alloc(0) });
  });

  it("Node and fetch: the call's signal still cancels a streamed body being read", async () => {
    const slow = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.write(Buffer.alloc(1024, 1)); // then nothing more: only the abort ends the read
    });
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
    try {
      for (const transport of [new NodeHttpTransport(), new FetchTransport(fetch)]) {
        const controller = new AbortController();
        const response = await transport.handle(
          { ...requestTo(url, undefined), method: "GET" },
          { streamResponse: true, signal: controller.signal },
        );
        const iterator = streamingResponseBody(response)[Symbol.asyncIterator]();
        expect((await iterator.next()).done).toBe(false);
        const pending = iterator.next();
        controller.abort();
        await expect(pending).rejects.toMatchObject({ name: "AbortError" });
        (transport as { destroy?(): void }).destroy?.();
      }
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });

  it("fetch: sends a stream body (duplex half)", async () => {
    raw.requests.length = 0;
    await new FetchTransport(fetch).handle(
      requestTo(raw.url, new StreamingRequestBody(bigChunks(), undefined, false)),
      {},
    );
    expect(raw.requests[0]?.body.equals(big)).toBe(true);
  });

  it("Node: a failing source rejects the call with the source's own error", async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield text("part");
      throw new Error("disk gone");
    }
    const transport = new NodeHttpTransport();
    try {
      await expect(
        transport.handle(requestTo(raw.url, new StreamingRequestBody(failing(), undefined, false)), {}),
      ).rejects.toThrow("disk gone");
    } finally {
      transport.destroy();
    }
  });
});

describe("the client with stream bodies", () => {
  class Failure extends ServiceException {}
  const service: ServiceDescriptor = {
    protocol: { prepare() {}, parseError: () => ({ code: "InternalError", message: "boom", body: undefined }) },
    signingName: "s3",
    endpointPrefix: "s3",
    sdkId: "S3",
    version: "2006-03-01",
    errors: {},
    baseException: Failure,
    signingEscapePath: false,
  };
  const put: OperationDescriptor<{ Body: unknown; length?: string }, { ok: true }> = {
    name: "PutObject",
    serialize: (input) => ({
      method: "PUT",
      path: "/bucket/a%20b",
      query: undefined,
      headers: input.length === undefined ? ({} as Record<string, string>) : { "content-length": input.length },
      body: streamingRequestBody(input.Body, "Body", "PutObject", true),
    }),
    deserialize: () => ({ ok: true }),
  };

  it("does not retry a call whose stream was sent, and signs it UNSIGNED-PAYLOAD", async () => {
    const seen: HttpRequest[] = [];
    const transport = {
      async handle(request: HttpRequest): Promise<HttpResponse> {
        seen.push(request);
        if (request.body instanceof StreamingRequestBody) for await (const _ of request.body.take()) void _;
        return { statusCode: 500, headers: {}, body: "" };
      },
    };
    const client = new ServiceClient(
      service,
      {
        region: "us-east-1",
        endpoint: "https://s3.example.com",
        credentials: { accessKeyId: "AK", secretAccessKey: "SK" },
        transport,
        maxAttempts: 3,
        retry: { random: () => 0 },
      },
      { validation: "off" },
    );
    await expect(client.invoke(put, { Body: chunksOf("data"), length: "4" })).rejects.toBeInstanceOf(Failure);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers["x-amz-content-sha256"]).toBe("UNSIGNED-PAYLOAD");
    expect(seen[0]?.headers["content-length"]).toBe("4");
  });

  it("retries a bytes body as any other, hashed into the signature", async () => {
    const seen: HttpRequest[] = [];
    const transport = {
      handle(request: HttpRequest): Promise<HttpResponse> {
        seen.push(request);
        return Promise.resolve({ statusCode: seen.length < 2 ? 500 : 200, headers: {}, body: "" });
      },
    };
    const client = new ServiceClient(
      service,
      {
        region: "us-east-1",
        endpoint: "https://s3.example.com",
        credentials: { accessKeyId: "AK", secretAccessKey: "SK" },
        transport,
        maxAttempts: 3,
        retry: { random: () => 0 },
      },
      { validation: "off" },
    );
    await client.invoke(put, { Body: text("data") });
    expect(seen).toHaveLength(2);
    expect(seen[0]?.headers["x-amz-content-sha256"]).toBe(createHash("sha256").update("data").digest("hex"));
  });

  it("refuses a @requiresLength stream without a length before sending", async () => {
    const transport = { handle: () => Promise.reject(new Error("must not send")) };
    const client = new ServiceClient(
      service,
      {
        region: "us-east-1",
        endpoint: "https://s3.example.com",
        credentials: { accessKeyId: "AK", secretAccessKey: "SK" },
        transport,
      },
      { validation: "off" },
    );
    await expect(client.invoke(put, { Body: chunksOf("data") })).rejects.toBeInstanceOf(RequestValidationError);
  });
});

describe("RequestSigner path encoding", () => {
  const sign = async (uriEscapePath: boolean | undefined) => {
    const signer = new RequestSigner({ region: "us-east-1", service: "s3", library: nodeSigV4, uriEscapePath });
    const request: HttpRequest = {
      method: "GET",
      url: "https://h/b/a%20b",
      protocol: "https:",
      hostname: "h",
      port: undefined,
      path: "/b/a%20b",
      query: "",
      headers: { host: "h" },
      body: undefined,
    };
    await signer.sign(request, { accessKeyId: "AK", secretAccessKey: "SK" }, new Date(Date.UTC(2024, 0, 1)));
    return String(request.headers.authorization);
  };

  it("signs the path as sent when uriEscapePath is false (S3), encoded once more otherwise", async () => {
    const s3 = await sign(false);
    const others = await sign(undefined);
    expect(s3).not.toBe(others);
    expect(await sign(true)).toBe(others);
  });
});
