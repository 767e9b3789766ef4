/**
 * The S3 behaviours the AWS SDK hand-writes, end to end: an S3 client generated from the AWS
 * model against s3rver (an S3-compatible server on the loopback address, started here) and, for
 * what s3rver never does, a loopback server answering as S3 documents it.
 * - DeleteObjects of several keys: S3 requires a request checksum; the client sends CRC32 in
 *   `x-amz-checksum-crc32` (and `x-amz-sdk-checksum-algorithm`), as the AWS SDK does.
 * - CopyObject: the copy lands, the bucket placed in the path by the endpoint rules (an IP
 *   endpoint is path-style), with `/{Bucket}` gone from the operation's URI.
 * - Errors inside a 200 response (CopyObject, CompleteMultipartUpload): the typed error is
 *   thrown; an empty 200 body is S3's aborted request (`InternalError`).
 * - GetBucketLocation: its unwrapped `<LocationConstraint>` body.
 * - CreateBucket outside us-east-1: the region filled in as its LocationConstraint.
 */
import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpRequest, Transport } from "../../generator/runtime/transport.js";
import { SHARED } from "../helpers.js";
import { awsModel, generateInto } from "./generate-client.js";
import { S3RVER_CREDENTIALS, startS3rver } from "./s3rver.js";

const MODEL = awsModel("s3", "2006-03-01");
const present = existsSync(MODEL);
if (!present) console.warn(`skipping the S3 customisations end-to-end test: ${MODEL} is absent (needs ${SHARED})`);

// AbortMultipartUpload brings the NoSuchUpload error class.
const OPERATIONS = [
  "CreateBucket",
  "CopyObject",
  "DeleteObjects",
  "ListObjectsV2",
  "GetBucketLocation",
  "CompleteMultipartUpload",
  "AbortMultipartUpload",
];

type Call = (input: Record<string, unknown>) => Promise<Record<string, unknown>>;
interface S3 {
  createBucket: Call;
  copyObject: Call;
  deleteObjects: Call;
  listObjectsV2: Call;
  getBucketLocation: Call;
  completeMultipartUpload: Call;
  destroy(): void;
}
type S3Constructor = new (config: Record<string, unknown>) => S3;

/** A loopback server that answers every request with the next canned response, and records what it got. */
class CannedS3 {
  readonly requests: Array<{ method: string; url: string; headers: IncomingMessage["headers"] }> = [];
  replies: Array<{ status: number; body: string }> = [];
  #server: Server | undefined;

  async start(): Promise<string> {
    this.#server = createServer((req, res) => {
      this.requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
      req.resume();
      req.on("end", () => {
        const reply = this.replies.shift() ?? { status: 500, body: "" };
        res.writeHead(reply.status, { "content-type": "application/xml", "x-amz-request-id": "req-1" });
        res.end(reply.body);
      });
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }
}

