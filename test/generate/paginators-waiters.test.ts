/**
 * Generated paginators and waiters for a model with a nested output token, a map of items, and
 * waiters using every matcher and comparator (and an
 * acceptor message): the output type-checks (the pipeline's strict check), and the functions,
 * imported from the written folder, behave as the model says against a scripted client.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { AnvilError } from "../../generator/errors.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const str = { target: "smithy.api#String" };

function model(waiters: object): object {
  return {
    smithy: "2.0",
    shapes: {
      "ex.paging#Things": {
        type: "service",
        version: "2024-01-01",
        operations: [
          { target: "ex.paging#ListThings" },
          { target: "ex.paging#ListTags" },
          { target: "ex.paging#GetThing" },
        ],
        traits: {
          "aws.api#service": { sdkId: "Things" },
          "aws.auth#sigv4": { name: "things" },
          "aws.protocols#awsJson1_0": {},
          "smithy.api#paginated": { inputToken: "NextToken", pageSize: "MaxResults" },
        },
      },
      "ex.paging#ListThings": {
        type: "operation",
        input: { target: "ex.paging#ListThingsInput" },
        output: { target: "ex.paging#ListThingsOutput" },
        traits: { "smithy.api#paginated": { outputToken: "Page.Next", items: "Page.Things" } },
      },
      "ex.paging#ListThingsInput": {
        type: "structure",
        members: { NextToken: str, MaxResults: { target: "smithy.api#Integer" }, Filter: str },
      },
      "ex.paging#ListThingsOutput": { type: "structure", members: { Page: { target: "ex.paging#Page" } } },
      "ex.paging#Page": { type: "structure", members: { Next: str, Things: { target: "ex.paging#ThingList" } } },
      "ex.paging#ThingList": { type: "list", member: { target: "ex.paging#Thing" } },
      "ex.paging#Thing": {
        type: "structure",
        members: {
          Name: str,
          Status: str,
          Ready: { target: "smithy.api#Boolean" },
          Parts: { target: "ex.paging#ThingList" },
        },
      },
      "ex.paging#ListTags": {
        type: "operation",
        input: { target: "ex.paging#ListTagsInput" },
        output: { target: "ex.paging#ListTagsOutput" },
        traits: { "smithy.api#paginated": { inputToken: "Marker", outputToken: "Marker", items: "Tags" } },
      },
      "ex.paging#ListTagsInput": {
        type: "structure",
        members: { Marker: str, MaxResults: { target: "smithy.api#Integer" } },
      },
      "ex.paging#ListTagsOutput": { type: "structure", members: { Marker: str, Tags: { target: "ex.paging#TagMap" } } },
      "ex.paging#TagMap": { type: "map", key: str, value: str },
      "ex.paging#GetThing": {
        type: "operation",
        input: { target: "ex.paging#GetThingInput" },
        output: { target: "ex.paging#GetThingOutput" },
        errors: [{ target: "ex.paging#NoSuchThing" }],
        traits: { "smithy.waiters#waitable": waiters },
      },
      "ex.paging#GetThingInput": {
        type: "structure",
        members: { Name: { target: "smithy.api#String", traits: { "smithy.api#required": {} } } },
      },
      "ex.paging#GetThingOutput": { type: "structure", members: { Thing: { target: "ex.paging#Thing" }, Reason: str } },
      "ex.paging#NoSuchThing": {
        type: "structure",
        members: { message: str },
        traits: { "smithy.api#error": "client" },
      },
    },
  };
}

const output = (path: string, comparator: string, expected: string) => ({ output: { path, comparator, expected } });
const WAITERS = {
  ThingReady: {
    documentation: "Waits until the thing and all its parts are ready.",
    minDelay: 1,
    maxDelay: 1,
    acceptors: [
      { state: "failure", matcher: output("Thing.Status", "stringEquals", "BROKEN"), message: "Reason" },
      { state: "failure", matcher: output("Thing.Parts[].Status", "anyStringEquals", "BROKEN") },
      { state: "retry", matcher: { errorType: "NoSuchThing" } },
      { state: "success", matcher: output("Thing.Parts[].Status", "allStringEquals", "READY") },
      { state: "success", matcher: output("Thing.Ready && length(Thing.Parts) == `0`", "booleanEquals", "true") },
      {
        state: "success",
        matcher: {
          inputOutput: { path: "input.Name == output.Reason", comparator: "booleanEquals", expected: "true" },
        },
      },
    ],
  },
  ThingGone: {
    acceptors: [
      { state: "success", matcher: { errorType: "NoSuchThing" } },
      { state: "retry", matcher: { success: true } },
    ],
  },
};

async function generateFolder(name: string, doc: object): Promise<string> {
  const dir = join(ROOT, ".tmp", `gen-${process.pid}-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "model.json"), JSON.stringify(doc));
  const result = await generate({
    file: "t",
    displayFile: "t",
    out: "/unused",
    clients: [{ name, models: [join(dir, "model.json")], modelsAsWritten: ["model.json"], validation: "reject" }],
  });
  for (const f of result.clients[0]!.files) {
    mkdirSync(dirname(join(dir, "out", f.path)), { recursive: true });
    writeFileSync(join(dir, "out", f.path), f.text);
  }
  return dir;
}

/**
 * A stand-in for the generated core client: its `core.invoke` answers each operation (by the
 * descriptor's name) from `answers`, so the paginators and waiters run through the generated
 * operation functions as with a real client, without HTTP.
 */
