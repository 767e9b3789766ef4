/**
 * SigV4 in browsers and workers: the `aws4fetch` package (WebCrypto) computes the signature of
 * what signer.ts decided to sign, and `crypto.subtle` hashes bodies. Works in Node too, but each
 * WebCrypto operation there costs tens of microseconds (bench/client/signers.ts), so Node uses
 * sigv4-node.ts instead.
 */
import { AwsV4Signer } from "aws4fetch";
import type { SigningInput, SigV4Library } from "./signer.js";

const encoder = new TextEncoder();

/** Derived signing keys by secret, day, region and service (aws4fetch's cache), emptied when it grows. */
const keys = new Map<string, ArrayBuffer>();
const MAX_KEYS = 50;

/** WebCrypto hashing and `aws4fetch` signing. */
export const webSigV4: SigV4Library = {
  async payloadHash(body) {
    // A copy: WebCrypto wants bytes backed by a plain ArrayBuffer.
    const bytes = typeof body === "string" ? encoder.encode(body) : body.slice();
    return hex(new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", bytes)));
  },
  async authorization(input: SigningInput): Promise<string> {
    if (keys.size >= MAX_KEYS) keys.clear();
    const c = input.credentials;
    const signer = new AwsV4Signer({
      method: input.method,
      url: `${input.protocol}//${input.host}${input.canonicalPath}${input.query === "" ? "" : `?${input.query}`}`,
      headers: input.headers,
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
      service: input.service,
      region: input.region,
      cache: keys,
      datetime: input.amzDate,
      // Sign every header given: signer.ts has left out those SigV4 does not sign.
      allHeaders: true,
      // The path is canonical already. For `s3` aws4fetch decodes it and encodes it once, which
      // leaves it as it is; for other services it would encode it once more unless told not to.
      singleEncode: input.service !== "s3",
    });
    return (await signer.sign()).headers.get("authorization") ?? "";
  },
};

/** Bytes as lower-case hex. */
function hex(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}
