/**
 * Credentials from the shared AWS files (`~/.aws/credentials` and `~/.aws/config`, or the files
 * AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE name), in the profile AWS_PROFILE names (default
 * `default`). Node only: default-credentials.ts imports this module dynamically, and only when the
 * client config passes no credentials and the environment has none; browser bundles swap
 * default-credentials.ts for its stub, so they never contain this module.
 *
 * The files are read and interpreted by the AWS SDK's own `fromIni` rather than a parser of ours:
 * a profile may hold keys, or assume a role, use IAM Identity Center (SSO), run a
 * `credential_process` or read a web identity token, and `fromIni` does all of them as the AWS CLI does.
 */
import type { Credentials } from "./credentials.js";

/** The AWS SDK's reader of the shared files, a dependency of the folder. */
type SharedFilesReader = typeof import("@aws-sdk/credential-provider-ini");

/** The shared files' credentials for the selected profile; rejects when the profile gives none. */
export async function credentialsFromSharedFiles(): Promise<Credentials> {
  // Imported here, not at the top: a bundler then keeps even this module's import of the package
  // lazy. An ESM bundle that leaves `@aws-sdk/*` external (as Lambda bundles do: the runtime has
  // the SDK) would otherwise load the reader and its dependencies at startup, and fail to start
  // where the package is absent, even when the client is given its credentials.
  let reader: SharedFilesReader;
  try {
    reader = await import("@aws-sdk/credential-provider-ini");
  } catch (cause) {
    const detail = cause instanceof Error ? `: ${cause.message.split("\n")[0]}` : "";
    throw new Error(`the package @aws-sdk/credential-provider-ini could not be loaded${detail}`, { cause });
  }
  // ignoreCache: a new client sees the files as they are now, not as an earlier client read them.
  const identity = await reader.fromIni({ ignoreCache: true })();
  return {
    accessKeyId: identity.accessKeyId,
    secretAccessKey: identity.secretAccessKey,
    sessionToken: identity.sessionToken,
    expiration: identity.expiration,
  };
}
