/**
 * The compiler options every generated client must type-check under, in tsconfig.json spelling.
 * This is the one place they are set: the type-check stage writes them into the tsconfig.json of
 * the project it checks, each client folder's own tsconfig.json prints them (lower/packaging.ts),
 * and the checker identity recorded in each output's manifest hashes them
 * (so tightening them makes `npm run check` ask for a regeneration, which re-checks).
 *
 * They are the strictest settings apps use: a vendored folder is compiled as source by the app's
 * own tsconfig (`skipLibCheck` does not cover `.ts` files), so any flag an app may turn on must
 * pass here, or the user gets errors in files they may not edit. `tsc --init` of TypeScript 5.9
 * and 7 already turns on `noUncheckedIndexedAccess`, `exactOptionalPropertyTypes` and
 * `verbatimModuleSyntax`; the rest are the other flags strict projects add. Module settings
 * (`nodenext`, `node16`, `preserve` with `bundler` resolution) and TypeScript 5.4 are covered by
 * test/typecheck/strict-app.test.ts, which compiles a vendored folder in apps made by `tsc --init`.
 */
export const TYPECHECK_COMPILER_OPTIONS = {
  strict: true,
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  // No DOM lib: the runtime uses only globals Node declares too, and leaving DOM out keeps the
  // check fast. Node's globals come from @types/node (see project.ts for how it is found).
  lib: ["ES2022"],
  types: ["node"],
  noEmit: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noPropertyAccessFromIndexSignature: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  // Node's type stripping, Deno and Bun run the files as they are: no enums, namespaces or
  // parameter properties.
  erasableSyntaxOnly: true,
  // Explicit types on everything exported, so an app that emits declarations from the vendored
  // sources (isolatedDeclarations needs `declaration`; nothing is emitted under noEmit) can.
  isolatedDeclarations: true,
  declaration: true,
  skipLibCheck: true,
} as const;
