/**
 * SigV4 on Node: the `aws4` package (node:crypto, synchronous; it caches the derived signing
 * keys) computes the signature of what signer.ts decided to sign. Node-only: reached solely
 * through default-transport.ts, which bundlers swap for the browser file.
 */
// Node's types even in an app whose tsconfig loads no global types (`tsc --init` writes `"types": []`).
/// <reference types="node" />
import * as nodeCrypto from "node:crypto";
import aws4 from "aws4";
import type { SigningInput, SigV4Library } from "./signer.js";

/**
 * Headers `aws4` leaves unsigned by default that SigV4 (and the AWS SDK) signs: S3's `range`, and
 * `presigned-expires`. (It also ignores authorization, connection, expect, user-agent and
 * x-amzn-trace-id, which signer.ts never passes.)
 */
const ALSO_SIGNED: Readonly<Record<string, true>> = { range: true, "presigned-expires": true };

/** What `aws4` reads beyond its published types. */
interface Aws4Request extends aws4.Request {
  extraHeadersToInclude: Readonly<Record<string, true>>;
}

/**
 * node:crypto's one-shot `hash()` (Node 20.12 and later): no Hash object per call, about a third of
 * `createHash().update().digest()`'s CPU for a small body. Read from the namespace, as older Node 20
 * releases lack it (a named import would fail to link there).
 */
const oneShotHash = (nodeCrypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: "hex") => string })
  .hash;

/** node:crypto hashing and `aws4` signing. */
export const nodeSigV4: SigV4Library = {
  payloadHash: oneShotHash
    ? (body) => oneShotHash("sha256", body, "hex")
    : (body) => nodeCrypto.createHash("sha256").update(body).digest("hex"),
  authorization(input: SigningInput): string {
    // signer.ts builds `headers` for this call alone (and aws4 copies what it is given): host joins it.
    const headers = input.headers;
    headers["host"] = input.host;
    const request: Aws4Request = {
      method: input.method,
      host: input.host,
      path: input.query === "" ? input.canonicalPath : `${input.canonicalPath}?${input.query}`,
      service: input.service,
      region: input.region,
      headers,
      // The path is canonical already: aws4 decodes each segment and encodes it again, which
      // leaves it as it is (it would otherwise encode it once more).
      doNotEncodePath: true,
      extraHeadersToInclude: ALSO_SIGNED,
    };
    const c = input.credentials;
    const signed = aws4.sign(
      request,
      c.sessionToken
        ? { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken }
        : { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
    );
    return String(signed.headers?.["Authorization"]);
  },
};
