/** Types of `seal.mjs` (plain JavaScript, since `bin/anvil.mjs` runs it before tsx is loaded). */

/** The seal's file name, at the output root beside the client folders. */
export declare const SEAL_FILE: string;
/** anvil's own folder (the one holding `generator/` and `templates/`). */
export declare const ANVIL_ROOT: string;
/** One hash over every file of anvil's `generator/` and `templates/` under `root`. */
export declare function generatorHash(root?: string): string;
/** anvil's version and the installed version of each of its dependencies, as resolved from `root`. */
export declare function toolVersions(root?: string): Record<string, string>;
/** The config file and every model file under `modelRoots` (relative to the config), each with its SHA-256. */
export declare function inputHashes(configFile: string, modelRoots: string[]): Record<string, string>;
/** The seal's text for a run of `configFile` whose clients read `modelRoots` and wrote `manifests` (folder to manifest text). */
export declare function sealText(
  configFile: string,
  modelRoots: string[],
  manifests: Record<string, string>,
  root?: string,
): string;
/** What a sealed, up-to-date output root holds. */
export interface SealedOutput {
  /** The client folders, sorted. */
  folders: string[];
  /** How many files they hold, manifests included. */
  files: number;
}
/** The client folders of `outDir` when its seal proves them up to date for `configFile`, else undefined. */
export declare function sealedOutput(configFile: string, outDir: string, root?: string): SealedOutput | undefined;
