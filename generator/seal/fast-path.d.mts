/** Types of `fast-path.mjs` (plain JavaScript, run by `bin/anvil.mjs` before tsx is loaded). */

/** Runs `anvil` with `argv` when the output root's seal proves there is nothing to do; returns its exit code, else undefined. */
export declare function runSealed(argv: string[]): Promise<number | undefined>;
