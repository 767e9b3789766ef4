/** The request body as the bytes a checksum is computed over. */
import type { SerializedRequest } from "../protocols/protocol.js";

const encoder = new TextEncoder();

/** A request body as the bytes sent (UTF-8 for text; empty when there is no body). */
export function bodyBytesOf(body: SerializedRequest["body"]): Uint8Array {
  if (body === undefined) return new Uint8Array(0);
  return typeof body === "string" ? encoder.encode(body) : body;
}
