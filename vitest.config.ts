import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Generation tests run the whole pipeline (Prettier + a TypeScript program): seconds, not ms.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Fixed fast-check seed (ANVIL_FUZZ_SEED overrides; "random" explores).
    setupFiles: ["test/setup.ts"],
  },
});
