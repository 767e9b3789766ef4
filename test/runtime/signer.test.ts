/**
 * SigV4: the runtime signs with `aws4` (Node) and `aws4fetch` (browsers), each given what
 * signer.ts decides to sign. Both must give the AWS SDK's own signature (`@smithy/signature-v4`,
 * a devDependency kept as the reference) for the same request, credentials and date.
 */
import { createHash } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalPath, RequestSigner, type SigV4Library } from "../../generator/runtime/signer.js";
import { nodeSigV4 } from "../../generator/runtime/sigv4-node.js";
import { webSigV4 } from "../../generator/runtime/sigv4-web.js";
import type { HttpRequest, StreamBody } from "../../generator/runtime/transport.js";
import { TestSha256 } from "./verify.js";

interface Creds {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

interface RequestParts {
  method?: string;
  host?: string;
  path?: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | StreamBody | undefined;
}

function request(parts: RequestParts = {}): HttpRequest {
  const host = parts.host ?? "frauddetector.us-east-1.amazonaws.com";
  const [hostname, port] = host.split(":");
  const path = parts.path ?? "/";
  const query = parts.query ?? "";
  return {
    method: parts.method ?? "POST",
    url: `https://${host}${path}${query === "" ? "" : `?${query}`}`,
    protocol: "https:",
    hostname: hostname as string,
    port: port === undefined ? undefined : Number(port),
    path,
    query,
    headers: { "content-type": "application/x-amz-json-1.1", host, "x-amz-target": "Svc.Op", ...parts.headers },
    body: "body" in parts ? parts.body : "{}",
  };
}

/** A percent-encoded query string as the SDK's signer takes it: decoded names to a value or values. */
function queryMap(query: string): Record<string, string | string[]> {
  const out = Object.create(null) as Record<string, string | string[]>;
  for (const pair of query.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const name = decodeURIComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? "" : decodeURIComponent(pair.slice(eq + 1));
    const known = out[name];
    out[name] = known === undefined ? value : typeof known === "string" ? [known, value] : [...known, value];
  }
  return out;
}

/** The AWS SDK signer's Authorization for the request (unsigned headers left out as the client does). */
async function sdkSign(
  req: HttpRequest,
  creds: Creds,
  date: Date,
  service: string,
  uriEscapePath = true,
): Promise<string> {
  const signer = new SignatureV4({
    credentials: creds,
    region: "us-east-1",
    service,
    sha256: TestSha256,
    applyChecksum: true,
    uriEscapePath,
  });
  const body = req.body;
  const signed = await signer.sign(
    {
      method: req.method,
      protocol: req.protocol,
      hostname: req.hostname,
      ...(req.port ? { port: req.port } : {}),
      path: req.path,
      query: queryMap(req.query),
      headers: { ...req.headers },
      body: typeof body === "object" && !(body instanceof Uint8Array) ? { stream: true } : body,
    },
    { signingDate: date, unsignableHeaders: new Set(["x-amz-user-agent", "content-length"]) },
  );
  return String(signed.headers.authorization);
}

async function runtimeSign(
  library: SigV4Library,
  req: HttpRequest,
  creds: Creds,
  date: Date,
  service: string,
  uriEscapePath?: boolean,
): Promise<string> {
  const signer = new RequestSigner({ region: "us-east-1", service, library, uriEscapePath });
  await signer.sign(req, creds, date);
  return String(req.headers.authorization);
}

/** Both libraries' signatures of `parts`, and the SDK's. */
async function signAll(
  parts: RequestParts,
  creds: Creds,
  date: Date,
  service = "frauddetector",
  uriEscapePath?: boolean,
) {
  return {
    sdk: await sdkSign(request(parts), creds, date, service, uriEscapePath ?? true),
    node: await runtimeSign(nodeSigV4, request(parts), creds, date, service, uriEscapePath),
    web: await runtimeSign(webSigV4, request(parts), creds, date, service, uriEscapePath),
  };
}

const creds: Creds = { accessKeyId: "AKID", secretAccessKey: "secret" };
const date = new Date(Date.UTC(2024, 4, 1, 12, 0, 0));
const streamBody: StreamBody = {
  length: 4,
  consumed: false,
  contentLength: () => "4",
  take: () => (async function* () {})(),
  takeFetchBody: () => new Blob([]),
};

const identifier = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,30}$/);
const segment = fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }).map(encodeURIComponent);
const arbitraryCase = fc.record({
  body: fc.string({ unit: "grapheme", maxLength: 200 }),
  target: fc.tuple(identifier, identifier).map(([s, o]) => `${s}.${o}`),
  host: fc.oneof(
    fc.constant("frauddetector.us-east-1.amazonaws.com"),
    fc.integer({ min: 1024, max: 65535 }).map((p) => `127.0.0.1:${p}`),
  ),
  path: fc.array(segment, { maxLength: 4 }).map((s) => `/${s.join("/")}`),
  // A parameter named `__proto__` is one of signer.ts's known differences (aws4 loses it).
  query: fc
    .array(
      fc.tuple(
        fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== "__proto__"),
        fc.string({ maxLength: 8 }),
      ),
      { maxLength: 4 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")),
  token: fc.option(fc.base64String({ minLength: 4, maxLength: 400 }), { nil: undefined }),
  secret: fc.stringMatching(/^[A-Za-z0-9/+]{40}$/),
  time: fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) }),
});

