/**
 * Platform defaults for Node: keep-alive node:http(s) transport and SigV4 over node:crypto.
 * Generated package.json maps this file to default-transport.browser.ts for bundlers
 * ("browser" field), so browser bundles never see node:http, node:https, node:crypto or `aws4`.
 * Both files export the same names.
 */
import type { SigV4Library } from "./signer.js";
import { nodeSigV4 } from "./sigv4-node.js";
import type { DefaultTransportOptions, Transport } from "./transport.js";
import { NodeHttpTransport } from "./transport-node.js";

/**
 * A new keep-alive node:http(s) transport (one per client; `destroy()` closes its sockets), at
 * most `maxSockets` sockets per host (default 50), warning through `logger` when calls wait;
 * with `fetch` set, a transport over that fetch instead.
 */
export function createDefaultTransport(options: DefaultTransportOptions = {}): Transport {
  return options.fetch === undefined ? new NodeHttpTransport(options) : deferredFetchTransport(options.fetch);
}

/**
 * A `FetchTransport` whose module is imported on the first request: few Node apps pass `fetch`,
 * and every file an import reads costs Node's ESM loader about a millisecond of cold start.
 */
function deferredFetchTransport(fetchFunction: typeof fetch): Transport {
  let loaded: Promise<Transport> | undefined;
  return {
    handle(request, options) {
      loaded ??= import("./transport-fetch.js").then((m) => new m.FetchTransport(fetchFunction));
      return loaded.then((transport) => transport.handle(request, options));
    },
  };
}

/** SigV4 for the signer: `aws4` over node:crypto, synchronous. */
export const defaultSigV4: SigV4Library = nodeSigV4;
