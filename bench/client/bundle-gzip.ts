/**
 * Gzip bytes per input of a bundle. Gzip compresses the bundle as a whole, so an input's share is
 * measured as what it adds: the app is bundled again with identifiers and syntax minified but
 * whitespace kept (so esbuild marks where each input starts with a `// path` comment), each
 * input's code is minified on its own, and the gzip (level 9) size of the bundle up to and
 * including an input, minus that up to the one before, is that input's share. The shares add up
 * to the whole bundle's gzip size (within a few bytes of the single-pass minified bundle's), and
 * an input placed late in the bundle is credited less for text it repeats from earlier inputs.
 */
import { gzipSync } from "node:zlib";
import { build, transformSync } from "esbuild";
import { REPO } from "./build.js";
import { join } from "node:path";

/** Marginal gzip bytes of each input of `file`'s bundle, largest first, with `label` naming each. */
export async function gzipByInput(
  file: string,
  platform: "browser" | "node",
  label: (path: string) => string,
): Promise<{ total: number; inputs: Array<{ input: string; bytes: number }> }> {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    minifyIdentifiers: true,
    minifySyntax: true,
    platform,
    format: "esm",
    target: "es2022",
    write: false,
    nodePaths: [join(REPO, "node_modules")],
    logLevel: "error",
  });
  const text = result.outputFiles[0]?.text ?? "";
  const parts: Array<{ input: string; code: string }> = [{ input: "(esbuild's helpers)", code: "" }];
  for (const line of text.split("\n")) {
    const start = /^\/\/ (\S+\.(?:[mc]?js|ts))$/.exec(line);
    if (start) parts.push({ input: label(start[1] as string), code: "" });
    else (parts[parts.length - 1] as { code: string }).code += `${line}\n`;
  }
  const shares = new Map<string, number>();
  let sofar = "";
  let before = 0;
  for (const part of parts) {
    sofar += transformSync(part.code, { minifyWhitespace: true, format: "esm", target: "es2022" }).code;
    const size = gzipSync(sofar, { level: 9 }).byteLength;
    shares.set(part.input, (shares.get(part.input) ?? 0) + size - before);
    before = size;
  }
  const inputs = [...shares].map(([input, bytes]) => ({ input, bytes })).sort((a, b) => b.bytes - a.bytes);
  return { total: before, inputs };
}
