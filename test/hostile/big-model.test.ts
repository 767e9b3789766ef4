/**
 * A 20 MB model: every shape is loaded, assembled and validated, the selection keeps only what
 * the service reaches, and the whole pipeline finishes in seconds. An error near the end of the
 * file is reported at its exact line, without building a position table for the whole file.
 */
import { describe, expect, it } from "vitest";
import { id, member, pipelineError, runPipeline, serviceModel, type AstShape } from "./harness.js";

const TARGET_BYTES = 20 * 1024 * 1024;

/** A model of at least 20 MB: the usual service plus thousands of documented structures and enums. */
function bigModel(): { model: ReturnType<typeof serviceModel>; shapeCount: number } {
  const doc =
    "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.</p>";
  const extra: Record<string, AstShape> = {};
  let bytes = 0;
  let n = 0;
  // The operation reaches a chain of 20 of them; the rest are in the model but not in the closure.
  while (bytes < TARGET_BYTES) {
    const members: Record<string, AstShape> = {};
    for (let m = 0; m < 12; m++)
      members[`field${m}`] = member(m % 3 === 0 ? "smithy.api#Integer" : "smithy.api#String", {
        "smithy.api#documentation": doc,
      });
    members.kind = member(`Kind${n}`);
    if (n < 19) members.next = member(`Shape${n + 1}`);
    extra[id(`Shape${n}`)] = { type: "structure", members, traits: { "smithy.api#documentation": doc } };
    extra[id(`Kind${n}`)] = {
      type: "enum",
      members: { A: { target: "smithy.api#Unit" }, B: { target: "smithy.api#Unit" } },
    };
    // What the two shapes add to the file as printed below (one space per level, two levels in).
    for (const shape of [extra[id(`Shape${n}`)], extra[id(`Kind${n}`)]]) {
      const printed = JSON.stringify(shape, null, 1);
      bytes += printed.length + printed.split("\n").length + 30;
    }
    n++;
  }
  return { model: serviceModel({ root: member("Shape0") }, extra), shapeCount: 2 * n };
}

describe("a 20 MB model", () => {
  it("generates what the service reaches, in well under a minute", async () => {
    const { model, shapeCount } = bigModel();
    const text = JSON.stringify(model, null, 1);
    expect(text.length).toBeGreaterThanOrEqual(TARGET_BYTES);
    const started = performance.now();
    const run = await runPipeline(text);
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(45);
    const types = run.file("types.ts");
    expect(types).toContain("export interface Shape19 ");
    expect(types).not.toContain("export interface Shape20 ");
    expect(shapeCount).toBeGreaterThan(10_000);
    // Loading, assembling and validating all of it is part of the run, and cheap next to the rest
    // (validation's time is its own stage, taken out of assembly's).
    expect(run.result.timings.load + run.result.timings.assemble + (run.result.timings.validate ?? 0)).toBeLessThan(
      20_000,
    );
  }, 60_000);

  it("reports a dangling target near the end of the file at its exact line", async () => {
    const { model } = bigModel();
    const last = Object.keys(model.shapes)
      .filter((k) => k.includes("#Shape"))
      .pop() as string;
    (model.shapes[last].members as Record<string, AstShape>).broken = member("NoSuchShape");
    const text = JSON.stringify(model, null, 1);
    const started = performance.now();
    const error = await pipelineError(text);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(error.kind).toBe("model");
    const diagnostic = error.diagnostics.find((d) => d.message.includes("NoSuchShape"));
    expect(diagnostic, error.message).toBeDefined();
    const expectedLine = text.slice(0, text.indexOf('"broken"')).split("\n").length;
    expect(diagnostic?.location?.line).toBe(expectedLine);
  }, 60_000);
});
