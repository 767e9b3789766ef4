/**
 * Smithy's HTTP auth schemes besides SigV4 (signer.ts): `@httpBearerAuth`, `@httpApiKeyAuth` and
 * `@httpBasicAuth`, and how an operation picks one.
 *
 * Picking: an operation lists its schemes in the model's order (`@auth`, else every auth trait of
 * the service); the client uses the first one it has an identity for (a token, a key, a
 * username and password, or AWS credentials for SigV4). An operation with `@auth([])`, or with
 * `@optionalAuth` when no listed identity is configured, is sent without any. Otherwise the call
 * fails with a `CredentialsError` naming the config fields that would do.
 *
 * Identities come from the client config, as a value or an async provider; a provider's result
 * is kept until shortly before its `expiration` (without one, for the client's lifetime), a
 * failed call is not kept, and concurrent calls share one pending call. Secrets never appear in
 * error messages.
 */
import { CredentialsError } from "./errors.js";
import { toBase64 } from "./serde.js";

/** A bearer token for `@httpBearerAuth`. */
export interface BearerToken {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** When the token stops working; a provider is asked again shortly before that. */
  expiration?: Date | undefined;
}

/** Returns a bearer token; called again when the previous one is about to expire. */
export type TokenProvider = () => Promise<BearerToken>;

/** Client config of services with `@httpBearerAuth`. */
export interface BearerAuthConfig {
  /** Sent as `Authorization: Bearer <token>`: the token, a `{ token, expiration }`, or an async provider of one. */
  token?: string | BearerToken | TokenProvider;
}

/** Client config of services with `@httpApiKeyAuth`. */
export interface ApiKeyAuthConfig {
  /** The API key, or an async provider of it; the model says which header or query parameter carries it. */
  apiKey?: string | (() => Promise<string>);
}

/** A username and password for `@httpBasicAuth`. */
export interface BasicAuthCredentials {
  /** The user name. */
  username: string;
  /** The password. */
  password: string;
}

/** Client config of services with `@httpBasicAuth`. */
export interface BasicAuthConfig {
  /** Sent as `Authorization: Basic base64(username:password)`; or an async provider of them. */
  basicAuth?: BasicAuthCredentials | (() => Promise<BasicAuthCredentials>);
}

/** Every auth field a client config can have (a generated config type has only its model's). */
export type HttpAuthConfig = BearerAuthConfig & ApiKeyAuthConfig & BasicAuthConfig;

/** An auth scheme as the generated service descriptor states it (trait values included). */
export type AuthScheme =
  | { readonly id: "aws.auth#sigv4" }
  | { readonly id: "smithy.api#httpBearerAuth" }
  | {
      readonly id: "smithy.api#httpApiKeyAuth";
      /** Header or query parameter name. */
      readonly name: string;
      readonly in: "header" | "query";
      /** Prefix of the header value, e.g. `ApiKey` for `Authorization: ApiKey <key>`. */
      readonly scheme?: string;
    }
  | { readonly id: "smithy.api#httpBasicAuth" };

/** An operation's auth, as the generated descriptor states it. */
export interface OperationAuth {
  /** Scheme ids in preference order; empty for `@auth([])`. */
  readonly schemes: readonly AuthScheme["id"][];
  /** `@optionalAuth`: sent without auth when no listed identity is configured. */
  readonly optional?: boolean;
}

/** A service's auth, as the generated service descriptor states it. */
export interface ServiceAuth {
  /** Every scheme the operations use, with its trait values. */
  readonly schemes: readonly AuthScheme[];
  /** The list an operation without its own `auth` follows. */
  readonly default: OperationAuth;
  /**
   * `HttpAuth`, named by the descriptor rather than imported by client.ts, so that a client whose
   * operations are all SigV4-signed (no `auth`) does not bundle this module.
   */
  readonly engine: HttpAuthEngine;
}

/** The constructor of `HttpAuth`. */
export type HttpAuthEngine = new (config: HttpAuthConfig, schemes: readonly AuthScheme[], sdkId: string) => HttpAuth;

