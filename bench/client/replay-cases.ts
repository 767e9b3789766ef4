/**
 * The per-call cases measured against a bare POST replaying the client's own request: clients
 * generated from ../shared/aws-models at bench time (replay-clients.ts), one operation each, with
 * the answer the loopback server gives. calls.ts runs them in the same rounds, against the same
 * server, as the Fraud Detector variants.
 */
import type { Route } from "./fraud-detector-calls.js";

/** One generated-at-bench-time client and the call measured. */
export interface ReplayCase {
  /** How the tables and targets name it. */
  label: string;
  /** Operation name (the generated client's method is its camelCase). */
  operation: string;
  /** Model file under ../shared/aws-models. */
  model: string;
  /** Generated client folder name and its client class. */
  clientName: string;
  clientClass: string;
  /** Operations to generate; undefined for the whole service (as an app that uses many). */
  operations: string[] | undefined;
  input: Record<string, unknown>;
  /** What the server answers, keyed by `x-amz-target` (awsJson) or path (REST). */
  routes: Readonly<Record<string, Route>>;
}

/** A DynamoDB item of an order, about 300 bytes of JSON. */
const ORDER_ITEM = JSON.stringify({
  Item: {
    pk: { S: "cust-42" },
    sk: { S: "order#2024-05-01#0001" },
    status: { S: "SHIPPED" },
    total: { N: "129.95" },
    placedAt: { S: "2024-05-01T12:00:00Z" },
    lines: { L: [{ M: { sku: { S: "A-1" }, qty: { N: "2" } } }, { M: { sku: { S: "B-7" }, qty: { N: "1" } } }] },
    tags: { SS: ["gift", "priority"] },
  },
});

/** Every replayed case, by key. */
export const REPLAY_CASES: Readonly<Record<string, ReplayCase>> = {
  restJson: {
    label: "PutEvents (restJson1, Personalize Events)",
    operation: "PutEvents",
    model: "personalize-events/service/2018-03-22/personalize-events-2018-03-22.json",
    clientName: "personalizeevents",
    clientClass: "PersonalizeEventsClient",
    operations: ["PutEvents"],
    // A PutEvents request of about SendEvent's size: one event with properties.
    input: {
      trackingId: "0f4b1c2d-0000-4000-8000-000000000000",
      userId: "cust-42",
      sessionId: "session-0001",
      eventList: [
        {
          eventId: "evt-0001",
          eventType: "registration",
          itemId: "item-7",
          sentAt: new Date("2024-05-01T12:00:00Z"),
          properties: JSON.stringify({ email_address: "someone@example.com", ip_address: "192.0.2.10" }),
        },
      ],
    },
    routes: { "/events": { contentType: "application/json", body: "{}" } },
  },
  dynamoDb: {
    label: "GetItem (awsJson1_0, DynamoDB, whole service generated)",
    operation: "GetItem",
    model: "dynamodb/service/2012-08-10/dynamodb-2012-08-10.json",
    clientName: "dynamodb",
    clientClass: "DynamoDBClient",
    operations: undefined,
    input: {
      TableName: "orders",
      Key: { pk: { S: "cust-42" }, sk: { S: "order#2024-05-01#0001" } },
      ConsistentRead: true,
    },
    routes: { "DynamoDB_20120810.GetItem": { contentType: "application/x-amz-json-1.0", body: ORDER_ITEM } },
  },
};

/** Every case's server routes together. */
export const REPLAY_ROUTES: Readonly<Record<string, Route>> = Object.assign(
  {},
  ...Object.values(REPLAY_CASES).map((c) => c.routes),
);
