/**
 * `@httpChecksumRequired`: the operation's request carries `Content-MD5`, the base64 MD5 digest
 * of the body, as the AWS SDK v3 sends it (middleware-apply-body-checksum) and Smithy's protocol
 * tests expect. MD5 through `@noble/hashes` (WebCrypto has no MD5, so browsers need a library
 * too). Shipped only in client folders whose model has such operations; an operation that also
 * has `aws.protocols#httpChecksum` gets the flexible checksum of checksum.ts instead, as in the SDK.
 */
import { md5 } from "@noble/hashes/legacy.js";
import type { SerializedRequest } from "../protocols/protocol.js";
import { toBase64 } from "../serde.js";
import { bodyBytesOf } from "./body-bytes.js";

/** Sets `content-md5` from the request's final body (in memory), unless the caller's input already set it. */
export function addContentMd5(request: SerializedRequest): void {
  const bytes = bodyBytesOf(request.body);
  if (bytes !== undefined) request.headers["content-md5"] ??= toBase64(md5(bytes));
}
