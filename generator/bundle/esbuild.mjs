/**
 * Bundling anvil's own TypeScript into one ES module with esbuild (a dev dependency): the CLI
 * bundle (build.mjs) and the corpus's worker (bench/corpus/worker-bundle.ts). npm packages stay
 * imports, so a bundle must sit where Node resolves them from anvil's node_modules.
 *
 * anvil's modules find their templates, prelude and Prettier worker relative to their own files
 * (`import.meta.url`); a bundle would move them, so in each of anvil's modules `import.meta.url`
 * becomes the URL of the module's source file, computed relative to the bundle's own URL (so a
 * moved anvil folder still works).
 */
import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { ANVIL_ROOT } from "../seal/seal.mjs";

/** An esbuild plugin: every anvil module's `import.meta.url` becomes its source file's URL, relative to `outDir`. */
function sourceUrls(outDir) {
  return {
    name: "anvil-source-urls",
    setup(build) {
      build.onLoad({ filter: /\.(ts|mjs)$/ }, (args) => {
        // anvil's own files only (an installed anvil is itself under a node_modules).
        const own = relative(ANVIL_ROOT, args.path);
        if (own.startsWith("..") || own.split(sep).includes("node_modules")) return undefined;
        const text = readFileSync(args.path, "utf8");
        const fromBundle = relative(outDir, args.path).split("\\").join("/");
        const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
        return { contents: text.split("import.meta.url").join(url), loader: args.path.endsWith(".ts") ? "ts" : "js" };
      });
    },
  };
}

/**
 * Bundles `entry` into one ES module for Node 20, `outfile` in `outDir`; resolves with esbuild's
 * output files (not written: the caller writes them), or with undefined when esbuild is not
 * installed (an installed anvil has no dev dependencies). `sourcemap` adds a `.map` file beside
 * it, which Node reads under `--enable-source-maps`, so stack traces name the source files.
 */
export async function bundleModule({ entry, outfile, outDir, sourcemap = false }) {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    return undefined;
  }
  const result = await esbuild.build({
    entryPoints: [entry],
    outfile,
    write: false,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: sourcemap ? "linked" : false,
    sourcesContent: false,
    plugins: [sourceUrls(outDir)],
    logLevel: "warning",
  });
  return result.outputFiles;
}
