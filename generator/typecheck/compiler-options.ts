/**
 * The compiler options generated code is checked with, in tsconfig.json form: the type-check
 * stage compiles every output with them, and each client folder's tsconfig.json prints them, so
 * a vendoring project that compiles the folder on its own gets exactly what was checked.
 * No DOM lib: the runtime uses only globals Node declares too.
 */
export const GENERATED_CODE_COMPILER_OPTIONS = {
  strict: true,
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  lib: ["ES2022"],
  types: ["node"],
  noEmit: true,
  skipLibCheck: true,
  isolatedModules: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitOverride: true,
} as const;