describe("RequestSigner", () => {
  it("gives the AWS SDK signer's Authorization with aws4 (Node) and aws4fetch (WebCrypto), for random requests", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryCase, async (c) => {
        const creds: Creds = {
          accessKeyId: "AKIDPROPERTY",
          secretAccessKey: c.secret,
          ...(c.token ? { sessionToken: c.token } : {}),
        };
        const at = new Date(Math.floor(c.time / 1000) * 1000);
        const parts = {
          host: c.host,
          path: c.path,
          query: c.query,
          body: c.body,
          headers: { "x-amz-target": c.target },
        };
        const { sdk, node, web } = await signAll(parts, creds, at);
        expect(node).toBe(sdk);
        expect(web).toBe(sdk);
      }),
      { numRuns: 60 },
    );
  });

  it.each<[string, RequestParts, string?, boolean?]>([
    ["a target with inner spaces", { headers: { "x-amz-target": "Svc.  Odd  Op " } }],
    ["a base path that needs escaping", { path: "/base%20path/%C3%BC/" }],
    ["a path with dot segments and empty segments", { path: "/a/./b//c/../d/" }],
    ["a path with characters encoded twice", { path: "/arn%3Aaws%3As3/x%2Fy" }],
    ["an extra header with padding and tabs", { headers: { "x-amz-meta": "  padded \t  value " } }],
    [
      "headers the SDK never signs",
      {
        headers: {
          "user-agent": "ua",
          "x-amz-user-agent": "x",
          "content-length": "2",
          "cache-control": "no",
          "proxy-x": "1",
          "sec-x": "1",
          expect: "100-continue",
          date: "Wed, 01 May 2024 12:00:00 GMT",
        },
      },
    ],
    ["a range header", { method: "GET", headers: { range: "bytes=0-9" }, body: undefined }],
    ["a repeated query parameter", { method: "GET", query: "b=2&a=z&a=y&c", body: undefined }],
    ["a query needing RFC 3986 encoding", { method: "GET", query: "k%20ey=%21%2A%27%28%29&x=%2B", body: undefined }],
    ["binary body", { body: Uint8Array.from([0, 1, 2, 255]) }],
    ["a stream body (UNSIGNED-PAYLOAD)", { body: streamBody }],
    ["no body", { method: "GET", body: undefined }],
    [
      "S3, the path as sent",
      { method: "PUT", host: "bucket.s3.us-east-1.amazonaws.com", path: "/a%20b//c%2Bd/%C3%A9", body: "x" },
      "s3",
      false,
    ],
    [
      "S3 Control (s3 signing name, path encoded twice)",
      {
        method: "GET",
        host: "123.s3-control.us-east-1.amazonaws.com",
        path: "/v20180820/accesspoint/arn%3Aaws%3Ax",
        body: undefined,
      },
      "s3",
      true,
    ],
  ])("signs %s as the AWS SDK does", async (_name, parts, service, uriEscapePath) => {
    const withToken = { ...creds, sessionToken: "token/with+chars=" };
    for (const c of [creds, withToken]) {
      const { sdk, node, web } = await signAll(parts, c, date, service, uriEscapePath);
      expect(node).toBe(sdk);
      expect(web).toBe(sdk);
    }
  });

  it("adds x-amz-date, x-amz-content-sha256 and the session token, and signs them", async () => {
    const req = request();
    await new RequestSigner({ region: "us-east-1", service: "frauddetector", library: nodeSigV4 }).sign(
      req,
      { ...creds, sessionToken: "tok" },
      date,
    );
    expect(req.headers["x-amz-date"]).toBe("20240501T120000Z");
    expect(req.headers["x-amz-security-token"]).toBe("tok");
    expect(req.headers["x-amz-content-sha256"]).toBe(createHash("sha256").update("{}").digest("hex"));
    expect(req.headers.authorization).toContain(
      "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-target,",
    );
  });

  it("keeps date, scope and signature consistent when concurrent asynchronous signings straddle midnight", async () => {
    const signer = new RequestSigner({ region: "us-east-1", service: "frauddetector", library: webSigV4 });
    const before = new Date(Date.UTC(2024, 4, 1, 23, 59, 59));
    const after = new Date(Date.UTC(2024, 4, 2, 0, 0, 0));
    const a = request({ body: '{"a":1}' });
    const b = request({ body: '{"b":2}' });
    await Promise.all([signer.sign(a, creds, before), signer.sign(b, creds, after)]);
    expect(a.headers["x-amz-date"]).toBe("20240501T235959Z");
    expect(b.headers["x-amz-date"]).toBe("20240502T000000Z");
    expect(a.headers.authorization).toBe(await sdkSign(request({ body: '{"a":1}' }), creds, before, "frauddetector"));
    expect(b.headers.authorization).toBe(await sdkSign(request({ body: '{"b":2}' }), creds, after, "frauddetector"));
  });
});

