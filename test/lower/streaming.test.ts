/**
 * Lowering `@streaming` blobs: under the REST protocols an operation with one gets a method (its
 * input member typed `StreamingBlobInput`, its output member `StreamingBlobOutput`, the
 * descriptor marked `streamingOutput`), under the others and for event streams it is left out
 * with a note; S3 alone signs its path as sent.
 */
import { describe, expect, it } from "vitest";
import { lower } from "../../generator/lower/index.js";
import type { ClientIR, InterfaceIR } from "../../generator/lower/ir.js";
import { select } from "../../generator/select/index.js";
import { modelOf } from "../helpers.js";

function lowered(protocol: string, serviceTraits: Record<string, unknown> = {}): ClientIR {
  const model = modelOf({
    smithy: "2.0",
    shapes: {
      "ex#Svc": {
        type: "service",
        version: "1",
        operations: [{ target: "ex#Upload" }, { target: "ex#Download" }, { target: "ex#Events" }],
        traits: { [protocol]: {}, ...serviceTraits },
      },
      "ex#Data": { type: "blob", traits: { "smithy.api#streaming": {}, "smithy.api#requiresLength": {} } },
      // Smithy allows @requiresLength on request streams only, and a streaming member is @required or has a @default.
      "ex#Plain": { type: "blob", traits: { "smithy.api#streaming": {} } },
      "ex#Upload": {
        type: "operation",
        input: { target: "ex#UploadIn" },
        traits: { "smithy.api#http": { method: "PUT", uri: "/u/{Key}", code: 200 } },
      },
      "ex#UploadIn": {
        type: "structure",
        members: {
          Key: { target: "smithy.api#String", traits: { "smithy.api#required": {}, "smithy.api#httpLabel": {} } },
          Body: { target: "ex#Data", traits: { "smithy.api#httpPayload": {}, "smithy.api#required": {} } },
        },
      },
      "ex#Download": {
        type: "operation",
        output: { target: "ex#DownloadOut" },
        traits: { "smithy.api#http": { method: "GET", uri: "/d", code: 200 } },
      },
      "ex#DownloadOut": {
        type: "structure",
        members: { Body: { target: "ex#Plain", traits: { "smithy.api#httpPayload": {}, "smithy.api#required": {} } } },
      },
      "ex#Events": {
        type: "operation",
        output: { target: "ex#EventsOut" },
        traits: { "smithy.api#http": { method: "GET", uri: "/e", code: 200 } },
      },
      "ex#EventsOut": {
        type: "structure",
        members: { Stream: { target: "ex#Stream", traits: { "smithy.api#httpPayload": {} } } },
      },
      "ex#Stream": { type: "union", members: { a: { target: "ex#Event" } }, traits: { "smithy.api#streaming": {} } },
      "ex#Event": { type: "structure", members: {} },
    },
  });
  return lower(model, select(model, {}), { name: "t", models: [], modelsAsWritten: ["t.json"], validation: "reject" });
}

function memberType(ir: ClientIR, structure: string, member: string): string {
  const decl = ir.types.find((t) => t.interface?.name === structure)?.interface as InterfaceIR;
  const property = decl.properties.find((p) => p.key === member);
  return String(property?.type);
}

describe("@streaming blobs in lower", () => {
  for (const protocol of ["aws.protocols#restJson1", "aws.protocols#restXml"]) {
    it(`${protocol}: gives streaming-blob operations a method, typed per side; event streams stay out`, () => {
      const ir = lowered(protocol);
      expect(ir.operations.map((o) => o.name).sort()).toEqual(["Download", "Upload"]);
      expect(ir.leftOutOperations.map((o) => o.name)).toEqual(["Events"]);
      expect(ir.leftOutOperations[0]?.note).toContain("an event stream");
      expect(ir.operations.find((o) => o.name === "Download")?.streamingOutput?.toString()).toBe("readWhole");
      expect(ir.operations.find((o) => o.name === "Upload")?.streamingOutput).toBeUndefined();
      expect(memberType(ir, "UploadIn", "Body")).toBe("StreamingBlobInput");
      expect(memberType(ir, "DownloadOut", "Body")).toBe("StreamingBlobOutput");
    });
  }

  it("passes @requiresLength to the runtime (restJson1 serializer, restXml schema)", () => {
    const json = lowered("aws.protocols#restJson1");
    const serializer = json.protocolFunctions.find((f) => f.name === "ser_UploadRequest");
    expect(serializer?.lines.map(String).join("\n")).toContain('streamingRequestBody(v.Body, "Body", "Upload", true)');
    const xml = lowered("aws.protocols#restXml");
    expect(xml.xmlSchemas.map((d) => String(d.value)).join("\n")).toContain(
      'http: { in: "payload", streaming: true, requiresLength: true }',
    );
  });

  it("leaves streaming-blob operations out, with a note, where the protocol cannot send them", () => {
    const ir = lowered("aws.protocols#awsJson1_1");
    expect(ir.operations).toEqual([]);
    expect(ir.leftOutOperations.find((o) => o.name === "Upload")?.note).toContain("a streaming blob");
  });

  it("turns the second path encoding off for S3 only", () => {
    expect(lowered("aws.protocols#restXml", { "aws.api#service": { sdkId: "S3" } }).service.signingEscapePath).toBe(
      false,
    );
    expect(
      lowered("aws.protocols#restXml", { "aws.api#service": { sdkId: "S3 Control" } }).service.signingEscapePath,
    ).toBe(true);
    expect(lowered("aws.protocols#restJson1").service.signingEscapePath).toBe(true);
  });
});
