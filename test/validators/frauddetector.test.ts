/**
 * The validators generated for Fraud Detector (codegen.yaml), as users get them: exported names,
 * docs, type-checking, and SendEvent / GetEventPrediction inputs valid and invalid.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessTypeChecker } from "../../generator/typecheck/index.js";
import type { ValidationIssue } from "../../generator/runtime/validate.js";
import { fraudDetectorValidators, validator, type GeneratedValidators } from "./generated.js";
import { allBrokenGetEventPrediction, allBrokenSendEvent } from "../../bench/validators/inputs.js";

let module: GeneratedValidators;
let files: Array<{ path: string; text: string }>;
let dir: string;
let sendEvent: (v: unknown) => ValidationIssue[];
let getEventPrediction: (v: unknown) => ValidationIssue[];

beforeAll(async () => {
  ({ module, files, dir } = await fraudDetectorValidators());
  sendEvent = validator(module, "validateSendEventRequest");
  getEventPrediction = validator(module, "validateGetEventPredictionRequest");
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = () => files.find((f) => f.path === "validators.ts")?.text ?? "";
const brief = (issues: ValidationIssue[]) => issues.map((i) => `${i.path} ${i.constraint}`);

const validSend = () => ({
  eventId: "evt-1",
  eventTypeName: "registration",
  eventTimestamp: "2019-11-15T18:25:43Z",
  eventVariables: { email_address: "someone@example.com" },
  entities: [{ entityType: "customer", entityId: "c-1" }],
});
const validPredict = () => ({
  detectorId: "detector",
  eventId: "evt-1",
  eventTypeName: "registration",
  entities: [{ entityType: "customer", entityId: "c-1" }],
  eventTimestamp: "2019-11-15T18:25:43.5+00:00",
  eventVariables: { ip_address: "192.0.2.1" },
});

describe("the generated module", () => {
  const expected = [
    "SendEventRequest",
    "SendEventResult",
    "EventVariableMap",
    "ListOfEntities",
    "Entity",
    "GetEventPredictionRequest",
    "GetEventPredictionResult",
    "ExternalModelEndpointDataBlobMap",
    "ModelEndpointDataBlob",
    "ListOfModelScores",
    "ModelScores",
    "ModelVersion",
    "ModelPredictionMap",
    "ListOfRuleResults",
    "RuleResult",
    "ListOfStrings",
    "ListOfExternalModelOutputs",
    "ExternalModelOutputs",
    "ExternalModelSummary",
    "ExternalModelPredictionMap",
  ];

  it("exports validate<Name> and is<Name> for every structure, list and map of the closure, and nothing for errors", () => {
    const exported = Object.keys(module).sort();
    expect(exported).toEqual(expected.flatMap((n) => [`validate${n}`, `is${n}`]).sort());
    expect(exported.some((n) => /Exception/.test(n))).toBe(false);
  });

  it("gives every exported validator and guard a TSDoc comment", () => {
    const lines = text().split("\n");
    const exports = lines.flatMap((l, i) => (/^export (function|const) /.test(l) ? [i] : []));
    expect(exports).toHaveLength(expected.length * 2);
    for (const i of exports) expect(lines[i - 1].endsWith("*/"), lines[i]).toBe(true);
  });

  it("compiles each pattern once, at module load, and never builds one in a function", () => {
    const t = text();
    expect(t.match(/new RegExp\(/g)?.length).toBe(7);
    for (const fn of t.split(/\nfunction |\nexport function /).slice(1)) expect(fn).not.toContain("new RegExp");
  });

  it("type-checks (strict, lib ES2022, no DOM) with the runtime and types beside it", async () => {
    const wanted = new Set(["validators.ts", "types.ts", "runtime/validate.ts", "package.json"]);
    const subset = files.filter((f) => wanted.has(f.path)).map((f) => ({ ...f, origin: f.path }));
    const problems = await inProcessTypeChecker()([{ folder: "frauddetector", files: subset }]);
    expect(problems).toEqual([]);
  }, 60_000);

  it("type guards agree with the validators", () => {
    const isSend = module.isSendEventRequest as (v: unknown) => boolean;
    expect(isSend(validSend())).toBe(true);
    expect(isSend({ ...validSend(), eventId: "" })).toBe(false);
  });
});

