/**
 * Platform defaults for browsers (and other fetch platforms): the global `fetch` and WebCrypto
 * hashing. Swapped in for default-transport.ts by the generated package.json "browser" field;
 * exports the same names.
 */
import { webSigningCrypto } from "./hash-web.js";
import type { SigningCrypto } from "./signer.js";
import type { Transport } from "./transport.js";
import { FetchTransport } from "./transport-fetch.js";

/** A fetch transport over the global `fetch`, bound so it is called with the right `this`. */
export function createDefaultTransport(): Transport {
  return new FetchTransport((input, init) => globalThis.fetch(input, init));
}

/** SHA-256 / HMAC-SHA256 for the signer: WebCrypto (`crypto.subtle`), asynchronous. */
export const defaultSigningCrypto: SigningCrypto = webSigningCrypto;
