/** Declarations of esbuild.mjs (plain JavaScript, run by build.mjs before anything is compiled). */

/** One file esbuild produced: where it goes and its bytes. */
export interface BundleOutput {
  path: string;
  contents: Uint8Array;
}

/**
 * Bundles `entry` into one ES module for Node 20 (npm packages left as imports); resolves with the
 * files to write, or undefined when esbuild is not installed. `sourcemap` adds a `.map` file.
 */
export function bundleModule(options: {
  entry: string;
  outfile: string;
  outDir: string;
  sourcemap?: boolean;
}): Promise<BundleOutput[] | undefined>;
