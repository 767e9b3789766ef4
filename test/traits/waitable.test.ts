import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFiles } from "../../generator/load/index.js";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";
import type { Model } from "../../generator/assemble/model.js";
import { AnvilError, type Diagnostic } from "../../generator/errors.js";
import { serviceOperations } from "../../generator/select/index.js";
import { readServiceWaiters, readWaiters, type CompiledPath, type Waiter } from "../../generator/traits/waitable.js";
import { SHARED, modelOf } from "../helpers.js";

/** A model with one waitable operation; `waiters` is the trait value. */
function waitableModel(waiters: object): Model {
  return modelOf({
    smithy: "2.0",
    shapes: {
      "ex#Svc": { type: "service", version: "1", operations: [{ target: "ex#GetThing" }] },
      "ex#GetThing": {
        type: "operation",
        input: { target: "ex#GetThingInput" },
        output: { target: "ex#GetThingOutput" },
        errors: [{ target: "ex#NotFound" }],
        traits: { "smithy.waiters#waitable": waiters },
      },
      "ex#GetThingInput": { type: "structure", members: { Name: { target: "smithy.api#String" } } },
      "ex#GetThingOutput": {
        type: "structure",
        members: {
          Thing: { target: "ex#Thing" },
          Things: { target: "ex#Things" },
          Count: { target: "smithy.api#Integer" },
        },
      },
      "ex#Thing": {
        type: "structure",
        members: {
          Status: { target: "smithy.api#String" },
          Ready: { target: "smithy.api#Boolean" },
          Tags: { target: "ex#Tags" },
        },
      },
      "ex#Things": { type: "list", member: { target: "ex#Thing" } },
      "ex#Tags": { type: "map", key: { target: "smithy.api#String" }, value: { target: "smithy.api#String" } },
      "ex#NotFound": { type: "structure", members: {}, traits: { "smithy.api#error": "client" } },
    },
  });
}

function read(waiters: object): { waiters: Waiter[]; problems: Diagnostic[] } {
  const model = waitableModel(waiters);
  const problems: Diagnostic[] = [];
  return { waiters: readWaiters(model, model.shapes.get("ex#GetThing")!, problems), problems };
}

const outputMatcher = (path: string, comparator = "stringEquals", expected = "ACTIVE") => ({
  acceptors: [{ state: "success", matcher: { output: { path, comparator, expected } } }],
});

describe("readWaiters", () => {
  it("fills the spec's default delays and keeps acceptors in model order", () => {
    const { waiters, problems } = read({
      ThingReady: {
        documentation: "Waits for the thing.",
        acceptors: [
          { state: "retry", matcher: { errorType: "NotFound" } },
          {
            state: "success",
            matcher: { output: { path: "Thing.Status", comparator: "stringEquals", expected: "ACTIVE" } },
          },
          { state: "failure", matcher: { success: false } },
        ],
      },
    });
    expect(problems).toEqual([]);
    expect(waiters[0]).toMatchObject({
      name: "ThingReady",
      minDelay: 2,
      maxDelay: 120,
      documentation: "Waits for the thing.",
    });
    expect(waiters[0]!.acceptors.map((a) => [a.state, a.matcher.kind])).toEqual([
      ["retry", "errorType"],
      ["success", "output"],
      ["failure", "success"],
    ]);
  });

  it("compiles a path into code over the output", () => {
    const { waiters } = read({ ThingReady: outputMatcher("Things[].Status", "allStringEquals") });
    const matcher = waiters[0]!.acceptors[0]!.matcher;
    expect(matcher.kind === "output" && matcher.path.kind).toBe("compiled");
    const path = (matcher as { path: CompiledPath & { kind: "compiled" } }).path;
    expect(path.code.toString()).toBe(
      'jmesProject(jmesFlatten(jmesPath(output, "Things")), (v1) => jmesPath(v1, "Status"))',
    );
  });

  it.each([
    ["Thing.Stats", "Object field 'Stats' does not exist in object with properties [Status, Ready, Tags]"],
    ["Things.Status", "Object field 'Status' extraction performed on array"],
    ["Thing.Status.Name", "Object field 'Name' extraction performed on string"],
    ["Thing[0]", "Array index '0' extraction performed on object"],
  ])("leaves %s to validation, which reports it (%s); the waiter is still built", (path, message) => {
    const trait = { ThingReady: outputMatcher(`${path} == \`null\``, "booleanEquals", "true") };
    const warnings = waitableModel(trait).warnings ?? [];
    expect(warnings.filter((d) => d.message.includes(message)).map((d) => [d.severity, d.shapeId])).toEqual([
      ["DANGER", "ex#GetThing"],
    ]);
    const { waiters, problems } = read(trait);
    expect(problems).toEqual([]);
    expect(waiters).toHaveLength(1);
  });

  it("checks the comparator against what the path returns", () => {
    expect(read({ W: outputMatcher("Count", "stringEquals") }).problems[0]!.message).toContain(
      "must return a `string` type, but this acceptor was statically determined to return a `number` type",
    );
    expect(read({ W: outputMatcher("Thing.Status", "anyStringEquals") }).problems[0]!.message).toContain(
      "must return a `array` type",
    );
    expect(read({ W: outputMatcher("Thing.Tags.*", "anyStringEquals") }).problems).toEqual([]);
  });

  it("reads inputOutput paths over { input, output }", () => {
    const { problems } = read({
      W: {
        acceptors: [
          {
            state: "success",
            matcher: {
              inputOutput: { path: "input.Name == output.Thing.Status", comparator: "booleanEquals", expected: "true" },
            },
          },
        ],
      },
    });
    expect(problems).toEqual([]);
    const bad = waitableModel({
      W: {
        acceptors: [
          {
            state: "success",
            matcher: {
              inputOutput: { path: "Name == output.Thing.Status", comparator: "booleanEquals", expected: "true" },
            },
          },
        ],
      },
    });
    expect(bad.warnings?.map((d) => d.message)).toContain(
      "Waiter `W`, acceptor 0: Problem found in JMESPath expression (Name == output.Thing.Status): Object field 'Name' does not exist in object with properties [input, output] (1:1)",
    );
  });

  it("keeps a path the compiler does not handle as source, with the reason", () => {
    const { waiters, problems } = read({ W: outputMatcher("max_by(Things, &Status).Status") });
    expect(problems).toEqual([]);
    const matcher = waiters[0]!.acceptors[0]!.matcher;
    expect(matcher.kind === "output" && matcher.path).toMatchObject({
      kind: "evaluated",
      expression: "max_by(Things, &Status).Status",
    });
  });
});

