/**
 * Where signing credentials come from: a static object, an async provider (cached until shortly
 * before it expires), or by default the AWS_* environment variables and then, on Node, the shared
 * AWS files (`~/.aws/credentials`, `~/.aws/config`, profile AWS_PROFILE; default-credentials.ts,
 * which browser bundles swap for a stub).
 * Credential values never appear in error messages.
 */
import { credentialsFromEnv, defaultCredentials } from "./default-credentials.js";
import { CredentialsError } from "./errors.js";

/** AWS credentials used to sign requests. */
export interface Credentials {
  /** The access key ID. */
  accessKeyId: string;
  /** The secret access key, which signs and is never sent. */
  secretAccessKey: string;
  /** The session token of temporary credentials. */
  sessionToken?: string | undefined;
  /** When temporary credentials stop working; the client asks the provider again before that. */
  expiration?: Date | undefined;
}

/** Returns credentials; called again when the previous ones are about to expire. */
export type CredentialProvider = () => Promise<Credentials>;

/** Credentials are refreshed this long before `expiration` (same window as the AWS SDKs). */
export const CREDENTIAL_REFRESH_WINDOW_MS: number = 5 * 60 * 1000;

/**
 * Resolves credentials for each attempt. A fresh value is returned without calling the provider;
 * concurrent calls share one pending provider call; a failed call is not cached.
 */
export class CredentialSource {
  /** Undefined for static credentials. */
  readonly #provider: CredentialProvider | undefined;
  /** The provider is the config's own (its failures are reported as such), not the default chain. */
  readonly #configured: boolean;
  #current: Promise<Credentials> | undefined;
  /** The settled value of `#current`, for callers that can skip an await. */
  #value: Credentials | undefined;
  #refreshAt = Number.POSITIVE_INFINITY;

  constructor(configured: Credentials | CredentialProvider | undefined) {
    this.#provider =
      typeof configured === "function" ? configured : configured === undefined ? defaultCredentials : undefined;
    this.#configured = configured !== undefined;
    if (configured !== undefined && typeof configured !== "function") {
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
    // Static credentials past their expiration are still used: nothing else could replace them.
    // (They always have `#current`; the default chain after `??` only satisfies the type.)
    if (provider === undefined) return this.#current ?? defaultCredentials();
    const pending = (this.#configured ? callProvider(provider) : provider()).then(
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
