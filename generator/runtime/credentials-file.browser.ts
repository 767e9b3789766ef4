/**
 * Browsers and workers have no shared AWS files: the generated package.json "browser" field swaps
 * credentials-file.ts for this module, so bundles never contain the AWS SDK's file reader.
 * Exports the same names.
 */
import { CredentialsError } from "./errors.js";
import type { Credentials } from "./credentials.js";

/** Always rejects: there are no shared files to read on this platform. */
export function credentialsFromSharedFiles(): Promise<Credentials> {
  return Promise.reject(new CredentialsError("Shared AWS credential files cannot be read on this platform."));
}
