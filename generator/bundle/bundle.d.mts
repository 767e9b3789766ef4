/** Types of `bundle.mjs` (plain JavaScript, run by `bin/anvil.mjs` before tsx is loaded). */

/** The bundle: the CLI and every generator module it imports, npm packages left as imports. */
export declare const BUNDLE_FILE: string;
/** The record beside it: the hash of the sources it was built from. */
export declare const BUNDLE_RECORD: string;
/** The bundle's path when its record (`record`) says it was built from the sources now on disk (whose hash is `generator`), else undefined. */
export declare function freshBundle(generator?: string, record?: string): string | undefined;
