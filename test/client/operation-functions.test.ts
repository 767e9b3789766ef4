/**
 * The modular style of the generated client: `FraudDetectorCore` plus one function per operation
 * (`sendEvent(core, input)`), which the `FraudDetectorClient` methods call. Both styles send the
 * same requests; each operation maps only its own modeled errors (and the service's) to their
 * classes, any other code to the base exception.
 */
import { describe, expect, it } from "vitest";
import {
  FraudDetectorClient,
  FraudDetectorCore,
  FraudDetectorServiceException,
  ResourceUnavailableException,
  ThrottlingException,
  getEventPrediction,
  sendEvent,
} from "../../generated/frauddetector/index.js";
import { track } from "../runtime/helpers.js";
import { reply } from "../runtime/server.js";
import {
  clientFor,
  credentials,
  getEventPredictionInput,
  loopbackServerForFile,
  rejectionOf,
  sendEventInput,
} from "./helpers.js";

const server = await loopbackServerForFile();

/** A core client for the loopback server, configured as `clientFor` configures the class. */
function coreFor(): FraudDetectorCore {
  return track(
    new FraudDetectorCore({ region: "us-east-1", endpoint: server.url, credentials, retry: { random: () => 0 } }),
  );
}

/** An awsJson error response naming `code`. */
function errorReply(code: string, status: number): void {
  server.handler = (_r, res) => reply(res, status, JSON.stringify({ __type: code, message: `${code} happened` }));
}

describe("operation functions over the core client", () => {
  it("send what the client methods send, and return the same output", async () => {
    server.handler = (_r, res) => reply(res, 200, JSON.stringify({ modelScores: [], ruleResults: [] }));
    const viaFunction = await getEventPrediction(coreFor(), getEventPredictionInput);
    const viaMethod = await clientFor(server).getEventPrediction(getEventPredictionInput);
    expect(viaFunction).toEqual(viaMethod);
    const [a, b] = server.requests;
    expect(a?.headers["x-amz-target"]).toBe("AWSHawksNestServiceFacade.GetEventPrediction");
    expect(b?.headers["x-amz-target"]).toBe("AWSHawksNestServiceFacade.GetEventPrediction");
    expect(a?.body).toBe(b?.body);
  });

  it("accept the client class too, which is a core client", async () => {
    server.handler = (_r, res) => reply(res, 200, "{}");
    const client = clientFor(server);
    expect(client).toBeInstanceOf(FraudDetectorCore);
    await expect(sendEvent(client, sendEventInput)).resolves.toEqual({});
    expect(server.requests[0]?.headers["x-amz-target"]).toBe("AWSHawksNestServiceFacade.SendEvent");
  });

  it("validate input before sending, as the methods do", async () => {
    const error = await rejectionOf(sendEvent(coreFor(), { ...sendEventInput, eventId: "" }));
    expect((error as Error).name).toBe("RequestValidationError");
    expect(server.requests).toHaveLength(0);
  });
});

describe("error tables per operation", () => {
  it("map an error the operation lists to its class", async () => {
    errorReply("ResourceUnavailableException", 409);
    const error = await rejectionOf(getEventPrediction(coreFor(), getEventPredictionInput));
    expect(error).toBeInstanceOf(ResourceUnavailableException);
  });

  it("map an error only another operation lists to the service's base exception, keeping its code", async () => {
    // ResourceUnavailableException is GetEventPrediction's, not SendEvent's.
    errorReply("ResourceUnavailableException", 409);
    for (const call of [
      () => sendEvent(coreFor(), sendEventInput),
      () => clientFor(server).sendEvent(sendEventInput),
    ]) {
      const error = await rejectionOf(call());
      expect(error).toBeInstanceOf(FraudDetectorServiceException);
      expect(error).not.toBeInstanceOf(ResourceUnavailableException);
      expect(error).toMatchObject({
        name: "ResourceUnavailableException",
        code: "ResourceUnavailableException",
        message: "ResourceUnavailableException happened",
      });
    }
  });

  it("map errors both operations list to their class from either", async () => {
    errorReply("ThrottlingException", 400);
    const core = coreFor();
    for (const call of [
      () => sendEvent(core, sendEventInput),
      () => getEventPrediction(core, getEventPredictionInput),
    ]) {
      expect(await rejectionOf(call())).toBeInstanceOf(ThrottlingException);
    }
  });

  it("leave the client class's methods with the same tables as the functions", async () => {
    errorReply("ResourceUnavailableException", 409);
    const client: FraudDetectorClient = clientFor(server);
    expect(await rejectionOf(client.getEventPrediction(getEventPredictionInput))).toBeInstanceOf(
      ResourceUnavailableException,
    );
  });
});
