/**
 * An rpcv2Cbor client generated from a Smithy service outside AWS (test/fixtures/forecast:
 * bearer-token and API-key auth, no endpoint rules) against a loopback node:http server started
 * here, which decodes and encodes CBOR with the `cbor2` codec: the wire (path, headers, CBOR
 * values), the auth each operation picks, modeled errors, and bodies that are not CBOR.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { decode, encode } from "cbor2";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateInto } from "./generate-client.js";

const MODEL = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "forecast", "forecast.smithy");

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Uint8Array;
}

type Reply = (request: Received, response: ServerResponse) => void;

interface Client {
  getForecast(input: object): Promise<Record<string, unknown>>;
  ping(): Promise<Record<string, unknown>>;
  putReading(input: object): Promise<Record<string, unknown>>;
  getStation(input: object): Promise<Record<string, unknown>>;
  destroy(): void;
}
type ClientClass = new (config: object) => Client;
type ErrorClass = new (...args: never[]) => Error;

const cborReply =
  (status: number, value: unknown, headers: Record<string, string> = {}): Reply =>
  (_request, response) => {
    response.writeHead(status, { "content-type": "application/cbor", "smithy-protocol": "rpc-v2-cbor", ...headers });
    response.end(encode(value));
  };

describe("rpcv2Cbor client against a loopback CBOR server", () => {
  let server: Server;
  let endpoint = "";
  const received: Received[] = [];
  let reply: Reply = cborReply(200, {});
  let g: Record<string, unknown>;
  let Forecast: ClientClass;
  const clients: Client[] = [];
  let remove = () => undefined as void;

  const client = (config: object): Client => {
    const c = new Forecast({ endpoint, maxAttempts: 1, ...config });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const request = {
          method: req.method ?? "",
          url: req.url ?? "",
          headers: req.headers,
          body: new Uint8Array(Buffer.concat(chunks)),
        };
        received.push(request);
        reply(request, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const generated = await generateInto("forecast", MODEL, ["GetForecast", "Ping", "PutReading", "GetStation"]);
    remove = generated.remove;
    g = (await import(`${generated.folder}/index.ts`)) as Record<string, unknown>;
    Forecast = g.ForecastClient as ClientClass;
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await new Promise((resolve) => server?.close(resolve));
    remove();
  });
  beforeEach(() => {
    received.length = 0;
    reply = cborReply(200, {});
  });

  it("POSTs a CBOR map to /service/Forecast/operation/GetForecast and reads the CBOR output, with the bearer token", async () => {
    const issued = new Date("2026-12-02T10:00:00.250Z");
    reply = cborReply(200, {
      city: "Oslo",
      issued,
      temperatures: [-3.5, 0, 1.25],
      icon: Uint8Array.of(0x89, 0x50, 0x4e, 0x47),
      tags: new Map([
        ["wind", "strong"],
        ["__proto__", "own"],
      ]),
      sky: { cloudy: 80 },
      sparse: ["a", null, "c"],
      unknownMember: 1,
    });
    const at = new Date("2026-12-03T12:00:00Z");
    const output = await client({ token: "tok-1" }).getForecast({ city: "Oslo", at });

    const request = received[0]!;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/service/Forecast/operation/GetForecast");
    expect(request.headers["smithy-protocol"]).toBe("rpc-v2-cbor");
    expect(request.headers["content-type"]).toBe("application/cbor");
    expect(request.headers.accept).toBe("application/cbor");
    expect(request.headers.authorization).toBe("Bearer tok-1");
    expect(request.headers["x-amz-target"]).toBeUndefined();
    expect(request.body[0]! >> 5).toBe(5); // a CBOR map
    expect(decode(request.body)).toEqual({ city: "Oslo", at });

    expect(output.city).toBe("Oslo");
    expect(output.issued).toEqual(issued);
    expect(output.temperatures).toEqual([-3.5, 0, 1.25]);
    expect(output.icon).toEqual(Uint8Array.of(0x89, 0x50, 0x4e, 0x47));
    expect(Object.hasOwn(output.tags as object, "__proto__")).toBe(true);
    expect(output.sky).toEqual({ cloudy: 80 });
    expect(output.sparse).toEqual(["a", null, "c"]);
    expect(output.confidence).toBe(3); // @default, absent from the response
    expect(output).not.toHaveProperty("unknownMember");
  });

  it("sends blobs as byte strings, timestamps as tag 1 and big longs as integers; the API key goes in its header", async () => {
    const at = new Date(1_764_000_000_500);
    await client({ apiKey: "key-9" }).putReading({
      station: "S1",
      at,
      celsius: 21.5,
      raw: Uint8Array.of(1, 2, 3),
      count: 2 ** 40,
    });
    const request = received[0]!;
    expect(request.url).toBe("/service/Forecast/operation/PutReading");
    expect(request.headers["x-api-key"]).toBe("key-9");
    expect(request.headers.authorization).toBeUndefined();
    expect(decode(request.body)).toEqual({
      station: "S1",
      at,
      celsius: 21.5,
      raw: Uint8Array.of(1, 2, 3),
      count: 2 ** 40,
    });
    const atTag = [...request.body].indexOf(0xc1);
    expect(atTag).toBeGreaterThan(0); // tag 1 is on the wire
  });

  it("picks the first configured scheme of @auth, refuses when none is, and sends @auth([]) and @optionalAuth operations bare", async () => {
    await client({ token: "t", apiKey: "k" }).getForecast({ city: "x" });
    expect(received[0]!.headers.authorization).toBe("Bearer t");
    expect(received[0]!.headers["x-api-key"]).toBeUndefined();

    await expect(client({ token: "t" }).putReading({ station: "S", at: new Date(0) })).rejects.toThrow(
      /PutReading needs auth: pass `apiKey`/,
    );
    await expect(client({}).getForecast({ city: "x" })).rejects.toMatchObject({ name: "CredentialsError" });

    reply = cborReply(200, { ok: true });
    expect(await client({}).ping()).toEqual({ ok: true });
    expect(received.at(-1)!.headers.authorization).toBeUndefined();
    expect(received.at(-1)!.headers["content-type"]).toBeUndefined();
    expect(received.at(-1)!.body.length).toBe(0);

    reply = cborReply(200, { name: "Blindern" });
    expect(await client({}).getStation({ station: "S" })).toEqual({ name: "Blindern" });
    expect(received.at(-1)!.headers.authorization).toBeUndefined();
  });

  it("throws the modeled error named by __type, with its members", async () => {
    reply = cborReply(400, { __type: "example.forecast#CityNotFound", message: "no such city", city: "Atlantis" });
    const error = await client({ token: "t" })
      .getForecast({ city: "Atlantis" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(g.CityNotFound as ErrorClass);
    expect(error).toMatchObject({ message: "no such city", city: "Atlantis", $metadata: { httpStatusCode: 400 } });
  });

  it.each([
    [
      "CBOR garbage",
      (_q: Received, r: ServerResponse) => (
        r.writeHead(200, { "content-type": "application/cbor" }),
        r.end(Buffer.from([0xa2, 0x61]))
      ),
    ],
    [
      "a wrong content type",
      (_q: Received, r: ServerResponse) => (
        r.writeHead(200, { "content-type": "text/html" }),
        r.end("<html>proxy</html>")
      ),
    ],
  ])("turns %s into a typed service exception naming the operation and status", async (_what, handler) => {
    reply = handler;
    const error = await client({ token: "t" })
      .getForecast({ city: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(g.ServiceException as ErrorClass);
    expect((error as Error).message).toMatch(/GetForecast/);
    expect((error as Error).message).toMatch(/200/);
    expect((error as Error).name).toBe("MalformedResponseError");
  });

  it("needs an endpoint: the model has no rules and is not an AWS service", () => {
    expect(() => new Forecast({ token: "t" })).toThrow(
      expect.objectContaining({ name: "ClientConfigError", key: "endpoint" }) as Error,
    );
  });
});
