/**
 * The compiler options every generated client must type-check under, in tsconfig.json spelling.
 * This is the one place they are set: the type-check stage writes them into the tsconfig.json of
 * the project it checks, each client folder's own tsconfig.json prints them (lower/packaging.ts),
 * and the checker identity recorded in each output's manifest hashes them
 * (so tightening them makes `npm run check` ask for a regeneration, which re-checks).
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
  skipLibCheck: true,
  isolatedModules: true,
} as const;
