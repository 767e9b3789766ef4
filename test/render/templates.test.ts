/**
 * Templates read only what the IR has. Handlebars in strict mode throws on a missing field in
 * `{{x}}`, but block helpers (`{{#if x}}`, `{{#each x}}`) would still read a misspelt field as
 * empty and print nothing; so every path any template names is checked against the fields the
 * IR actually carries (every key of every object lowered for three models that between them use
 * every template branch), and each template must print its imports exactly once.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { Code } from "../../generator/code/index.js";
import { loadConfig } from "../../generator/config/index.js";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";
import { loadFiles } from "../../generator/load/index.js";
import { lower } from "../../generator/lower/index.js";
import type { ClientIR } from "../../generator/lower/ir.js";
import { render, TEMPLATES_DIR } from "../../generator/render/index.js";
import { select } from "../../generator/select/index.js";
import { modelOf } from "../helpers.js";

const root = new URL("../../", import.meta.url).pathname;

/** Lowers the first client of a config file. */
function irOf(configPath: string, service?: string): ClientIR {
  const client = loadConfig(configPath).clients[0];
  const model = assemble(loadFiles(client.models, preludeIds()));
  return lower(model, select(model, { service: service ?? client.service, operations: client.operations }), client);
}

/** Every property name of every object reachable from `value` (Code fragments are leaves). */
function keysOf(value: unknown, out = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (typeof value !== "object" || value === null || value instanceof Code || seen.has(value)) return out;
  seen.add(value);
  for (const [k, v] of Object.entries(value)) {
    if (!Array.isArray(value)) out.add(k);
    keysOf(v, out, seen);
  }
  return out;
}

/** Every path a template names, as its segments (helpers, `this`, `@data` and `..` left out). */
function pathsIn(template: string): string[][] {
  const helpers = new Set(["if", "unless", "each", "with", "code", "imports", "eq", "json", "oneLine"]);
  const paths: string[][] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const n = node as { type?: string; parts?: string[]; data?: boolean; original?: string };
    if (
      n.type === "PathExpression" &&
      !n.data &&
      n.parts &&
      n.parts.length > 0 &&
      !(n.parts.length === 1 && helpers.has(n.parts[0]))
    )
      paths.push(n.parts);
    for (const v of Object.values(node)) if (typeof v === "object") visit(v);
  };
  visit(Handlebars.parse(template));
  return paths;
}

/** A model with what the two configs lack: a streaming operation left out, a pattern left unchecked, a paginator and a waiter. */
function edgeCasesIr(): ClientIR {
  const model = modelOf({
    smithy: "2.0",
    shapes: {
      "ex#Svc": {
        type: "service",
        version: "1",
        operations: [{ target: "ex#Upload" }, { target: "ex#List" }, { target: "ex#Get" }],
        traits: { "aws.protocols#awsJson1_1": {} },
      },
      "ex#List": {
        type: "operation",
        input: { target: "ex#ListInput" },
        output: { target: "ex#ListOutput" },
        traits: {
          "smithy.api#paginated": { inputToken: "next", outputToken: "next", pageSize: "size", items: "names" },
        },
      },
      "ex#ListInput": {
        type: "structure",
        members: {
          next: { target: "smithy.api#String" },
          size: { target: "smithy.api#Integer" },
          // A pattern matching control characters: its constant carries a lint exception.
          prefix: { target: "smithy.api#String", traits: { "smithy.api#pattern": "^[\\x00-\\x7F]+$" } },
        },
      },
      "ex#ListOutput": {
        type: "structure",
        members: { next: { target: "smithy.api#String" }, names: { target: "ex#Names" } },
      },
      "ex#Names": { type: "list", member: { target: "smithy.api#String" } },
      "ex#Get": {
        type: "operation",
        output: { target: "ex#GetOutput" },
        traits: {
          "smithy.waiters#waitable": {
            Ready: {
              documentation: "Waits until it is ready.",
              acceptors: [
                {
                  state: "success",
                  matcher: { output: { path: "state", expected: "ready", comparator: "stringEquals" } },
                },
                { state: "retry", matcher: { errorType: "Busy" } },
              ],
            },
          },
        },
      },
      "ex#GetOutput": { type: "structure", members: { state: { target: "smithy.api#String" } } },
      "ex#Upload": { type: "operation", input: { target: "ex#UploadInput" } },
      "ex#UploadInput": {
        type: "structure",
        members: { body: { target: "ex#Stream", traits: { "smithy.api#required": {} } }, odd: { target: "ex#Odd" } },
      },
      "ex#Stream": { type: "blob", traits: { "smithy.api#streaming": {} } },
      "ex#Odd": { type: "string", traits: { "smithy.api#pattern": "\\p{InGreek}+" } },
    },
  });
  return lower(model, select(model, {}), {
    name: "edge",
    models: [],
    modelsAsWritten: ["edge.json"],
    validation: "reject",
  });
}

/** A one-operation service of `protocol`: what only some protocols fill (schema constants, REST functions). */
function protocolIr(protocol: string): ClientIR {
  const model = modelOf({
    smithy: "2.0",
    shapes: {
      "ex#Svc": {
        type: "service",
        version: "1",
        operations: [{ target: "ex#Get" }],
        traits: { [protocol]: {}, "smithy.api#xmlNamespace": { uri: "https://example.com/" } },
      },
      "ex#Get": {
        type: "operation",
        output: { target: "ex#GetOutput" },
        traits: { "smithy.api#http": { method: "GET", uri: "/" } },
      },
      "ex#GetOutput": { type: "structure", members: { state: { target: "smithy.api#String" } } },
    },
  });
  return lower(model, select(model, {}), { name: "p", models: [], modelsAsWritten: ["p.json"], validation: "reject" });
}

describe("templates", () => {
  const irs = [
    irOf(`${root}codegen.yaml`),
    irOf(`${root}test/fixtures/kitchen-sink.yaml`),
    irOf(`${root}test/fixtures/rest-json/notes.yaml`),
    edgeCasesIr(),
    protocolIr("aws.protocols#awsQuery"),
  ];
  // `length` is the one property of arrays templates read (`{{#if list.length}}`).
  const known = new Set<string>(["length"]);
  for (const ir of irs) keysOf(ir, known);
  const templates = readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith(".hbs"));
  const partials = readdirSync(join(TEMPLATES_DIR, "partials")).map((f) => join("partials", f));

  it.each([...templates, ...partials])("%s names only fields the IR has", (file) => {
    const unknown = pathsIn(readFileSync(join(TEMPLATES_DIR, file), "utf8"))
      .flat()
      .filter((segment) => !known.has(segment) && !/^\d+$/.test(segment));
    expect(unknown).toEqual([]);
  });

  it("finds a misspelt field (the check itself works)", () => {
    expect(
      pathsIn("{{#if servce.endpointRuleSet}}x{{/if}}")
        .flat()
        .filter((s) => !known.has(s)),
    ).toEqual(["servce"]);
  });

  it("renders every module with its imports in place, and nothing left unprinted", () => {
    for (const ir of irs) {
      for (const file of render(ir).filter((f) => f.path.endsWith(".ts") && !f.path.startsWith("runtime/"))) {
        expect(file.text, file.path).not.toContain("\u0000");
        expect(file.text, file.path).not.toMatch(/\[object Object\]|undefined\(/);
      }
    }
  });
});