describe("SendEvent input", () => {
  it("accepts a valid request, with and without its label pair", () => {
    expect(sendEvent(validSend())).toEqual([]);
    expect(sendEvent({ ...validSend(), assignedLabel: "fraud", labelTimestamp: "2019-11-15T18:25:43.123Z" })).toEqual(
      [],
    );
  });

  it("reports the three problems the AWS SDK lets through, in Smithy's words", () => {
    expect(
      sendEvent({
        eventId: "BAD ID!",
        eventTypeName: "registration",
        eventTimestamp: "2019-11-15T18:25:43Z",
        eventVariables: {},
      }),
    ).toEqual([
      {
        path: "/eventId",
        constraint: "pattern",
        message:
          "Value at '/eventId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9a-z_-]+$",
      },
      {
        path: "/eventVariables",
        constraint: "length",
        message:
          "Value with length 0 at '/eventVariables' failed to satisfy constraint: Member must have length greater than or equal to 1",
      },
      {
        path: "/entities",
        constraint: "required",
        message: "Value at '/entities' failed to satisfy constraint: Member must not be null",
      },
    ]);
  });

  it.each([
    ["eventId too long", { eventId: "a".repeat(65) }, ["/eventId length"]],
    ["eventId of 64", { eventId: "a".repeat(64) }, []],
    ["uppercase eventTypeName", { eventTypeName: "Registration" }, ["/eventTypeName pattern"]],
    ["a date without time", { eventTimestamp: "2019-11-15" }, ["/eventTimestamp iso8601Utc"]],
    ["a timestamp with an offset", { eventTimestamp: "2019-11-15T18:25:43+02:00" }, ["/eventTimestamp iso8601Utc"]],
    ["a Date object where a string belongs", { eventTimestamp: new Date() }, ["/eventTimestamp type"]],
    ["a timestamp too short", { eventTimestamp: "2019" }, ["/eventTimestamp length"]],
    ["assignedLabel without labelTimestamp", { assignedLabel: "fraud" }, ["/labelTimestamp requiredTogether"]],
    [
      "labelTimestamp without assignedLabel",
      { labelTimestamp: "2019-11-15T18:25:43Z" },
      ["/assignedLabel requiredTogether"],
    ],
    ["an empty variable name", { eventVariables: { "": "x" } }, ["/eventVariables length"]],
    ["an empty variable value", { eventVariables: { email: "" } }, ["/eventVariables/email length"]],
    ["a variable value of 8192 astral characters", { eventVariables: { email: "😀".repeat(8192) } }, []],
    [
      "a variable value of 8193 characters",
      { eventVariables: { email: "x".repeat(8193) } },
      ["/eventVariables/email length"],
    ],
    ["a number as a variable value", { eventVariables: { amount: 12 } }, ["/eventVariables/amount type"]],
    ["eventVariables as a Map", { eventVariables: new Map([["a", "b"]]) }, ["/eventVariables type"]],
    ["entities not a list", { entities: { entityType: "customer", entityId: "c" } }, ["/entities type"]],
    ["an entity without its id", { entities: [{ entityType: "customer" }] }, ["/entities/0/entityId required"]],
    [
      "an entity id with a space",
      { entities: [{ entityType: "customer", entityId: "c 1" }] },
      ["/entities/0/entityId pattern"],
    ],
    ["the reserved id unknown", { entities: [{ entityType: "customer", entityId: "unknown" }] }, []],
    ["null among entities", { entities: [null] }, ["/entities/0 type"]],
    ["no entity (no @length on the list)", { entities: [] }, []],
  ])("%s", (_label, change, expected) => {
    expect(brief(sendEvent({ ...validSend(), ...change }))).toEqual(expected);
  });

  it("validates the hostile variable names __proto__, constructor and hasOwnProperty as ordinary keys", () => {
    const eventVariables = JSON.parse('{"__proto__": "", "constructor": "ok", "hasOwnProperty": 1}') as Record<
      string,
      unknown
    >;
    expect(brief(sendEvent({ ...validSend(), eventVariables }))).toEqual([
      "/eventVariables/__proto__ length",
      "/eventVariables/hasOwnProperty type",
    ]);
  });

  it("never shows a variable value or an entity (both @sensitive) in a message", () => {
    const secret = "TOP-SECRET-4111111111111111";
    const issues = sendEvent({
      ...validSend(),
      eventVariables: { card: `${secret}${"x".repeat(9000)}` },
      entities: [{ entityType: secret, entityId: `${secret} !` }],
    });
    expect(brief(issues)).toEqual(["/eventVariables/card length", "/entities/0/entityId pattern"]);
    expect(JSON.stringify(issues)).not.toContain("SECRET");
  });

  it("reports a cyclic input instead of following it (the shapes are not recursive, so the walk ends anyway)", () => {
    const input: Record<string, unknown> = validSend();
    input.entities = [input];
    expect(brief(sendEvent(input))).toEqual(["/entities/0/entityType required", "/entities/0/entityId required"]);
  });
});

