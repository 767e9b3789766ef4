/**
 * SHA-256 and HMAC-SHA256 for the signer, backed by WebCrypto (`crypto.subtle`): the browser
 * counterpart of hash-node.ts. Works in Node too, but each operation there costs tens of
 * microseconds (bench/client/signers.ts), so Node uses node:crypto instead.
 */
import type { Sha256Checksum, SigningCrypto, SigningSecret } from "./signer.js";

const encoder = new TextEncoder();

/** Hash when built without a secret, HMAC keyed by `secret` otherwise (the library's interface). */
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
    if (this.#secret === undefined) return new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", data));
    return new Uint8Array(await globalThis.crypto.subtle.sign("HMAC", await importHmacKey(bytes(this.#secret)), data));
  }

  reset(): void {
    this.#chunks = [];
  }
}

/** WebCrypto's HmacKey, named without the DOM lib. */
type HmacKey = Awaited<ReturnType<Crypto["subtle"]["importKey"]>>;
type Crypto = typeof globalThis.crypto;

/**
 * Bytes backed by an ArrayBuffer, which WebCrypto wants: `Uint8Array<ArrayBuffer>` from
 * TypeScript 5.7 on, where typed arrays became generic, and plain `Uint8Array` before (whose
 * `BufferSource` accepts any view). Read off `slice`, which returns exactly that in each version,
 * so the file compiles under 5.4 too.
 */
type BufferBytes = ReturnType<Uint8Array["slice"]>;

/** Imported HMAC keys by key bytes object: the daily signing key is imported once, not per call. */
function importHmacKey(key: BufferBytes): Promise<HmacKey> {
  return globalThis.crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

/** WebCrypto hashing for the signer (browsers and workers). */
export const webSigningCrypto: SigningCrypto = { Sha256: WebCryptoSha256 };

function bytes(secret: SigningSecret): BufferBytes {
  if (typeof secret === "string") return encoder.encode(secret);
  const view = ArrayBuffer.isView(secret)
    ? new Uint8Array(secret.buffer, secret.byteOffset, secret.byteLength)
    : new Uint8Array(secret);
  return new Uint8Array(view); // a copy: WebCrypto wants an ArrayBuffer-backed view
}

function concat(chunks: readonly Uint8Array[]): BufferBytes {
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
