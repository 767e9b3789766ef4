/** The request body as the bytes a checksum is computed over. */
import type { SerializedRequest } from "../protocols/protocol.js";

const encoder = new TextEncoder();

/**
 * A request body as the bytes sent (UTF-8 for text; empty when there is no body), or undefined
 * for a body that is not in memory (a stream): its checksum would need the aws-chunked trailer
 * the AWS SDK sends for streams, which the client does not do yet, so it gets none.
 */
export function bodyBytesOf(body: SerializedRequest["body"]): Uint8Array | undefined {
  if (body === undefined) return new Uint8Array(0);
  if (typeof body === "string") return encoder.encode(body);
  return body instanceof Uint8Array ? body : undefined;
}