/** The parts of a request auth may add to: headers (lower-case names) and the encoded query string. */
export interface AuthTarget {
  /** Request headers by lower-case name. */
  headers: Record<string, string>;
  /** The encoded query string, without `?`. */
  query: string;
}

/** Identities are refreshed this long before their `expiration`. */
export const IDENTITY_REFRESH_WINDOW_MS: number = 5 * 60 * 1000;

/** The config field that holds each scheme's identity, for messages. */
const CONFIG_FIELD: Record<AuthScheme["id"], string> = {
  "aws.auth#sigv4": "credentials",
  "smithy.api#httpBearerAuth": "token",
  "smithy.api#httpApiKeyAuth": "apiKey",
  "smithy.api#httpBasicAuth": "basicAuth",
};

/** Resolves the HTTP auth identities of one client and applies them to requests. */
export class HttpAuth {
  readonly #schemes: ReadonlyMap<AuthScheme["id"], AuthScheme>;
  readonly #token: CachedIdentity<BearerToken> | undefined;
  readonly #apiKey: CachedIdentity<{ key: string }> | undefined;
  readonly #basic: CachedIdentity<BasicAuthCredentials> | undefined;
  readonly #sdkId: string;

  /** `schemes`: every scheme the service's operations use. */
  constructor(config: HttpAuthConfig, schemes: readonly AuthScheme[], sdkId: string) {
    this.#schemes = new Map(schemes.map((s) => [s.id, s]));
    this.#sdkId = sdkId;
    this.#token = identity(config.token, (t) => (typeof t === "string" ? { token: t } : t), checkToken, "token");
    this.#apiKey = identity(
      config.apiKey,
      (k) => ({ key: k }),
      checkKey,
      "apiKey",
      (k: string) => ({ key: k }),
    );
    this.#basic = identity(config.basicAuth, (b) => b, checkBasic, "basicAuth");
  }

  /**
   * The scheme an operation is sent with: the first listed one with a configured identity
   * (`hasSigV4Identity` says whether AWS credentials are), or `undefined` for no auth.
   */
  select(operation: string, auth: OperationAuth, hasSigV4Identity: boolean): AuthScheme | undefined {
    for (const id of auth.schemes) {
      const scheme = this.#schemes.get(id);
      if (scheme !== undefined && this.#has(id, hasSigV4Identity)) return scheme;
    }
    if (auth.schemes.length === 0 || auth.optional === true) return undefined;
    const fields = auth.schemes.map((id) => `\`${CONFIG_FIELD[id]}\``);
    throw new CredentialsError(
      `${this.#sdkId}.${operation} needs auth: pass ${fields.join(" or ")} in the client config.`,
    );
  }

  /** Adds the scheme's header or query parameter (not SigV4: the signer does that). */
  async apply(scheme: AuthScheme, request: AuthTarget): Promise<void> {
    switch (scheme.id) {
      case "smithy.api#httpBearerAuth": {
        const { token } = await required(this.#token).get();
        request.headers["authorization"] = `Bearer ${token}`;
        return;
      }
      case "smithy.api#httpApiKeyAuth": {
        const { key } = await required(this.#apiKey).get();
        applyApiKey(scheme, key, request);
        return;
      }
      case "smithy.api#httpBasicAuth": {
        const { username, password } = await required(this.#basic).get();
        request.headers["authorization"] = `Basic ${toBase64(new TextEncoder().encode(`${username}:${password}`))}`;
        return;
      }
      case "aws.auth#sigv4":
        return;
    }
  }

  #has(id: AuthScheme["id"], hasSigV4Identity: boolean): boolean {
    switch (id) {
      case "aws.auth#sigv4":
        return hasSigV4Identity;
      case "smithy.api#httpBearerAuth":
        return this.#token !== undefined;
      case "smithy.api#httpApiKeyAuth":
        return this.#apiKey !== undefined;
      case "smithy.api#httpBasicAuth":
        return this.#basic !== undefined;
    }
  }
}

/** `@httpApiKeyAuth`: the key in its header (after `scheme` when there is one) or query parameter. */
export function applyApiKey(
  scheme: Extract<AuthScheme, { id: "smithy.api#httpApiKeyAuth" }>,
  key: string,
  request: AuthTarget,
): void {
  if (scheme.in === "header") {
    request.headers[scheme.name.toLowerCase()] = scheme.scheme === undefined ? key : `${scheme.scheme} ${key}`;
    return;
  }
  const pair = `${encodeURIComponent(scheme.name)}=${encodeURIComponent(key)}`;
  request.query = request.query === "" ? pair : `${request.query}&${pair}`;
}

function required<T>(source: T | undefined): T {
  // select() only returns schemes whose identity is configured.
  if (source === undefined) throw new CredentialsError("internal: an auth scheme was picked without its identity");
  return source;
}

/** A header value must not carry line breaks or other control characters (they would split the header). */
const HEADER_SAFE = /^[\u0020-\u007e\u0080-\uffff]+$/;

function checkToken(value: unknown, source: string): BearerToken {
  const token = (value as Partial<BearerToken> | null)?.token;
  if (typeof token !== "string" || !HEADER_SAFE.test(token)) {
    throw new CredentialsError(
      `${source} gave no usable token: it must be a non-empty string without control characters.`,
    );
  }
  return value as BearerToken;
}

function checkKey(value: unknown, source: string): { key: string } {
  const key = (value as { key?: unknown } | null)?.key;
  if (typeof key !== "string" || !HEADER_SAFE.test(key)) {
    throw new CredentialsError(
      `${source} gave no usable API key: it must be a non-empty string without control characters.`,
    );
  }
  return { key };
}

function checkBasic(value: unknown, source: string): BasicAuthCredentials {
  const v = value as Partial<BasicAuthCredentials> | null;
  if (typeof v?.username !== "string" || typeof v.password !== "string" || v.username.includes(":")) {
    throw new CredentialsError(
      `${source} gave no usable username and password: both must be strings, and the username must not contain ":".`,
    );
  }
  return { username: v.username, password: v.password };
}

/**
 * The configured identity of one scheme: undefined when the field is unset; a value is checked
 * at once (a bad one is a config mistake), a provider's result at each call.
 */
function identity<C, T extends object>(
  configured: C | (() => Promise<unknown>) | undefined,
  fromValue: (value: C) => unknown,
  check: (value: unknown, source: string) => T,
  field: string,
  fromProvided: (value: never) => unknown = (v) => v,
): CachedIdentity<T> | undefined {
  if (configured === undefined) return undefined;
  if (typeof configured === "function") {
    const provider = configured as () => Promise<unknown>;
    return new CachedIdentity(async () => {
      let provided: unknown;
      try {
        provided = await provider();
      } catch (cause) {
        throw new CredentialsError(`The \`${field}\` provider in the client config failed.`, { cause });
      }
      return check(fromProvided(provided as never), `The \`${field}\` provider in the client config`);
    });
  }
  const value = check(fromValue(configured), `The \`${field}\` in the client config`);
  return new CachedIdentity(() => Promise.resolve(value));
}

/** A provider's result, kept until shortly before its `expiration`; concurrent calls share one pending call. */
class CachedIdentity<T extends object> {
  readonly #provider: () => Promise<T>;
  #current: Promise<T> | undefined;
  #refreshAt = Number.NEGATIVE_INFINITY;

  constructor(provider: () => Promise<T>) {
    this.#provider = provider;
  }

  get(): Promise<T> {
    if (this.#current !== undefined && Date.now() < this.#refreshAt) return this.#current;
    const pending = this.#provider().then(
      (value) => {
        if (this.#current === pending) this.#refreshAt = refreshTime(value);
        return value;
      },
      (error: unknown) => {
        if (this.#current === pending) {
          this.#current = undefined;
          this.#refreshAt = Number.NEGATIVE_INFINITY;
        }
        throw error;
      },
    );
    this.#current = pending;
    this.#refreshAt = Number.POSITIVE_INFINITY; // callers share `pending` until it settles
    return pending;
  }
}

function refreshTime(value: object): number {
  const expiration = (value as { expiration?: unknown }).expiration;
  return expiration instanceof Date ? expiration.getTime() - IDENTITY_REFRESH_WINDOW_MS : Number.POSITIVE_INFINITY;
}
