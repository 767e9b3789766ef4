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
