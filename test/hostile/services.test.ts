/**
 * Models that are awkward at the service level: two services in one model, operations without
 * input, output or errors, the same shape name in two namespaces, and service strings (sdkId,
 * version, signing name) that would break out of the literals and comments they are printed in.
 */
import { Project } from "ts-morph";
import { describe, expect, it } from "vitest";
import { NS, id, member, pipelineError, runPipeline, serviceModel, type AstShape, declaredType } from "./harness.js";

/** Two services in one model, each with its own operation. */
function twoServices() {
  const model = serviceModel({ a: member("smithy.api#String") });
  model.shapes[id("Other")] = {
    type: "service",
    version: "2024-02-02",
    operations: [{ target: id("OtherOp") }],
    traits: { "aws.protocols#awsJson1_0": {}, "aws.api#service": { sdkId: "Other" } },
  };
  model.shapes[id("OtherOp")] = { type: "operation", input: { target: id("OtherInput") } };
  model.shapes[id("OtherInput")] = { type: "structure", members: { b: member("smithy.api#Integer") } };
  return model;
}

describe("two services in one model", () => {
  it("is a config error naming both when none is chosen", async () => {
    const error = await pipelineError(twoServices());
    expect(error.kind).toBe("config");
    expect(error.diagnostics[0].message).toMatch(/2 services; choose one/);
    expect(error.diagnostics[0].hint).toContain(id("Service"));
    expect(error.diagnostics[0].hint).toContain(id("Other"));
  });

  it("generates the chosen one only, by absolute id or by name", async () => {
    const byId = await runPipeline(twoServices(), { service: id("Other") });
    expect(byId.file("client.ts")).toMatch(/class OtherClient\b/);
    expect(byId.file("types.ts")).toContain("export interface OtherInput");
    expect(byId.file("types.ts")).not.toContain("export interface OpInput");
    const byName = await runPipeline(twoServices(), { service: "Service" });
    expect(byName.file("types.ts")).toContain("export interface OpInput");
    expect(byName.file("types.ts")).not.toContain("OtherInput");
  });

  it("is a config error with a suggestion for a misspelled service", async () => {
    const error = await pipelineError(twoServices(), { service: `${NS}#Othre` });
    expect(error.kind).toBe("config");
    expect(error.diagnostics[0].hint).toContain(id("Other"));
  });
});

describe("operations without input, output or errors", () => {
  /** A service whose operations leave out input, output and errors in every combination. */
  function bareOperations() {
    const shapes: Record<string, AstShape> = {
      [id("Service")]: {
        type: "service",
        version: "2024-01-01",
        operations: ["Nothing", "UnitBoth", "OnlyInput", "OnlyOutput"].map((n) => ({ target: id(n) })),
        traits: { "aws.protocols#awsJson1_1": {}, "aws.api#service": { sdkId: "Bare" } },
      },
      // No "input" and "output" keys at all: both default to Unit.
      [id("Nothing")]: { type: "operation" },
      [id("UnitBoth")]: {
        type: "operation",
        input: { target: "smithy.api#Unit" },
        output: { target: "smithy.api#Unit" },
      },
      [id("OnlyInput")]: { type: "operation", input: { target: id("In") } },
      [id("OnlyOutput")]: { type: "operation", output: { target: id("Out") } },
      [id("In")]: {
        type: "structure",
        members: { x: member("smithy.api#String") },
        traits: { "smithy.api#input": {} },
      },
      [id("Out")]: { type: "structure", members: {}, traits: { "smithy.api#output": {} } },
    };
    return { smithy: "2.0", shapes };
  }

  it("compiles, with methods that take and give empty objects", async () => {
    const run = await runPipeline(bareOperations());
    const client = new Project({ useInMemoryFileSystem: true }).createSourceFile("client.ts", run.file("client.ts"));
    const cls = client.getClassOrThrow("BareClient");
    expect(cls.getMethodOrThrow("nothing").getParameters()[0].getTypeNode()?.getText()).toBe("Record<string, never>");
    expect(cls.getMethodOrThrow("nothing").getReturnTypeNode()?.getText()).toBe("Promise<Record<string, never>>");
    expect(cls.getMethodOrThrow("onlyInput").getParameters()[0].getTypeNode()?.getText()).toBe("In");
    expect(cls.getMethodOrThrow("onlyOutput").getReturnTypeNode()?.getText()).toBe("Promise<Out>");
    // No error is modeled anywhere: errors.ts holds only the base class.
    expect(
      new Project({ useInMemoryFileSystem: true })
        .createSourceFile("errors.ts", run.file("errors.ts"))
        .getClasses()
        .map((c) => c.getName()),
    ).toEqual(["BareServiceException"]);
  });

  it("compiles when an error's only readers are in errors.ts", async () => {
    const model = bareOperations();
    model.shapes[id("Oops")] = {
      type: "structure",
      members: { message: member("smithy.api#String"), reason: member("smithy.api#String") },
      traits: { "smithy.api#error": "client" },
    };
    (model.shapes[id("Nothing")] as AstShape).errors = [{ target: id("Oops") }];
    const run = await runPipeline(model);
    expect(run.file("errors.ts")).toMatch(/class Oops extends BareServiceException/);
  });
});

