/**
 * Model shapes found in published AWS models that once produced output which did not
 * type-check (`npm run corpus` grouped them by cause). Each case is the smallest model with
 * that shape; each must generate and compile.
 */
import { describe, expect, it } from "vitest";
import { id, member, runPipeline, serviceModel, type AstShape } from "./harness.js";

/** The service of `serviceModel` without a protocol trait, so no client is generated for it. */
function clientlessModel(extra: Record<string, AstShape>, errorMembers: Record<string, AstShape>) {
  const model = serviceModel({ x: member("smithy.api#String") }, extra);
  const service = Object.values(model.shapes).find((s) => s.type === "service") as AstShape;
  const traits = service.traits as Record<string, unknown>;
  delete traits["aws.protocols#awsJson1_1"];
  (model.shapes[id("Failed")] as AstShape).members = { message: member("smithy.api#String"), ...errorMembers };
  return model;
}

describe("shapes from the published AWS models", () => {
  it("builds error classes from their members when the protocol has no client (no serde.ts to read a body)", async () => {
    const run = await runPipeline(
      clientlessModel(
        {
          [id("Reason")]: {
            type: "enum",
            members: { A: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "a" } } },
          },
        },
        { Reason: member("Reason", { "smithy.api#required": {} }), Detail: member("smithy.api#Document") },
      ),
    );
    expect([...run.written.keys()]).not.toContain("serde.ts");
    expect(run.file("errors.ts")).toMatch(
      /constructor\(init: ErrorInit, fields: \{ Reason: Reason; Detail\?: DocumentValue \| undefined \}\)/,
    );
    expect(run.file("index.ts")).toContain("protocol is not supported by anvil's client yet");
  });

  it("imports only the types an error's fields declare, even when a member is named like a type", async () => {
    // `Limit` the member and `Limit` the structure: reading b["Limit"] must not import the type.
    const model = serviceModel(
      { x: member("smithy.api#String") },
      { [id("Limit")]: { type: "structure", members: { n: member("smithy.api#Integer") } } },
    );
    (model.shapes[id("Failed")] as AstShape).members = {
      message: member("smithy.api#String"),
      Limit: member("smithy.api#String"),
    };
    const run = await runPipeline(model);
    expect(run.file("errors.ts")).not.toMatch(/import type \{[^}]*\bLimit\b/);
  });

  it("names enums whose shape names start with underscores in guards and imports", async () => {
    const run = await runPipeline(
      serviceModel(
        { triggers: member("Triggers") },
        {
          [id("Triggers")]: { type: "list", member: member("__TriggersElement") },
          [id("__TriggersElement")]: {
            type: "enum",
            members: { A: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "a" } } },
          },
        },
      ),
    );
    expect(run.file("validators.ts")).toMatch(/value is __TriggersElement\[\]/);
  });

  it("writes no check for @length(min: 0), which every value meets", async () => {
    const run = await runPipeline(
      serviceModel(
        { items: member("Items"), text: member("Text") },
        {
          [id("Items")]: {
            type: "list",
            member: member("smithy.api#String"),
            traits: { "smithy.api#length": { min: 0 } },
          },
          [id("Text")]: { type: "string", traits: { "smithy.api#length": { min: 0 } } },
        },
      ),
    );
    expect(run.file("validators.ts")).not.toMatch(/if \(false\)|undefined &&/);
  });

  it("zero-fills a required union member the service leaves out as an unknown variant", async () => {
    const model = serviceModel(
      { x: member("smithy.api#String") },
      {
        [id("Choice")]: { type: "union", members: { a: member("smithy.api#String"), b: member("smithy.api#Integer") } },
      },
      { choice: member("Choice", { "smithy.api#required": {} }) },
    );
    const run = await runPipeline(model);
    expect(run.file("serde.ts")).toMatch(
      /choice: b\.choice == null \? undefined : de_Choice\(b\.choice\)\) \?\? de_Choice\(\{\}\)|de_Choice\(\{\}\)/,
    );
  });

  it("leaves an operation with an event stream out of the client, with a note, keeping its types", async () => {
    const model = serviceModel(
      { x: member("smithy.api#String") },
      {
        [id("Events")]: {
          type: "union",
          members: { tick: member("Tick"), failed: member("Failed") },
          traits: { "smithy.api#streaming": {} },
        },
        [id("Tick")]: { type: "structure", members: { at: member("smithy.api#Timestamp") } },
      },
      { events: member("Events") },
    );
    const run = await runPipeline(model);
    expect(run.result.notes.some((n) => n.includes("Op streams output member events (an event stream)"))).toBe(true);
    expect(run.file("client.ts")).not.toMatch(/\bop\(/);
    expect(run.file("index.ts")).toContain("the method was left out");
    expect(run.file("types.ts")).toMatch(/export type Events\b/);
  });
});
