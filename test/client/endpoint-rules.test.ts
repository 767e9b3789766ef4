/**
 * A client generated from a model with `smithy.rules#endpointRuleSet` (the published Fraud
 * Detector model) resolves its endpoint by evaluating those rules. Needs ../shared.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { SHARED } from "../helpers.js";

const published = `${SHARED}aws-models/frauddetector/service/2019-11-15/frauddetector-2019-11-15.json`;
const here = existsSync(published);
if (!here) console.warn(`skipping endpoint-rules client test: ${published} is absent`);
const repo = new URL("../../", import.meta.url).pathname;
let dir: string | undefined;
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

type Captured = { url?: string };
type ClientCtor = new (config: object) => { sendEvent(input: object): Promise<unknown>; destroy(): void };

describe.skipIf(!here)("endpoint rules", () => {
  it("evaluates the model's rule set for the region, and config.endpoint still wins", async () => {
    const result = await generate(
      {
        file: "t",
        displayFile: "t",
        out: "/unused",
        clients: [
          {
            name: "fdrules",
            models: [published],
            modelsAsWritten: ["frauddetector.json"],
            operations: ["SendEvent"],
            validation: "off",
          },
        ],
      },
      { skipTypeCheck: true },
    );
    // Under node_modules so the runtime's npm imports resolve from the repository.
    dir = mkdtempSync(join(repo, "node_modules", ".anvil-rules-"));
    for (const f of result.clients[0].files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.text);
    }
    expect(result.clients[0].files.some((f) => f.path === "endpoint-rules.ts")).toBe(true);
    const { FraudDetectorClient } = (await import(pathToFileURL(join(dir, "client.ts")).href)) as {
      FraudDetectorClient: ClientCtor;
    };
    const urlFor = async (config: object) => {
      const seen: Captured = {};
      const transport = {
        handle: async (req: { url: string }) => ((seen.url = req.url), { statusCode: 200, headers: {}, body: "{}" }),
      };
      const client = new FraudDetectorClient({
        credentials: { accessKeyId: "AKID", secretAccessKey: "s" },
        transport,
        ...config,
      });
      await client.sendEvent({});
      return seen.url;
    };
    expect(await urlFor({ region: "us-east-1" })).toBe("https://frauddetector.us-east-1.amazonaws.com/");
    expect(await urlFor({ region: "cn-north-1" })).toBe("https://frauddetector.cn-north-1.amazonaws.com.cn/");
    expect(await urlFor({ region: "us-east-1", endpoint: "http://127.0.0.1:9" })).toBe("http://127.0.0.1:9/");
  });
});
