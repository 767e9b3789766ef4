/**
 * Our spec against the published Fraud Detector model: generating the same two operations from
 * both must give the same declarations (documentation aside). Needs ../shared; skips without it.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import type { Config } from "../../generator/config/index.js";
import { SHARED } from "../helpers.js";

const published = `${SHARED}aws-models/frauddetector/service/2019-11-15/frauddetector-2019-11-15.json`;
const spec = new URL("../../specs", import.meta.url).pathname;
const here = existsSync(published);
if (!here)
  console.warn(`skipping published-model comparison: ${published} is absent (../shared is not beside this checkout)`);

function configFor(model: string): Config {
  return {
    file: "test",
    displayFile: "test",
    out: "/unused",
    clients: [
      {
        name: "fd",
        models: [model],
        modelsAsWritten: ["model.json"],
        service: "com.amazonaws.frauddetector#AWSHawksNestServiceFacade",
        operations: ["SendEvent", "GetEventPrediction"],
        validation: "reject",
      },
    ],
  };
}

/** Declarations only: comments, blank lines and our own-trait checks removed. */
function declarations(text: string): string {
  return text
    .replace(/\/\*\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .join("\n");
}

/**
 * The published model without its endpoint rules (`smithy.rules#*`): they configure where the
 * client connects, not what it declares, and our spec leaves them out on purpose.
 */
function publishedWithoutRules(): string {
  const dir = mkdtempSync(join(tmpdir(), "anvil-published-model-"));
  const doc = JSON.parse(readFileSync(published, "utf8")) as {
    shapes: Record<string, { traits?: Record<string, unknown> }>;
  };
  for (const shape of Object.values(doc.shapes)) {
    for (const id of Object.keys(shape.traits ?? {})) if (id.startsWith("smithy.rules#")) delete shape.traits?.[id];
  }
  writeFileSync(join(dir, "frauddetector.json"), JSON.stringify(doc));
  return join(dir, "frauddetector.json");
}

describe.skipIf(!here)("published Fraud Detector model", () => {
  it("yields the same types, errors, serializers and client as our spec", async () => {
    const [ours, theirs] = await Promise.all([
      generate(configFor(spec), { skipTypeCheck: true }),
      generate(configFor(publishedWithoutRules()), { skipTypeCheck: true }),
    ]);
    const pick = (r: typeof ours, path: string) =>
      declarations(r.clients[0].files.find((f) => f.path === path)?.text ?? "");
    for (const path of ["types.ts", "errors.ts", "serde.ts", "client.ts", "index.ts"]) {
      expect(pick(ours, path), path).toBe(pick(theirs, path));
    }
  });

  it("yields the same validators once our own two traits (not in the published model) are taken out", async () => {
    const dir = mkdtempSync(join(tmpdir(), "anvil-published-"));
    try {
      cpSync(spec, dir, { recursive: true });
      const file = join(dir, "frauddetector.smithy");
      const text = readFileSync(file, "utf8");
      const stripped = text.replace(/^@iso8601Utc\n/m, "").replace(/^@requiredTogether\(.*\)\n/m, "");
      expect(stripped).not.toBe(text);
      writeFileSync(file, stripped);
      const [ours, theirs] = await Promise.all([
        generate(configFor(dir), { skipTypeCheck: true }),
        generate(configFor(publishedWithoutRules()), { skipTypeCheck: true }),
      ]);
      const validators = (r: typeof ours) =>
        declarations(r.clients[0].files.find((f) => f.path === "validators.ts")?.text ?? "");
      expect(validators(ours)).not.toBe("");
      expect(validators(ours)).toBe(validators(theirs));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
