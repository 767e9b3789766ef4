/**
 * AWS Signature Version 4 for the client's requests. The signature itself (string to sign, key
 * derivation, HMAC) is computed by a small, well-kept library chosen per platform through
 * default-transport*.ts: `aws4` over node:crypto on Node (synchronous, cheap to import), and
 * `aws4fetch` over WebCrypto in browsers and workers (a few kilobytes, no Node built-ins). This
 * file decides what is signed, the way the AWS SDK's signer (`@smithy/signature-v4`) does, and
 * hands each library input it leaves as it is, so both give the SDK's signature
 * (test/runtime/signer.test.ts checks them against it):
 *
 * - Signed headers: every header on the request when `sign` is called (content-type, host,
 *   x-amz-target...) except those the AWS SDK never signs (user agent, content-length, expect,
 *   `proxy-*`, `sec-*`, cache-control...), plus x-amz-date, x-amz-security-token with temporary
 *   credentials and x-amz-content-sha256 (the body's SHA-256, as the AWS SDK sends it). Values are
 *   normalized as SigV4 says (runs of spaces and tabs as one space, trimmed) before the library
 *   sees them.
 * - A streaming body cannot be hashed before it is sent: it is signed as `UNSIGNED-PAYLOAD`.
 * - The path: percent-encoded once more, after `.`/`..` and empty segments are resolved, as SigV4
 *   defines it; S3 signs its path as sent (`uriEscapePath: false`, the SDK's
 *   `signingEscapePath: false`, for S3 only). The library is given that canonical path.
 * - The query string as sent (percent-encoded by uri.ts, RFC 3986): the libraries decode it and
 *   encode each name and value again, then sort.
 *
 * Known differences from the SDK's signer, in requests generated code for AWS models does not
 * make: under the signing name `s3` both libraries keep only the first value of a repeated query
 * parameter and sign an encoded `/` (`%2F`) inside a path segment as `/`; both drop a query
 * parameter with an empty name, `aws4` one named `__proto__`; both treat Unicode spaces in a
 * header value (U+00A0) as spaces. In browsers the host is signed as the URL gives it (lower
 * case, no default port), which is what the browser sends.
 */
import type { Credentials } from "./credentials.js";
import { isStreamBody, type HttpRequest } from "./transport.js";
import { percentEncode } from "./uri.js";

/** A request reduced to what SigV4 signs, each part in the form the library must keep. */
export interface SigningInput {
  /** The HTTP method. */
  method: string;
  /** The URL scheme with its colon. */
  protocol: "http:" | "https:";
  /** The `host` header as sent (`name[:port]`). */
  host: string;
  /** The canonical path (see `canonicalPath`): the library signs it as it is. */
  canonicalPath: string;
  /** The query string, percent-encoded, without `?` (`""` for none). */
  query: string;
  /**
   * The headers to sign except `host`, names in lower case, values normalized; includes
   * x-amz-date, x-amz-content-sha256 and, with temporary credentials, x-amz-security-token.
   */
  headers: Record<string, string>;
  /** The region to sign for. */
  region: string;
  /** The signing name of the service. */
  service: string;
  /** The credentials to sign with. */
  credentials: Credentials;
  /** The signing time as x-amz-date gives it, e.g. `20240501T120000Z`. */
  amzDate: string;
}

/** A platform's SigV4 library behind the two things the signer needs of it. */
export interface SigV4Library {
  /** The hex SHA-256 of a body. */
  payloadHash(body: string | Uint8Array): string | Promise<string>;
  /** The `authorization` header value for `input`. */
  authorization(input: SigningInput): string | Promise<string>;
}

/** Options of a `RequestSigner`. */
export interface RequestSignerOptions {
  /** The region to sign for. */
  region: string;
  /** SigV4 signing name of the service. */
  service: string;
  /** The platform's library (default-transport*.ts exports it as `defaultSigV4`). */
  library: SigV4Library;
  /**
   * Percent-encode the already-encoded path once more in the canonical request. Default true;
   * false for S3 (its object keys are signed as sent).
   */
  uriEscapePath?: boolean | undefined;
}

/** What a stream body is signed as (its bytes are not known before they are sent). */
const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

/**
 * Headers never signed: those the AWS SDK's signer always leaves out, those the client adds after
 * signing (user agent, content-length), and those signing itself writes (`authorization`) or
 * replaces (`date`, as the SDK's signer drops it in favour of x-amz-date).
 */
const UNSIGNABLE = new Set([
  "authorization",
  "cache-control",
  "connection",
  "content-length",
  "date",
  "expect",
  "from",
  "host",
  "keep-alive",
  "max-forwards",
  "pragma",
  "referer",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "user-agent",
  "x-amz-user-agent",
  "x-amzn-trace-id",
]);

