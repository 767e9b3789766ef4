import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Generation tests run the whole pipeline (Prettier + a TypeScript program): seconds, not ms.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
