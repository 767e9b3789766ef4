/**
 * CBOR bodies of protocol tests compared as Smithy's rpcv2Cbor tests ask: both sides decoded and
 * compared as values, never byte by byte (map key order, integer widths, float widths and
 * definite or indefinite lengths may differ). The expected body is base64, as the test states it.
 * Decoding uses the `cbor2` codec with its own defaults (tag 1 as a Date, bignums as bigints), not
 * the client runtime's setup, so the runtime's choices are checked, not repeated.
 */
import { decode } from "cbor2";
import { difference } from "./compare.js";

/** Where the request body differs from the case's base64 CBOR body, or undefined when they agree. */
export function cborBodyDifference(
  expectedBase64: string,
  actual: string | Uint8Array | undefined,
): string | undefined {
  const actualBytes = typeof actual === "string" ? new TextEncoder().encode(actual) : (actual ?? new Uint8Array(0));
  const expectedBytes = Uint8Array.from(Buffer.from(expectedBase64, "base64"));
  if (expectedBytes.length === 0 || actualBytes.length === 0) {
    return expectedBytes.length === actualBytes.length
      ? undefined
      : `: expected ${expectedBytes.length} bytes, got ${actualBytes.length}`;
  }
  let value: unknown;
  try {
    value = decode(actualBytes);
  } catch (error) {
    return `is not CBOR: ${(error as Error).message}`;
  }
  return difference(decode(expectedBytes), value);
}
