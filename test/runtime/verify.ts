/**
 * Independent re-signing of a captured request, the way a server checks a signature: take the
 * signed header names from Authorization, re-sign those headers and the body at the same
 * x-amz-date with another implementation, and compare.
 */
import { createHash, createHmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import { AwsV4Signer } from "aws4fetch";
import type { CapturedRequest } from "./server.js";

export interface TestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** `SignedHeaders=a;b;c` of an Authorization header. */
export function signedHeaderNames(authorization: string): string[] {
  const match = /SignedHeaders=([^,]+)/.exec(authorization);
  if (!match?.[1]) throw new Error("no SignedHeaders in Authorization");
  return match[1].split(";");
}

function header(request: CapturedRequest, name: string): string {
  const value = request.headers[name];
  if (typeof value !== "string") throw new Error(`missing header ${name}`);
  return value;
}

function signedHeaders(request: CapturedRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of signedHeaderNames(header(request, "authorization"))) out[name] = header(request, name);
  return out;
}

/** Authorization as aws4fetch (WebCrypto, independent code) computes it for the captured request. */
export async function authorizationByAws4fetch(
  request: CapturedRequest,
  origin: string,
  creds: TestCredentials,
  region: string,
  service: string,
): Promise<string> {
  const headers = signedHeaders(request);
  delete headers.host; // aws4fetch derives it from the URL
  const signer = new AwsV4Signer({
    url: origin + request.url,
    method: request.method,
    headers,
    body: request.body,
    accessKeyId: creds.accessKeyId,
    secretAccessKey: creds.secretAccessKey,
    ...(creds.sessionToken ? { sessionToken: creds.sessionToken } : {}),
    service,
    region,
    datetime: header(request, "x-amz-date"),
    allHeaders: true,
  });
  const signed = await signer.sign();
  return signed.headers.get("authorization") ?? "";
}

/** SHA-256 / HMAC-SHA256 over node:crypto in the interface the AWS SDK's signer takes (`sha256`). */
export class TestSha256 {
  readonly #h: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    if (secret === undefined) this.#h = createHash("sha256");
    else if (typeof secret === "string") this.#h = createHmac("sha256", secret);
    else
      this.#h = createHmac(
        "sha256",
        ArrayBuffer.isView(secret)
          ? new Uint8Array(secret.buffer, secret.byteOffset, secret.byteLength)
          : new Uint8Array(secret),
      );
  }
  update(data: Uint8Array): void {
    this.#h.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return this.#h.digest();
  }
  reset(): void {}
}

/** Authorization as the library's full `SignatureV4.sign()` computes it for the captured request. */
export async function authorizationBySmithy(
  request: CapturedRequest,
  origin: string,
  creds: TestCredentials,
  region: string,
  service: string,
): Promise<string> {
  const url = new URL(origin + request.url);
  const signer = new SignatureV4({ credentials: creds, region, service, sha256: TestSha256 });
  const d = header(request, "x-amz-date");
  const signingDate = new Date(
    `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(9, 11)}:${d.slice(11, 13)}:${d.slice(13, 15)}Z`,
  );
  const headers = signedHeaders(request);
  delete headers["x-amz-date"];
  delete headers["x-amz-security-token"];
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: {},
      headers,
      body: request.body,
    },
    { signingDate },
  );
  return String(signed.headers.authorization);
}
