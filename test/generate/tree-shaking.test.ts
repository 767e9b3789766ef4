/**
 * Tree-shaking: an app that imports the core client and some operation functions bundles (esbuild,
 * minified, browser) without the other operations' code. Checked by markers that survive
 * minification: operation names (the descriptors' `name`, which awsJson sends as X-Amz-Target)
 * and the names of error classes only the left-out operations return. Each case has a positive
 * control (the client class, which holds every operation, bundles the markers), so the check
 * cannot pass on a bundle that simply lacks them. DynamoDB (57 operations) runs when
 * ../shared/aws-models is present.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { awsModel, generateInto } from "../e2e/generate-client.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const SCRATCH = join(ROOT, ".tmp", `tree-shaking-${process.pid}`);
afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

/** The minified browser bundle of an app module (its source text). */
async function bundle(name: string, source: string): Promise<string> {
  mkdirSync(SCRATCH, { recursive: true });
  const file = join(SCRATCH, `${name}.mjs`);
  writeFileSync(file, source);
  const result = await build({
    entryPoints: [file],
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    write: false,
    nodePaths: [join(ROOT, "node_modules")],
    logLevel: "error",
  });
  return result.outputFiles[0]?.text ?? "";
}

describe("the Fraud Detector client (generated/frauddetector)", () => {
  const index = JSON.stringify(join(ROOT, "generated/frauddetector/index.ts"));

  it("an app calling sendEvent alone bundles no GetEventPrediction code", async () => {
    const text = await bundle(
      "fd-send-event",
      `import { FraudDetectorCore, sendEvent } from ${index};
       export function run(credentials) { return sendEvent(new FraudDetectorCore({ region: "us-east-1", credentials }), { eventId: "e" }); }`,
    );
    expect(text).toContain('"SendEvent"');
    expect(text).not.toContain("GetEventPrediction");
    // Only GetEventPrediction returns it: its class and its table entry stay out.
    expect(text).not.toContain("ResourceUnavailableException");
  });

  it("an app using the client class bundles both operations (control)", async () => {
    const text = await bundle(
      "fd-class",
      `import { FraudDetectorClient } from ${index};
       export function run(credentials) { return new FraudDetectorClient({ region: "us-east-1", credentials }).sendEvent({ eventId: "e" }); }`,
    );
    expect(text).toContain('"SendEvent"');
    expect(text).toContain('"GetEventPrediction"');
    expect(text).toContain("ResourceUnavailableException");
  });
});

const DYNAMODB = awsModel("dynamodb", "2012-08-10");
const dynamodbPresent = existsSync(DYNAMODB);
if (!dynamodbPresent) console.warn(`skipping the DynamoDB tree-shaking test: ${DYNAMODB} is absent (needs ../shared)`);

describe.skipIf(!dynamodbPresent)("the full DynamoDB client (57 operations)", () => {
  const UNUSED = [
    "ListTables",
    "DescribeTable",
    "CreateBackup",
    "ExecuteStatement",
    "TransactWriteItems",
    "UpdateTimeToLive",
  ];
  const app = (index: string, style: "functions" | "class") =>
    style === "functions"
      ? `import { DynamoDBCore, getItem, putItem } from ${JSON.stringify(index)};
         export async function run(credentials) {
           const core = new DynamoDBCore({ region: "us-east-1", credentials });
           await putItem(core, { TableName: "t", Item: { k: { S: "a" } } });
           return getItem(core, { TableName: "t", Key: { k: { S: "a" } } });
         }`
      : `import { DynamoDBClient } from ${JSON.stringify(index)};
         export async function run(credentials) {
           return new DynamoDBClient({ region: "us-east-1", credentials }).getItem({ TableName: "t", Key: { k: { S: "a" } } });
         }`;

  it("an app calling getItem and putItem bundles none of the other operations", async () => {
    const generated = await generateInto("dynamodb-shake", DYNAMODB);
    try {
      const functions = await bundle("ddb-functions", app(`${generated.folder}/index.ts`, "functions"));
      const whole = await bundle("ddb-class", app(`${generated.folder}/index.ts`, "class"));
      for (const used of ['"GetItem"', '"PutItem"']) expect(functions).toContain(used);
      for (const unused of UNUSED) {
        expect(whole, `control: ${unused} in the class's bundle`).toContain(`"${unused}"`);
        expect(functions, unused).not.toContain(unused);
      }
      // The RE2 engine serves patterns of other operations' inputs only.
      expect(whole).toContain("RE2JS");
      expect(functions).not.toContain("RE2JS");
    } finally {
      generated.remove();
    }
  }, 240_000);
});
