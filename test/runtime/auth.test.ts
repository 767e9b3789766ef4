/**
 * HTTP auth schemes (runtime/auth.ts): which scheme an operation picks from the model's order and
 * the configured identities, what each scheme adds to a request, and how providers are cached.
 */
import { describe, expect, it, vi } from "vitest";
import {
  applyApiKey,
  HttpAuth,
  IDENTITY_REFRESH_WINDOW_MS,
  type AuthScheme,
  type AuthTarget,
} from "../../generator/runtime/auth.js";
import { CredentialsError } from "../../generator/runtime/errors.js";

const bearer: AuthScheme = { id: "smithy.api#httpBearerAuth" };
const headerKey: AuthScheme = { id: "smithy.api#httpApiKeyAuth", name: "X-Api-Key", in: "header" };
const basic: AuthScheme = { id: "smithy.api#httpBasicAuth" };
const sigv4: AuthScheme = { id: "aws.auth#sigv4" };
const all = [sigv4, bearer, headerKey, basic];

const target = (): AuthTarget => ({ headers: {}, query: "" });

describe("picking a scheme", () => {
  it("takes the first listed scheme whose identity is configured", () => {
    const auth = new HttpAuth({ apiKey: "k" }, all, "Svc");
    const op = { schemes: [bearer.id, headerKey.id] };
    expect(auth.select("Op", op, false)).toBe(headerKey);
    expect(new HttpAuth({ apiKey: "k", token: "t" }, all, "Svc").select("Op", op, false)).toBe(bearer);
  });

  it("counts SigV4 only when AWS credentials are there", () => {
    const auth = new HttpAuth({ token: "t" }, all, "Svc");
    const op = { schemes: [sigv4.id, bearer.id] };
    expect(auth.select("Op", op, true)).toBe(sigv4);
    expect(auth.select("Op", op, false)).toBe(bearer);
  });

  it("sends @auth([]) operations without auth, and @optionalAuth ones when nothing is configured", () => {
    const auth = new HttpAuth({}, all, "Svc");
    expect(auth.select("Op", { schemes: [] }, false)).toBeUndefined();
    expect(auth.select("Op", { schemes: [bearer.id], optional: true }, false)).toBeUndefined();
  });

  it("fails with a CredentialsError naming the config fields when no listed identity is configured", () => {
    const auth = new HttpAuth({}, all, "Svc");
    expect(() => auth.select("GetThing", { schemes: [bearer.id, headerKey.id] }, false)).toThrow(
      new CredentialsError("Svc.GetThing needs auth: pass `token` or `apiKey` in the client config."),
    );
  });
});

describe("what each scheme adds", () => {
  it("bearer: Authorization: Bearer <token>, from a string, an object or a provider", async () => {
    for (const token of ["abc", { token: "abc" }, () => Promise.resolve({ token: "abc" })]) {
      const request = target();
      await new HttpAuth({ token }, all, "Svc").apply(bearer, request);
      expect(request.headers).toEqual({ authorization: "Bearer abc" });
    }
  });

  it("API key in a header, with and without a scheme prefix", async () => {
    const request = target();
    await new HttpAuth({ apiKey: "s3cr3t" }, all, "Svc").apply(headerKey, request);
    expect(request.headers).toEqual({ "x-api-key": "s3cr3t" });
    const prefixed = target();
    applyApiKey(
      { id: "smithy.api#httpApiKeyAuth", name: "Authorization", in: "header", scheme: "ApiKey" },
      "s3cr3t",
      prefixed,
    );
    expect(prefixed.headers).toEqual({ authorization: "ApiKey s3cr3t" });
  });

  it("API key in the query string, percent-encoded and appended after existing parameters", () => {
    const request = { headers: {}, query: "a=1" };
    applyApiKey({ id: "smithy.api#httpApiKeyAuth", name: "api key", in: "query" }, "k&=/", request);
    expect(request.query).toBe("a=1&api%20key=k%26%3D%2F");
  });

  it("basic: Authorization: Basic base64(UTF-8 username:password)", async () => {
    const request = target();
    await new HttpAuth({ basicAuth: { username: "Aladdin", password: "open sesame" } }, all, "Svc").apply(
      basic,
      request,
    );
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from("Aladdin:open sesame").toString("base64")}`);
    const utf8 = target();
    await new HttpAuth({ basicAuth: { username: "zoë", password: "ü" } }, all, "Svc").apply(basic, utf8);
    expect(utf8.headers.authorization).toBe(`Basic ${Buffer.from("zoë:ü", "utf8").toString("base64")}`);
  });
});

describe("identities", () => {
  it("refuses a configured value that would break the header, without echoing it", () => {
    expect(() => new HttpAuth({ token: "a\r\nX-Evil: 1" }, all, "Svc")).toThrow(/no usable token/);
    expect(() => new HttpAuth({ token: "a\r\nX-Evil: 1" }, all, "Svc")).not.toThrow(/Evil/);
    expect(() => new HttpAuth({ apiKey: "" }, all, "Svc")).toThrow(CredentialsError);
    expect(() => new HttpAuth({ basicAuth: { username: "a:b", password: "" } }, all, "Svc")).toThrow(CredentialsError);
  });

  it("calls a token provider once for concurrent calls and again shortly before expiration", async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const provider = vi.fn(() =>
        Promise.resolve({
          token: `t${provider.mock.calls.length}`,
          expiration: new Date(IDENTITY_REFRESH_WINDOW_MS + 1000),
        }),
      );
      const auth = new HttpAuth({ token: provider }, all, "Svc");
      const [a, b] = [target(), target()];
      await Promise.all([auth.apply(bearer, a), auth.apply(bearer, b)]);
      expect(provider).toHaveBeenCalledTimes(1);
      expect(b.headers.authorization).toBe("Bearer t1");
      vi.setSystemTime(999);
      await auth.apply(bearer, target());
      expect(provider).toHaveBeenCalledTimes(1);
      vi.setSystemTime(1000);
      const c = target();
      await auth.apply(bearer, c);
      expect(provider).toHaveBeenCalledTimes(2);
      expect(c.headers.authorization).toBe("Bearer t2");
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not keep a failed provider call, and wraps its error", async () => {
    let fail = true;
    const auth = new HttpAuth(
      { apiKey: () => (fail ? Promise.reject(new Error("down")) : Promise.resolve("k")) },
      all,
      "Svc",
    );
    await expect(auth.apply(headerKey, target())).rejects.toThrow(
      new CredentialsError("The `apiKey` provider in the client config failed."),
    );
    fail = false;
    const request = target();
    await auth.apply(headerKey, request);
    expect(request.headers["x-api-key"]).toBe("k");
  });
});
