/**
 * Endpoint parameters as config fields (generator/lower/endpoint-params.ts): built-ins under the
 * AWS SDK's names, context parameters in camelCase, docs and defaults from the model, region and
 * endpoint left to their own fields; and the S3 model's fields, which issue 10 lists.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getShape } from "../../generator/assemble/model.js";
import { endpointParamFields } from "../../generator/lower/endpoint-params.js";
import { modelOf, SHARED } from "../helpers.js";

const S3_MODEL = `${SHARED}aws-models/s3/service/2006-03-01/s3-2006-03-01.json`;
const s3Present = existsSync(S3_MODEL);
if (!s3Present) console.warn(`skipping the S3 endpoint-parameter case: ${S3_MODEL} is absent (needs ${SHARED})`);

describe("endpointParamFields", () => {
  it("turns user-set built-ins and context params into typed, documented fields", () => {
    const traits = {
      "smithy.rules#clientContextParams": {
        Stage: { type: "string", documentation: "Which <b>stage</b> to call." },
        UseFIPS: { type: "boolean", documentation: "context doc" },
      },
      "smithy.rules#endpointRuleSet": {
        version: "1.0",
        parameters: {
          Region: { builtIn: "AWS::Region", type: "String", required: false },
          Endpoint: { builtIn: "SDK::Endpoint", type: "String", required: false },
          UseFIPS: {
            builtIn: "AWS::UseFIPS",
            type: "Boolean",
            required: true,
            default: false,
            documentation: "Use FIPS endpoints.",
          },
          Stage: { type: "String", required: false },
          Internal: { type: "String", required: false },
        },
        rules: [],
      },
    };
    const model = modelOf({ smithy: "2.0", shapes: { "ex#Svc": { type: "service", version: "1", traits } } });
    expect(endpointParamFields(getShape(model, "ex#Svc"))).toEqual([
      { field: "useFipsEndpoint", param: "UseFIPS", type: "boolean", doc: ["Use FIPS endpoints.", "Default: false."] },
      { field: "stage", param: "Stage", type: "string", doc: ["Which stage to call."] },
    ]);
  });

  it.skipIf(!s3Present)("gives S3 the SDK's fields: forcePathStyle, useAccelerateEndpoint, useArnRegion, ...", () => {
    const shapes = (JSON.parse(readFileSync(S3_MODEL, "utf8")) as { shapes: Record<string, unknown> }).shapes;
    const model = modelOf({ smithy: "2.0", shapes });
    const fields = endpointParamFields(getShape(model, "com.amazonaws.s3#AmazonS3")).map((f) => `${f.field}:${f.type}`);
    expect(fields.sort()).toEqual(
      [
        "disableMultiregionAccessPoints:boolean",
        "disableS3ExpressSessionAuth:boolean",
        "forcePathStyle:boolean",
        "useAccelerateEndpoint:boolean",
        "useArnRegion:boolean",
        "useDualstackEndpoint:boolean",
        "useFipsEndpoint:boolean",
        "useGlobalEndpoint:boolean",
      ].sort(),
    );
  });
});
