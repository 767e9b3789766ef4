/**
 * Platform defaults for Node: keep-alive node:http(s) transport and node:crypto hashing.
 * Generated package.json maps this file to default-transport.browser.ts for bundlers
 * ("browser" field), so browser bundles never see node:http, node:https or node:crypto.
 * Both files export the same names.
 */
import { nodeSigningCrypto } from "./hash-node.js";
import type { SigningCrypto } from "./signer.js";
import type { DefaultTransportOptions, Transport } from "./transport.js";
import { NodeHttpTransport } from "./transport-node.js";

/**
 * A new keep-alive node:http(s) transport (one per client; `destroy()` closes its sockets), at
 * most `maxSockets` sockets per host (default 50), warning through `logger` when calls wait.
 */
export function createDefaultTransport(options: DefaultTransportOptions = {}): Transport {
  return new NodeHttpTransport(options);
}

/** SHA-256 / HMAC-SHA256 for the signer: node:crypto, synchronous. */
export const defaultSigningCrypto: SigningCrypto = nodeSigningCrypto;
