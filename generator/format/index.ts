/**
 * Stage 6, format: Prettier over every TypeScript file, with fixed options so output never
 * depends on a user's Prettier config.
 */
import * as prettier from "prettier";
import type { RenderedFile } from "../render/index.js";

const OPTIONS: prettier.Options = { parser: "typescript", printWidth: 120, trailingComma: "all", endOfLine: "lf" };

/** Formats the `.ts` files; other files pass through. A Prettier failure names the template. */
export async function format(files: RenderedFile[]): Promise<RenderedFile[]> {
  return Promise.all(
    files.map(async (f) => {
      if (!f.path.endsWith(".ts")) return f;
      try {
        return { ...f, text: await prettier.format(f.text, OPTIONS) };
      } catch (e) {
        throw new Error(`internal: ${f.origin} produced ${f.path}, which does not parse: ${(e as Error).message}`);
      }
    }),
  );
}
