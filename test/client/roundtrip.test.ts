/**
 * The generated FraudDetectorClient against a real loopback HTTP server: what goes on the wire
 * for SendEvent and GetEventPrediction, and how responses are decoded into the typed outputs.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ModelTypeEnum } from "../../generated/frauddetector/index.js";
import { reply } from "../runtime/server.js";
import { clientFor, getEventPredictionInput, loopbackServerForFile, sendEventInput } from "./helpers.js";

const server = await loopbackServerForFile();

describe("SendEvent round trip", () => {
  it("POSTs only the modeled members, required first in model order, to / with the awsJson1_1 headers, signed", async () => {
    // Members given in a different order than the model's, plus one the model does not have.
    const { entities, eventVariables, eventTimestamp, eventTypeName, eventId } = sendEventInput;
    const shuffled = { entities, eventVariables, extra: "dropped", eventTimestamp, eventTypeName, eventId };
    const output = await clientFor(server).sendEvent(shuffled);
    expect(output).toEqual({});
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0];
    if (req === undefined) throw new Error("no request");
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/");
    expect(req.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(req.headers["x-amz-target"]).toBe("AWSHawksNestServiceFacade.SendEvent");
    expect(Object.keys(JSON.parse(req.body))).toEqual([
      "eventId",
      "eventTypeName",
      "eventTimestamp",
      "eventVariables",
      "entities",
    ]);
    await clientFor(server).sendEvent({
      ...sendEventInput,
      labelTimestamp: "2024-05-02T00:00:00Z",
      assignedLabel: "legit",
    });
    expect(Object.keys(JSON.parse(server.requests[1].body))).toEqual([
      "eventId",
      "eventTypeName",
      "eventTimestamp",
      "eventVariables",
      "entities",
      "assignedLabel",
      "labelTimestamp",
    ]);
    expect(JSON.parse(req.body)).toEqual(sendEventInput);
    expect(req.headers["content-length"]).toBe(String(Buffer.byteLength(req.body)));
    expect(req.headers["x-amz-content-sha256"]).toBe(createHash("sha256").update(req.body).digest("hex"));
    expect(req.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/frauddetector\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$/,
    );
  });

  it("reuses one keep-alive connection for consecutive calls", async () => {
    const client = clientFor(server);
    for (let i = 0; i < 5; i++) await client.sendEvent(sendEventInput);
    expect(server.requests).toHaveLength(5);
    expect(server.connections).toBe(1);
  });

  it("ignores members of the response the model does not define", async () => {
    server.handler = (_r, res) => reply(res, 200, '{"unexpected":{"deep":[1,2]}}');
    await expect(clientFor(server).sendEvent(sendEventInput)).resolves.toEqual({});
  });
});

describe("GetEventPrediction round trip", () => {
  it("sends blobs as base64 and maps as objects", async () => {
    await clientFor(server).getEventPrediction(getEventPredictionInput);
    const body = JSON.parse(server.requests[0].body);
    expect(server.requests[0].headers["x-amz-target"]).toBe("AWSHawksNestServiceFacade.GetEventPrediction");
    expect(body.externalModelEndpointDataBlobs).toEqual({
      "sagemaker-endpoint": { byteBuffer: "MSwyLDM=", contentType: "text/csv" },
    });
    // The AWS SDK's order: @required members in model order, then the optional ones.
    expect(Object.keys(body)).toEqual([
      "detectorId",
      "eventId",
      "eventTypeName",
      "entities",
      "eventTimestamp",
      "eventVariables",
      "detectorVersionId",
      "externalModelEndpointDataBlobs",
    ]);
  });

  it("decodes model scores (float map), rule results, external model outputs and enums", async () => {
    server.handler = (_r, res) =>
      reply(
        res,
        200,
        JSON.stringify({
          modelScores: [
            {
              modelVersion: {
                modelId: "fraud_model",
                modelType: "ONLINE_FRAUD_INSIGHTS",
                modelVersionNumber: "1.0",
                arn: "arn:aws:frauddetector:us-east-1:123456789012:model-version/x",
              },
              scores: { fraud_model_insightscore: 912.5, other: 0.125, nan: "NaN" },
              futureMember: true,
            },
          ],
          ruleResults: [{ ruleId: "high_risk", outcomes: ["review", "block"] }],
          externalModelOutputs: [
            {
              externalModel: { modelEndpoint: "sagemaker-endpoint", modelSource: "SAGEMAKER" },
              outputs: { score: "0.9" },
            },
          ],
          somethingNew: 1,
        }),
      );
    const output = await clientFor(server).getEventPrediction(getEventPredictionInput);
    expect(output).toEqual({
      modelScores: [
        {
          modelVersion: {
            modelId: "fraud_model",
            modelType: ModelTypeEnum.ONLINE_FRAUD_INSIGHTS,
            modelVersionNumber: "1.0",
            arn: "arn:aws:frauddetector:us-east-1:123456789012:model-version/x",
          },
          scores: { fraud_model_insightscore: 912.5, other: 0.125, nan: NaN },
        },
      ],
      ruleResults: [{ ruleId: "high_risk", outcomes: ["review", "block"] }],
      externalModelOutputs: [
        { externalModel: { modelEndpoint: "sagemaker-endpoint", modelSource: "SAGEMAKER" }, outputs: { score: "0.9" } },
      ],
    });
    expect(Object.keys(output)).not.toContain("somethingNew");
  });

  it("passes an enum value the model does not know through as a string", async () => {
    server.handler = (_r, res) =>
      reply(
        res,
        200,
        '{"modelScores":[{"modelVersion":{"modelId":"m","modelType":"BRAND_NEW_TYPE","modelVersionNumber":"2.0"}}]}',
      );
    const output = await clientFor(server).getEventPrediction(getEventPredictionInput);
    expect(output.modelScores?.[0]?.modelVersion?.modelType).toBe("BRAND_NEW_TYPE");
  });

  it("fills zero values for required output members the server left out", async () => {
    server.handler = (_r, res) => reply(res, 200, '{"modelScores":[{"modelVersion":{"modelId":"m"}}]}');
    const output = await clientFor(server).getEventPrediction(getEventPredictionInput);
    expect(output.modelScores?.[0]?.modelVersion).toEqual({ modelId: "m", modelType: "", modelVersionNumber: "" });
  });

  it("reads an empty 200 body as an empty output", async () => {
    server.handler = (_r, res) => reply(res, 200, "");
    await expect(clientFor(server).getEventPrediction(getEventPredictionInput)).resolves.toEqual({});
  });
});