describe("GetEventPrediction input", () => {
  it("accepts a valid request", () => expect(getEventPrediction(validPredict())).toEqual([]));

  it.each([
    ["a detector version of 0 (not a whole number)", { detectorVersionId: "0" }, ["/detectorVersionId pattern"]],
    ["a detector version of 6 digits", { detectorVersionId: "123456" }, ["/detectorVersionId length"]],
    ["no eventVariables", { eventVariables: undefined }, ["/eventVariables required"]],
    ["no detectorId", { detectorId: undefined }, ["/detectorId required"]],
    ["an empty detectorId (no @length)", { detectorId: "" }, []],
    [
      "a SageMaker blob",
      {
        externalModelEndpointDataBlobs: { "my-endpoint": { byteBuffer: new Uint8Array([1]), contentType: "text/csv" } },
      },
      [],
    ],
    [
      "a SageMaker endpoint name with a dot, at the map",
      { externalModelEndpointDataBlobs: { "my.endpoint": {} } },
      ["/externalModelEndpointDataBlobs pattern"],
    ],
    [
      "a base64 string where a blob belongs, key hidden",
      { externalModelEndpointDataBlobs: { "my-endpoint": { byteBuffer: "AAAA" } } },
      ["/externalModelEndpointDataBlobs/*/byteBuffer type"],
    ],
    [
      "an empty content type, key hidden",
      { externalModelEndpointDataBlobs: { endpoint: { contentType: "" } } },
      ["/externalModelEndpointDataBlobs/*/contentType length"],
    ],
  ])("%s", (_label, change, expected) => {
    expect(brief(getEventPrediction({ ...validPredict(), ...change }))).toEqual(expected);
  });

  it("keeps the keys of the @sensitive SageMaker blob map out of paths and messages", () => {
    const issues = getEventPrediction({
      ...validPredict(),
      externalModelEndpointDataBlobs: { "SECRET-endpoint": { contentType: "" } },
    });
    expect(JSON.stringify(issues)).not.toContain("SECRET");
  });
});

describe("output shapes have validators too (never run by default)", () => {
  it("checks a prediction result's enum as open: an unknown model type is an enum issue", () => {
    const validate = validator(module, "validateGetEventPredictionResult");
    const result = {
      modelScores: [
        { modelVersion: { modelId: "m", modelType: "NEW_KIND", modelVersionNumber: "1.0" }, scores: { m: 12.5 } },
      ],
    };
    expect(brief(validate(result))).toEqual(["/modelScores/0/modelVersion/modelType enum"]);
  });
});

describe("the benchmark's inputs with every constraint broken at once (bench/validators/inputs.ts)", () => {
  // Each line is a constraint of the spec the input breaks on purpose (see the input's comments):
  // the validator must report every one, at its path, and nothing else.
  const entityIssues = [
    "/entities/0 type",
    "/entities/1 type",
    "/entities/2/entityType required",
    "/entities/2/entityId required",
    "/entities/3/entityType type",
    "/entities/3/entityId length",
    "/entities/4/entityId pattern",
    "/entities/5/entityId length",
    "/entities/6/entityId type",
  ];

  it("SendEvent: every issue, once", () => {
    expect(brief(sendEvent(allBrokenSendEvent)).sort()).toEqual(
      [
        "/eventId pattern",
        "/eventTypeName length",
        "/eventTimestamp iso8601Utc",
        "/labelTimestamp length",
        "/assignedLabel requiredTogether",
        "/eventVariables length", // the key ""
        "/eventVariables length", // the 65-character key
        "/eventVariables/empty length",
        "/eventVariables/long length",
        "/eventVariables/nothing type",
        "/eventVariables/number type",
        ...entityIssues,
      ].sort(),
    );
  });

  it("GetEventPrediction: every issue, once (the sensitive map's keys are not in the paths)", () => {
    const blobs = "/externalModelEndpointDataBlobs";
    expect(brief(getEventPrediction(allBrokenGetEventPrediction)).sort()).toEqual(
      [
        "/detectorId required",
        "/detectorVersionId pattern",
        "/eventId type",
        "/eventTypeName required",
        "/eventTimestamp length",
        "/eventVariables length",
        ...entityIssues,
        `${blobs} length`, // the key ""
        `${blobs} length`, // the 64-character key
        `${blobs} pattern`,
        `${blobs}/* type`, // null
        `${blobs}/* type`, // a number
        `${blobs}/*/byteBuffer type`,
        `${blobs}/*/contentType length`, // ""
        `${blobs}/*/contentType length`, // 1,025 characters
        `${blobs}/*/contentType type`,
      ].sort(),
    );
  });
});
