/**
 * Ordinary models whose names collide with what the generated code declares or imports: members
 * named like runtime helpers, error members named like class members and like their renames, an
 * error named like an operation's descriptor, shapes named like runtime exports, and every
 * JavaScript global and TypeScript keyword as a shape name. Each model generates, type-checks
 * (the harness runs the whole pipeline), and its client validates, constructs and calls a
 * loopback server, with every value arriving where it belongs.
 */
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GLOBAL_NAMES, RESERVED_WORDS } from "../../generator/lower/naming.js";
import { reply } from "../runtime/server.js";
import { credentials, loopbackServerForFile, rejectionOf } from "../client/helpers.js";
import { track } from "../runtime/helpers.js";
import { id, member, runPipeline, serviceModel, type AstShape, type RunResult } from "./harness.js";

const server = await loopbackServerForFile();

/** Member names that are runtime helpers, serde function prefixes or their lookalikes. */
const HELPER_LIKE = [
  "deFoo",
  "de_Bar",
  "deError",
  "deString",
  "serList",
  "withoutNulls",
  "own",
  "isList",
  "report",
  "se_Op",
];
/** Shapes named like the runtime's exports and like globals the generated code uses. */
const RUNTIME_LIKE = [
  "ClientConfig",
  "InvokeOptions",
  "ValidationIssue",
  "ServiceClient",
  "OperationDescriptor",
  "ServiceDescriptor",
  "ErrorInit",
  "Requirement",
];
const GLOBAL_LIKE = ["Error", "Date", "Promise", "Record", "Object", "Uint8Array"];

type Module = Record<string, unknown>;
type ClientClass = new (
  config: Record<string, unknown>,
) => Record<string, (input?: unknown) => Promise<unknown>> & { destroy(): void };

async function importGenerated(run: RunResult, path: string): Promise<Module> {
  return (await import(pathToFileURL(join(run.out, path)).href)) as Module;
}

function client(index: Module, name: string) {
  const Client = index[name] as ClientClass;
  return track(
    new Client({ region: "us-east-1", endpoint: server.url, credentials, retry: { random: () => 0 }, maxAttempts: 1 }),
  );
}

/** The model of the cases and a few more of our own. */
function collidingModel() {
  const extra: Record<string, AstShape> = {};
  const input: Record<string, AstShape> = {};
  for (const name of HELPER_LIKE) input[name] = member("smithy.api#String");
  for (const name of [...RUNTIME_LIKE, ...GLOBAL_LIKE]) {
    extra[id(name)] = {
      type: "structure",
      members: { value: member("smithy.api#String", { "smithy.api#length": { max: 3 } }) },
    };
    input[`s${name}`] = member(name);
  }
  input.id = member("smithy.api#String", { "smithy.api#required": {} });
  const model = serviceModel(input, extra, { echo: member("smithy.api#String"), when: member("Date") });
  const shapes = model.shapes;
  // The error of every operation: members named like helpers, like class members, and like the renames.
  (shapes[id("Failed")] as { members: Record<string, AstShape> }).members = {
    message: member("smithy.api#String"),
    code: member("smithy.api#String"),
    codeValue: member("smithy.api#String"),
    name: member("smithy.api#String"),
    deFoo: member("smithy.api#String"),
    de_Bar: member("smithy.api#Integer"),
    deError: member("Error"),
  };
  // Errors named like the descriptor of the operation that throws them, and like the descriptor's
  // first rename.
  const service = shapes[id("Service")] as { operations: Array<{ target: string }> };
  for (const [op, errors] of [
    ["Throttle", ["ThrottleOperation"]],
    ["Put", ["PutOperation", "PutOperationDescriptor"]],
  ] as const) {
    shapes[id(op)] = {
      type: "operation",
      input: { target: "smithy.api#Unit" },
      output: { target: "smithy.api#Unit" },
      errors: errors.map((e) => ({ target: id(e) })),
    };
    for (const error of errors)
      shapes[id(error)] = {
        type: "structure",
        members: { reason: member("smithy.api#String") },
        traits: { "smithy.api#error": "client" },
      };
    service.operations.push({ target: id(op) });
  }
  return model;
}

