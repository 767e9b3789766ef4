/**
 * Recursive models: recursion through structures and unions is legal and must give finite
 * types and validators that terminate; a list or map containing itself is illegal in Smithy and
 * must be a clear model error, not a stack overflow.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Project } from "ts-morph";
import { describe, expect, it } from "vitest";
import { id, member, pipelineError, runPipeline, serviceModel, declaredType } from "./harness.js";

type Validate = (v: unknown) => Array<{ path: string }>;

describe("legal recursion", () => {
  const model = serviceModel(
    { a: member("A"), tree: member("Tree"), expr: member("Expr") },
    {
      // A -> B -> A, and B -> list of A -> A.
      [id("A")]: { type: "structure", members: { b: member("B"), name: member("Name") } },
      [id("B")]: { type: "structure", members: { a: member("A"), many: member("AList"), byKey: member("AMap") } },
      [id("AList")]: { type: "list", member: member("A") },
      [id("AMap")]: { type: "map", key: member("smithy.api#String"), value: member("A") },
      // A structure holding a list of itself.
      [id("Tree")]: { type: "structure", members: { children: member("TreeList"), label: member("Name") } },
      [id("TreeList")]: { type: "list", member: member("Tree") },
      // A union containing itself directly.
      [id("Expr")]: { type: "union", members: { not: member("Expr"), both: member("ExprPair"), leaf: member("Name") } },
      [id("ExprPair")]: { type: "list", member: member("Expr") },
      [id("Name")]: { type: "string", traits: { "smithy.api#length": { max: 8 } } },
    },
  );

  it("compiles, with named types referring to each other", async () => {
    const run = await runPipeline(model);
    const types = new Project({ useInMemoryFileSystem: true }).createSourceFile("types.ts", run.file("types.ts"));
    expect(declaredType(types.getInterfaceOrThrow("A").getPropertyOrThrow("b"))).toBe("B");
    expect(declaredType(types.getInterfaceOrThrow("B").getPropertyOrThrow("many"))).toBe("A[]");
    expect(declaredType(types.getInterfaceOrThrow("Tree").getPropertyOrThrow("children"))).toBe("Tree[]");
    expect(types.getTypeAliasOrThrow("Expr").getTypeNode()?.getText()).toContain("not: Expr");
  });

  it("validates deep recursive values, and finds the one bad leaf at its path", async () => {
    const run = await runPipeline(model);
    const { validateOpInput } = (await import(pathToFileURL(join(run.out, "validators.ts")).href)) as {
      validateOpInput: Validate;
    };
    type Node = { a?: Node; b?: { a?: Node }; name?: string };
    let deep: Node = { name: "leaf" };
    for (let i = 0; i < 200; i++) deep = { b: { a: deep } };
    expect(validateOpInput({ a: deep })).toEqual([]);
    let bad: Node = { name: "far too long" };
    for (let i = 0; i < 200; i++) bad = { b: { a: bad } };
    const issues = validateOpInput({ a: bad });
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe(`/a${"/b/a".repeat(200)}/name`);
    let tree: { children: unknown[]; label?: string } = { children: [], label: "x" };
    for (let i = 0; i < 100; i++) tree = { children: [tree, { children: [] }] };
    let expr: unknown = { leaf: "x" };
    for (let i = 0; i < 100; i++) expr = { not: expr };
    expect(validateOpInput({ tree, expr })).toEqual([]);
  });

  it("returns (never hangs or throws) on a cyclic value", async () => {
    const run = await runPipeline(model);
    const { validateOpInput } = (await import(pathToFileURL(join(run.out, "validators.ts")).href)) as {
      validateOpInput: Validate;
    };
    const a: { b: { a?: unknown } } = { b: {} };
    a.b.a = a;
    const started = performance.now();
    const issues = validateOpInput({ a });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(Array.isArray(issues)).toBe(true);
  });
});

describe("illegal recursion (a collection containing itself)", () => {
  it.each([
    [
      "a list of itself",
      { [id("L")]: { type: "list", member: member("L") } },
      "L",
      /^Found invalid shape recursion: example\.hostile#L\$member > example\.hostile#L\. A recursive list/,
    ],
    [
      "a map of itself",
      { [id("M")]: { type: "map", key: member("smithy.api#String"), value: member("M") } },
      "M",
      /^Found invalid shape recursion: example\.hostile#M\$value > example\.hostile#M\./,
    ],
    [
      "a map of lists of itself",
      {
        [id("M")]: { type: "map", key: member("smithy.api#String"), value: member("L") },
        [id("L")]: { type: "list", member: member("M") },
      },
      "M",
      /example\.hostile#M\$value > example\.hostile#L > example\.hostile#L\$member > example\.hostile#M\./,
    ],
  ])("rejects %s with the cycle and its position (Smithy's ShapeRecursion)", async (_label, extra, start, message) => {
    const error = await pipelineError(serviceModel({ x: member(start) }, extra));
    expect(error.kind).toBe("model");
    const event = error.diagnostics.find((d) => d.eventId === "ShapeRecursion" && d.shapeId === id(start));
    expect(event?.message).toMatch(message);
    expect(event?.location?.line).toBeGreaterThan(1);
    expect(event?.hint).toMatch(/structure/);
  });

  it("accepts a list of lists of a structure that contains the outer list", async () => {
    const run = await runPipeline(
      serviceModel(
        { grid: member("Grid") },
        {
          [id("Grid")]: { type: "list", member: member("Row") },
          [id("Row")]: { type: "list", member: member("Cell") },
          [id("Cell")]: { type: "structure", members: { inner: member("Grid") } },
        },
      ),
    );
    expect(run.file("types.ts")).toMatch(/inner\?: Array<Cell\[\]> \| undefined;/);
  });
});
