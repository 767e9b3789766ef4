/**
 * Shared setup for the generated-client tests: inputs for the two operations and a factory for
 * the generated FraudDetectorClient pointed at a loopback server (test/runtime/server.ts, a real
 * node:http server on 127.0.0.1), with static credentials and zero-length backoff waits.
 */
import { FraudDetectorClient, type FraudDetectorClientConfig } from "../../generated/frauddetector/index.js";
import type { GetEventPredictionRequest, SendEventRequest } from "../../generated/frauddetector/index.js";
import { track } from "../runtime/helpers.js";
import type { TestServer } from "../runtime/server.js";

export { destroyClients, loopbackServerForFile, rejectionOf } from "../runtime/helpers.js";

export const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };

/** Values marked @sensitive in the model (Entity, variableValue): they must never leak. */
export const SECRET_ENTITY_ID = "cust-4242-SECRET";
export const SECRET_EMAIL = "alice.secret@example.com";

export const sendEventInput: SendEventRequest = {
  eventId: "evt-0001",
  eventTypeName: "registration",
  eventTimestamp: "2024-05-01T12:00:00Z",
  eventVariables: { email_address: SECRET_EMAIL, ip_address: "192.0.2.10" },
  entities: [{ entityType: "customer", entityId: SECRET_ENTITY_ID }],
};

export const getEventPredictionInput: GetEventPredictionRequest = {
  detectorId: "fraud_detector",
  detectorVersionId: "1",
  eventId: "evt-0002",
  eventTypeName: "registration",
  entities: [{ entityType: "customer", entityId: SECRET_ENTITY_ID }],
  eventTimestamp: "2024-05-01T12:00:00Z",
  eventVariables: { email_address: SECRET_EMAIL },
  externalModelEndpointDataBlobs: {
    "sagemaker-endpoint": { byteBuffer: new TextEncoder().encode("1,2,3"), contentType: "text/csv" },
  },
};

/** A generated client for `server`; `destroyClients()` closes its sockets. */
export function clientFor(server: TestServer, config: FraudDetectorClientConfig = {}): FraudDetectorClient {
  const client = new FraudDetectorClient({
    region: "us-east-1",
    endpoint: server.url,
    credentials,
    retry: { random: () => 0 },
    ...config,
  });
  return track(client);
}
