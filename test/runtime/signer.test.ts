import { createHash, createHmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import { AwsV4Signer } from "aws4fetch";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nodeSigningCrypto } from "../../generator/runtime/hash-node.js";
import { webSigningCrypto } from "../../generator/runtime/hash-web.js";
import { RequestSigner, type SigningCrypto } from "../../generator/runtime/signer.js";
import type { HttpRequest } from "../../generator/runtime/transport.js";

interface Creds {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

function request(host: string, target: string, body: string, path = "/", extra: Record<string, string> = {}): HttpRequest {
  const [hostname, port] = host.split(":");
  return {
    method: "POST",
    url: `https://${host}${path}`,
    protocol: "https:",
    hostname: hostname as string,
    port: port === undefined ? undefined : Number(port),
    path,
    query: "",
    headers: { "content-type": "application/x-amz-json-1.1", host, "x-amz-target": target, ...extra },
    body,
  };
}

async function signWith(signer: RequestSigner, req: HttpRequest, creds: Creds, date: Date): Promise<string> {
  await signer.sign(req, creds, date);
  return String(req.headers.authorization);
}

class TestSha256 {
  readonly #h: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    if (secret === undefined) this.#h = createHash("sha256");
    else this.#h = createHmac("sha256", typeof secret === "string" ? secret : ArrayBuffer.isView(secret) ? new Uint8Array(secret.buffer, secret.byteOffset, secret.byteLength) : new Uint8Array(secret));
  }
  update(data: Uint8Array): void {
    this.#h.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return this.#h.digest();
  }
  reset(): void {}
}

/** The library's own full `sign()` of the same request (headers as given, same date). */
async function librarySign(req: HttpRequest, creds: Creds, date: Date, region: string, service: string): Promise<string> {
  const signer = new SignatureV4({ credentials: creds, region, service, sha256: TestSha256 });
  const headers = { ...req.headers };
  const signed = await signer.sign(
    { method: req.method, protocol: req.protocol, hostname: req.hostname, ...(req.port ? { port: req.port } : {}), path: req.path, query: {}, headers, body: req.body },
    { signingDate: date },
  );
  return String(signed.headers.authorization);
}

/** aws4fetch's signature (independent code, WebCrypto) of the same request. */
async function aws4fetchSign(req: HttpRequest, creds: Creds, date: Date, region: string, service: string): Promise<string> {
  const { host: _host, ...headers } = req.headers;
  const bodyHash = createHash("sha256").update(req.body as string).digest("hex");
  const signer = new AwsV4Signer({
    url: req.url, method: req.method, headers: { ...headers, "x-amz-content-sha256": bodyHash }, body: req.body as string,
    ...creds, service, region, datetime: date.toISOString().replace(/[:-]|\.\d{3}/g, ""), allHeaders: true,
  });
  return (await signer.sign()).headers.get("authorization") ?? "";
}

const region = "us-east-1";
const service = "frauddetector";
const identifier = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,30}$/);
const arbitraryCase = fc.record({
  body: fc.string({ unit: "grapheme", maxLength: 200 }),
  target: fc.tuple(identifier, identifier).map(([s, o]) => `${s}.${o}`),
  host: fc.oneof(fc.constant("frauddetector.us-east-1.amazonaws.com"), fc.integer({ min: 1024, max: 65535 }).map((p) => `127.0.0.1:${p}`)),
  token: fc.option(fc.base64String({ minLength: 4, maxLength: 400 }), { nil: undefined }),
  secret: fc.stringMatching(/^[A-Za-z0-9/+]{40}$/),
  time: fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) }),
});

