/**
 * The default credential chain, used when the client config passes no credentials: the AWS_*
 * environment variables, then the shared AWS files (credentials-file.ts, imported only when it
 * comes to them, so a client given credentials never loads the AWS SDK's file reader).
 *
 * Node only: the client folder's package.json maps this file to default-credentials.browser.ts
 * for bundlers, so a browser bundle holds neither the chain nor its long message.
 */
// Node's types even in an app whose tsconfig loads no global types (`tsc --init` writes `"types": []`).
/// <reference types="node" />
import type { Credentials } from "./credentials.js";
import { CredentialsError } from "./errors.js";

/** Reads AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN; undefined if unset or not Node. */
export function credentialsFromEnv(): Credentials | undefined {
  const env = typeof process === "undefined" ? undefined : process.env;
  const accessKeyId = env?.["AWS_ACCESS_KEY_ID"];
  const secretAccessKey = env?.["AWS_SECRET_ACCESS_KEY"];
  if (!accessKeyId || !secretAccessKey) return undefined;
  const sessionToken = env?.["AWS_SESSION_TOKEN"];
  return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
}

const MISSING =
  "No AWS credentials found: pass `credentials` in the client config (an object or an async provider), " +
  "set the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY environment variables (plus AWS_SESSION_TOKEN " +
  "for temporary credentials), or add a profile to ~/.aws/credentials or ~/.aws/config " +
  "(AWS_PROFILE picks it; default `default`).";

/** The environment's credentials, else the shared files'; rejects with a `CredentialsError` saying where it looked. */
export async function defaultCredentials(): Promise<Credentials> {
  const env = credentialsFromEnv();
  if (env !== undefined) return env;
  let files: typeof import("./credentials-file.js");
  try {
    files = await import("./credentials-file.js");
  } catch (cause) {
    throw new CredentialsError(MISSING, { cause });
  }
  try {
    return await files.credentialsFromSharedFiles();
  } catch (cause) {
    // The reader's own message says which profile and files it tried (never a secret).
    const detail = cause instanceof Error && cause.message !== "" ? ` (shared files: ${cause.message})` : "";
    throw new CredentialsError(`${MISSING}${detail}`, { cause });
  }
}
