/**
 * Request checksums of `aws.protocols#httpChecksum` operations (S3's DeleteObjects, PutObject,
 * PutBucketLifecycleConfiguration...), as the AWS SDK v3 computes them since v3.729.0
 * (middleware-flexible-checksums): the algorithm is the input's algorithm member when set, else
 * CRC32 when the operation requires a checksum or the client computes them whenever supported
 * (the default, `requestChecksumCalculation: "WHEN_SUPPORTED"`); the body's digest goes, base64,
 * in `x-amz-checksum-<algorithm>`, and the chosen algorithm in the member's own header
 * (`x-amz-sdk-checksum-algorithm`). A checksum header the caller set (a `ChecksumCRC32` member,
 * say) is kept. Shipped only in client folders whose model has such operations.
 */
import { crc32 } from "@aws-crypto/crc32";
import { crc32c } from "@aws-crypto/crc32c";
import { sha1 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import type { RequestChecksumCalculation } from "../client.js";
import { RequestValidationError } from "../errors.js";
import type { SerializedRequest } from "../protocols/protocol.js";
import { toBase64 } from "../serde.js";
import { bodyBytesOf } from "./body-bytes.js";

/** An operation's `aws.protocols#httpChecksum` request side, as lower/checksums.ts plans it. */
export interface RequestChecksumSpec {
  /** `requestChecksumRequired`: a checksum is sent even with `WHEN_REQUIRED`. */
  required: boolean;
  /** `requestAlgorithmMember`: the input member naming the algorithm, when the operation has one. */
  algorithmMember?: string;
  /** The header that member is bound to (`@httpHeader`), lower-case. */
  algorithmHeader?: string;
}

/** The default algorithm, as the SDK's. */
const DEFAULT_ALGORITHM = "CRC32";

/** The digest of each algorithm anvil computes, as big-endian bytes. */
const DIGESTS: Readonly<Record<string, (data: Uint8Array) => Uint8Array>> = {
  CRC32: (data) => uint32Bytes(crc32(data)),
  CRC32C: (data) => uint32Bytes(crc32c(data)),
  SHA1: (data) => sha1(data),
  SHA256: (data) => sha256(data),
};

/**
 * Adds the request checksum headers of an `httpChecksum` operation to `request` (whose body is
 * final: the checksum is of the bytes sent). Throws `RequestValidationError` for an algorithm
 * the client cannot compute (CRC64NVME, or one it does not know), before anything is sent.
 */
export function addRequestChecksum(
  request: SerializedRequest,
  input: unknown,
  spec: RequestChecksumSpec,
  operation: string,
  when: RequestChecksumCalculation,
): void {
  const member = spec.algorithmMember;
  const chosen =
    member !== undefined && typeof input === "object" && input !== null && Object.hasOwn(input, member)
      ? (input as Record<string, unknown>)[member]
      : undefined;
  let algorithm: string;
  if (typeof chosen === "string" && chosen !== "") algorithm = chosen.toUpperCase();
  else if (spec.required || when === "WHEN_SUPPORTED") algorithm = DEFAULT_ALGORITHM;
  else return;
  const digest = DIGESTS[algorithm];
  if (digest === undefined) {
    throw new RequestValidationError(operation, [
      {
        path: member ?? "checksum",
        constraint: "enum",
        message: `The client computes request checksums with ${Object.keys(DIGESTS).join(", ")}, not ${algorithm}`,
      },
    ]);
  }
  const bytes = bodyBytesOf(request.body);
  if (bytes === undefined) return;
  if (spec.algorithmHeader !== undefined) request.headers[spec.algorithmHeader] ??= algorithm;
  request.headers[`x-amz-checksum-${algorithm.toLowerCase()}`] ??= toBase64(digest(bytes));
}

function uint32Bytes(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value >>> 0, false);
  return out;
}
