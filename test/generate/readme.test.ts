/**
 * Each client folder's README.md: written from the model, listing every selected operation with
 * its types and errors, in plain Markdown that model text cannot break (no HTML, no stray pipes).
 */
import { describe, expect, it } from "vitest";
import { lower } from "../../generator/lower/index.js";
import { render } from "../../generator/render/index.js";
import { select } from "../../generator/select/index.js";
import { modelOf } from "../helpers.js";
import { readFileSync } from "node:fs";

const model = modelOf({
  smithy: "2.0",
  shapes: {
    "ex#Svc": {
      type: "service",
      version: "1",
      operations: [{ target: "ex#Put" }, { target: "ex#Watch" }],
      traits: {
        "aws.protocols#awsJson1_0": {},
        "smithy.api#title": "Example <b>Store</b>",
        "smithy.api#documentation": "<p>Stores things | fast. Second sentence.</p>",
      },
    },
    "ex#Put": {
      type: "operation",
      input: { target: "ex#PutInput" },
      errors: [{ target: "ex#Full" }],
      traits: { "smithy.api#documentation": "Puts a <code>thing</code> | somewhere. More." },
    },
    "ex#PutInput": { type: "structure", members: { key: { target: "smithy.api#String" } } },
    "ex#Full": { type: "structure", members: {}, traits: { "smithy.api#error": "client" } },
    "ex#Watch": { type: "operation", output: { target: "ex#WatchOutput" } },
    "ex#WatchOutput": { type: "structure", members: { events: { target: "ex#Events" } } },
    "ex#Events": { type: "union", members: { tick: { target: "ex#Tick" } }, traits: { "smithy.api#streaming": {} } },
    "ex#Tick": { type: "structure", members: {} },
  },
});

const readme = () => {
  const ir = lower(model, select(model, {}), {
    name: "store",
    models: [],
    modelsAsWritten: ["store.json"],
    validation: "warn",
    command: "npx anvil generate --config store.yaml",
  });
  return render(ir).find((f) => f.path === "README.md")?.text ?? "";
};

describe("a client's README.md", () => {
  it("lists every operation with its method, first sentence, types and errors; a left-out one says why", () => {
    const text = readme();
    expect(text).toContain(
      "| `put` | Puts a \\`thing\\` \\| somewhere. | `PutInput` | `Record<string, never>` | `Full` |",
    );
    expect(text).toMatch(/\| \(none: Watch streams output member events \(an event stream\)[^|]*\| Calls Watch\. \|/);
    expect(text).toContain("This client's default is `warn`");
    expect(text).toContain("run `npx anvil generate --config store.yaml`");
  });

  it("has no HTML and escapes model text that would start markup", () => {
    const text = readme();
    expect(text).toContain("# Example Store: a generated TypeScript client");
    expect(text).toContain("Stores things \\| fast.");
    expect(text.replace(/```[\s\S]*?```/g, "").replace(/`[^`]*`/g, "")).not.toMatch(/<[a-z/]/i);
  });

  it("is part of the checked-in output of our spec (so the drift check covers it)", () => {
    const checkedIn = readFileSync(new URL("../../generated/frauddetector/README.md", import.meta.url), "utf8");
    expect(checkedIn).toContain("| `sendEvent` |");
    expect(checkedIn).toContain("| `getEventPrediction` |");
    expect(checkedIn).toMatch(/npm install --save-exact .*aws4@\d+\.\d+\.\d+ aws4fetch@\d+\.\d+\.\d+\n/);
    expect(checkedIn).toMatch(/npm install --save-dev --save-exact @types\/aws4@\d+\.\d+\.\d+\n/);
  });
});
