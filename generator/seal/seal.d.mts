/** Types of `seal.mjs` (plain JavaScript, since `bin/anvil.mjs` runs it before tsx is loaded). */

/** The seal's file name, at the output root beside the client folders. */
export declare const SEAL_FILE: string;
/** anvil's own folder (the one holding `generator/` and `templates/`). */
export declare const ANVIL_ROOT: string;
/** One hash over every file of anvil's `generator/` and `templates/` under `root`. */
export declare function generatorHash(root?: string): string;
/** anvil's version, the installed version of each of its dependencies, and a hash of the versions its package.json pins. */
export declare function toolVersions(root?: string): Record<string, string>;
/** What a run reads and how it was asked for. */
export interface SealRun {
  /** The folder `roots` and the seal's input paths are relative to. */
  base: string;
  /** The choices that shape the output: the config's name, or the `--model` flags. */
  invocation: Record<string, string | string[]>;
  /** The files and folders whose contents are the run's inputs. */
  roots: string[];
}
/** A run from a config file whose clients read `modelRoots` (as written in it); the config is an input too. */
export declare function configRun(configFile: string, modelRoots?: string[]): SealRun;
/** A run from `--model` files (as given, relative to `cwd`) and the flags that shape the output. */
export declare function modelRun(
  flags: { model: string[]; service?: string; operations?: string; name?: string; validation?: string },
  cwd?: string,
): SealRun;
/** Every file under `roots` (relative to `base`; folders give their `.smithy` and `.json` files) with its SHA-256. */
export declare function inputHashes(base: string, roots: string[]): Record<string, string>;
/** The seal's text for `run`, which wrote `manifests` (client folder to manifest text). */
export declare function sealText(run: SealRun, manifests: Record<string, string>, root?: string): string;
/** What a sealed, up-to-date output root holds. */
export interface SealedOutput {
  /** The client folders, sorted. */
  folders: string[];
  /** How many files they hold, manifests included. */
  files: number;
}
/** The client folders of `outDir` when its seal proves them up to date for `run` (whose roots it takes from the seal), else undefined. */
export declare function sealedOutput(
  run: Pick<SealRun, "base" | "invocation">,
  outDir: string,
  root?: string,
): SealedOutput | undefined;