describe("RequestSigner", () => {
  it("matches the library's full sign() and aws4fetch on generated awsJson requests, with node:crypto and WebCrypto", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryCase, async (c) => {
        const creds: Creds = { accessKeyId: "AKIDPROPERTY", secretAccessKey: c.secret, ...(c.token ? { sessionToken: c.token } : {}) };
        const date = new Date(Math.floor(c.time / 1000) * 1000);
        const expected = await librarySign(request(c.host, c.target, c.body), creds, date, region, service);
        const node = new RequestSigner({ region, service, crypto: nodeSigningCrypto });
        expect(await signWith(node, request(c.host, c.target, c.body), creds, date)).toBe(expected);
        expect(await signWith(node, request(c.host, c.target, c.body), creds, date)).toBe(expected); // cached key
        expect(expected).toBe(await aws4fetchSign(request(c.host, c.target, c.body), creds, date, region, service));
        const web = new RequestSigner({ region, service, crypto: webSigningCrypto });
        expect(await signWith(web, request(c.host, c.target, c.body), creds, date)).toBe(expected);
      }),
      { numRuns: 40 },
    );
  });

  it.each([
    ["a target with inner spaces", request("h.example.com", "Svc.  Odd  Op ", "{}")],
    ["a base path that needs escaping", request("h.example.com", "Svc.Op", "{}", "/base path/ü/")],
    ["an extra header", request("h.example.com", "Svc.Op", "{}", "/", { "x-amz-meta": "  padded   value " })],
  ])("signs %s exactly as the library's full sign()", async (_name, req) => {
    const creds = { accessKeyId: "AKID", secretAccessKey: "secret" };
    const date = new Date(Date.UTC(2024, 4, 1, 12, 0, 0));
    const expected = await librarySign({ ...req, headers: { ...req.headers } }, creds, date, region, service);
    const signer = new RequestSigner({ region, service, crypto: nodeSigningCrypto });
    expect(await signWith(signer, req, creds, date)).toBe(expected);
  });

  it("derives the signing key once per day and credentials", async () => {
    let derivations = 0;
    const Counting = class extends nodeSigningCrypto.Sha256 {
      constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
        super(secret);
        if (typeof secret === "string" && secret.startsWith("AWS4")) derivations++;
      }
    };
    const crypto: SigningCrypto = { ...nodeSigningCrypto, Sha256: Counting };
    const signer = new RequestSigner({ region, service, crypto });
    const creds = { accessKeyId: "AKID", secretAccessKey: "secret-one" };
    const day = Date.UTC(2024, 4, 1, 8, 0, 0);
    for (let i = 0; i < 5; i++) await signWith(signer, request("h", "S.O", "{}"), creds, new Date(day + i * 3_600_000));
    expect(derivations).toBe(1);
    await signWith(signer, request("h", "S.O", "{}"), creds, new Date(day + 86_400_000));
    expect(derivations).toBe(2);
    await signWith(signer, request("h", "S.O", "{}"), { accessKeyId: "AKID", secretAccessKey: "secret-two" }, new Date(day + 86_400_000));
    expect(derivations).toBe(3);
  });

  it("keeps date, scope and signature consistent when concurrent asynchronous signings straddle midnight", async () => {
    const signer = new RequestSigner({ region, service, crypto: webSigningCrypto });
    const creds = { accessKeyId: "AKID", secretAccessKey: "secret" };
    const before = new Date(Date.UTC(2024, 4, 1, 23, 59, 59));
    const after = new Date(Date.UTC(2024, 4, 2, 0, 0, 0));
    const a = request("h.example.com", "S.O", '{"a":1}');
    const b = request("h.example.com", "S.O", '{"b":2}');
    await Promise.all([signer.sign(a, creds, before), signer.sign(b, creds, after)]);
    expect(a.headers["x-amz-date"]).toBe("20240501T235959Z");
    expect(b.headers["x-amz-date"]).toBe("20240502T000000Z");
    expect(a.headers.authorization).toBe(await librarySign(request("h.example.com", "S.O", '{"a":1}'), creds, before, region, service));
    expect(b.headers.authorization).toBe(await librarySign(request("h.example.com", "S.O", '{"b":2}'), creds, after, region, service));
  });
});
