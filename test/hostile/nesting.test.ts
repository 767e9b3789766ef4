/**
 * Deep nesting: 50 levels of structures, of lists, of maps, and of all three interleaved. The
 * output compiles, validators reach the bottom and report a bad leaf at its full path, and a
 * model nested 100,000 levels deep inside a trait value loads without a stack overflow.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
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

const DEPTH = 50;

/** Shapes S1..S50 (structures), L1..L50 (lists), M1..M50 (maps), X1..X50 (structure, list, map in turn). */
function nestedShapes(): Record<string, AstShape> {
  const shapes: Record<string, AstShape> = {
    [id("Leaf")]: { type: "string", traits: { "smithy.api#length": { max: 3 } } },
  };
  for (let i = 1; i <= DEPTH; i++) {
    const next = (p: string) => (i === DEPTH ? "Leaf" : `${p}${i + 1}`);
    shapes[id(`S${i}`)] = { type: "structure", members: { next: member(next("S")) } };
    shapes[id(`L${i}`)] = { type: "list", member: member(next("L")) };
    shapes[id(`M${i}`)] = { type: "map", key: member("smithy.api#String"), value: member(next("M")) };
    const kind = i % 3;
    shapes[id(`X${i}`)] =
      kind === 1
        ? { type: "structure", members: { next: member(next("X")) } }
        : kind === 2
          ? { type: "list", member: member(next("X")) }
          : { type: "map", key: member("smithy.api#String"), value: member(next("X")) };
  }
  return shapes;
}

/** A value `depth` levels deep around `leaf`, shaped like S/L/M/X. */
function nestedValue(kind: "S" | "L" | "M" | "X", leaf: string): unknown {
  let v: unknown = leaf;
  for (let i = DEPTH; i >= 1; i--) {
    const k = kind === "X" ? ["M", "S", "L"][i % 3] : kind;
    v = k === "S" ? { next: v } : k === "L" ? [v] : { key: v };
  }
  return v;
}

/** The JSON Pointer of the leaf in nestedValue. */
function leafPath(kind: "S" | "L" | "M" | "X"): string {
  let p = "";
  for (let i = 1; i <= DEPTH; i++) {
    const k = kind === "X" ? ["M", "S", "L"][i % 3] : kind;
    p += k === "S" ? "/next" : k === "L" ? "/0" : "/key";
  }
  return p;
}

describe("50 levels of nesting", () => {
  let run: RunResult;
  beforeAll(async () => {
    run = await runPipeline(
      serviceModel({ s: member("S1"), l: member("L1"), m: member("M1"), x: member("X1") }, nestedShapes()),
    );
  });

  it("compiles, with the list and map types spelled out to the bottom", () => {
    const input = new Project({ useInMemoryFileSystem: true })
      .createSourceFile("types.ts", run.file("types.ts"))
      .getInterfaceOrThrow("OpInput");
    const typeOf = (name: string) =>
      declaredType(input.getPropertyOrThrow(name)).replace(/\s+/g, "").replace(/,>/g, ">");
    expect(typeOf("s")).toBe("S1");
    // `Array<T>` and `T[]` are both fine; the depth and the leaf type are what matter.
    const list = typeOf("l");
    expect(list.replace(/Array<|>|\[\]/g, "")).toBe("string");
    expect((list.match(/Array</g) ?? []).length + (list.match(/\[\]/g) ?? []).length).toBe(DEPTH);
    expect(typeOf("m")).toBe(`${"Record<string,".repeat(DEPTH)}string${">".repeat(DEPTH)}`);
  });

  it.each(["S", "L", "M", "X"] as const)(
    "validates a %s value 50 levels deep and finds a bad leaf at its full path",
    async (kind) => {
      const { validateOpInput } = (await import(pathToFileURL(join(run.out, "validators.ts")).href)) as {
        validateOpInput: (v: unknown) => Array<{ path: string }>;
      };
      const key = kind.toLowerCase();
      expect(validateOpInput({ [key]: nestedValue(kind, "ok") })).toEqual([]);
      const issues = validateOpInput({ [key]: nestedValue(kind, "too long") });
      expect(issues.map((i) => i.path)).toEqual([`/${key}${leafPath(kind)}`]);
    },
  );
});

describe("deep JSON inside the model", () => {
  it("loads a trait value nested 100,000 levels without overflowing the stack", async () => {
    const model = serviceModel({ a: member("smithy.api#String") });
    (model.shapes[id("Op")] as AstShape).traits = { "smithy.api#examples": [{ title: "deep", input: "__DEEP__" }] };
    const text = JSON.stringify(model).replace('"__DEEP__"', `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`);
    const { run, error } = await outcomeOf(text);
    // Either outcome is a clean one: the example's input does not match the operation's input
    // shape, which a model validator may report; nothing may crash.
    if (error) expect(error.kind).toBe("model");
    else expect(run.file("types.ts")).toContain("export interface OpInput");
  });
});
