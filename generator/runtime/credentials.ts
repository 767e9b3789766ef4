/**
 * Where signing credentials come from: a static object, an async provider (cached until shortly
 * before it expires), or the AWS_* environment variables. Credential values never appear in
 * error messages.
 */
import { CredentialsError } from "./errors.js";

/** AWS credentials used to sign requests. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
  /** When temporary credentials stop working; the client asks the provider again before that. */
  expiration?: Date | undefined;
}

/** Returns credentials; called again when the previous ones are about to expire. */
export type CredentialProvider = () => Promise<Credentials>;

/** Credentials are refreshed this long before `expiration` (same window as the AWS SDKs). */
export const CREDENTIAL_REFRESH_WINDOW_MS = 5 * 60 * 1000;

/** Reads AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN; undefined if unset or not Node. */
export function credentialsFromEnv(): Credentials | undefined {
  const env = typeof process === "undefined" ? undefined : process.env;
  const accessKeyId = env?.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env?.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) return undefined;
  const sessionToken = env?.AWS_SESSION_TOKEN;
  return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
}

const MISSING =
  "No AWS credentials found: pass `credentials` in the client config (an object or an async provider), " +
  "or set the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY environment variables (plus AWS_SESSION_TOKEN " +
  "for temporary credentials).";

/**
 * Resolves credentials for each attempt. A fresh value is returned without calling the provider;
 * concurrent calls share one pending provider call; a failed call is not cached.
 */
export class CredentialSource {
  readonly #provider: CredentialProvider | undefined;
  #current: Promise<Credentials> | undefined;
  /** The settled value of `#current`, for callers that can skip an await. */
  #value: Credentials | undefined;
  #refreshAt = Number.POSITIVE_INFINITY;

  constructor(configured: Credentials | CredentialProvider | undefined) {
    if (typeof configured === "function") {
      this.#provider = configured;
    } else if (configured !== undefined) {
      checkShape(configured, "The `credentials` in the client config");
      this.#current = Promise.resolve(configured);
      this.#value = configured;
      this.#refreshAt = refreshTime(configured);
    }
  }

  /** Whether credentials are configured or in the environment (auth picks SigV4 only then, when it has a choice). */
  available(): boolean {
    return this.#provider !== undefined || this.#current !== undefined || credentialsFromEnv() !== undefined;
  }

  /** The cached credentials when they are fresh, else undefined (then call `get()`). */
  current(): Credentials | undefined {
    return this.#value !== undefined && Date.now() < this.#refreshAt ? this.#value : undefined;
  }

  /** The credentials to sign the next attempt with. */
  get(): Promise<Credentials> {
    if (this.#current !== undefined && Date.now() < this.#refreshAt) return this.#current;
    return this.#refresh();
  }

  #refresh(): Promise<Credentials> {
    const provider = this.#provider;
    if (provider === undefined) {
      // Static credentials past their expiration are still used: nothing else could replace them.
      if (this.#current !== undefined) return this.#current;
      const env = credentialsFromEnv();
      if (env === undefined) return Promise.reject(new CredentialsError(MISSING));
      this.#current = Promise.resolve(env);
      this.#value = env;
      return this.#current;
    }
    const pending = callProvider(provider).then(
      (credentials) => {
        if (this.#current === pending) {
          this.#value = credentials;
          this.#refreshAt = refreshTime(credentials);
        }
        return credentials;
      },
      (error: unknown) => {
        if (this.#current === pending) this.#current = undefined;
        throw error;
      },
    );
    this.#current = pending;
    this.#value = undefined;
    this.#refreshAt = Number.POSITIVE_INFINITY; // callers share `pending` until it settles
    return pending;
  }
}

async function callProvider(provider: CredentialProvider): Promise<Credentials> {
  let value: Credentials;
  try {
    value = await provider();
  } catch (cause) {
    throw new CredentialsError("The credential provider in the client config failed.", { cause });
  }
  checkShape(value, "The credential provider in the client config");
  return value;
}

function checkShape(value: unknown, source: string): asserts value is Credentials {
  const v = value as Partial<Credentials> | null | undefined;
  if (
    typeof v !== "object" ||
    v === null ||
    typeof v.accessKeyId !== "string" ||
    v.accessKeyId === "" ||
    typeof v.secretAccessKey !== "string" ||
    v.secretAccessKey === ""
  ) {
    throw new CredentialsError(
      `${source} gave no usable credentials: accessKeyId and secretAccessKey must be non-empty strings.`,
    );
  }
}

function refreshTime(credentials: Credentials): number {
  const expiration = credentials.expiration;
  return expiration === undefined ? Number.POSITIVE_INFINITY : expiration.getTime() - CREDENTIAL_REFRESH_WINDOW_MS;
}
