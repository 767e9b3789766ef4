/**
 * AWS Signature Version 4, done by `@smithy/signature-v4` (the AWS SDK's own signer) through its
 * public `sign()`: canonical request, string to sign, key derivation and signature all come from
 * the library. Hashing comes from node:crypto or WebCrypto through a `SigningCrypto` (see
 * default-transport*.ts). This file only adapts our request shape to the library's and keeps one
 * library signer per credentials object, so the library's signing-key cache is reused.
 *
 * The query string is signed too: the library re-encodes each decoded name and value the way
 * SigV4 wants (RFC 3986), which is how the client encoded them in the first place.
 *
 * Signed headers: every header on the request when `sign` is called (content-type, host,
 * x-amz-target) plus those the library adds: x-amz-date, x-amz-content-sha256 (the body's
 * SHA-256, as the AWS SDK sends it) and x-amz-security-token with temporary credentials. A
 * streaming body cannot be hashed before it is sent: it is signed as `UNSIGNED-PAYLOAD`, which is
 * what the library (and so the AWS SDK) does for any body that is not text or bytes.
 *
 * S3 signs the path as sent (`uriEscapePath: false`, the SDK's `signingEscapePath: false` for
 * S3 only); every other service signs it percent-encoded once more, as SigV4 defines.
 */
import { SignatureV4 } from "@smithy/signature-v4";
import type { Credentials } from "./credentials.js";
import { StreamingRequestBody } from "./streaming.js";
import type { HttpRequest } from "./transport.js";

/** Key material a hash may be keyed with (the library passes strings and byte arrays). */
export type SigningSecret = string | ArrayBuffer | ArrayBufferView;

/** A streaming SHA-256 (no secret) or HMAC-SHA256 (with a secret), as the library expects. */
export interface Sha256Checksum {
  update(data: Uint8Array): void;
  digest(): Promise<Uint8Array>;
  reset(): void;
}

/** Builds a SHA-256 (no argument) or an HMAC-SHA256 keyed by `secret`. */
export type Sha256Constructor = new (secret?: SigningSecret) => Sha256Checksum;

/** The platform's hashing, handed to the library. */
export interface SigningCrypto {
  Sha256: Sha256Constructor;
}

/** Options of a `RequestSigner`. */
export interface RequestSignerOptions {
  region: string;
  /** SigV4 signing name of the service. */
  service: string;
  crypto: SigningCrypto;
  /**
   * Percent-encode the already-encoded path once more in the canonical request. Default true;
   * false for S3 (its object keys are signed as sent).
   */
  uriEscapePath?: boolean | undefined;
}

/** What the library is given for a stream body: not text or bytes, so it signs `UNSIGNED-PAYLOAD`. */
const UNHASHED_BODY = Object.freeze({ stream: true });

/** Headers the client adds after signing, never signed (as the AWS SDK leaves them out). */
const UNSIGNABLE = new Set(["user-agent", "x-amz-user-agent", "content-length", "expect", "x-amzn-trace-id"]);

/** Signs requests for one service in one region. One per client; safe for concurrent calls. */
export class RequestSigner {
  readonly #options: RequestSignerOptions;
  /** One library signer per credentials object (credentials rotate rarely; old ones are collected). */
  readonly #signers = new WeakMap<Credentials, SignatureV4>();

  constructor(options: RequestSignerOptions) {
    this.#options = options;
  }

  /** The library signer for these credentials. */
  #signerFor(credentials: Credentials): SignatureV4 {
    let signer = this.#signers.get(credentials);
    if (signer === undefined) {
      const identity = credentials.sessionToken
        ? {
            accessKeyId: credentials.accessKeyId,
            secretAccessKey: credentials.secretAccessKey,
            sessionToken: credentials.sessionToken,
          }
        : { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey };
      signer = new SignatureV4({
        service: this.#options.service,
        region: this.#options.region,
        sha256: this.#options.crypto.Sha256,
        credentials: identity,
        applyChecksum: true,
        uriEscapePath: this.#options.uriEscapePath ?? true,
      });
      this.#signers.set(credentials, signer);
    }
    return signer;
  }

  /**
   * Adds x-amz-date, x-amz-security-token (when the credentials have one), x-amz-content-sha256
   * and authorization to `request.headers`. Every header already present is signed, so add
   * unsigned ones (user agent, content-length) afterwards.
   */
  async sign(request: HttpRequest, credentials: Credentials, now: Date): Promise<void> {
    const signed = await this.#signerFor(credentials).sign(
      {
        method: request.method,
        protocol: request.protocol,
        hostname: request.hostname,
        ...(request.port ? { port: request.port } : {}),
        path: request.path,
        query: request.query === "" ? {} : queryMap(request.query),
        headers: request.headers,
        body: request.body instanceof StreamingRequestBody ? UNHASHED_BODY : request.body,
      },
      { signingDate: now, unsignableHeaders: UNSIGNABLE },
    );
    for (const [name, value] of Object.entries(signed.headers)) request.headers[name.toLowerCase()] = value;
  }
}

/** A percent-encoded query string as the library takes it: decoded names to a value or, repeated, values. */
function queryMap(query: string): Record<string, string | string[]> {
  // No prototype: a parameter named `__proto__` is an ordinary key.
  const out = Object.create(null) as Record<string, string | string[]>;
  for (const pair of query.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const name = decodeURIComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? "" : decodeURIComponent(pair.slice(eq + 1));
    const known = out[name];
    if (known === undefined) out[name] = value;
    else if (typeof known === "string") out[name] = [known, value];
    else known.push(value);
  }
  return out;
}
