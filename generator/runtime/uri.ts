/**
 * Percent-encoding for request paths and query strings, RFC 3986 strict (what SigV4 signs):
 * everything but `A-Z a-z 0-9 - _ . ~` is encoded, `!'()*` included, which `encodeURIComponent`
 * leaves alone.
 */
import type { QueryPairs } from "./protocols/protocol.js";

const RESERVED_BY_RFC3986 = /[!'()*]/g;

function hexOf(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase()}`;
}

/** `value` percent-encoded as a query name or value, or a path segment. */
export function percentEncode(value: string): string {
  const encoded = encodeURIComponent(value);
  // Most values have none of these: skip the second pass then.
  return /[!'()*]/.test(encoded) ? encoded.replace(RESERVED_BY_RFC3986, hexOf) : encoded;
}

/** The query string of `pairs` (without `?`), `""` for none. */
export function queryString(pairs: QueryPairs | undefined): string {
  if (pairs === undefined || pairs.length === 0) return "";
  let out = "";
  for (const [name, value] of pairs) {
    if (out !== "") out += "&";
    out += value === undefined ? percentEncode(name) : `${percentEncode(name)}=${percentEncode(value)}`;
  }
  return out;
}