describe("a model full of colliding names", () => {
  let run: RunResult;
  let index: Module;
  beforeAll(async () => {
    run = await runPipeline(collidingModel());
    index = await importGenerated(run, "index.ts");
  }, 120_000);

  it("imports nothing a file does not use and never a member name (serde.ts reads the members of errors)", () => {
    const errors = run.file("errors.ts");
    const serde = run.file("serde.ts");
    for (const file of [errors, serde]) {
      expect(file).not.toMatch(/import[^;]*\bdeFoo\b/);
      expect(file).not.toMatch(/import[^;]*\bde_Bar\b/);
    }
    expect(errors).toContain('this.deFoo = fields["deFoo"];');
    expect(serde).toMatch(/\bdeFoo: deString\(b\["deFoo"\]\)/);
  });

  it("renames a shape only where index.ts also exports a runtime name; elsewhere imports are aliased", () => {
    const types = run.file("types.ts");
    // index.ts re-exports the runtime's InvokeOptions and ValidationIssue: the shapes give way.
    expect(types).toMatch(/export interface InvokeOptionsShape \{/);
    expect(types).toMatch(/export interface ValidationIssueShape \{/);
    // The runtime's ServiceClient and ClientConfig are not re-exported: the shapes keep their names.
    expect(types).toMatch(/export interface ServiceClient \{/);
    expect(types).toMatch(/export interface ClientConfig \{/);
    // Globals the generated code uses are never shadowed.
    expect(types).toMatch(/export interface ErrorShape \{/);
    expect(types).toMatch(/export interface DateShape \{/);
    // An error class named like an operation descriptor keeps its name; the descriptor gives way.
    const client = run.file("operations.ts");
    expect(client).toMatch(/^const ThrottleOperationDescriptor: /m);
    expect(client).toMatch(/^const PutOperationDescriptor2: /m);
    // Each operation's error table is keyed by its errors' wire codes.
    expect(client).toMatch(/errors: \{\s*Failed: deError_Failed,\s*\}/);
    expect(client).toMatch(/errors: \{\s*ThrottleOperation: deError_ThrottleOperation,\s*\}/);
    expect(client).toMatch(
      /errors: \{\s*PutOperation: deError_PutOperation,\s*PutOperationDescriptor: deError_PutOperationDescriptor,\s*\}/,
    );
  });

  it("validates, constructs and calls the service, sending every helper-like member", async () => {
    const validate = index.validateOpInput as (v: unknown) => Array<{ path: string; constraint: string }>;
    expect(validate({ id: "x", sDate: { value: "toolong" } })).toEqual([
      expect.objectContaining({ path: "/sDate/value", constraint: "length" }),
    ]);
    server.handler = (_req, res) => reply(res, 200, '{"echo":"ok","when":{"value":"d"}}');
    const c = client(index, "HostileClient");
    const input = { id: "x", ...Object.fromEntries(HELPER_LIKE.map((n) => [n, `v_${n}`])), sError: { value: "e" } };
    await expect(c.op?.(input)).resolves.toEqual({ echo: "ok", when: { value: "d" } });
    const sent = JSON.parse(server.requests[0]?.body ?? "{}") as Record<string, unknown>;
    for (const n of HELPER_LIKE) expect(sent[n], n).toBe(`v_${n}`);
    expect(sent.sError).toEqual({ value: "e" });
  });

  it("reads an error's members into fields renamed off the class's own names", async () => {
    server.handler = (_req, res) =>
      reply(
        res,
        400,
        JSON.stringify({
          __type: "Failed",
          message: "m",
          code: "c1",
          codeValue: "c2",
          name: "n",
          deFoo: "f",
          de_Bar: 7,
          deError: { value: "v" },
        }),
      );
    const error = (await rejectionOf(client(index, "HostileClient").op?.({ id: "x" }) ?? Promise.resolve())) as Record<
      string,
      unknown
    >;
    expect(error).toBeInstanceOf(index.Failed as new () => unknown);
    expect(error).toMatchObject({
      name: "Failed",
      message: "m",
      code: "Failed",
      codeValue: "c2",
      codeValue2: "c1",
      nameValue: "n",
      deFoo: "f",
      de_Bar: 7,
      deError: { value: "v" },
    });
  });

  it("throws the error class named like an operation descriptor, from each operation", async () => {
    for (const [method, error] of [
      ["throttle", "ThrottleOperation"],
      ["put", "PutOperation"],
      ["put", "PutOperationDescriptor"],
    ] as const) {
      server.handler = (_req, res) => reply(res, 400, JSON.stringify({ __type: error, reason: "r" }));
      const thrown = await rejectionOf(client(index, "HostileClient")[method]?.() ?? Promise.resolve());
      expect(thrown, method).toBeInstanceOf(index[error] as new () => unknown);
      expect(thrown).toMatchObject({ reason: "r" });
    }
  });
});

describe("an error class named like a runtime export its deserializer's file imports", () => {
  it("imports the runtime's under an alias and keeps the error table keyed by the wire code", async () => {
    const model = serviceModel({ id: member("smithy.api#String") });
    const op = model.shapes[id("Op")] as { errors: Array<{ target: string }> };
    op.errors.push({ target: id("ErrorInit") });
    model.shapes[id("ErrorInit")] = {
      type: "structure",
      members: { reason: member("smithy.api#String") },
      traits: { "smithy.api#error": "server" },
    };
    const run = await runPipeline(model);
    // serde.ts builds the error class ErrorInit from the runtime's ErrorInit: one of them is aliased.
    const serdeTs = run.file("serde.ts");
    expect(serdeTs).toMatch(/ErrorInit as ErrorInit\$1/);
    expect(run.file("operations.ts")).toMatch(/ErrorInit: deError_ErrorInit/);
    const index = await importGenerated(run, "index.ts");
    server.handler = (_req, res) => reply(res, 500, JSON.stringify({ __type: "ErrorInit", reason: "r" }));
    const thrown = await rejectionOf(client(index, "HostileClient").op?.({ id: "x" }) ?? Promise.resolve());
    expect(thrown).toBeInstanceOf(index.ErrorInit as new () => unknown);
    expect(thrown).toMatchObject({ reason: "r", $fault: "server" });
  }, 120_000);
});

describe("every JavaScript global and TypeScript keyword as a shape name", () => {
  it("generates, type-checks and round-trips through a client", async () => {
    // Smithy forbids shape ids that differ only in case: keep the global (`Symbol`) over the keyword (`symbol`).
    const byLowerCase = new Map<string, string>();
    for (const n of [...GLOBAL_NAMES, ...RESERVED_WORDS])
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(n) && !byLowerCase.has(n.toLowerCase())) byLowerCase.set(n.toLowerCase(), n);
    const names = [...byLowerCase.values()];
    const extra: Record<string, AstShape> = {};
    const input: Record<string, AstShape> = {};
    names.forEach((name, i) => {
      extra[id(name)] = { type: "structure", members: { v: member("smithy.api#Integer") } };
      input[`m${i}`] = member(name);
    });
    const run = await runPipeline(serviceModel(input, extra, input));
    const index = await importGenerated(run, "index.ts");
    const value = Object.fromEntries(names.map((_n, i) => [`m${i}`, { v: i }]));
    server.handler = (req, res) => reply(res, 200, req.body);
    await expect(client(index, "HostileClient").op?.(value)).resolves.toEqual(value);
  }, 120_000);
});
