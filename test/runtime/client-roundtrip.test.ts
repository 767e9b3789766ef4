import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { CredentialsError } from "../../generator/runtime/errors.js";
import { sendEvent, staticCredentials, validInput } from "./fixtures.js";
import { loopbackServerForFile, makeClient, rejectionOf, setEnv } from "./helpers.js";
import { reply } from "./server.js";
import { authorizationByAws4fetch, authorizationBySmithy, signedHeaderNames } from "./verify.js";

const server = await loopbackServerForFile();

describe("a successful call", () => {
  it("POSTs the serialized body to / with the awsJson headers and returns the deserialized output", async () => {
    const output = await makeClient(server).invoke(sendEvent, validInput);
    expect(output).toEqual({ ok: true });
    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    expect(req?.method).toBe("POST");
    expect(req?.url).toBe("/");
    expect(req?.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(req?.headers["x-amz-target"]).toBe("AWSHawksNestServiceFacade.SendEvent");
    expect(req?.body).toBe(sendEvent.serialize(validInput).body);
    expect(req?.headers["content-length"]).toBe(String(Buffer.byteLength(req?.body ?? "")));
  });

  it("sends x-amz-content-sha256 as the body's SHA-256 and signs host, date, target, content-type and hash", async () => {
    await makeClient(server).invoke(sendEvent, validInput);
    const req = server.requests[0]!;
    expect(req.headers["x-amz-content-sha256"]).toBe(createHash("sha256").update(req.body).digest("hex"));
    expect(req.headers["x-amz-date"]).toMatch(/^\d{8}T\d{6}Z$/);
    const auth = String(req.headers.authorization);
    const day = String(req.headers["x-amz-date"]).slice(0, 8);
    expect(auth.startsWith(`AWS4-HMAC-SHA256 Credential=AKIDTEST/${day}/us-east-1/frauddetector/aws4_request, `)).toBe(
      true,
    );
    expect(signedHeaderNames(auth)).toEqual([
      "content-type",
      "host",
      "x-amz-content-sha256",
      "x-amz-date",
      "x-amz-target",
    ]);
  });

  it("produces a signature that aws4fetch and the library's full sign() both reproduce", async () => {
    await makeClient(server).invoke(sendEvent, validInput);
    const req = server.requests[0]!;
    const expected = String(req.headers.authorization);
    expect(await authorizationByAws4fetch(req, server.url, staticCredentials, "us-east-1", "frauddetector")).toBe(
      expected,
    );
    expect(await authorizationBySmithy(req, server.url, staticCredentials, "us-east-1", "frauddetector")).toBe(
      expected,
    );
  });

  it("detects a tampered signed header: the independent signature no longer matches", async () => {
    await makeClient(server).invoke(sendEvent, validInput);
    const req = server.requests[0]!;
    const tampered = {
      ...req,
      headers: { ...req.headers, "x-amz-target": "AWSHawksNestServiceFacade.GetEventPrediction" },
    };
    expect(
      await authorizationByAws4fetch(tampered, server.url, staticCredentials, "us-east-1", "frauddetector"),
    ).not.toBe(req.headers.authorization);
  });

  it("sends and signs x-amz-security-token with temporary credentials", async () => {
    const creds = { accessKeyId: "ASIATEMP", secretAccessKey: "tmp-secret", sessionToken: "token/with+chars==" };
    await makeClient(server, { credentials: creds }).invoke(sendEvent, validInput);
    const req = server.requests[0]!;
    expect(req.headers["x-amz-security-token"]).toBe(creds.sessionToken);
    expect(signedHeaderNames(String(req.headers.authorization))).toContain("x-amz-security-token");
    expect(await authorizationByAws4fetch(req, server.url, creds, "us-east-1", "frauddetector")).toBe(
      req.headers.authorization,
    );
  });

  it("uses awsJson1_0's content type for an awsJson1_0 service", async () => {
    const { ServiceClient } = await import("../../generator/runtime/client.js");
    const { service } = await import("./fixtures.js");
    const { AwsJsonProtocol } = await import("../../generator/runtime/protocols/aws-json.js");
    const protocol = new AwsJsonProtocol({ version: "1.0", serviceShapeName: "AWSHawksNestServiceFacade" });
    const client = new ServiceClient(
      { ...service, protocol },
      { region: "us-east-1", endpoint: server.url, credentials: staticCredentials },
      { validation: "off" },
    );
    try {
      await client.invoke(sendEvent, validInput);
    } finally {
      client.destroy();
    }
    expect(server.requests[0]?.headers["content-type"]).toBe("application/x-amz-json-1.0");
  });

  it("reuses one keep-alive connection across calls until destroy()", async () => {
    const client = makeClient(server);
    await client.invoke(sendEvent, validInput);
    await client.invoke(sendEvent, validInput);
    await client.invoke(sendEvent, validInput);
    expect(server.connections).toBe(1);
    client.destroy();
    await client.invoke(sendEvent, validInput);
    expect(server.connections).toBe(2);
  });

  it("turns a 2xx body that is not a JSON object into a ServiceException, not a SyntaxError", async () => {
    server.handler = (_r, res) => reply(res, 200, "<html>ok</html>", { "content-type": "text/html" });
    const error = await rejectionOf(makeClient(server).invoke(sendEvent, validInput));
    expect(error).toMatchObject({
      name: "MalformedResponseError",
      $fault: "server",
      $metadata: { httpStatusCode: 200, attempts: 1 },
    });
    expect(error).not.toBeInstanceOf(SyntaxError);
  });
});

describe("credentials", () => {
  it("re-signs every attempt, asking the provider again when credentials expire", async () => {
    let calls = 0;
    const provider = async () => {
      calls++;
      // Already inside the refresh window: the next attempt must call the provider again.
      return {
        accessKeyId: `AKID${calls}`,
        secretAccessKey: `secret${calls}`,
        expiration: new Date(Date.now() + 1000),
      };
    };
    server.handler = (_r, res, i) => reply(res, i < 2 ? 503 : 200, i < 2 ? '{"__type":"ServiceUnavailable"}' : "{}");
    await makeClient(server, { credentials: provider }).invoke(sendEvent, validInput);
    expect(server.requests).toHaveLength(3);
    const auths = server.requests.map((r) => String(r.headers.authorization));
    expect(new Set(auths).size).toBe(3);
    for (const [i, req] of server.requests.entries()) {
      expect(req.headers["x-amz-date"]).toMatch(/^\d{8}T\d{6}Z$/);
      const creds = { accessKeyId: `AKID${i + 1}`, secretAccessKey: `secret${i + 1}` };
      expect(await authorizationByAws4fetch(req, server.url, creds, "us-east-1", "frauddetector")).toBe(auths[i]);
    }
  });

  it("calls an async provider once while its credentials stay fresh, sharing one pending call", async () => {
    let calls = 0;
    const provider = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      return { accessKeyId: "AKIDP", secretAccessKey: "s", expiration: new Date(Date.now() + 3600_000) };
    };
    const client = makeClient(server, { credentials: provider });
    await Promise.all([client.invoke(sendEvent, validInput), client.invoke(sendEvent, validInput)]);
    await client.invoke(sendEvent, validInput);
    expect(calls).toBe(1);
    expect(server.requests).toHaveLength(3);
  });

  it("reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN when none are configured", async () => {
    const restore = setEnv({
      AWS_ACCESS_KEY_ID: "AKIDENV",
      AWS_SECRET_ACCESS_KEY: "envsecret",
      AWS_SESSION_TOKEN: "envtoken",
    });
    try {
      await makeClient(server, { credentials: undefined }).invoke(sendEvent, validInput);
    } finally {
      restore();
    }
    const req = server.requests[0]!;
    expect(String(req.headers.authorization)).toContain("Credential=AKIDENV/");
    expect(req.headers["x-amz-security-token"]).toBe("envtoken");
    expect(
      await authorizationByAws4fetch(
        req,
        server.url,
        { accessKeyId: "AKIDENV", secretAccessKey: "envsecret", sessionToken: "envtoken" },
        "us-east-1",
        "frauddetector",
      ),
    ).toBe(req.headers.authorization);
  });

  it("fails with a clear CredentialsError and sends nothing when no credentials exist", async () => {
    // HOME without an .aws folder: the shared files, read next, must not find the machine's own.
    const home = mkdtempSync(join(tmpdir(), "anvil-home-"));
    const restore = setEnv({
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_SESSION_TOKEN: undefined,
      HOME: home,
      USERPROFILE: home,
      AWS_PROFILE: undefined,
      AWS_SHARED_CREDENTIALS_FILE: undefined,
      AWS_CONFIG_FILE: undefined,
    });
    let error: unknown;
    try {
      error = await rejectionOf(makeClient(server, { credentials: undefined }).invoke(sendEvent, validInput));
    } finally {
      restore();
      rmSync(home, { recursive: true, force: true });
    }
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).toMatch(/No AWS credentials found.*AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
    expect(server.requests).toHaveLength(0);
  });

  it("wraps a failing provider in a CredentialsError and retries the provider on the next call", async () => {
    let calls = 0;
    const provider = async () => {
      calls++;
      if (calls === 1) throw new Error("sts unavailable");
      return staticCredentials;
    };
    const client = makeClient(server, { credentials: provider });
    const error = await rejectionOf(client.invoke(sendEvent, validInput));
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).cause).toMatchObject({ message: "sts unavailable" });
    await client.invoke(sendEvent, validInput);
    expect(calls).toBe(2);
    expect(server.requests).toHaveLength(1);
  });

  it("never shows the secret key when a client is inspected", () => {
    const client = makeClient(server);
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(staticCredentials.secretAccessKey);
  });
});
