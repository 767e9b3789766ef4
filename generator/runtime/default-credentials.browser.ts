/**
 * Browsers and workers have no AWS_* environment variables and no shared AWS files: the generated
 * package.json "browser" field swaps default-credentials.ts for this module, so a browser bundle
 * holds no credential chain (and never the AWS SDK's file reader). Exports the same names.
 */
import type { Credentials } from "./credentials.js";
import { CredentialsError } from "./errors.js";

/** Always undefined: there is no environment to read on this platform. */
export function credentialsFromEnv(): Credentials | undefined {
  return undefined;
}

/** Always rejects: the client config must pass `credentials` on this platform. */
export function defaultCredentials(): Promise<Credentials> {
  return Promise.reject(
    new CredentialsError(
      "No AWS credentials: pass `credentials` in the client config (an object or an async provider); browsers have no environment variables or shared AWS files to read.",
    ),
  );
}
