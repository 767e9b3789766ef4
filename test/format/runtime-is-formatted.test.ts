/**
 * Runtime files are copied into clients without re-formatting (it would cost every run), so they
 * must already be exactly what Prettier would print with the generator's options.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { PRETTIER_OPTIONS } from "../../generator/format/index.js";
import { RUNTIME_DIR, runtimeFiles } from "../../generator/render/index.js";

describe("generator/runtime", () => {
  it.each(runtimeFiles())("%s is Prettier-clean (run `npx prettier --write generator/runtime`)", async (rel) => {
    const text = readFileSync(join(RUNTIME_DIR, rel), "utf8");
    expect(await prettier.format(text, PRETTIER_OPTIONS)).toBe(text);
  });
});
