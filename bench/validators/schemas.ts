/**
 * The two Fraud Detector requests as a JSON Schema (for ajv) and as zod 4 schemas, written by hand
 * to check what the generated validators check: required members, types, lengths, patterns, the
 * ISO 8601 strings, map keys and entries, required-together members. Patterns are the model's
 * (they are plain ECMAScript here, as ajv and zod would be given them).
 */
import { z } from "zod";
import { isIso8601Utc } from "../../generator/runtime/validate.js";

const identifier = { type: "string", minLength: 1, maxLength: 64, pattern: "^[0-9a-z_-]+$" } as const;
const timestamp = { type: "string", minLength: 10, maxLength: 30, format: "iso8601Utc" } as const;
const eventVariables = {
  type: "object",
  minProperties: 1,
  propertyNames: { minLength: 1, maxLength: 64 },
  additionalProperties: { type: "string", minLength: 1, maxLength: 8192 },
} as const;
const entities = {
  type: "array",
  items: {
    type: "object",
    required: ["entityType", "entityId"],
    properties: {
      entityType: { type: "string" },
      entityId: { type: "string", minLength: 1, maxLength: 256, pattern: "^[0-9A-Za-z_.@+-]+$" },
    },
  },
} as const;

/** SendEventRequest. */
export const sendEventSchema = {
  type: "object",
  required: ["eventId", "eventTypeName", "eventTimestamp", "eventVariables", "entities"],
  properties: {
    eventId: identifier,
    eventTypeName: identifier,
    eventTimestamp: timestamp,
    eventVariables,
    assignedLabel: identifier,
    labelTimestamp: timestamp,
    entities,
  },
  dependencies: { assignedLabel: ["labelTimestamp"], labelTimestamp: ["assignedLabel"] },
} as const;

/** GetEventPredictionRequest. */
export const getEventPredictionSchema = {
  type: "object",
  required: ["detectorId", "eventId", "eventTypeName", "entities", "eventTimestamp", "eventVariables"],
  properties: {
    detectorId: { type: "string" },
    detectorVersionId: { type: "string", minLength: 1, maxLength: 5, pattern: "^([1-9][0-9]*)$" },
    eventId: { type: "string" },
    eventTypeName: { type: "string" },
    entities,
    eventTimestamp: timestamp,
    eventVariables,
    externalModelEndpointDataBlobs: {
      type: "object",
      propertyNames: { minLength: 1, maxLength: 63, pattern: "^[0-9A-Za-z_-]+$" },
      additionalProperties: {
        type: "object",
        properties: {
          byteBuffer: { uint8array: true },
          contentType: { type: "string", minLength: 1, maxLength: 1024 },
        },
      },
    },
  },
} as const;

const zIdentifier = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[0-9a-z_-]+$/);
const zTimestamp = z.string().min(10).max(30).refine(isIso8601Utc, "not an ISO 8601 UTC timestamp");
const zEventVariables = z
  .record(z.string().min(1).max(64), z.string().min(1).max(8192))
  .refine((m) => Object.keys(m).length >= 1, "at least one entry");
const zEntities = z.array(
  z.object({
    entityType: z.string(),
    entityId: z
      .string()
      .min(1)
      .max(256)
      .regex(/^[0-9A-Za-z_.@+-]+$/),
  }),
);

/** SendEventRequest in zod. */
export const sendEventZod = z
  .object({
    eventId: zIdentifier,
    eventTypeName: zIdentifier,
    eventTimestamp: zTimestamp,
    eventVariables: zEventVariables,
    assignedLabel: zIdentifier.optional(),
    labelTimestamp: zTimestamp.optional(),
    entities: zEntities,
  })
  .refine(
    (o) => (o.assignedLabel === undefined) === (o.labelTimestamp === undefined),
    "assignedLabel and labelTimestamp go together",
  );

/** GetEventPredictionRequest in zod. */
export const getEventPredictionZod = z.object({
  detectorId: z.string(),
  detectorVersionId: z
    .string()
    .min(1)
    .max(5)
    .regex(/^([1-9][0-9]*)$/)
    .optional(),
  eventId: z.string(),
  eventTypeName: z.string(),
  entities: zEntities,
  eventTimestamp: zTimestamp,
  eventVariables: zEventVariables,
  externalModelEndpointDataBlobs: z
    .record(
      z
        .string()
        .min(1)
        .max(63)
        .regex(/^[0-9A-Za-z_-]+$/),
      z.object({
        byteBuffer: z.instanceof(Uint8Array).optional(),
        contentType: z.string().min(1).max(1024).optional(),
      }),
    )
    .optional(),
});