describe("the same shape name in two namespaces", () => {
  function clash() {
    return serviceModel(
      { mine: member("Widget"), theirs: member("other.ns#Widget") },
      {
        [id("Widget")]: { type: "structure", members: { x: member("smithy.api#String") } },
        "other.ns#Widget": { type: "structure", members: { y: member("smithy.api#Integer") } },
      },
    );
  }

  it("compiles with two distinct, deterministic declarations, each documented with its namespace", async () => {
    const first = await runPipeline(clash());
    const types = new Project({ useInMemoryFileSystem: true }).createSourceFile("types.ts", first.file("types.ts"));
    const input = types.getInterfaceOrThrow("OpInput");
    const mine = declaredType(input.getPropertyOrThrow("mine"));
    const theirs = declaredType(input.getPropertyOrThrow("theirs"));
    expect(mine).not.toBe(theirs);
    expect(declaredType(types.getInterfaceOrThrow(mine).getPropertyOrThrow("x"))).toBe("string");
    expect(declaredType(types.getInterfaceOrThrow(theirs).getPropertyOrThrow("y"))).toBe("number");
    expect(types.getInterfaceOrThrow(theirs).getJsDocs()[0].getInnerText()).toContain("other.ns#Widget");
    const again = await runPipeline(clash());
    expect(again.file("types.ts")).toBe(first.file("types.ts"));
  });

  it("uses the service's rename when the model gives one", async () => {
    const model = clash();
    (model.shapes[id("Service")] as AstShape).rename = { "other.ns#Widget": "OtherWidget" };
    const run = await runPipeline(model);
    const input = new Project({ useInMemoryFileSystem: true })
      .createSourceFile("types.ts", run.file("types.ts"))
      .getInterfaceOrThrow("OpInput");
    expect(declaredType(input.getPropertyOrThrow("mine"))).toBe("Widget");
    expect(declaredType(input.getPropertyOrThrow("theirs"))).toBe("OtherWidget");
  });
});

describe("service strings printed into code", () => {
  it.each([
    [
      "sdkId",
      (s: AstShape) =>
        ((s.traits as Record<string, unknown>)["aws.api#service"] = { sdkId: 'Evil"\n); process.exit(1); //' }),
    ],
    ["version", (s: AstShape) => (s.version = '2024"; throw 1; "')],
    ["signing name", (s: AstShape) => ((s.traits as Record<string, unknown>)["aws.auth#sigv4"] = { name: "a*/b" })],
  ])("rejects a %s that would break out of its literal, naming the service", async (_label, mutate) => {
    const model = serviceModel({ a: member("smithy.api#String") });
    mutate(model.shapes[id("Service")]);
    const error = await pipelineError(model);
    expect(error.kind).toBe("model");
    expect(error.diagnostics[0].shapeId).toBe(id("Service"));
    expect(error.diagnostics[0].location?.line).toBeGreaterThan(1);
  });

  it("falls back to the service's shape name when the sdkId gives no identifier", async () => {
    const model = serviceModel({ a: member("smithy.api#String") });
    (model.shapes[id("Service")].traits as Record<string, unknown>)["aws.api#service"] = { sdkId: "123 go" };
    const run = await runPipeline(model);
    expect(run.file("client.ts")).toMatch(/export class ServiceClient\b/);
  });
});
