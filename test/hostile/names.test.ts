/**
 * Names from the model become TypeScript names and object keys. Keywords, globals, names the
 * generated code declares itself, and the names every object inherits must neither break the
 * build nor change what the code does: the output compiles, each shape gets its own
 * declaration, and inherited names are treated as the model's members, never as the prototype's.
 */
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { Project } from "ts-morph";
import { beforeAll, describe, expect, it } from "vitest";
import {
  id,
  member,
  outcomeOf,
  runPipeline,
  serviceModel,
  type AstShape,
  type RunResult,
  declaredType,
} from "./harness.js";

/** Shape names that are keywords, globals, or names the generated files declare. */
const HOSTILE_SHAPE_NAMES = [
  "Object",
  "Promise",
  "Array",
  "Date",
  "Record",
  "Map",
  "Symbol",
  "JSON",
  "Uint8Array",
  "Partial",
  "DocumentValue",
  "ServiceException",
  "ValidationIssue",
  "HostileClient",
  "HostileClientConfig",
  "HostileServiceException",
  "OpOperation",
  "String",
  "Boolean",
  "Number",
  "class",
  "interface",
  "default",
  "undefined",
  "any",
  "never",
  "type",
  "enum",
  "function",
  "this",
];

/** Member names every object inherits, and keywords. */
const INHERITED = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf"];
const KEYWORD_MEMBERS = ["class", "function", "default", "then", "delete", "new", "in"];

