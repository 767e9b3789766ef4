/**
 * Error responses through the generated FraudDetectorClient and a real loopback server: every
 * modeled error becomes its generated class, anything else the service's base exception.
 */
import { describe, expect, it } from "vitest";
import {
  AccessDeniedException,
  ConflictException,
  FraudDetectorServiceException,
  InternalServerException,
  ResourceNotFoundException,
  ResourceUnavailableException,
  ServiceException,
  ThrottlingException,
  ValidationException,
} from "../../generated/frauddetector/index.js";
import { reply } from "../runtime/server.js";
import { clientFor, getEventPredictionInput, loopbackServerForFile, rejectionOf, sendEventInput } from "./helpers.js";

const server = await loopbackServerForFile();

/** Each modeled error with the status the model gives it, its fault, and how many attempts the client makes (3 for retryable ones). */
const MODELED = [
  { Class: ValidationException, code: "ValidationException", status: 400, fault: "client", attempts: 1 },
  { Class: AccessDeniedException, code: "AccessDeniedException", status: 403, fault: "client", attempts: 1 },
  { Class: ResourceNotFoundException, code: "ResourceNotFoundException", status: 404, fault: "client", attempts: 1 },
  { Class: ConflictException, code: "ConflictException", status: 409, fault: "client", attempts: 1 },
  {
    Class: ResourceUnavailableException,
    code: "ResourceUnavailableException",
    status: 409,
    fault: "client",
    attempts: 1,
  },
  { Class: ThrottlingException, code: "ThrottlingException", status: 429, fault: "client", attempts: 3 },
  { Class: InternalServerException, code: "InternalServerException", status: 500, fault: "server", attempts: 3 },
] as const;

describe("modeled errors", () => {
  for (const { Class, code, status, fault, attempts } of MODELED) {
    it(`maps ${code} (HTTP ${status}) to its class with name, message, $fault and $metadata`, async () => {
      server.handler = (_r, res) =>
        reply(
          res,
          status,
          JSON.stringify({ __type: `com.amazonaws.frauddetector#${code}`, message: `${code} happened` }),
          {
            "x-amzn-requestid": "req-1234",
          },
        );
      const error = await rejectionOf(clientFor(server).getEventPrediction(getEventPredictionInput));
      expect(error).toBeInstanceOf(Class);
      expect(error).toBeInstanceOf(FraudDetectorServiceException);
      expect(error).toBeInstanceOf(ServiceException);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({
        name: code,
        code,
        message: `${code} happened`,
        $fault: fault,
        $metadata: { httpStatusCode: status, requestId: "req-1234", attempts, totalRetryDelay: 0 },
      });
      expect(server.requests).toHaveLength(attempts);
    });
  }

  it("finds the code in the X-Amzn-Errortype header, with a URL suffix, and reads Message", async () => {
    server.handler = (_r, res) =>
      reply(res, 404, '{"Message":"no such detector"}', {
        "x-amzn-errortype": "ResourceNotFoundException:http://internal.amazon.com/",
      });
    const error = await rejectionOf(clientFor(server).getEventPrediction(getEventPredictionInput));
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({ message: "no such detector" });
  });

  it("records the waits between attempts in totalRetryDelay", async () => {
    server.handler = (_r, res) => reply(res, 500, '{"__type":"InternalServerException"}');
    // Jitter 0.5 of a 4 ms base: waits of 2 ms, then 4 ms.
    const error = await rejectionOf(
      clientFor(server, { retry: { random: () => 0.5, baseDelayMs: 4 } }).sendEvent(sendEventInput),
    );
    expect(error).toBeInstanceOf(InternalServerException);
    expect(error).toMatchObject({ $metadata: { attempts: 3, totalRetryDelay: 6 } });
  });
});

describe("errors the model does not name", () => {
  it("maps an unknown code to FraudDetectorServiceException carrying the code", async () => {
    server.handler = (_r, res) =>
      reply(res, 400, '{"__type":"com.amazonaws.frauddetector#SomethingNewException","message":"new"}');
    const error = await rejectionOf(clientFor(server).sendEvent(sendEventInput));
    expect(error).toBeInstanceOf(FraudDetectorServiceException);
    expect(MODELED.some(({ Class }) => error instanceof Class)).toBe(false);
    expect(error).toMatchObject({
      name: "SomethingNewException",
      code: "SomethingNewException",
      message: "new",
      $fault: "client",
      $metadata: { httpStatusCode: 400, attempts: 1 },
    });
  });

  it("turns an HTML 502 from a proxy into a service exception with the status, never a SyntaxError", async () => {
    server.handler = (_r, res) =>
      reply(res, 502, "<html><body><h1>502 Bad Gateway</h1></body></html>", { "content-type": "text/html" });
    const error = await rejectionOf(clientFor(server).sendEvent(sendEventInput));
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect(error).toBeInstanceOf(FraudDetectorServiceException);
    expect(error).toMatchObject({ $fault: "server", $metadata: { httpStatusCode: 502, attempts: 3 } });
    expect((error as Error).message).toContain("HTTP 502");
    expect((error as Error).message).not.toContain("<html>");
    expect(server.requests).toHaveLength(3); // 502 is transient: retried
  });

  it("turns a non-JSON 200 body into a service exception, never a SyntaxError", async () => {
    server.handler = (_r, res) => reply(res, 200, "not json", { "content-type": "text/plain" });
    const error = await rejectionOf(clientFor(server).getEventPrediction(getEventPredictionInput));
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect(error).toBeInstanceOf(ServiceException);
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 200 } });
  });
});
