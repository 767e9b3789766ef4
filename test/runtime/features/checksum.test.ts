/**
 * Request checksums (generator/runtime/features/checksum.ts and content-md5.ts): which algorithm
 * is chosen, which headers are set, and that the digests are the standard ones (CRC check values
 * of "123456789" from the CRC catalogue; SHA and MD5 against node:crypto).
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { RequestValidationError } from "../../../generator/runtime/errors.js";
import { addRequestChecksum } from "../../../generator/runtime/features/checksum.js";
import { addContentMd5 } from "../../../generator/runtime/features/content-md5.js";
import type { SerializedRequest } from "../../../generator/runtime/protocols/protocol.js";

const request = (body: string | Uint8Array | undefined): SerializedRequest => ({
  method: "POST",
  path: "/",
  query: undefined,
  headers: {},
  body,
});
const spec = { required: true, algorithmMember: "ChecksumAlgorithm", algorithmHeader: "x-amz-sdk-checksum-algorithm" };
/** A 32-bit CRC as the header carries it: 4 big-endian bytes, base64. */
const crcHeader = (value: number) =>
  Buffer.from([value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255]).toString("base64");

describe("addRequestChecksum", () => {
  it("sends CRC32 by default when the operation requires a checksum, and names the algorithm in the member's header", () => {
    const r = request("123456789");
    addRequestChecksum(r, {}, spec, "DeleteObjects", "WHEN_REQUIRED");
    expect(r.headers).toEqual({
      "x-amz-checksum-crc32": crcHeader(0xcbf43926),
      "x-amz-sdk-checksum-algorithm": "CRC32",
    });
  });

  it("uses the algorithm the input names (CRC32C, SHA1, SHA256), in any case", () => {
    const body = new TextEncoder().encode("123456789");
    const crc32c = request(body);
    addRequestChecksum(crc32c, { ChecksumAlgorithm: "crc32c" }, spec, "PutObject", "WHEN_SUPPORTED");
    expect(crc32c.headers["x-amz-checksum-crc32c"]).toBe(crcHeader(0xe3069283));
    for (const [algorithm, node] of [
      ["SHA1", "sha1"],
      ["SHA256", "sha256"],
    ] as const) {
      const r = request("123456789");
      addRequestChecksum(r, { ChecksumAlgorithm: algorithm }, spec, "PutObject", "WHEN_SUPPORTED");
      expect(r.headers[`x-amz-checksum-${node}`]).toBe(createHash(node).update("123456789").digest("base64"));
      expect(r.headers["x-amz-sdk-checksum-algorithm"]).toBe(algorithm);
    }
  });

  it("sends nothing for an optional checksum under WHEN_REQUIRED, and CRC32 under WHEN_SUPPORTED", () => {
    const optional = { required: false, algorithmMember: "ChecksumAlgorithm" };
    const off = request("x");
    addRequestChecksum(off, {}, optional, "PutObject", "WHEN_REQUIRED");
    expect(off.headers).toEqual({});
    const on = request("x");
    addRequestChecksum(on, {}, optional, "PutObject", "WHEN_SUPPORTED");
    expect(Object.keys(on.headers)).toEqual(["x-amz-checksum-crc32"]);
  });

  it("keeps a checksum header the caller set, and checksums an absent body as empty", () => {
    const r = request(undefined);
    r.headers["x-amz-checksum-crc32"] = "AAAAAA==";
    addRequestChecksum(r, {}, spec, "PutBucketAcl", "WHEN_SUPPORTED");
    expect(r.headers["x-amz-checksum-crc32"]).toBe("AAAAAA==");
    const empty = request(undefined);
    addRequestChecksum(empty, {}, { required: true }, "PutBucketOwnershipControls", "WHEN_SUPPORTED");
    expect(empty.headers).toEqual({ "x-amz-checksum-crc32": crcHeader(0) });
  });

  it("leaves a body that is not in memory (a stream) without a checksum, rather than a wrong one", () => {
    const stream = request(undefined);
    stream.body = { getReader() {} } as unknown as Uint8Array;
    addRequestChecksum(stream, {}, spec, "PutObject", "WHEN_SUPPORTED");
    addContentMd5(stream);
    expect(stream.headers).toEqual({});
  });

  it("refuses an algorithm it cannot compute before anything is sent", () => {
    const r = request("x");
    const call = () => addRequestChecksum(r, { ChecksumAlgorithm: "CRC64NVME" }, spec, "PutObject", "WHEN_SUPPORTED");
    expect(call).toThrow(RequestValidationError);
    expect(call).toThrow(/ChecksumAlgorithm: .*not CRC64NVME/);
  });
});

describe("addContentMd5", () => {
  it("sets Content-MD5 to the body's MD5 in base64, unless already set", () => {
    const body = '{"foo":"base64 encoded md5 checksum"}';
    const r = request(body);
    addContentMd5(r);
    expect(r.headers["content-md5"]).toBe(createHash("md5").update(body).digest("base64"));
    const set = request(body);
    set.headers["content-md5"] = "given";
    addContentMd5(set);
    expect(set.headers["content-md5"]).toBe("given");
  });
});