describe.skipIf(!present)("S3 customisations, end to end", () => {
  let S3Client: S3Constructor;
  let NoSuchUpload: new (...args: never[]) => Error;
  let S3ServiceException: new (...args: never[]) => Error;
  let s3rver: { endpoint: string; stop(): Promise<void> };
  let remove = () => {};
  let transport: Transport;
  const sent: HttpRequest[] = [];

  beforeAll(async () => {
    const generated = await generateInto("s3-custom", MODEL, OPERATIONS);
    remove = generated.remove;
    const mod = (await import(`${generated.folder}/index.ts`)) as {
      S3Client: S3Constructor;
      NoSuchUpload: typeof NoSuchUpload;
      S3ServiceException: typeof S3ServiceException;
    };
    S3Client = mod.S3Client;
    NoSuchUpload = mod.NoSuchUpload;
    S3ServiceException = mod.S3ServiceException;
    const { NodeHttpTransport } = (await import(`${generated.folder}/runtime/transport-node.ts`)) as {
      NodeHttpTransport: new () => Transport;
    };
    const inner = new NodeHttpTransport();
    transport = {
      handle: (request, options) => {
        sent.push(request);
        return inner.handle(request, options);
      },
      destroy: () => inner.destroy?.(),
    };
    s3rver = await startS3rver();
  }, 300_000);

  afterAll(async () => {
    transport?.destroy?.();
    await s3rver?.stop();
    remove();
  });

  const client = (endpoint: string) =>
    new S3Client({ region: "us-east-1", endpoint, credentials: S3RVER_CREDENTIALS, transport, maxAttempts: 1 });

  /** Puts an object with a plain unsigned PUT (this client leaves the streaming PutObject out). */
  async function put(bucket: string, key: string, body: string): Promise<void> {
    const response = await fetch(`${s3rver.endpoint}/${bucket}/${key}`, { method: "PUT", body });
    expect(response.status).toBe(200);
  }

  it("deletes several keys at once, sending the CRC32 checksum S3 requires", async () => {
    const s3 = client(s3rver.endpoint);
    await s3.createBucket({ Bucket: "delete-many" });
    for (const key of ["a.txt", "b.txt", "c.txt"]) await put("delete-many", key, `body of ${key}`);
    const out = await s3.deleteObjects({
      Bucket: "delete-many",
      Delete: { Objects: [{ Key: "a.txt" }, { Key: "b.txt" }, { Key: "c.txt" }] },
    });
    expect((out["Deleted"] as Array<{ Key: string }>).map((d) => d.Key).sort()).toEqual(["a.txt", "b.txt", "c.txt"]);
    const request = sent.filter((r) => r.method === "POST").at(-1);
    expect(request?.path).toBe("/delete-many");
    expect(request?.query).toBe("delete");
    expect(request?.headers["x-amz-sdk-checksum-algorithm"]).toBe("CRC32");
    expect(request?.headers["x-amz-checksum-crc32"]).toMatch(/^[A-Za-z0-9+/]{6}==$/);
    expect((await s3.listObjectsV2({ Bucket: "delete-many" }))["KeyCount"]).toBe(0);
    s3.destroy();
  });

  it("creates a bucket outside us-east-1 with the client's region as its LocationConstraint", async () => {
    const s3 = new S3Client({
      region: "eu-west-1",
      endpoint: s3rver.endpoint,
      credentials: S3RVER_CREDENTIALS,
      transport,
      maxAttempts: 1,
    });
    await s3.createBucket({ Bucket: "in-ireland" });
    const body = sent.at(-1)?.body;
    expect(typeof body === "string" ? body : "").toContain("<LocationConstraint>eu-west-1</LocationConstraint>");
    expect((await s3.listObjectsV2({ Bucket: "in-ireland" }))["Name"]).toBe("in-ireland");
    s3.destroy();
  });

  it("copies an object, the bucket placed in the path by the endpoint rules", async () => {
    const s3 = client(s3rver.endpoint);
    await s3.createBucket({ Bucket: "copy-here" });
    await put("copy-here", "source.txt", "copied text");
    const out = await s3.copyObject({ Bucket: "copy-here", Key: "dir/copy.txt", CopySource: "copy-here/source.txt" });
    expect(out["CopyObjectResult"]).toMatchObject({ ETag: expect.any(String) });
    expect(sent.at(-1)?.path).toBe("/copy-here/dir/copy.txt");
    expect(await (await fetch(`${s3rver.endpoint}/copy-here/dir/copy.txt`)).text()).toBe("copied text");
    s3.destroy();
  });

  it("reads GetBucketLocation's unwrapped body", async () => {
    const s3 = client(s3rver.endpoint);
    await s3.createBucket({ Bucket: "where-am-i" });
    // s3rver answers an empty <LocationConstraint/> (us-east-1); a real regional bucket names its region.
    expect(await s3.getBucketLocation({ Bucket: "where-am-i" })).toEqual({ LocationConstraint: "" });
    const canned = new CannedS3();
    const endpoint = await canned.start();
    canned.replies.push({
      status: 200,
      body: '<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">eu-west-1</LocationConstraint>',
    });
    const remote = client(endpoint);
    expect(await remote.getBucketLocation({ Bucket: "abroad" })).toEqual({ LocationConstraint: "eu-west-1" });
    remote.destroy();
    await canned.close();
    s3.destroy();
  });

  it("throws the typed error S3 puts inside a 200 response, and InternalError for an empty 200", async () => {
    const canned = new CannedS3();
    const endpoint = await canned.start();
    const s3 = client(endpoint);
    // The body S3 documents for a copy that fails after the 200 went out.
    canned.replies.push({
      status: 200,
      body: '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>656c76696e6727732072657175657374</RequestId></Error>',
    });
    const copy = await s3.copyObject({ Bucket: "b-one", Key: "k", CopySource: "b-one/src" }).catch((e: unknown) => e);
    expect(copy).toMatchObject({
      name: "SlowDown",
      message: "Please reduce your request rate.",
      $metadata: { httpStatusCode: 200 },
    });
    canned.replies.push({
      status: 200,
      body: "<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>",
    });
    const complete = await s3
      .completeMultipartUpload({ Bucket: "b-one", Key: "k", UploadId: "u-1" })
      .catch((e: unknown) => e);
    // CompleteMultipartUpload models no errors: as in the AWS SDK, a code only other operations
    // list (AbortMultipartUpload's NoSuchUpload) is the service exception under that name.
    expect(complete).toBeInstanceOf(S3ServiceException);
    expect(complete).not.toBeInstanceOf(NoSuchUpload);
    expect(complete).toMatchObject({
      name: "NoSuchUpload",
      message: "The specified upload does not exist.",
      $metadata: { httpStatusCode: 200 },
    });
    canned.replies.push({ status: 200, body: "" });
    const aborted = await s3
      .copyObject({ Bucket: "b-one", Key: "k", CopySource: "b-one/src" })
      .catch((e: unknown) => e);
    expect(aborted).toMatchObject({ name: "InternalError" });
    // A real result still parses.
    canned.replies.push({
      status: 200,
      body: '<CopyObjectResult><ETag>"etag-1"</ETag><LastModified>2026-12-03T08:00:00.000Z</LastModified></CopyObjectResult>',
    });
    const ok = await s3.copyObject({ Bucket: "b-one", Key: "k", CopySource: "b-one/src" });
    expect(ok["CopyObjectResult"]).toMatchObject({ ETag: '"etag-1"' });
    expect(canned.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "PUT /b-one/k?x-id=CopyObject",
      "POST /b-one/k?uploadId=u-1",
      "PUT /b-one/k?x-id=CopyObject",
      "PUT /b-one/k?x-id=CopyObject",
    ]);
    s3.destroy();
    await canned.close();
  });
});
