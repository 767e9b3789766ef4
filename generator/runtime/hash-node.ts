/**
 * SHA-256 and HMAC-SHA256 for the signer, backed by node:crypto (OpenSSL). Node-only: reached
 * solely through default-transport.ts, which bundlers swap for the browser file.
 */
// Node's types even in an app whose tsconfig loads no global types (`tsc --init` writes `"types": []`).
/// <reference types="node" />
import * as nodeCrypto from "node:crypto";
import type { Sha256Checksum, SigningCrypto, SigningSecret } from "./signer.js";

const { createHash, createHmac } = nodeCrypto;

/** Hash when built without a secret, HMAC keyed by `secret` otherwise (the library's interface). */
export class NodeSha256 implements Sha256Checksum {
  readonly #secret: SigningSecret | undefined;
  #hash: nodeCrypto.Hash | nodeCrypto.Hmac;

  constructor(secret?: SigningSecret) {
    this.#secret = secret;
    this.#hash = start(secret);
  }

  update(data: Uint8Array): void {
    this.#hash.update(data);
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.#hash.digest());
  }

  reset(): void {
    this.#hash = start(this.#secret);
  }
}

function start(secret: SigningSecret | undefined): nodeCrypto.Hash | nodeCrypto.Hmac {
  if (secret === undefined) return createHash("sha256");
  if (typeof secret === "string") return createHmac("sha256", secret);
  const key = ArrayBuffer.isView(secret)
    ? new Uint8Array(secret.buffer, secret.byteOffset, secret.byteLength)
    : new Uint8Array(secret);
  return createHmac("sha256", key);
}

/** Synchronous node:crypto hashing for the signer. */
export const nodeSigningCrypto: SigningCrypto = { Sha256: NodeSha256 };
