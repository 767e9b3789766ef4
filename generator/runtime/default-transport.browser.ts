/**
 * Platform defaults for browsers (and other fetch platforms): the global `fetch` and SigV4 over
 * WebCrypto. Swapped in for default-transport.ts by the generated package.json "browser" field;
 * exports the same names.
 */
import type { SigV4Library } from "./signer.js";
import { webSigV4 } from "./sigv4-web.js";
import type { DefaultTransportOptions, Transport } from "./transport.js";
import { FetchTransport } from "./transport-fetch.js";

/**
 * A fetch transport over the config's `fetch`, else the global `fetch`, bound so it is called
 * with the right `this`. The other options are not used: the browser pools connections itself
 * (about 6 per host over HTTP/1.1).
 */
export function createDefaultTransport(options: DefaultTransportOptions = {}): Transport {
  return new FetchTransport(options.fetch ?? ((input, init) => globalThis.fetch(input, init)));
}

/** SigV4 for the signer: `aws4fetch` over WebCrypto (`crypto.subtle`), asynchronous. */
export const defaultSigV4: SigV4Library = webSigV4;