function scripted(answers: Record<string, (input: object) => Promise<unknown>>): object {
  return { core: { invoke: (op: { name: string }, input: object) => answers[op.name]!(input) } };
}

type Fn = (config: object, input?: object) => AsyncIterable<unknown> & AsyncGenerator<unknown>;
type Wait = (config: object, input: object) => Promise<{ state: string; reason: unknown }>;

describe("generated paginators and waiters", () => {
  let dir: string;
  let g: Record<string, unknown>;
  beforeAll(async () => {
    dir = await generateFolder("things", model(WAITERS)); // type-checked by the pipeline (strict, noUnused*)
    g = (await import(join(dir, "out", "index.ts"))) as Record<string, unknown>;
  }, 240_000); // generation with its TypeScript check: seconds alone, minutes on a loaded machine
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it("follows a nested output token (Page.Next) into the inherited input token, and yields the nested items", async () => {
    const requests: object[] = [];
    const pages = [
      { Page: { Next: "p2", Things: [{ Name: "a" }] } },
      { Page: { Next: "p3", Things: [{ Name: "b" }, { Name: "c" }] } },
      { Page: { Things: [] } },
    ];
    const client = scripted({
      ListThings: async (input: object) => (requests.push(input), pages[requests.length - 1]),
    });
    const names: string[] = [];
    for await (const thing of (g.paginateListThingsItems as Fn)({ client, pageSize: 10 }, { Filter: "x" }))
      names.push((thing as { Name: string }).Name);
    expect(names).toEqual(["a", "b", "c"]);
    expect(requests).toEqual([
      { Filter: "x", MaxResults: 10 },
      { Filter: "x", MaxResults: 10, NextToken: "p2" },
      { Filter: "x", MaxResults: 10, NextToken: "p3" },
    ]);
  });

  it("yields a map's items as [key, value], with its own input token over the service's", async () => {
    const pages = [{ Marker: "m", Tags: { a: "1" } }, { Tags: { b: "2" } }];
    let call = 0;
    const requests: object[] = [];
    const client = scripted({ ListTags: async (input: object) => (requests.push(input), pages[call++]) });
    const entries: unknown[] = [];
    for await (const entry of (g.paginateListTagsItems as Fn)({ client }, {})) entries.push(entry);
    expect(entries).toEqual([
      ["a", "1"],
      ["b", "2"],
    ]);
    expect(requests).toEqual([{}, { Marker: "m" }]);
  });

  /** Runs `waitUntilThingReady` against a client answering `answers` in turn. */
  async function ready(answers: Array<object | Error>): Promise<unknown> {
    let call = 0;
    const client = scripted({
      GetThing: async () => {
        const a = answers[Math.min(call++, answers.length - 1)]!;
        if (a instanceof Error) throw a;
        return a;
      },
    });
    return (g.waitUntilThingReady as Wait)(
      { client, maxWaitTime: 5, minDelay: 0.001, maxDelay: 0.001 },
      { Name: "t" },
    ).catch((e: unknown) => e);
  }
  const noSuchThing = () => Object.assign(new Error("missing"), { name: "NoSuchThing" });

  it.each([
    [
      "stringEquals on a failure acceptor, with its message",
      [{ Thing: { Status: "BROKEN" }, Reason: "melted" }],
      "WaiterFailureError: melted",
    ],
    [
      "anyStringEquals over a flattened projection",
      [{ Thing: { Parts: [{ Status: "READY" }, { Status: "BROKEN" }] } }],
      "WaiterFailureError",
    ],
    [
      "errorType retry, then allStringEquals success",
      [noSuchThing(), { Thing: { Parts: [{ Status: "READY" }, { Status: "READY" }] } }],
      "SUCCESS",
    ],
    [
      "allStringEquals is false on an empty list; booleanEquals over && and length()",
      [{ Thing: { Ready: true, Parts: [] } }],
      "SUCCESS",
    ],
    ["inputOutput compares input with output", [{ Thing: {}, Reason: "t" }], "SUCCESS"],
    ["an unmatched error fails", [new Error("boom")], "WaiterFailureError"],
  ])("%s", async (_name, answers, expected) => {
    const result = await ready(answers);
    if (expected === "SUCCESS") expect(result).toMatchObject({ state: "SUCCESS" });
    else {
      expect((result as Error).name).toBe("WaiterFailureError");
      if (expected.includes(": ")) expect((result as Error).message).toContain(expected.split(": ")[1]);
    }
  });

  it("retries a matching-nothing success until the wait runs out (ThingGone's `success: true` retry)", async () => {
    const client = scripted({ GetThing: async () => ({}) });
    const error = await (g.waitUntilThingGone as Wait)(
      { client, maxWaitTime: 0.05, minDelay: 0.01, maxDelay: 0.01 },
      { Name: "t" },
    ).catch((e: unknown) => e);
    expect((error as Error).name).toBe("WaiterTimeoutError");
  });
});

