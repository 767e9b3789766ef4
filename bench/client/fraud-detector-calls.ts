/**
 * The awsJson side of the per-call bench: Fraud Detector's SendEvent and GetEventPrediction
 * through the bare POST, the generated client and the AWS SDK, and the loopback server every
 * per-call variant talks to. No side effects on import, so calls.ts (which measures) and
 * profile-calls.ts (which runs one variant under a profiler) share it.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  FraudDetectorClient as SdkClient,
  GetEventPredictionCommand,
  SendEventCommand,
} from "@aws-sdk/client-frauddetector";
import { FraudDetectorClient } from "../../generated/frauddetector/index.js";
import type { GetEventPredictionRequest, SendEventRequest } from "../../generated/frauddetector/index.js";
import { se_GetEventPredictionRequest, se_SendEventRequest } from "../../generated/frauddetector/serde.js";
import { barePost, type Call } from "./call-timing.js";

/** The stand-in credentials every variant signs with. */
export const credentials = {
  accessKeyId: "AKIDBENCHMARK000",
  secretAccessKey: "benchmarkSecretKey/0000000000000000000000",
};

export const sendEventInput: SendEventRequest = {
  eventId: "evt-0001",
  eventTypeName: "registration",
  eventTimestamp: "2024-05-01T12:00:00Z",
  eventVariables: { email_address: "someone@example.com", ip_address: "192.0.2.10" },
  entities: [{ entityType: "customer", entityId: "cust-42" }],
};

export const predictionInput: GetEventPredictionRequest = {
  detectorId: "sample_detector",
  detectorVersionId: "1",
  eventId: "evt-0002",
  eventTypeName: "registration",
  entities: [{ entityType: "customer", entityId: "cust-42" }],
  eventTimestamp: "2024-05-01T12:00:00Z",
  eventVariables: { email_address: "someone@example.com", ip_address: "192.0.2.10", billing_postal: "98101" },
};

/** What the server answers to GetEventPrediction. */
export const PREDICTION_RESPONSE = JSON.stringify({
  modelScores: [
    {
      modelVersion: {
        modelId: "sample_fraud_model",
        modelType: "ONLINE_FRAUD_INSIGHTS",
        modelVersionNumber: "1.0",
        arn: "arn:aws:frauddetector:us-east-1:123456789012:model-version/ONLINE_FRAUD_INSIGHTS/sample_fraud_model/1.0",
      },
      scores: { sample_fraud_model_insightscore: 912.0 },
    },
  ],
  ruleResults: [
    { ruleId: "high_fraud_risk", outcomes: ["verify_customer"] },
    { ruleId: "low_fraud_risk", outcomes: [] },
  ],
  externalModelOutputs: [],
});

/** The Fraud Detector operations measured. */
export type Operation = "SendEvent" | "GetEventPrediction";

/** The bare keep-alive POST of the bytes the client sends (the floor). */
export function bare(port: number, op: Operation): Call {
  const body = JSON.stringify(
    op === "SendEvent" ? se_SendEventRequest(sendEventInput) : se_GetEventPredictionRequest(predictionInput),
  );
  // The header names and value sizes of a signed request (values are stand-ins).
  const headers = {
    "content-type": "application/x-amz-json-1.1",
    host: `127.0.0.1:${port}`,
    "x-amz-target": `AWSHawksNestServiceFacade.${op}`,
    "content-length": String(Buffer.byteLength(body)),
    "x-amz-date": "20240501T120000Z",
    "x-amz-content-sha256": "a".repeat(64),
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/20240501/us-east-1/frauddetector/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature=${"b".repeat(64)}`,
    "x-amz-user-agent": "anvil api/FraudDetector#2019-11-15",
  };
  return barePost(port, "/", headers, body);
}

/** The generated client with its defaults. */
export function anvil(port: number, op: Operation): Call {
  const client = new FraudDetectorClient({ region: "us-east-1", endpoint: `http://127.0.0.1:${port}`, credentials });
  return op === "SendEvent" ? () => client.sendEvent(sendEventInput) : () => client.getEventPrediction(predictionInput);
}

/** The AWS SDK v3 client. */
export function sdk(port: number, op: Operation): Call {
  const client = new SdkClient({ region: "us-east-1", endpoint: `http://127.0.0.1:${port}`, credentials });
  return op === "SendEvent"
    ? () => client.send(new SendEventCommand(sendEventInput))
    : () => client.send(new GetEventPredictionCommand(predictionInput));
}

/** What the server answers to a request with this `x-amz-target` (or path, for restJson1). */
export interface Route {
  contentType: string;
  body: string;
}

/**
 * The loopback server of the per-call bench, in the forked process: answers each request by its
 * `x-amz-target` (awsJson) or path (restJson1) from `routes`, else with Fraud Detector's `{}`;
 * posts its port to the parent and exits when the parent disconnects.
 */
export function serve(routes: Readonly<Record<string, Route>>): void {
  const fallback: Route = { contentType: "application/x-amz-json-1.1", body: "{}" };
  const server = createServer((req, res) => {
    const route = routes[String(req.headers["x-amz-target"] ?? req.url)] ?? fallback;
    req.resume();
    req.on("end", () => {
      res.writeHead(200, {
        "content-type": route.contentType,
        "x-amzn-requestid": "3f1b5c9e-0000-4000-8000-000000000000",
      });
      res.end(route.body);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => process.send?.((server.address() as AddressInfo).port));
  process.on("disconnect", () => process.exit(0));
}

/** Fraud Detector's routes (SendEvent answers the fallback `{}`). */
export const FRAUD_DETECTOR_ROUTES: Readonly<Record<string, Route>> = {
  "AWSHawksNestServiceFacade.GetEventPrediction": {
    contentType: "application/x-amz-json-1.1",
    body: PREDICTION_RESPONSE,
  },
};
