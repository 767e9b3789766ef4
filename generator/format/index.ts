/**
 * Stage 6, format: Prettier over every TypeScript file, with fixed options so output never
 * depends on a user's Prettier config.
 */
import * as prettier from "prettier";
import { AnvilError } from "../errors.js";
import type { RenderedFile } from "../render/index.js";

/** The one Prettier configuration for generated code (and for generator/runtime/, which is copied as is). */
export const PRETTIER_OPTIONS: prettier.Options = { parser: "typescript", printWidth: 120, trailingComma: "all", endOfLine: "lf" };

/** Formats the `.ts` files; other files pass through. A Prettier failure names the template. */
export async function format(files: RenderedFile[]): Promise<RenderedFile[]> {
  return Promise.all(
    files.map(async (f) => {
      if (!f.path.endsWith(".ts") || f.preformatted) return f;
      try {
        return { ...f, text: await prettier.format(f.text, PRETTIER_OPTIONS) };
      } catch (e) {
        // A generator bug, not bad input: an AnvilError of kind "internal" so the CLI prints it
        // like every other failure (exit 3) instead of as a crash.
        throw new AnvilError("internal", {
          message: `generated ${f.path} does not parse: ${(e as Error).message.split("\n")[0]}`,
          hint: `produced by ${f.origin}`,
        });
      }
    }),
  );
}