describe("bad paginators and waiters are generation errors at the operation", () => {
  it.each([
    // The missing member itself is validation's DANGER, with its position (test/traits/waitable.test.ts);
    // the generator reports what follows from it, a path that can only give null.
    [
      "a path naming a member the output lacks",
      { W: { acceptors: [{ state: "success", matcher: output("Thing.Staus", "stringEquals", "x") }] } },
      "statically determined to return a `null` type",
    ],
    [
      "a comparator the path cannot satisfy",
      { W: { acceptors: [{ state: "success", matcher: output("Thing.Ready", "stringEquals", "x") }] } },
      "must return a `string` type",
    ],
    [
      "a JMESPath feature the compiler leaves out",
      {
        W: {
          acceptors: [{ state: "success", matcher: output("max_by(Thing.Parts, &Name).Name", "stringEquals", "x") }],
        },
      },
      "cannot compile the JMESPath expression",
    ],
  ])("%s", async (_name, waiters, message) => {
    const dir = join(ROOT, ".tmp", `bad-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "model.json"), JSON.stringify(model(waiters)));
    const error = await generate(
      {
        file: "t",
        displayFile: "t",
        out: "/unused",
        clients: [
          { name: "bad", models: [join(dir, "model.json")], modelsAsWritten: ["model.json"], validation: "reject" },
        ],
      },
      { skipTypeCheck: true },
    ).catch((e: unknown) => e);
    rmSync(dir, { recursive: true, force: true });
    expect(error).toBeInstanceOf(AnvilError);
    const d = (error as AnvilError).diagnostics[0]!;
    expect(d.message).toContain(message);
    expect(d.shapeId).toBe("ex.paging#GetThing");
    expect(d.location?.file).toContain("model.json");
  });

  it("a paginator whose output token names a missing member", async () => {
    const doc = model(WAITERS) as { shapes: Record<string, { traits?: Record<string, unknown> }> };
    doc.shapes["ex.paging#ListThings"]!.traits = { "smithy.api#paginated": { outputToken: "Page.Nxt" } };
    const dir = join(ROOT, ".tmp", `badp-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "model.json"), JSON.stringify(doc));
    const error = await generate(
      {
        file: "t",
        displayFile: "t",
        out: "/unused",
        clients: [
          { name: "bad", models: [join(dir, "model.json")], modelsAsWritten: ["model.json"], validation: "reject" },
        ],
      },
      { skipTypeCheck: true },
    ).catch((e: unknown) => e);
    rmSync(dir, { recursive: true, force: true });
    expect((error as AnvilError).diagnostics[0]!.message).toBe(
      "paginated trait `outputToken` targets a member `Page.Nxt` that does not exist",
    );
  });
});
