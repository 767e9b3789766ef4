/**
 * The runtime as declarations in checks (generator/typecheck/runtime-declarations.ts): the
 * runtime is checked once and its declaration files stand in for the copies in a client's check;
 * what that must not lose is pinned here: generated files are still checked in full against the
 * runtime's types, an edited runtime copy is checked as it is, a runtime with a type error yields
 * no declarations, and a tampered cache file is rebuilt.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runtimeFileText, runtimeFiles, runtimeFilesFor, runtimeSource } from "../../generator/runtime-files.js";
import { checkedForm, runtimeCopyOf, typeChecker } from "../../generator/typecheck/index.js";
import {
  declarationPath,
  declarationsOf,
  runtimeDeclarations,
} from "../../generator/typecheck/runtime-declarations.js";

const cacheRoot = mkdtempSync(join(tmpdir(), "anvil-declarations-test-"));
afterAll(() => rmSync(cacheRoot, { recursive: true, force: true }));

const ourSources = () => new Map(runtimeFiles().map((rel) => [rel, runtimeSource(rel)]));
const onlyFolder = (dir: string) => {
  const names = readdirSync(dir);
  expect(names).toHaveLength(1);
  return join(dir, names[0] as string);
};

describe("the runtime's declarations", () => {
  it("cover every runtime file, are emitted once and then read from the cache", { timeout: 60_000 }, async () => {
    const cache = join(cacheRoot, "reuse");
    const first = await declarationsOf(ourSources(), cache);
    expect([...(first?.keys() ?? [])].sort()).toEqual([...runtimeFiles()].sort());
    expect(first?.get("retry.ts")).toMatch(/^export declare function /m);
    const folder = onlyFolder(cache);
    const record = join(folder, "declarations.json");
    const stored = statSync(record).mtimeMs;
    const second = await declarationsOf(ourSources(), cache);
    expect(second).toEqual(first);
    expect(statSync(record).mtimeMs).toBe(stored);
  });

  it("are emitted again when a cached file was edited, never taken as they are", { timeout: 60_000 }, async () => {
    const cache = join(cacheRoot, "tamper");
    const first = await declarationsOf(ourSources(), cache);
    const file = join(onlyFolder(cache), declarationPath("retry.ts"));
    writeFileSync(file, "export declare const planted: number;\n");
    const again = await declarationsOf(ourSources(), cache);
    expect(again?.get("retry.ts")).toBe(first?.get("retry.ts"));
    expect(readFileSync(file, "utf8")).toBe(first?.get("retry.ts"));
  });

  it("are not made for a runtime that does not type-check", { timeout: 60_000 }, async () => {
    const broken = ourSources();
    broken.set("clock.ts", `${runtimeSource("clock.ts")}\nexport const planted: number = "x";\n`);
    const cache = join(cacheRoot, "broken");
    expect(await declarationsOf(broken, cache)).toBeUndefined();
    expect(existsSync(cache)).toBe(false);
  });

  it(
    "are named by their sources: another runtime gets its own folder, and the old one goes",
    { timeout: 60_000 },
    async () => {
      const cache = join(cacheRoot, "key");
      await declarationsOf(ourSources(), cache);
      const before = onlyFolder(cache);
      const changed = ourSources();
      changed.set("clock.ts", `${runtimeSource("clock.ts")}\n/** Planted. */\nexport const planted: number = 1;\n`);
      const declarations = await declarationsOf(changed, cache);
      expect(declarations?.get("clock.ts")).toContain("export declare const planted: number;");
      expect(onlyFolder(cache)).not.toBe(before);
    },
  );
});

describe("a check with the runtime as declarations", () => {
  const esmPackage = { path: "package.json", text: '{ "type": "module" }\n', origin: "generator/lower/packaging.ts" };
  const runtime = runtimeFilesFor([]).map((rel) => ({
    path: `runtime/${rel}`,
    text: runtimeFileText(rel),
    origin: `generator/runtime/${rel}`,
  }));

  it("takes exact runtime copies as declarations and checks everything else", async () => {
    const declarations = await runtimeDeclarations();
    expect(declarations).toBeDefined();
    const copy = checkedForm("runtime/rules/evaluate.ts", runtimeFileText("rules/evaluate.ts"), declarations);
    expect(copy).toEqual({
      path: "runtime/rules/evaluate.d.ts",
      text: declarations?.get("rules/evaluate.ts"),
      checked: false,
    });
    const edited = `${runtimeFileText("clock.ts")}\n// edited\n`;
    expect(checkedForm("runtime/clock.ts", edited, declarations)).toEqual({
      path: "runtime/clock.ts",
      text: edited,
      checked: true,
    });
    expect(checkedForm("types.ts", "export {};\n", declarations).checked).toBe(true);
    expect(checkedForm("package.json", "{}", declarations).checked).toBe(false);
    expect(runtimeCopyOf("runtime/clock.ts", runtimeFileText("clock.ts"))).toBe("clock.ts");
    expect(runtimeCopyOf("runtime/clock.ts", edited)).toBeUndefined();
    expect(runtimeCopyOf("runtime/planted.ts", "x")).toBeUndefined();
  });

  it("still checks generated code against the runtime's types", { timeout: 60_000 }, async () => {
    const misuse = {
      path: "a.ts",
      text: [
        'import { ServiceException } from "./runtime/errors.js";',
        "/** Wrong on purpose: ServiceException is a class, not a number. */",
        "export const n: number = ServiceException;",
        "",
      ].join("\n"),
      origin: "templates/a.ts.hbs",
    };
    const problems = await typeChecker()([{ folder: "fd", files: [esmPackage, ...runtime, misuse] }]);
    expect(problems.map((p) => `${p.file}:${p.line} ${p.origin}`)).toEqual(["fd/a.ts:3 templates/a.ts.hbs"]);
    expect(problems[0]?.message).toContain("is not assignable to type 'number'");
  });

  it("checks an edited runtime copy as it is, and reports it with its runtime file", { timeout: 60_000 }, async () => {
    const edited = runtime.map((f) =>
      f.path === "runtime/clock.ts" ? { ...f, text: `${f.text}\nexport const planted: number = "x";\n` } : f,
    );
    const problems = await typeChecker()([{ folder: "fd", files: [esmPackage, ...edited] }]);
    expect(problems.map((p) => `${p.file} ${p.origin}`)).toEqual(["fd/runtime/clock.ts generator/runtime/clock.ts"]);
  });
});
