/**
 * The type-check stage with TypeScript 7's native compiler: what it reports, under which
 * options, with which packages, and that a type error in the output stops generation.
 */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../generator/config/index.js";
import { AnvilError } from "../../generator/errors.js";
import { generate } from "../../generator/pipeline.js";
import { TYPECHECK_COMPILER_OPTIONS, typeChecker, type TypeChecker } from "../../generator/typecheck/index.js";
import { nativeCompiler } from "../../generator/typecheck/compiler.js";

const root = new URL("../../", import.meta.url).pathname;
const file = (path: string, text: string) => ({ path, text, origin: `templates/${path}.hbs` });
const esmPackage = file("package.json", '{ "type": "module" }\n');

describe("the native type checker", () => {
  it("is TypeScript 7's compiler binary, from the npm package", async () => {
    const compiler = await nativeCompiler();
    expect(compiler.version).toMatch(/^7\./);
    expect(compiler.executable).toMatch(/@typescript[\\/]typescript-[\w-]+[\\/]lib[\\/]tsc(\.exe)?$/);
  });

  it("reports a type error with its client folder, file, line, column and template", async () => {
    const problems = await typeChecker()([
      {
        folder: "fd",
        files: [esmPackage, file("a.ts", "export const n: number = 1;\nexport const s: number = 'x';\n")],
      },
    ]);
    expect(problems).toEqual([
      {
        file: "fd/a.ts",
        line: 2,
        column: 14,
        message: "Type 'string' is not assignable to type 'number'. (TS2322)",
        origin: "templates/a.ts.hbs",
      },
    ]);
  });

  it("checks with the stage's options: strict, and unused locals are errors", async () => {
    expect(TYPECHECK_COMPILER_OPTIONS).toMatchObject({
      strict: true,
      noUnusedLocals: true,
      verbatimModuleSyntax: true,
    });
    const problems = await typeChecker()([
      {
        folder: "fd",
        files: [
          esmPackage,
          file("a.ts", "function f(x) { const unused = 1; return x; }\nexport const y: unknown = f(1);\n"),
        ],
      },
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining("implicitly has an 'any' type"),
      expect.stringContaining("'unused' is declared but its value is never read"),
    ]);
  });

  it("checks the flags strict apps add: each violation below is an error", async () => {
    // One line per flag, each breaking only that flag (and each fine without it).
    const text = [
      "export function first(xs: string[]): string { const x = xs[0]; return x; }", // noUncheckedIndexedAccess
      "export const opt: { a?: string } = { a: undefined };", // exactOptionalPropertyTypes
      "export function key(r: Record<string, number>): number | undefined { return r.k; }", // noPropertyAccessFromIndexSignature
      "export function half(n: number): number | undefined { if (n > 0) return n / 2; }", // noImplicitReturns
      "export function fall(n: number): number { let r = 0; switch (n) { case 1: r++; case 2: r++; break; } return r; }", // noFallthroughCasesInSwitch
      "export class A { m(): void {} }",
      "export class B extends A { m(): void {} }", // noImplicitOverride
      "export enum E { X }", // erasableSyntaxOnly
      "export const inferred = [1].map((n) => n * 2);", // isolatedDeclarations
      "",
    ].join("\n");
    const problems = await typeChecker()([{ folder: "fd", files: [esmPackage, file("a.ts", text)] }]);
    expect(problems.map((p) => `${p.line} ${p.message.slice(p.message.lastIndexOf("(TS"))}`)).toEqual([
      "1 (TS2322)",
      "2 (TS2375)",
      "3 (TS4111)",
      "4 (TS7030)",
      "5 (TS7029)",
      "7 (TS4114)",
      "8 (TS1294)",
      "9 (TS9010)",
    ]);
  });

  it("finds Node's types and the runtime's packages from a folder outside any project, as ES modules", async () => {
    const text = [
      'import aws4 from "aws4";',
      'import { AwsV4Signer } from "aws4fetch";',
      'import { createHash } from "node:crypto";',
      // aws4's types come from @types/aws4, linked beside it.
      "export const sign: typeof aws4.sign = aws4.sign;",
      "export const signer: typeof AwsV4Signer = AwsV4Signer;",
      'export const digest: string = createHash("sha256").update(Buffer.from("x")).digest("hex");',
      "",
    ].join("\n");
    expect(await typeChecker()([{ folder: "fd", files: [esmPackage, file("a.ts", text)] }])).toEqual([]);
    // Without the extension an ES module's relative import is an error: the folder's package.json counts.
    const relative = await typeChecker()([
      {
        folder: "fd",
        files: [esmPackage, file("a.ts", "export const a = 1;\n"), file("b.ts", 'export { a } from "./a";\n')],
      },
    ]);
    expect(relative.map((p) => p.message)).toEqual([
      expect.stringContaining("Relative import paths need explicit file extensions"),
    ]);
  });
});

describe("the type-check gate", () => {
  it("stops generation on a type error in the output, with its position in the formatted file", async () => {
    // The real checker, given the real output with one error added where a template bug would put it.
    const broken: TypeChecker = (clients) =>
      typeChecker()(
        clients.map((c) => ({
          ...c,
          files: c.files.map((f) =>
            f.path === "types.ts" ? { ...f, text: `${f.text}\nexport const broken: number = "x";\n` } : f,
          ),
        })),
      );
    const error = await generate(loadConfig(`${root}codegen.yaml`), { typeChecker: broken }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AnvilError);
    const { kind, diagnostics } = error as AnvilError;
    expect(kind).toBe("internal");
    expect(diagnostics[0].message).toMatch(
      /^generated frauddetector\/types\.ts:\d+:14 does not type-check: Type 'string' is not assignable to type 'number'/,
    );
    expect(diagnostics[0].hint).toBe("produced by templates/types.ts.hbs");
  });
});
