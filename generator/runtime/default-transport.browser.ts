/**
 * Platform defaults for browsers (and other fetch platforms): the global `fetch` and WebCrypto
 * hashing. Swapped in for default-transport.ts by the generated package.json "browser" field;
 * exports the same names.
 */
import { webSigningCrypto } from "./hash-web.js";
import type { SigningCrypto } from "./signer.js";
import type { DefaultTransportOptions, Transport } from "./transport.js";
import { FetchTransport } from "./transport-fetch.js";

/**
 * A fetch transport over the global `fetch`, bound so it is called with the right `this`. The
 * options are not used: the browser pools connections itself (about 6 per host over HTTP/1.1).
 */
export function createDefaultTransport(_options: DefaultTransportOptions = {}): Transport {
  return new FetchTransport((input, init) => globalThis.fetch(input, init));
}

/** SHA-256 / HMAC-SHA256 for the signer: WebCrypto (`crypto.subtle`), asynchronous. */
export const defaultSigningCrypto: SigningCrypto = webSigningCrypto;