function hostileNamesModel() {
  const extra: Record<string, AstShape> = {};
  const input: Record<string, AstShape> = {};
  for (const name of HOSTILE_SHAPE_NAMES) {
    extra[id(name)] = { type: "structure", members: { value: member("smithy.api#String") } };
    input[`s_${name}`] = member(name);
  }
  // defineProperty: an assignment to `__proto__` would set the object's prototype instead.
  for (const name of INHERITED)
    Object.defineProperty(input, name, {
      value: member("smithy.api#String", { "smithy.api#required": {} }),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  for (const name of KEYWORD_MEMBERS) input[name] = member("smithy.api#Integer");
  input.kind = member("Kind");
  input.choice = member("Choice");
  extra[id("Kind")] = {
    type: "enum",
    members: Object.fromEntries(
      INHERITED.map((n) => [n, { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": `v_${n}` } }]),
    ),
  };
  extra[id("Choice")] = {
    type: "union",
    members: Object.fromEntries(INHERITED.map((n) => [n, member("smithy.api#String")])),
  };
  const output: Record<string, AstShape> = Object.fromEntries(INHERITED.map((n) => [n, member("smithy.api#String")]));
  const model = serviceModel(input, extra, output);
  // Operations whose method names would be inherited or special on the client object.
  const shapes = model.shapes;
  const service = shapes[id("Service")] as { operations: Array<{ target: string }> };
  for (const op of ["Then", "Constructor", "ToString", "Destroy"]) {
    shapes[id(op)] = { type: "operation", input: { target: "smithy.api#Unit" }, output: { target: "smithy.api#Unit" } };
    service.operations.push({ target: id(op) });
  }
  return model;
}

/** Imports a generated module from the output folder. */
async function importGenerated<T>(run: RunResult, path: string): Promise<T> {
  return (await import(pathToFileURL(join(run.out, path)).href)) as T;
}

describe("hostile names", () => {
  let run: RunResult;
  beforeAll(async () => {
    run = await runPipeline(hostileNamesModel());
  });

  it("compiles, with one distinct declaration per shape, none shadowing a global or keyword", () => {
    const project = new Project({ useInMemoryFileSystem: true });
    const types = project.createSourceFile("types.ts", run.file("types.ts"));
    const declared = types.getInterfaces().map((i) => i.getName());
    const distinct = new Set(declared);
    expect(distinct.size).toBe(declared.length);
    for (const name of declared) {
      expect([
        "Object",
        "Promise",
        "Array",
        "Date",
        "Record",
        "Map",
        "Symbol",
        "JSON",
        "Uint8Array",
        "Partial",
        "String",
        "Boolean",
        "Number",
      ]).not.toContain(name);
    }
    // Every hostile shape got a declaration, whatever its final name.
    expect(declared.length).toBe(HOSTILE_SHAPE_NAMES.length + 2);
    const input = types.getInterfaceOrThrow("OpInput");
    for (const name of [...INHERITED, ...KEYWORD_MEMBERS])
      expect(input.getProperty(name) ?? input.getProperty(JSON.stringify(name)), name).toBeDefined();
  });

  it("gives the client no method named then, constructor or toString", () => {
    const client = new Project({ useInMemoryFileSystem: true }).createSourceFile("client.ts", run.file("client.ts"));
    const cls = client.getClasses().find((c) => c.getName()?.endsWith("Client"));
    expect(cls).toBeDefined();
    const methods = cls?.getMethods().map((m) => m.getName()) ?? [];
    expect(methods).not.toContain("then");
    expect(methods).not.toContain("toString");
    expect(methods.length).toBeGreaterThanOrEqual(5);
  });

  it("keeps enum values named like Object.prototype members as own keys", async () => {
    const types = await importGenerated<Record<string, Record<string, string>>>(run, "types.ts");
    const kind = types.Kind;
    for (const n of INHERITED) expect(Object.prototype.hasOwnProperty.call(kind, n), n).toBe(true);
    expect(Object.getPrototypeOf(kind)).toBe(Object.prototype);
    expect(Object.values(kind).sort()).toEqual(INHERITED.map((n) => `v_${n}`).sort());
  });

  it("serializes and reads inherited member names as own properties", async () => {
    const serde = await importGenerated<Record<string, (v: unknown) => unknown>>(run, "serde.ts");
    const input = JSON.parse(JSON.stringify(Object.fromEntries(INHERITED.map((n) => [n, `x_${n}`]))));
    const wire = JSON.parse(JSON.stringify(serde.se_OpInput(input))) as Record<string, unknown>;
    for (const n of INHERITED) expect(Object.prototype.hasOwnProperty.call(wire, n) && wire[n], n).toBe(`x_${n}`);
    const empty = serde.de_OpOutput({}) as Record<string, unknown>;
    for (const n of INHERITED)
      expect(Object.prototype.hasOwnProperty.call(empty, n) ? empty[n] : undefined, n).toBeUndefined();
    const read = serde.de_OpOutput(JSON.parse('{"__proto__":"p","constructor":"c"}')) as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(read, "__proto__")?.value).toBe("p");
    expect(read.constructor).toBe("c");
  });

  it("validates a required member named like an inherited one as missing when it is not own", async () => {
    const validators = await importGenerated<Record<string, (v: unknown) => Array<{ path: string; code?: string }>>>(
      run,
      "validators.ts",
    );
    const issues = validators.validateOpInput({});
    const paths = issues.map((i) => i.path);
    for (const n of INHERITED)
      expect(
        paths.some((p) => p.endsWith(`/${n}`)),
        n,
      ).toBe(true);
  });
});

describe("inherited member names on aggregate targets", () => {
  it("compiles and round-trips a structure, list and map under __proto__, constructor and toString", async () => {
    const model = serviceModel(
      JSON.parse(
        '{"__proto__":{"target":"example.hostile#Inner"},"constructor":{"target":"example.hostile#Names"},"toString":{"target":"example.hostile#Counts"}}',
      ),
      {
        [id("Inner")]: { type: "structure", members: { v: member("smithy.api#String") } },
        [id("Names")]: { type: "list", member: member("smithy.api#String") },
        [id("Counts")]: { type: "map", key: member("smithy.api#String"), value: member("smithy.api#Integer") },
      },
      JSON.parse('{"__proto__":{"target":"example.hostile#Inner"},"constructor":{"target":"example.hostile#Names"}}'),
    );
    const run = await runPipeline(model);
    const serde = await importGenerated<Record<string, (v: unknown) => unknown>>(run, "serde.ts");
    const input = JSON.parse('{"__proto__":{"v":"p"},"constructor":["a"],"toString":{"k":1}}');
    expect(JSON.stringify(serde.se_OpInput(input))).toBe(
      '{"__proto__":{"v":"p"},"constructor":["a"],"toString":{"k":1}}',
    );
    const read = serde.de_OpOutput(JSON.parse('{"__proto__":{"v":"q"},"constructor":["b"]}')) as Record<
      string,
      unknown
    >;
    expect(Object.getOwnPropertyDescriptor(read, "__proto__")?.value).toEqual({ v: "q" });
    expect(read.constructor).toEqual(["b"]);
  });
});

describe("names that differ only in case", () => {
  it("shape names conflicting case-insensitively are a model error or distinct declarations", async () => {
    const model = serviceModel(
      { a: member("Widget"), b: member("widget") },
      {
        [id("Widget")]: { type: "structure", members: { x: member("smithy.api#String") } },
        [id("widget")]: { type: "structure", members: { y: member("smithy.api#Integer") } },
      },
    );
    const { run, error } = await outcomeOf(model);
    if (error) {
      expect(error.kind).toBe("model");
      expect(error.message).toMatch(/widget/i);
      return;
    }
    const types = new Project({ useInMemoryFileSystem: true }).createSourceFile("types.ts", run.file("types.ts"));
    const input = types.getInterfaceOrThrow("OpInput");
    const a = declaredType(input.getPropertyOrThrow("a"));
    const b = declaredType(input.getPropertyOrThrow("b"));
    expect(a).not.toBe(b);
    expect(types.getInterfaceOrThrow(a as string).getProperty("x")).toBeDefined();
    expect(types.getInterfaceOrThrow(b as string).getProperty("y")).toBeDefined();
  });

  it("member names conflicting case-insensitively are a model error or distinct properties", async () => {
    const model = serviceModel({ name: member("smithy.api#String"), Name: member("smithy.api#Integer") });
    const { run, error } = await outcomeOf(model);
    if (error) {
      expect(error.kind).toBe("model");
      expect(error.message).toMatch(/name/i);
      return;
    }
    const input = new Project({ useInMemoryFileSystem: true })
      .createSourceFile("types.ts", run.file("types.ts"))
      .getInterfaceOrThrow("OpInput");
    expect(declaredType(input.getPropertyOrThrow("name"))).toBe("string");
    expect(declaredType(input.getPropertyOrThrow("Name"))).toBe("number");
  });
});