describe("RequestSigner reused across calls", () => {
  it("signs each of a run of requests as the AWS SDK does, within and across seconds, paths and header values", async () => {
    const base = Date.UTC(2024, 4, 1, 12, 0, 0);
    // Same second twice, the next second, back in time, across midnight; paths and values alternate.
    const steps: Array<[number, RequestParts]> = [
      [base, { path: "/" }],
      [base + 999, { path: "/" }],
      [base + 1000, { path: "/a/./b" }],
      [base - 61_000, { path: "/a/./b", headers: { "x-amz-target": "Svc.  Odd\tOp " } }],
      [Date.UTC(2024, 4, 1, 23, 59, 59, 500), { path: "/" }],
      [Date.UTC(2024, 4, 2, 0, 0, 0, 1), { path: "/c%20d/" }],
    ];
    const signer = new RequestSigner({ region: "us-east-1", service: "frauddetector", library: nodeSigV4 });
    for (const [ms, parts] of steps) {
      const req = request(parts);
      // A synchronous library signs synchronously: nothing to wait for.
      expect(signer.sign(req, creds, ms)).toBeUndefined();
      const at = new Date(Math.floor(ms / 1000) * 1000);
      expect(req.headers["x-amz-date"]).toBe(at.toISOString().replace(/[-:]|\.\d{3}/g, ""));
      expect(req.headers.authorization).toBe(await sdkSign(request(parts), creds, at, "frauddetector"));
    }
  });

  it("returns a promise with an asynchronous library (WebCrypto), and the signature is there once it settles", async () => {
    const req = request();
    const signing = new RequestSigner({ region: "us-east-1", service: "frauddetector", library: webSigV4 }).sign(
      req,
      creds,
      date,
    );
    expect(signing).toBeInstanceOf(Promise);
    expect(req.headers.authorization).toBeUndefined();
    await signing;
    expect(req.headers.authorization).toBe(await sdkSign(request(), creds, date, "frauddetector"));
  });
});

describe("canonicalPath", () => {
  it("resolves dot and empty segments and encodes once more, keeping the slashes", () => {
    expect(canonicalPath("/a/./b//c/../d/", true)).toBe("/a/b/d/");
    expect(canonicalPath("/a%20b/%2F", true)).toBe("/a%2520b/%252F");
    expect(canonicalPath("/", true)).toBe("/");
  });

  it("leaves the path as sent without escaping (S3)", () => {
    expect(canonicalPath("/a%20b//./c", false)).toBe("/a%20b//./c");
  });
});
