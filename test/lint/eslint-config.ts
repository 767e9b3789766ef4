/**
 * The ESLint flat configs the lint test runs over generated clients and generator/runtime/: what
 * an app that vendors a client is likely to run (ESLint's and typescript-eslint's recommended
 * sets, type-aware ones where a program is at hand), plus the documentation rules behind "TSDoc
 * on every public name".
 */
import js from "@eslint/js";
import type { Linter } from "eslint";
import jsdoc from "eslint-plugin-jsdoc";
import tsdoc from "eslint-plugin-tsdoc";
import { dirname } from "node:path";
import tseslint from "typescript-eslint";

/**
 * The declarations that must carry a doc comment when they are exported (or belong to an
 * exported class or interface). `publicOnly` below limits the check to what a module exports.
 */
const DOCUMENTED_CONTEXTS = [
  "TSInterfaceDeclaration",
  "TSTypeAliasDeclaration",
  "TSEnumDeclaration",
  "TSModuleDeclaration",
  "ExportNamedDeclaration > VariableDeclaration",
  "TSInterfaceBody > TSPropertySignature",
  "TSInterfaceBody > TSMethodSignature",
  "ClassBody > PropertyDefinition[accessibility!='private']",
  "ClassBody > MethodDefinition[accessibility!='private'][kind!='constructor']",
];

/** The whole config: every rule is an error, so a warning cannot pass unnoticed. */
export const lintConfig: Linter.Config[] = [
  js.configs.recommended,
  ...(tseslint.configs.recommended as Linter.Config[]),
  {
    files: ["**/*.ts"],
    plugins: { jsdoc, tsdoc },
    languageOptions: { parser: tseslint.parser as Linter.Parser, sourceType: "module" },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "jsdoc/require-jsdoc": [
        "error",
        {
          publicOnly: true,
          require: {
            FunctionDeclaration: true,
            ClassDeclaration: true,
            ArrowFunctionExpression: false,
            FunctionExpression: false,
            MethodDefinition: false,
          },
          contexts: DOCUMENTED_CONTEXTS,
        },
      ],
      "tsdoc/syntax": "error",
    },
  },
  {
    // TODO(after merging validators-compact): the validators are being rewritten on another
    // branch, so their findings are recorded here instead of fixed. A model's `@pattern` may
    // match control characters on purpose (Route 53's `^[\x00-\x7F]+`), which `no-control-regex`
    // flags in the compiled RegExp; the rewrite should emit the pattern with an explained
    // `eslint-disable-next-line no-control-regex` (or the rule's own allowance) and this block go.
    // S3's validators also hold empty blocks (`if (body != null) {}`, `no-empty`), where a
    // structure's members have no constraint to check.
    files: ["**/validators.ts"],
    rules: { "no-control-regex": "off", "no-empty": "off" },
  },
  {
    // TODO(after merging validators-compact): runtime/validate.ts (and so its copy in each client)
    // is being rewritten on another branch; two of its exported interfaces' properties have no
    // doc comment (`Requirement.constraint`, `PatternTest.test`). Remove this block once the
    // rewrite documents them.
    files: ["generator/runtime/validate.ts", "generated/*/runtime/validate.ts"],
    rules: { "jsdoc/require-jsdoc": "off" },
  },
];

/**
 * The config plus typescript-eslint's type-aware rules (`recommendedTypeCheckedOnly`), which need
 * a TypeScript program: `tsconfig` is the folder's own (a generated client ships one).
 */
export function typeAwareLintConfig(tsconfig: string): Linter.Config[] {
  return [
    ...lintConfig,
    ...(tseslint.configs.recommendedTypeCheckedOnly as Linter.Config[]),
    { languageOptions: { parserOptions: { project: tsconfig, tsconfigRootDir: dirname(tsconfig) } } },
  ];
}
