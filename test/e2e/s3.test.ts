/**
 * S3 end to end: a client generated from the AWS model, against s3rver (an S3-compatible server
 * from npm, test/e2e/s3rver.ts) on a loopback port, configured as a user would (`endpoint`,
 * `forcePathStyle`). s3rver checks the access key and the SigV4 header's shape but not the
 * signature itself, so the client's transport here re-signs every request with aws4fetch (an
 * independent signer that signs S3 paths as sent) and the last case checks they all matched.
 * Bytes, text and a multi-MB stream
 * go up and come back byte for byte; metadata, paging, copy, delete, a missing object's typed
 * `NotFound` (a HEAD 404 has no body) and the `ObjectExists` / `BucketExists` waiters.
 */
import { existsSync } from "node:fs";
import { Readable } from "node:stream";
import { AwsV4Signer } from "aws4fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpRequest, HttpResponse, Transport, TransportOptions } from "../../generator/runtime/transport.js";
import { SHARED } from "../helpers.js";
import { awsModel, generateInto } from "./generate-client.js";
import { S3RVER_CREDENTIALS, startS3rver } from "./s3rver.js";

const MODEL = awsModel("s3", "2006-03-01");
const present = existsSync(MODEL);
if (!present) console.warn(`skipping the S3 end-to-end test: ${MODEL} is absent (needs ${SHARED})`);

const OPERATIONS = [
  "CreateBucket",
  "HeadBucket",
  "PutObject",
  "GetObject",
  "HeadObject",
  "ListObjectsV2",
  "CopyObject",
  "DeleteObject",
];

interface Body {
  transformToByteArray(): Promise<Uint8Array>;
  transformToString(encoding?: string): Promise<string>;
  [Symbol.asyncIterator](): AsyncIterator<Uint8Array>;
}
interface Client {
  createBucket(input: object): Promise<unknown>;
  headBucket(input: object): Promise<unknown>;
  putObject(input: object): Promise<{ ETag?: string }>;
  getObject(
    input: object,
  ): Promise<{ Body?: Body; ContentLength?: number; ContentType?: string; Metadata?: Record<string, string> }>;
  headObject(input: object): Promise<{ ContentLength?: number; Metadata?: Record<string, string> }>;
  listObjectsV2(input: object): Promise<unknown>;
  copyObject(input: object): Promise<{ CopyObjectResult?: { ETag?: string } }>;
  deleteObject(input: object): Promise<unknown>;
  destroy(): void;
}
type Waiter = (
  config: { client: Client; maxWaitTime: number; minDelay?: number; maxDelay?: number },
  input: object,
) => Promise<{ state: string }>;
interface Generated {
  S3Client: new (config: object) => Client;
  paginateListObjectsV2: (
    config: { client: Client; pageSize?: number },
    input: object,
  ) => AsyncGenerator<{ Contents?: Array<{ Key?: string }> }>;
  waitUntilObjectExists: Waiter;
  waitUntilBucketExists: Waiter;
  NotFound: new (...args: never[]) => Error;
  StreamConsumedError: new (...args: never[]) => Error;
  RequestValidationError: new (...args: never[]) => Error;
}

/** The Authorization aws4fetch computes for a signed request (S3: the path signed as sent; the payload hash from its header). */
async function s3Authorization(request: HttpRequest): Promise<string> {
  const signed = /SignedHeaders=([^,]+)/.exec(request.headers.authorization ?? "")?.[1]?.split(";") ?? [];
  const headers: Record<string, string> = {};
  for (const name of signed) if (name !== "host") headers[name] = request.headers[name] ?? "";
  const signer = new AwsV4Signer({
    url: request.url,
    method: request.method,
    headers,
    accessKeyId: S3RVER_CREDENTIALS.accessKeyId,
    secretAccessKey: S3RVER_CREDENTIALS.secretAccessKey,
    service: "s3",
    region: "us-east-1",
    datetime: request.headers["x-amz-date"],
    allHeaders: true,
  });
  return (await signer.sign()).headers.get("authorization") ?? "";
}

