/**
 * Wire compatibility with the AWS SDK: the same SendEvent and GetEventPrediction inputs go through
 * `@aws-sdk/client-frauddetector` and through the generated FraudDetectorClient to one loopback
 * server (same endpoint override, static credentials and region). The requests must agree on
 * method, path, Content-Type, X-Amz-Target and body bytes, and each Authorization header must
 * verify when the captured request is re-signed at its own x-amz-date by @smithy/signature-v4.
 */
import {
  FraudDetectorClient as SdkClient,
  GetEventPredictionCommand,
  SendEventCommand,
} from "@aws-sdk/client-frauddetector";
import { describe, expect, it } from "vitest";
import type { GetEventPredictionRequest, SendEventRequest } from "../../generated/frauddetector/index.js";
import { authorizationBySmithy } from "../runtime/verify.js";
import { track } from "../runtime/helpers.js";
import type { CapturedRequest } from "../runtime/server.js";
import { clientFor, credentials, getEventPredictionInput, loopbackServerForFile, sendEventInput } from "./helpers.js";

const server = await loopbackServerForFile();
const sdk = track(new SdkClient({ region: "us-east-1", endpoint: server.url, credentials, maxAttempts: 1 }));

/** Inputs beyond the shared fixtures: optional members, unicode, members given out of model order. */
const sendEvents: SendEventRequest[] = [
  sendEventInput,
  {
    entities: [
      { entityId: "c-1", entityType: "customer" },
      { entityType: "merchant", entityId: "m_2.x@y+z" },
    ],
    labelTimestamp: "2024-05-02T00:00:00Z",
    assignedLabel: "legit",
    eventVariables: { note: "naïve café — 日本語 😀", quote: 'he said "hi"\n', slash: "a/b\\c</script>" },
    eventTimestamp: "2024-05-01T12:00:00.123Z",
    eventTypeName: "payment",
    eventId: "evt_0002",
  },
];

const predictions: GetEventPredictionRequest[] = [
  getEventPredictionInput,
  {
    eventVariables: { amount: "12.50", currency: "EUR" },
    eventTimestamp: "2024-05-01T12:00:00Z",
    entities: [{ entityType: "unknown", entityId: "unknown" }],
    eventTypeName: "payment",
    eventId: "evt-3",
    detectorId: "det",
    externalModelEndpointDataBlobs: {
      a: { contentType: "application/json", byteBuffer: new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255]) },
      b: { byteBuffer: new Uint8Array(0) },
    },
  },
];

/** The two requests the server captured, ours first. */
async function capture(
  ours: () => Promise<unknown>,
  theirs: () => Promise<unknown>,
): Promise<[CapturedRequest, CapturedRequest]> {
  await ours();
  await theirs();
  expect(server.requests).toHaveLength(2);
  return [server.requests[0] as CapturedRequest, server.requests[1] as CapturedRequest];
}

async function expectSameWire(ours: CapturedRequest, theirs: CapturedRequest): Promise<void> {
  expect(ours.method).toBe(theirs.method);
  expect(ours.url).toBe(theirs.url);
  expect(ours.headers["content-type"]).toBe(theirs.headers["content-type"]);
  expect(ours.headers["x-amz-target"]).toBe(theirs.headers["x-amz-target"]);
  expect(Buffer.from(ours.body)).toEqual(Buffer.from(theirs.body));
  expect(ours.headers["content-length"]).toBe(theirs.headers["content-length"]);
  expect(ours.headers["x-amz-content-sha256"]).toBe(theirs.headers["x-amz-content-sha256"]);
  // Re-signing proves the verifier agrees with the SDK's own signature before trusting it on ours.
  expect(await authorizationBySmithy(theirs, server.url, credentials, "us-east-1", "frauddetector")).toBe(
    theirs.headers.authorization,
  );
  expect(await authorizationBySmithy(ours, server.url, credentials, "us-east-1", "frauddetector")).toBe(
    ours.headers.authorization,
  );
}

describe("wire compatibility with @aws-sdk/client-frauddetector", () => {
  sendEvents.forEach((input, i) => {
    it(`sends SendEvent #${i + 1} byte for byte as the SDK does, with a verifiable signature`, async () => {
      const ours = clientFor(server);
      const [a, b] = await capture(
        () => ours.sendEvent(input),
        () => sdk.send(new SendEventCommand(input)),
      );
      await expectSameWire(a, b);
    });
  });

  predictions.forEach((input, i) => {
    it(`sends GetEventPrediction #${i + 1} byte for byte as the SDK does, with a verifiable signature`, async () => {
      const ours = clientFor(server);
      const [a, b] = await capture(
        () => ours.getEventPrediction(input),
        () => sdk.send(new GetEventPredictionCommand(input)),
      );
      await expectSameWire(a, b);
    });
  });

  it("a signature check would catch a changed body (the verifier is not a rubber stamp)", async () => {
    const ours = clientFor(server);
    await ours.sendEvent(sendEventInput);
    const tampered = { ...(server.requests[0] as CapturedRequest) };
    tampered.body = tampered.body.replace("registration", "registratioN");
    tampered.headers = { ...tampered.headers, "x-amz-content-sha256": undefined };
    const { createHash } = await import("node:crypto");
    tampered.headers["x-amz-content-sha256"] = createHash("sha256").update(tampered.body).digest("hex");
    expect(await authorizationBySmithy(tampered, server.url, credentials, "us-east-1", "frauddetector")).not.toBe(
      tampered.headers.authorization,
    );
  });

  it("decodes the same response to the same output as the SDK", async () => {
    const response = {
      modelScores: [
        {
          modelVersion: { modelId: "m", modelType: "ONLINE_FRAUD_INSIGHTS", modelVersionNumber: "1.0" },
          scores: { m_insightscore: 912.5 },
        },
      ],
      ruleResults: [{ ruleId: "r", outcomes: ["approve"] }],
      externalModelOutputs: [{ externalModel: { modelEndpoint: "e", modelSource: "SAGEMAKER" }, outputs: { k: "v" } }],
    };
    server.handler = (_r, res) => {
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
      res.end(JSON.stringify(response));
    };
    const ours = await clientFor(server).getEventPrediction(getEventPredictionInput);
    const { $metadata: _ignored, ...theirs } = await sdk.send(new GetEventPredictionCommand(getEventPredictionInput));
    expect(ours).toEqual(theirs);
  });
});