/** Signs requests for one service in one region. One per client; safe for concurrent calls. */
export class RequestSigner {
  readonly #options: RequestSignerOptions;
  readonly #uriEscapePath: boolean;
  /** The last signing second and its x-amz-date: calls within one second share the string. */
  #dateSecond = Number.NaN;
  #amzDate = "";
  /** The last path signed and its canonical form: a client sends few distinct paths (RPC: always `/`). */
  #lastPath: string | undefined;
  #lastCanonicalPath = "";

  constructor(options: RequestSignerOptions) {
    this.#options = options;
    this.#uriEscapePath = options.uriEscapePath ?? true;
  }

  /**
   * Adds x-amz-date, x-amz-security-token (when the credentials have one), x-amz-content-sha256
   * and authorization to `request.headers`. Every header already present is signed (but those
   * listed above), so add unsigned ones (user agent, content-length) afterwards. Synchronous
   * (returns undefined) when the library is, as on Node: the call path then skips a promise hop;
   * otherwise returns the promise of the signature being added.
   */
  sign(request: HttpRequest, credentials: Credentials, now: Date | number): void | Promise<void> {
    const headers = request.headers;
    const amzDate = this.#amzDateOf(typeof now === "number" ? now : now.getTime());
    headers["x-amz-date"] = amzDate;
    if (credentials.sessionToken) headers["x-amz-security-token"] = credentials.sessionToken;
    if (headers["x-amz-content-sha256"] === undefined) {
      const body = request.body;
      const hash = isStreamBody(body) ? UNSIGNED_PAYLOAD : this.#options.library.payloadHash(body ?? "");
      if (typeof hash !== "string") {
        return hash.then((h) => {
          headers["x-amz-content-sha256"] = h;
          return this.#authorize(request, credentials, amzDate);
        });
      }
      headers["x-amz-content-sha256"] = hash;
    }
    return this.#authorize(request, credentials, amzDate);
  }

  /** Adds `authorization` for the headers as they are now. */
  #authorize(request: HttpRequest, credentials: Credentials, amzDate: string): void | Promise<void> {
    const headers = request.headers;
    const signed: Record<string, string> = {};
    for (const name in headers) {
      const value = headers[name];
      if (value === undefined || UNSIGNABLE.has(name) || name.startsWith("proxy-") || name.startsWith("sec-")) continue;
      signed[name] = normalizeValue(value);
    }
    const authorization = this.#options.library.authorization({
      method: request.method,
      protocol: request.protocol,
      host: headers["host"] ?? request.hostname,
      canonicalPath: this.#canonicalPath(request.path),
      query: request.query,
      headers: signed,
      region: this.#options.region,
      service: this.#options.service,
      credentials,
      amzDate,
    });
    if (typeof authorization === "string") headers["authorization"] = authorization;
    else
      return authorization.then((a) => {
        headers["authorization"] = a;
      });
  }

  /** x-amz-date for a time in ms (`20240501T120000Z`), formatted once per second. */
  #amzDateOf(ms: number): string {
    const second = Math.floor(ms / 1000);
    if (second !== this.#dateSecond) {
      this.#amzDate = new Date(second * 1000).toISOString().replace(/[-:]|\.\d{3}/g, "");
      this.#dateSecond = second;
    }
    return this.#amzDate;
  }

  #canonicalPath(path: string): string {
    if (path !== this.#lastPath) {
      this.#lastCanonicalPath = canonicalPath(path, this.#uriEscapePath);
      this.#lastPath = path;
    }
    return this.#lastCanonicalPath;
  }
}

/** Characters that make a header value differ from its SigV4 form (most values have none). */
const NEEDS_NORMALIZING = /[\r\n\t]| {2}|^ | $/;

/** A header value as SigV4 signs it: line breaks as spaces, runs of spaces and tabs as one, trimmed. */
function normalizeValue(value: string): string {
  if (!NEEDS_NORMALIZING.test(value)) return value;
  return value
    .replace(/[\r\n]/g, " ")
    .replace(/[ \t]+/g, " ")
    .replace(/^ | $/g, "");
}

/**
 * The path as the canonical request holds it. With `escape` (every service but S3): `.` and empty
 * segments dropped, `..` removing the one before, a leading and trailing `/` kept, then every
 * segment percent-encoded once more. Without: the path as sent.
 */
export function canonicalPath(path: string, escape: boolean): string {
  if (!escape) return path;
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && path.endsWith("/") ? "/" : "";
  const normalized = `${path.startsWith("/") ? "/" : ""}${segments.join("/")}${trailing}`;
  return percentEncode(normalized).replace(/%2F/g, "/");
}
