/**
 * Wire features the Fraud Detector model does not use but other awsJson models do, through the
 * runtime client (generator/runtime/client.ts) with descriptors as generated code writes them:
 * gzip request compression (`@requestCompression`, checked against a real loopback server that
 * decompresses), `@endpoint` host prefixes with `@hostLabel` members, awsQuery compatibility, and
 * a Content-Length on every request.
 */
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  ServiceClient,
  type ClientConfig,
  type OperationDescriptor,
  type ServiceDescriptor,
} from "../../generator/runtime/client.js";
import { RequestValidationError, ServiceException } from "../../generator/runtime/errors.js";
import { hostPrefixOf } from "../../generator/runtime/features/host-prefix.js";
import { gzipFrom } from "../../generator/runtime/features/request-compression.js";
import { AwsJsonProtocol, jsonRpcRequest } from "../../generator/runtime/protocols/aws-json.js";
import { queryErrorCode } from "../../generator/runtime/protocols/query-compatible.js";
import type { HttpRequest, HttpResponse, Transport } from "../../generator/runtime/transport.js";
import { track } from "../runtime/helpers.js";
import { credentials, loopbackServerForFile, rejectionOf } from "./helpers.js";

const service: ServiceDescriptor = {
  protocol: new AwsJsonProtocol({ version: "1.0", serviceShapeName: "TestService" }),
  signingName: "test",
  endpointPrefix: "test",
  sdkId: "Test",
  version: "2024-01-01",
  errors: {},
  baseException: ServiceException,
};

interface Input {
  label?: string;
  data?: string;
}

function operation(
  extra: Partial<OperationDescriptor<Input, Record<string, never>>>,
): OperationDescriptor<Input, Record<string, never>> {
  return {
    name: "Put",
    serialize: (i) => jsonRpcRequest(JSON.stringify({ label: i.label, data: i.data })),
    deserialize: () => ({}),
    ...extra,
  };
}

/** A transport that records requests and answers 200 `{}` (or `response`). */
function recorder(
  response: HttpResponse = { statusCode: 200, headers: {}, body: "{}" },
): Transport & { sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  return { sent, handle: (request) => (sent.push(request), Promise.resolve(response)) };
}

function client(config: ClientConfig, descriptor: ServiceDescriptor = service): ServiceClient {
  return new ServiceClient(
    descriptor,
    { region: "us-east-1", endpoint: "https://example.com", credentials, ...config },
    { validation: "off" },
  );
}

/** The bytes a client with default compression settings sends for `input`. */
async function gzipOf(op: OperationDescriptor<Input, Record<string, never>>, input: Input): Promise<Uint8Array> {
  const wire = recorder();
  await client({ transport: wire }).invoke(op, input);
  return wire.sent[0]?.body as Uint8Array;
}

const server = await loopbackServerForFile();

describe("request compression", () => {
  const big = "x".repeat(20_000);
  const compressed = operation({ requestCompression: gzipFrom });

  it("gzips a large body into bytes that inflate to the JSON, with a matching Content-Length", async () => {
    const wire = recorder();
    await client({ transport: wire }).invoke(compressed, { data: big });
    const sent = wire.sent[0] as HttpRequest;
    expect(sent.headers["content-encoding"]).toBe("gzip");
    expect(sent.body).toBeInstanceOf(Uint8Array);
    expect(sent.headers["content-length"]).toBe(String((sent.body as Uint8Array).byteLength));
    expect(JSON.parse(gunzipSync(sent.body as Uint8Array).toString("utf8"))).toEqual({ data: big });
  });

  it("sends the gzip bytes over a real socket, signed over the compressed body", async () => {
    const c = track(
      new ServiceClient(service, { region: "us-east-1", endpoint: server.url, credentials }, { validation: "off" }),
    );
    await c.invoke(compressed, { data: big });
    const received = server.requests[0];
    expect(received?.headers["content-encoding"]).toBe("gzip");
    const length = Number(received?.headers["content-length"]);
    expect(length).toBeGreaterThan(0);
    expect(length).toBeLessThan(big.length / 10);
    const gzipped = gzipOf(compressed, { data: big });
    expect(received?.headers["x-amz-content-sha256"]).toBe(
      createHash("sha256")
        .update(await gzipped)
        .digest("hex"),
    );
  });

  it("sends the gzip bytes through the fetch transport too", async () => {
    const c = track(
      new ServiceClient(
        service,
        { region: "us-east-1", endpoint: server.url, credentials, fetch },
        { validation: "off" },
      ),
    );
    await c.invoke(compressed, { data: big });
    expect(server.requests[0]?.headers["content-encoding"]).toBe("gzip");
    expect(server.requests[0]?.headers["x-amz-content-sha256"]).toBe(
      createHash("sha256")
        .update(await gzipOf(compressed, { data: big }))
        .digest("hex"),
    );
  });

  it("leaves a body under the threshold (10 KiB by default) uncompressed", async () => {
    const wire = recorder();
    await client({ transport: wire }).invoke(compressed, { data: "small" });
    expect(wire.sent[0]?.headers["content-encoding"]).toBeUndefined();
    expect(wire.sent[0]?.body).toBe('{"data":"small"}');
  });

  it("honours disableRequestCompression and requestMinCompressionSizeBytes", async () => {
    const off = recorder();
    await client({ transport: off, disableRequestCompression: true }).invoke(compressed, { data: big });
    expect(typeof off.sent[0]?.body).toBe("string");
    const low = recorder();
    await client({ transport: low, requestMinCompressionSizeBytes: 0 }).invoke(compressed, { data: "small" });
    expect(low.sent[0]?.headers["content-encoding"]).toBe("gzip");
  });

  it("never compresses an operation without @requestCompression", async () => {
    const wire = recorder();
    await client({ transport: wire }).invoke(operation({}), { data: big });
    expect(typeof wire.sent[0]?.body).toBe("string");
  });
});

