import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ServiceException } from "../../generator/runtime/errors.js";
import { FakeServiceException, sendEvent, ValidationException, validInput } from "./fixtures.js";
import { loopbackServerForFile, makeClient, rejectionOf } from "./helpers.js";
import { reply } from "./server.js";

const server = await loopbackServerForFile();

async function errorFor(status: number, body: string, headers: Record<string, string> = {}): Promise<unknown> {
  server.handler = (_r, res) => reply(res, status, body, headers);
  return rejectionOf(makeClient(server).invoke(sendEvent, validInput));
}

describe("error responses", () => {
  it("maps a modeled error code to its factory, with message, fault and metadata", async () => {
    const error = await errorFor(400, '{"__type":"ValidationException","message":"eventId is bad"}', {
      "x-amzn-requestid": "rid-9",
    });
    expect(error).toBeInstanceOf(ValidationException);
    expect(error).toMatchObject({
      name: "ValidationException",
      code: "ValidationException",
      message: "eventId is bad",
      $fault: "client",
      $metadata: { httpStatusCode: 400, requestId: "rid-9", attempts: 1, totalRetryDelay: 0 },
    });
  });

  it("builds the service's base exception for an unknown code, keeping the code as name", async () => {
    const error = await errorFor(400, '{"__type":"BrandNewException","Message":"new"}');
    expect(error).toBeInstanceOf(FakeServiceException);
    expect(error).not.toBeInstanceOf(ValidationException);
    expect(error).toMatchObject({
      name: "BrandNewException",
      code: "BrandNewException",
      message: "new",
      $fault: "client",
    });
  });

  it("strips the namespace and the ':' suffix from __type before looking the code up", async () => {
    const error = await errorFor(
      400,
      '{"__type":"com.amazonaws.frauddetector#ValidationException:http://internal.amazon.com/coral/"}',
    );
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as ServiceException).code).toBe("ValidationException");
  });

  it("lets the X-Amzn-Errortype header win over the body's __type", async () => {
    const error = await errorFor(400, '{"__type":"SomethingElse"}', {
      "x-amzn-errortype": "ValidationException:http://internal/",
    });
    expect(error).toBeInstanceOf(ValidationException);
  });

  it("falls back to the body's code field when there is no header and no __type", async () => {
    const error = await errorFor(400, '{"code":"aws.protocoltests.json#ValidationException"}');
    expect(error).toBeInstanceOf(ValidationException);
  });

  it("does not treat a code named like an Object.prototype member as modeled", async () => {
    const error = await errorFor(400, '{"__type":"constructor"}');
    expect(error).toBeInstanceOf(FakeServiceException);
    expect((error as ServiceException).code).toBe("constructor");
  });

  it("turns an HTML 502 into the base exception with status 502 after retrying, never a SyntaxError", async () => {
    const html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    const error = await errorFor(502, html, { "content-type": "text/html" });
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect(error).toBeInstanceOf(FakeServiceException);
    expect(error).toMatchObject({
      code: "UnknownError",
      $fault: "server",
      $metadata: { httpStatusCode: 502, attempts: 3 },
    });
    expect((error as Error).message).toContain("HTTP 502");
    expect((error as Error).message).toContain("text/html");
    expect(server.requests).toHaveLength(3);
  });

  it("keeps request input out of the message and the inspected error", async () => {
    const error = await errorFor(400, '{"__type":"ValidationException","message":"bad"}');
    const shown = `${String(error)}\n${inspect(error, { depth: 10, showHidden: true })}`;
    for (const secret of ["evt-secret-42", "alice.secret@example.com", "cust-secret-7"])
      expect(shown).not.toContain(secret);
  });
});
