/**
 * A hand-written service and operation descriptor in the shape generated code will produce
 * (Fraud Detector's SendEvent), so runtime tests do not depend on the generator.
 */
import type { OperationDescriptor, ServiceDescriptor } from "../../generator/runtime/client.js";
import { ServiceException, type ErrorInit, type ValidationIssue } from "../../generator/runtime/errors.js";
import { AwsJsonProtocol, jsonRpcBody, jsonRpcRequest } from "../../generator/runtime/protocols/aws-json.js";

export class FakeServiceException extends ServiceException {}

export class ValidationException extends FakeServiceException {
  constructor(init: ErrorInit) {
    super({
      name: "ValidationException",
      message: init.message ?? "",
      $fault: "client",
      $metadata: init.$metadata,
      code: init.code,
    });
  }
}

export class ThrottlingException extends FakeServiceException {
  constructor(init: ErrorInit) {
    super({
      name: "ThrottlingException",
      message: init.message ?? "",
      $fault: "client",
      $metadata: init.$metadata,
      code: init.code,
    });
  }
}

/** A modeled error carrying `@retryable` (no throttling), as generated code would mark it. */
export class FlakyException extends FakeServiceException {
  override readonly $retryable = { throttling: false };
  constructor(init: ErrorInit) {
    super({
      name: "FlakyException",
      message: init.message ?? "",
      $fault: "client",
      $metadata: init.$metadata,
      code: init.code,
    });
  }
}

export const service: ServiceDescriptor = {
  protocol: new AwsJsonProtocol({ version: "1.1", serviceShapeName: "AWSHawksNestServiceFacade" }),
  signingName: "frauddetector",
  endpointPrefix: "frauddetector",
  sdkId: "FraudDetector",
  version: "2019-11-15",
  errors: {
    ValidationException: (init) => new ValidationException(init),
    ThrottlingException: (init) => new ThrottlingException(init),
    FlakyException: (init) => new FlakyException(init),
  },
  baseException: FakeServiceException,
};

export interface SendEventInput {
  eventId?: string;
  eventTypeName?: string;
  eventVariables?: Record<string, string>;
  entities?: { entityType: string; entityId: string }[];
}

/** Counts validator calls so tests can tell "off" from "warn". */
export const validatorCalls = { count: 0 };

export const sendEvent: OperationDescriptor<SendEventInput, { ok: boolean }> = {
  name: "SendEvent",
  serialize: (input) =>
    jsonRpcRequest(
      JSON.stringify({
        eventId: input.eventId,
        eventTypeName: input.eventTypeName,
        eventVariables: input.eventVariables,
        entities: input.entities,
      }),
    ),
  deserialize: (response) => ({ ok: Object.keys(jsonRpcBody(response)).length === 0 }),
  validate: (raw) => {
    validatorCalls.count++;
    const input = raw as SendEventInput;
    const issues: ValidationIssue[] = [];
    if (input.eventId === undefined) issues.push({ path: "eventId", constraint: "required", message: "is required" });
    else if (!/^[0-9a-z_-]+$/.test(input.eventId))
      issues.push({ path: "eventId", constraint: "pattern", message: "must match ^[0-9a-z_-]+$" });
    if (input.eventVariables !== undefined && Object.keys(input.eventVariables).length < 1) {
      issues.push({ path: "eventVariables", constraint: "length", message: "must have at least 1 entry" });
    }
    if (input.entities === undefined) issues.push({ path: "entities", constraint: "required", message: "is required" });
    return issues;
  },
};

/** A valid SendEvent input whose values tests look for in messages (they must never appear). */
export const validInput: SendEventInput = {
  eventId: "evt-secret-42",
  eventTypeName: "registration",
  eventVariables: { email: "alice.secret@example.com" },
  entities: [{ entityType: "customer", entityId: "cust-secret-7" }],
};

export const staticCredentials = { accessKeyId: "AKIDTEST", secretAccessKey: "secret/KEY+test" };
