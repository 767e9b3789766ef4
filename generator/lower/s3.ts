/**
 * What the AWS SDK hand-writes for S3 alone (middleware-sdk-s3 and the S3 code generator), where
 * no trait says it; README "S3" lists each customisation and what anvil does about it.
 */
import type { Shape } from "../assemble/model.js";
import { code, runtime, valueRef, type Code } from "../code/index.js";
import { obj, str } from "./node-values.js";

/** True for Amazon S3 (`aws.api#service` sdkId `S3`). */
export function isS3(service: Shape): boolean {
  return str(obj(service.traits["aws.api#service"]).sdkId) === "S3";
}

/**
 * Operations S3 answers with 200 before it knows the outcome, so a failure comes as `<Error>` in
 * a 200 body (the SDK's throw-200-exceptions middleware lists the same three).
 */
const ERRORS_IN_200: ReadonlySet<string> = new Set(["CopyObject", "UploadPartCopy", "CompleteMultipartUpload"]);

/** True when `operation` of `service` may carry an error in a 200 response. */
export function errorsIn200(service: Shape, operation: string): boolean {
  return isS3(service) && ERRORS_IN_200.has(operation);
}

/** The descriptor's `prepareInput` for S3's CreateBucket (its LocationConstraint from the region), else undefined. */
export function s3PrepareInput(service: Shape, operation: string): Code | undefined {
  if (!isS3(service) || operation !== "CreateBucket") return undefined;
  return code`(input, region) => ${valueRef(runtime.s3LocationConstraint("withLocationConstraint"))}(input, region)`;
}

/** The runtime feature modules S3's customisations need among `operations`. */
export function s3RuntimeModules(service: Shape, operations: readonly string[]): string[] {
  return operations.some((name) => s3PrepareInput(service, name) !== undefined)
    ? ["features/s3-location-constraint.ts"]
    : [];
}

/**
 * The `@http` URI S3's client sends when endpoint rules place the bucket (in the host, or at the
 * start of the endpoint's path): the leading `/{Bucket}` label removed, as the SDK's S3 generator
 * does (`/{Bucket}/{Key+}` -> `/{Key+}`, `/{Bucket}?uploads` -> `/?uploads`). Other services'
 * URIs, and S3 without rules, are kept.
 */
export function uriWithoutBucket(service: Shape, uri: string): string {
  if (!isS3(service) || service.traits["smithy.rules#endpointRuleSet"] === undefined) return uri;
  const m = /^\/\{Bucket\}(?=$|[/?])/.exec(uri);
  if (m === null) return uri;
  const rest = uri.slice(m[0].length);
  return rest.startsWith("/") ? rest : `/${rest}`;
}