describe("host prefix", () => {
  it("prepends a static prefix to the host (and the signed host header)", async () => {
    const wire = recorder();
    await client({ transport: wire }).invoke(
      operation({ hostPrefix: (input) => hostPrefixOf("data.", "Put", input) }),
      {},
    );
    expect(wire.sent[0]).toMatchObject({ hostname: "data.example.com", url: "https://data.example.com/" });
    expect(wire.sent[0]?.headers.host).toBe("data.example.com");
    expect(wire.sent[0]?.headers.authorization).toContain("SignedHeaders=content-type;host;");
  });

  it("fills a label from the input member", async () => {
    const wire = recorder();
    await client({ transport: wire }).invoke(
      operation({ hostPrefix: (input) => hostPrefixOf("{label}.api.", "Put", input) }),
      { label: "acct-42" },
    );
    expect(wire.sent[0]?.headers.host).toBe("acct-42.api.example.com");
  });

  it("refuses a label that is not a DNS label, before sending anything", async () => {
    const wire = recorder();
    for (const label of ["evil.com/", "a b", "", "-x", undefined]) {
      const error = await rejectionOf(
        client({ transport: wire }).invoke(
          operation({ hostPrefix: (input) => hostPrefixOf("{label}.", "Put", input) }),
          { label },
        ),
      );
      expect(error).toBeInstanceOf(RequestValidationError);
      expect(error).toMatchObject({ issues: [{ path: "label", constraint: "hostLabel" }] });
    }
    expect(wire.sent).toHaveLength(0);
  });

  it("leaves the host alone when disableHostPrefix is set", async () => {
    const wire = recorder();
    await client({ transport: wire, disableHostPrefix: true }).invoke(
      operation({ hostPrefix: (input) => hostPrefixOf("data.", "Put", input) }),
      {},
    );
    expect(wire.sent[0]?.headers.host).toBe("example.com");
  });
});

describe("awsQuery compatibility", () => {
  const queryService: ServiceDescriptor = {
    ...service,
    protocol: new AwsJsonProtocol({ version: "1.0", serviceShapeName: "TestService", queryCompatible: queryErrorCode }),
  };

  it("sends x-amzn-query-mode only for a query-compatible service", async () => {
    const on = recorder();
    await client({ transport: on }, queryService).invoke(operation({}), {});
    expect(on.sent[0]?.headers["x-amzn-query-mode"]).toBe("true");
    const off = recorder();
    await client({ transport: off }).invoke(operation({}), {});
    expect(off.sent[0]?.headers["x-amzn-query-mode"]).toBeUndefined();
  });

  it("exposes the awsQuery code from x-amzn-query-error as the error's code", async () => {
    const response = {
      statusCode: 400,
      headers: { "x-amzn-query-error": "AWS.SimpleQueueService.NonExistentQueue;Sender" },
      body: '{"__type":"com.example#QueueDoesNotExist"}',
    };
    const error = await rejectionOf(
      client({ transport: recorder(response), maxAttempts: 1 }, queryService).invoke(operation({}), {}),
    );
    expect(error).toMatchObject({ code: "AWS.SimpleQueueService.NonExistentQueue" });
    const plain = await rejectionOf(
      client({ transport: recorder(response), maxAttempts: 1 }).invoke(operation({}), {}),
    );
    expect(plain).toMatchObject({ code: "QueueDoesNotExist" });
  });
});

describe("Content-Length", () => {
  it("counts UTF-8 bytes, not UTF-16 units", async () => {
    const wire = recorder();
    const data = "é😀\u{10FFFF}中";
    await client({ transport: wire }).invoke(operation({}), { data });
    const body = wire.sent[0]?.body as string;
    expect(wire.sent[0]?.headers["content-length"]).toBe(String(Buffer.byteLength(body)));
  });

  it("ends a base path with / (awsJson operations live at /)", async () => {
    const wire = recorder();
    await client({ transport: wire, endpoint: "https://example.com/custom" }).invoke(operation({}), {});
    expect(wire.sent[0]).toMatchObject({ path: "/custom/", url: "https://example.com/custom/" });
  });
});
