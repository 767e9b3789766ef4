/**
 * An error response a transport hands over as a stream (allowed only for streaming-output
 * operations): the descriptor's `streamingOutput` (streaming.ts `readWhole`) reads it whole, so the
 * protocol parses its code and message as from any other error response.
 */
import { describe, expect, it } from "vitest";
import { ServiceClient, type OperationDescriptor } from "../../generator/runtime/client.js";
import { ServiceException } from "../../generator/runtime/errors.js";
import { jsonRpcRequest } from "../../generator/runtime/protocols/aws-json.js";
import { readWhole } from "../../generator/runtime/streaming.js";
import type { HttpResponse, Transport } from "../../generator/runtime/transport.js";
import { service, staticCredentials } from "./fixtures.js";
import { rejectionOf } from "./helpers.js";

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield new TextEncoder().encode(p);
}

describe("streamed error responses", () => {
  it("reads the stream whole and keeps status, headers and the header reader", async () => {
    const response: HttpResponse = {
      statusCode: 404,
      headers: { "x-a": "1" },
      body: new Uint8Array(0),
      stream: chunks('{"__type":', '"Missing"}'),
      header: (name) => (name === "x-a" ? "1" : undefined),
    };
    const whole = await readWhole(response);
    expect(new TextDecoder().decode(whole.body as Uint8Array)).toBe('{"__type":"Missing"}');
    expect(whole).toMatchObject({ statusCode: 404, headers: { "x-a": "1" } });
    expect(whole.stream).toBeUndefined();
    expect(whole.header?.("x-a")).toBe("1");
  });

  it("turns a streamed error of a streaming-output operation into the service's error", async () => {
    const transport: Transport = {
      handle: () =>
        Promise.resolve({
          statusCode: 400,
          headers: { "content-type": "application/x-amz-json-1.1" },
          body: new Uint8Array(0),
          stream: chunks('{"__type":"NoSuchThing",', '"message":"gone"}'),
        }),
    };
    const op: OperationDescriptor<object, object> = {
      name: "Download",
      serialize: () => jsonRpcRequest("{}"),
      deserialize: () => ({}),
      streamingOutput: readWhole,
    };
    const client = new ServiceClient(
      service,
      { region: "us-east-1", credentials: staticCredentials, transport },
      { validation: "off" },
    );
    const error = await rejectionOf(client.invoke(op, {}));
    expect(error).toBeInstanceOf(ServiceException);
    expect(error).toMatchObject({ code: "NoSuchThing", message: "gone", $metadata: { httpStatusCode: 400 } });
  });
});