describe.skipIf(!present)("S3 client against s3rver", () => {
  let server: { endpoint: string; stop(): Promise<void> };
  let client: Client;
  let g: Generated;
  let remove = () => undefined as void;
  const Bucket = "anvil-e2e";
  const checked: string[] = [];
  let transportToClose: (() => void) | undefined;
  const mismatched: string[] = [];

  beforeAll(async () => {
    server = await startS3rver();
    const generated = await generateInto("s3", MODEL, OPERATIONS);
    remove = generated.remove;
    g = (await import(`${generated.folder}/index.ts`)) as Generated;
    const { NodeHttpTransport } = (await import(`${generated.folder}/runtime/transport-node.ts`)) as {
      NodeHttpTransport: new () => Transport;
    };
    const inner = new NodeHttpTransport();
    const transport: Transport = {
      async handle(request: HttpRequest, options: TransportOptions): Promise<HttpResponse> {
        checked.push(`${request.method} ${request.path}`);
        if ((await s3Authorization(request)) !== request.headers.authorization)
          mismatched.push(`${request.method} ${request.path}`);
        return inner.handle(request, options);
      },
    };
    transportToClose = () => inner.destroy?.();
    client = new g.S3Client({
      region: "us-east-1",
      endpoint: server.endpoint,
      forcePathStyle: true,
      credentials: S3RVER_CREDENTIALS,
      transport,
    });
    await client.createBucket({ Bucket });
  }, 60_000);
  afterAll(async () => {
    client?.destroy();
    transportToClose?.();
    await server?.stop();
    remove();
  });

  it("finds the bucket it created (BucketExists waiter)", async () => {
    const result = await g.waitUntilBucketExists(
      { client, maxWaitTime: 10, minDelay: 0.05, maxDelay: 0.1 },
      { Bucket },
    );
    expect(result.state).toBe("SUCCESS");
  });

  it("puts bytes and gets them back, with user metadata and content type", async () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    await client.putObject({
      Bucket,
      Key: "bytes.bin",
      Body: bytes,
      ContentType: "application/x-test",
      Metadata: { origin: "anvil", "two-words": "a b" },
    });
    const got = await client.getObject({ Bucket, Key: "bytes.bin" });
    expect(got.ContentType).toBe("application/x-test");
    expect(got.ContentLength).toBe(256);
    expect(got.Metadata).toEqual({ origin: "anvil", "two-words": "a b" });
    expect(await got.Body?.transformToByteArray()).toEqual(bytes);
  });

  it("puts text under a key with slashes, spaces and non-ASCII characters, signed as sent", async () => {
    const Key = "dir/sub dir/naïve + plus=eq.txt";
    await client.putObject({ Bucket, Key, Body: "héllo wörld" });
    const got = await client.getObject({ Bucket, Key });
    expect(await got.Body?.transformToString()).toBe("héllo wörld");
  });

  it("streams several MB up from a Node Readable and down chunk by chunk, byte for byte", async () => {
    const size = 6 * 1024 * 1024 + 7;
    const data = new Uint8Array(size);
    for (let i = 0; i < size; i++) data[i] = (i * 31 + (i >> 10)) & 0xff;
    const chunks = function* () {
      for (let at = 0; at < size; at += 64 * 1024) yield data.subarray(at, Math.min(size, at + 64 * 1024));
    };
    // A stream without a length of its own: the ContentLength member gives it.
    await client.putObject({ Bucket, Key: "big.bin", Body: Readable.from(chunks()), ContentLength: size });
    const head = await client.headObject({ Bucket, Key: "big.bin" });
    expect(head.ContentLength).toBe(size);
    const got = await client.getObject({ Bucket, Key: "big.bin" });
    const body = got.Body as Body;
    const received: Uint8Array[] = [];
    for await (const chunk of body) received.push(chunk);
    expect(received.length).toBeGreaterThan(1);
    expect(Buffer.concat(received).equals(Buffer.from(data))).toBe(true);
    await expect(body.transformToByteArray()).rejects.toBeInstanceOf(g.StreamConsumedError);
  });

  it("sends a web ReadableStream and a Blob", async () => {
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("web "));
        controller.enqueue(new TextEncoder().encode("stream"));
        controller.close();
      },
    });
    await client.putObject({ Bucket, Key: "web.txt", Body: web, ContentLength: 10 });
    expect(await (await client.getObject({ Bucket, Key: "web.txt" })).Body?.transformToString()).toBe("web stream");
    await client.putObject({ Bucket, Key: "blob.txt", Body: new Blob(["from a blob"]) });
    expect(await (await client.getObject({ Bucket, Key: "blob.txt" })).Body?.transformToString()).toBe("from a blob");
  });

  it("works over the fetch transport too: a Blob up, a streamed body down", async () => {
    const viaFetch = new g.S3Client({
      region: "us-east-1",
      endpoint: server.endpoint,
      forcePathStyle: true,
      credentials: S3RVER_CREDENTIALS,
      fetch: globalThis.fetch,
    });
    const data = new Uint8Array(2 * 1024 * 1024).map((_, i) => (i * 7) & 0xff);
    await viaFetch.putObject({ Bucket, Key: "fetch.bin", Body: new Blob([data]) });
    const got = await viaFetch.getObject({ Bucket, Key: "fetch.bin" });
    expect(Buffer.from(await (got.Body as Body).transformToByteArray()).equals(Buffer.from(data))).toBe(true);
    await expect(viaFetch.headObject({ Bucket, Key: "missing" })).rejects.toBeInstanceOf(g.NotFound);
  });

  it("lists every key in order with paginateListObjectsV2 and a small page size", async () => {
    const keys = Array.from({ length: 7 }, (_, i) => `page/key-${String(i).padStart(2, "0")}`);
    for (const Key of keys) await client.putObject({ Bucket, Key, Body: Key });
    const pages: string[][] = [];
    for await (const page of g.paginateListObjectsV2({ client, pageSize: 3 }, { Bucket, Prefix: "page/" })) {
      pages.push((page.Contents ?? []).map((c) => c.Key ?? ""));
    }
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(keys);
  });

  it("heads a missing object: a typed NotFound from a bodiless 404", async () => {
    const error = await client.headObject({ Bucket, Key: "no-such-key" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(g.NotFound);
    expect((error as { $metadata: { httpStatusCode?: number } }).$metadata.httpStatusCode).toBe(404);
  });

  it("copies an object, deletes it, and waits for one to exist", async () => {
    await client.putObject({ Bucket, Key: "original.txt", Body: "copy me" });
    const copied = await client.copyObject({ Bucket, Key: "copy.txt", CopySource: `${Bucket}/original.txt` });
    expect(copied.CopyObjectResult?.ETag).toBeTruthy();
    expect(await (await client.getObject({ Bucket, Key: "copy.txt" })).Body?.transformToString()).toBe("copy me");
    await client.deleteObject({ Bucket, Key: "copy.txt" });
    await expect(client.headObject({ Bucket, Key: "copy.txt" })).rejects.toBeInstanceOf(g.NotFound);
    const waited = await g.waitUntilObjectExists(
      { client, maxWaitTime: 10, minDelay: 0.05, maxDelay: 0.1 },
      { Bucket, Key: "original.txt" },
    );
    expect(waited.state).toBe("SUCCESS");
  });

  it("refuses keys that would change the path before sending", async () => {
    for (const Key of ["", "../escape", "a/../b", "a//b"]) {
      await expect(client.getObject({ Bucket, Key })).rejects.toBeInstanceOf(g.RequestValidationError);
    }
  });

  it("signed every request above as S3 verifies it: the path as sent, not encoded twice", () => {
    expect(checked.length).toBeGreaterThan(20);
    expect(checked.some((c) => c.includes("%20") && c.includes("%C3%AF"))).toBe(true);
    expect(mismatched).toEqual([]);
  });
});
