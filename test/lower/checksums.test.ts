/**
 * What lower plans for S3's hand-written behaviours and request checksums: which checksum an
 * operation sends (lower/checksums.ts), which runtime feature modules a folder ships, the endpoint
 * rule parameters an operation sets (lower/endpoint-context.ts) and S3's URIs without `/{Bucket}`
 * (lower/s3.ts).
 */
import { describe, expect, it } from "vitest";
import { getShape } from "../../generator/assemble/model.js";
import { checksumRuntimeModules, requestChecksumOf } from "../../generator/lower/checksums.js";
import { endpointContextFunction, endpointContextOf } from "../../generator/lower/endpoint-context.js";
import { errorsIn200, uriWithoutBucket } from "../../generator/lower/s3.js";
import { runtimeFilesFor } from "../../generator/runtime-files.js";
import { modelOf } from "../helpers.js";

const ruleSet = {
  version: "1.0",
  parameters: {
    Bucket: { type: "String", required: false },
    Region: { builtIn: "AWS::Region", type: "String", required: false },
    UseS3ExpressControlEndpoint: { type: "Boolean", required: false },
  },
  rules: [],
};
const model = modelOf({
  smithy: "2.0",
  shapes: {
    "ex#Svc": {
      type: "service",
      version: "1",
      traits: { "aws.api#service": { sdkId: "S3" }, "smithy.rules#endpointRuleSet": ruleSet },
      operations: [
        { target: "ex#DeleteObjects" },
        { target: "ex#Legacy" },
        { target: "ex#Plain" },
        { target: "ex#CopyObject" },
      ],
    },
    "ex#DeleteObjects": {
      type: "operation",
      input: { target: "ex#DeleteInput" },
      traits: {
        "aws.protocols#httpChecksum": { requestAlgorithmMember: "ChecksumAlgorithm", requestChecksumRequired: true },
        "smithy.rules#staticContextParams": {
          UseS3ExpressControlEndpoint: { value: true },
          Undeclared: { value: true },
        },
      },
    },
    "ex#DeleteInput": {
      type: "structure",
      members: {
        Bucket: {
          target: "smithy.api#String",
          traits: {
            "smithy.rules#contextParam": { name: "Bucket" },
            "smithy.api#httpLabel": {},
            "smithy.api#required": {},
          },
        },
        ChecksumAlgorithm: {
          target: "ex#ChecksumAlgorithm",
          traits: { "smithy.api#httpHeader": "x-amz-sdk-checksum-algorithm" },
        },
      },
    },
    "ex#ChecksumAlgorithm": {
      type: "enum",
      members: {
        CRC32: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "CRC32" } },
        SHA256: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "SHA256" } },
      },
    },
    "ex#Legacy": { type: "operation", traits: { "smithy.api#httpChecksumRequired": {} } },
    "ex#Plain": {
      type: "operation",
      traits: { "aws.protocols#httpChecksum": { requestValidationModeMember: "Mode" } },
    },
    "ex#CopyObject": { type: "operation" },
  },
});
const op = (name: string) => getShape(model, `ex#${name}`);

describe("request checksum plans", () => {
  it("plans the flexible checksum with the algorithm member's header, Content-MD5 for @httpChecksumRequired, nothing for response-only httpChecksum", () => {
    expect(requestChecksumOf(model, op("DeleteObjects"))).toEqual({
      kind: "flexible",
      required: true,
      algorithmMember: "ChecksumAlgorithm",
      algorithmHeader: "x-amz-sdk-checksum-algorithm",
    });
    expect(requestChecksumOf(model, op("Legacy"))).toEqual({ kind: "md5" });
    expect(requestChecksumOf(model, op("Plain"))).toBeUndefined();
  });

  it("ships a feature module only to folders whose operations use it", () => {
    const modules = checksumRuntimeModules(
      ["DeleteObjects", "Legacy", "Plain"].map((n) => requestChecksumOf(model, op(n))),
    );
    expect(modules).toEqual(["features/checksum.ts", "features/content-md5.ts"]);
    const without = runtimeFilesFor(["protocols/rest-xml.ts"]);
    expect(without.filter((f) => f.startsWith("features/"))).toEqual([]);
    const withMd5 = runtimeFilesFor(["protocols/rest-xml.ts", "features/content-md5.ts"]);
    expect(withMd5.filter((f) => f.startsWith("features/"))).toEqual([
      "features/body-bytes.ts",
      "features/content-md5.ts",
    ]);
  });
});

describe("S3 per-call endpoint plans", () => {
  it("sets declared static params and @contextParam members, skipping parameters the rule set does not declare", () => {
    const service = getShape(model, "ex#Svc");
    expect(endpointContextOf(model, service, op("DeleteObjects"))).toEqual([
      { param: "UseS3ExpressControlEndpoint", expression: "true" },
      { param: "Bucket", expression: 'input["Bucket"]' },
    ]);
    expect(endpointContextOf(model, service, op("Legacy"))).toEqual([]);
    // Only static parameters: the function takes no input (strict mode refuses an unused one).
    expect(endpointContextFunction([{ param: "UseS3ExpressControlEndpoint", expression: "true" }])).toBe(
      '() => ({ "UseS3ExpressControlEndpoint": true })',
    );
  });

  it("removes the leading {Bucket} label from S3 URIs when the model has rules, and marks the 200-error operations", () => {
    const service = getShape(model, "ex#Svc");
    expect(uriWithoutBucket(service, "/{Bucket}/{Key+}?x-id=CopyObject")).toBe("/{Key+}?x-id=CopyObject");
    expect(uriWithoutBucket(service, "/{Bucket}?delete")).toBe("/?delete");
    expect(uriWithoutBucket(service, "/{Bucket}")).toBe("/");
    expect(uriWithoutBucket(service, "/{BucketName}/x")).toBe("/{BucketName}/x");
    expect(errorsIn200(service, "CopyObject")).toBe(true);
    expect(errorsIn200(service, "DeleteObjects")).toBe(false);
  });
});
