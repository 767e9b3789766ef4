/**
 * The serialization decisions of generator/lower/serde.ts that shape the wire: member order (the
 * AWS SDK's: @required first), @default values (sent when nested, never at the top level, read
 * back when absent), @idempotencyToken, and the operation/service facts the client template
 * prints (@endpoint host prefix, @requestCompression, awsQueryCompatible).
 */
import { describe, expect, it } from "vitest";
import { getShape } from "../../generator/assemble/model.js";
import { lower } from "../../generator/lower/index.js";
import { wireOrder } from "../../generator/lower/serde.js";
import { select } from "../../generator/select/index.js";
import { modelOf } from "../helpers.js";

const model = modelOf({
  smithy: "2.0",
  shapes: {
    "ex#Svc": {
      type: "service",
      version: "1",
      operations: [{ target: "ex#Op" }, { target: "ex#Plain" }],
      traits: { "aws.protocols#awsJson1_0": {}, "aws.protocols#awsQueryCompatible": {} },
    },
    "ex#Op": {
      type: "operation",
      input: { target: "ex#In" },
      output: { target: "ex#Out" },
      traits: {
        "smithy.api#endpoint": { hostPrefix: "{account}.data." },
        "smithy.api#requestCompression": { encodings: ["gzip"] },
      },
    },
    "ex#Plain": { type: "operation" },
    "ex#In": {
      type: "structure",
      members: {
        note: { target: "smithy.api#String" },
        account: { target: "smithy.api#String", traits: { "smithy.api#required": {}, "smithy.api#hostLabel": {} } },
        token: { target: "smithy.api#String", traits: { "smithy.api#idempotencyToken": {} } },
        top: { target: "smithy.api#Integer", traits: { "smithy.api#default": 7 } },
        nested: { target: "ex#Nested" },
        id: { target: "smithy.api#String", traits: { "smithy.api#required": {} } },
      },
    },
    "ex#Nested": {
      type: "structure",
      members: {
        count: { target: "smithy.api#Integer", traits: { "smithy.api#default": 10 } },
        when: {
          target: "smithy.api#Timestamp",
          traits: { "smithy.api#default": 0, "smithy.api#timestampFormat": "date-time" },
        },
        soft: { target: "smithy.api#Integer", traits: { "smithy.api#default": 1, "smithy.api#clientOptional": {} } },
        nothing: { target: "smithy.api#Document", traits: { "smithy.api#default": null } },
      },
    },
    "ex#Out": {
      type: "structure",
      members: {
        bytes: { target: "smithy.api#Blob", traits: { "smithy.api#default": "YWJj" } },
        flag: { target: "smithy.api#Boolean", traits: { "smithy.api#required": {}, "smithy.api#default": true } },
        plain: { target: "smithy.api#String" },
      },
    },
  },
});
const selection = select(model, {});
const ir = lower(model, selection, { name: "t", models: [], modelsAsWritten: ["t.json"], validation: "reject" });
const fields = (list: typeof ir.serializers, type: string) =>
  (list.find((f) => f.type.toString() === type)?.structure ?? []).map((f) => [f.key, f.expression.toString()]);
const operation = (name: string) => ir.operations.find((o) => o.name === name);

describe("serializer plan", () => {
  it("writes @required members first, then the rest, each in model order (the AWS SDK's body order)", () => {
    expect(fields(ir.serializers, "In").map(([name]) => name)).toEqual([
      "account",
      "id",
      "note",
      "token",
      "top",
      "nested",
    ]);
    expect(wireOrder(getShape(model, "ex#Nested").members).map((m) => m.name)).toEqual([
      "count",
      "when",
      "soft",
      "nothing",
    ]);
  });

  it("leaves defaults out of the top-level input but fills a fresh token for @idempotencyToken", () => {
    const byName = Object.fromEntries(fields(ir.serializers, "In"));
    expect(byName.top).toBe("v.top");
    expect(byName.token).toBe("v.token ?? idempotencyToken()");
  });

  it("sends the @default of a nested member the caller left out, in the member's wire format, except @clientOptional and null defaults", () => {
    expect(Object.fromEntries(fields(ir.serializers, "Nested"))).toEqual({
      count: "v.count ?? 10",
      when: 'v.when == null ? "1970-01-01T00:00:00Z" : serDateTime(v.when)',
      soft: "v.soft",
      nothing: "v.nothing",
    });
  });
});

describe("deserializer plan", () => {
  it("reads an absent member with a @default as that default (bytes decoded), before any zero value", () => {
    expect(Object.fromEntries(fields(ir.deserializers, "Out"))).toEqual({
      bytes: '(deBlob(b["bytes"])) ?? fromBase64("YWJj")',
      flag: '(deBoolean(b["flag"])) ?? true',
      plain: 'deString(b["plain"])',
    });
  });
});

describe("operation and service wire facts", () => {
  it("reads @endpoint hostPrefix and @requestCompression gzip", () => {
    expect(operation("Op")?.hostPrefix?.toString()).toBe('(input) => hostPrefixOf("{account}.data.", "Op", input)');
    expect(operation("Op")?.requestCompression?.toString()).toBe("gzipFrom");
    expect(operation("Plain")).toMatchObject({ hostPrefix: undefined, requestCompression: undefined });
  });

  it("never lowers @requestCompression with an encoding the runtime cannot send: validation refuses it (RequestCompressionTrait)", () => {
    const model = {
      smithy: "2.0",
      shapes: {
        "ex#Svc": {
          type: "service",
          version: "1",
          operations: [{ target: "ex#Op" }],
          traits: { "aws.protocols#awsJson1_0": {} },
        },
        "ex#Op": {
          type: "operation",
          input: { target: "ex#OpInput" },
          traits: { "smithy.api#requestCompression": { encodings: ["br"] } },
        },
        "ex#OpInput": { type: "structure", members: {} },
      },
    };
    expect(() => modelOf(model)).toThrow(
      "Invalid compression algorithm found in `requestCompression` trait applied to `ex#Op`: `br`",
    );
  });

  it("reads awsQueryCompatible", () => {
    expect(ir.service.queryCompatible).toBe(true);
  });
});