const ERRORFILES = join(SHARED, "smithy-conformance/idl/invalid/errorfiles-waiters");
const haveErrorfiles = existsSync(ERRORFILES);
if (!haveErrorfiles) console.warn(`skipping the waiters errorfiles: ${ERRORFILES} is absent (needs ../shared)`);

describe.skipIf(!haveErrorfiles)("Smithy's waiter errorfiles", () => {
  const files = haveErrorfiles ? readdirSync(ERRORFILES).filter((f) => f.endsWith(".smithy")) : [];
  // Problems inside a path ("Problem found in JMESPath expression") are validation's alone: the
  // errorfiles runner (test/conformance) checks those events exactly.
  it.each(files)(
    "%s: every ERROR and DANGER outside a path's lint is reported for the same waiter and acceptor, nothing else",
    (file) => {
      const expected = readFileSync(join(ERRORFILES, file.replace(/\.smithy$/, ".errors")), "utf8")
        .split("\n")
        .filter((l) => /^\[(ERROR|DANGER)\]/.test(l) && !l.includes("Problem found in JMESPath expression"))
        .map((l) => /^\[\w+\] ([^:]+): (.*?)(?: \(\d+:\d+\))? \| \S+$/.exec(l)!)
        .map(([, shape, message]) => ({ shape: shape!, message: message! }));
      let model: ReturnType<typeof assemble>;
      try {
        model = assemble(loadFiles([join(ERRORFILES, file)], preludeIds()));
      } catch (e) {
        // The waitable trait's own definition (assemble/addons/) and the acceptor checks of
        // assemble/validate/waiters/ reject these at assembly, in Smithy's words: every expected
        // error is among those.
        expect(e).toBeInstanceOf(AnvilError);
        const all = [...(e as AnvilError).diagnostics, ...(e as AnvilError).warnings];
        for (const x of expected)
          expect(
            all.some((d) => d.shapeId === x.shape && d.message.startsWith(x.message)),
            x.message,
          ).toBe(true);
        return;
      }
      const problems: Diagnostic[] = [];
      const services = [...model.shapes.values()].filter((s) => s.type === "service" && !s.prelude);
      const bound = new Set<string>();
      for (const service of services) {
        const operations = serviceOperations(model, service);
        for (const o of operations) bound.add(o.id);
        readServiceWaiters(model, operations, service, problems);
      }
      for (const s of model.shapes.values())
        if (s.type === "operation" && !bound.has(s.id)) readWaiters(model, s, problems);
      const where = (message: string) =>
        /^(Waiter `\w+`(?:, acceptor \d+)?)/.exec(message)?.[1] ?? message.slice(0, 40);
      // Smithy keeps checking an acceptor after its first problem; the generator stops there, so compare by acceptor.
      const keys = (list: Array<{ shape: string; message: string }>) =>
        [...new Set(list.map((p) => `${p.shape} ${where(p.message)}`))].sort();
      const ours = problems.map((p) => ({ shape: p.shapeId ?? "", message: p.message }));
      expect(keys(ours)).toEqual(keys(expected));
      for (const p of ours) {
        const theirs = expected.filter((e) => e.shape === p.shape && where(e.message) === where(p.message));
        const sameText = theirs.some(
          (e) =>
            p.message.startsWith(e.message.split(": Syntax error")[0]!.replace(/ error$/, "")) ||
            e.message.startsWith(p.message),
        );
        expect(
          sameText || p.message.includes("Invalid JMESPath expression") || p.message.includes("cannot be applied"),
          `${p.message}\nvs\n${theirs.map((e) => e.message).join("\n")}`,
        ).toBe(true);
      }
    },
  );
});
