/**
 * SHA-256 and HMAC-SHA256 for the signer, backed by WebCrypto (`crypto.subtle`): the browser
 * counterpart of hash-node.ts. Works in Node too, but each call there costs hundreds of
 * microseconds (measured in bench/client/signers.ts), so Node uses node:crypto instead.
 */
import type { Sha256Checksum, SigningSecret } from "./signer.js";

const encoder = new TextEncoder();

/** Hash when built without a secret, HMAC keyed by `secret` otherwise. */
export class WebCryptoSha256 implements Sha256Checksum {
  readonly #secret: SigningSecret | undefined;
  #chunks: Uint8Array[] = [];

  constructor(secret?: SigningSecret) {
    this.#secret = secret;
  }

  update(data: Uint8Array): void {
    this.#chunks.push(data);
  }

  async digest(): Promise<Uint8Array> {
    const data = concat(this.#chunks);
    const subtle = globalThis.crypto.subtle;
    if (this.#secret === undefined) return new Uint8Array(await subtle.digest("SHA-256", data));
    const key = await subtle.importKey("raw", bytes(this.#secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    return new Uint8Array(await subtle.sign("HMAC", key, data));
  }

  reset(): void {
    this.#chunks = [];
  }
}

function bytes(secret: SigningSecret): Uint8Array<ArrayBuffer> {
  if (typeof secret === "string") return encoder.encode(secret);
  const view = ArrayBuffer.isView(secret) ? new Uint8Array(secret.buffer, secret.byteOffset, secret.byteLength) : new Uint8Array(secret);
  return new Uint8Array(view); // a copy: WebCrypto wants an ArrayBuffer-backed view
}

function concat(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  let length = 0;
  for (const c of chunks) length += c.byteLength;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
