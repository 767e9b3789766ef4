/**
 * Micro-benchmark: CPU per SigV4 signature of one awsJson request, in this process (no network):
 *   aws4fetch                      (WebCrypto only; it cannot be given another hash)
 *   @smithy/signature-v4 sign()    with a node:crypto hash (the AWS SDK's signer, which the
 *                                  runtime used before aws4 and aws4fetch)
 *   runtime RequestSigner, Node    (generator/runtime/signer.ts with sigv4-node.ts: aws4, node:crypto)
 *   runtime RequestSigner, web     (signer.ts with sigv4-web.ts: aws4fetch, WebCrypto)
 *   synchronous node:crypto        a minimal straight-line SigV4 for this request shape, written
 *                                  here only as a reference point for what signing must cost
 * All produce the same Authorization header (checked before timing).
 * Run: npx tsx bench/client/signers.ts [signaturesPerRound=20000]
 */
import { createHash, createHmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import { AwsV4Signer } from "aws4fetch";
import { TestSha256 } from "../../test/runtime/verify.js";
import { RequestSigner, type SigV4Library } from "../../generator/runtime/signer.js";
import { nodeSigV4 } from "../../generator/runtime/sigv4-node.js";
import { webSigV4 } from "../../generator/runtime/sigv4-web.js";
import type { HttpRequest } from "../../generator/runtime/transport.js";

const host = "frauddetector.us-east-1.amazonaws.com";
const body = JSON.stringify({
  eventId: "e-1",
  eventTypeName: "registration",
  eventTimestamp: "2024-01-01T00:00:00Z",
  entities: [{ entityType: "customer", entityId: "c-1" }],
  eventVariables: { email: "a@example.com", ip: "1.2.3.4" },
});
const creds = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const baseHeaders = {
  "content-type": "application/x-amz-json-1.1",
  "x-amz-target": "AWSHawksNestServiceFacade.SendEvent",
};
// A fixed date keeps every variant's output comparable.
const date = new Date(Date.UTC(2024, 0, 1, 12, 0, 0));
const amzDate = "20240101T120000Z";

type Signer = () => Promise<string>;

const aws4fetchCache = new Map<string, ArrayBuffer>();
const aws4fetch: Signer = async () => {
  const bodyHash = Buffer.from(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body))).toString("hex");
  const signer = new AwsV4Signer({
    url: `https://${host}/`,
    method: "POST",
    headers: { ...baseHeaders, "x-amz-content-sha256": bodyHash },
    body,
    ...creds,
    service: "frauddetector",
    region: "us-east-1",
    cache: aws4fetchCache,
    datetime: amzDate,
    allHeaders: true,
  });
  return (await signer.sign()).headers.get("authorization") ?? "";
};

function smithy(sha256: typeof TestSha256): Signer {
  const signer = new SignatureV4({ credentials: creds, region: "us-east-1", service: "frauddetector", sha256 });
  return async () => {
    const signed = await signer.sign(
      {
        method: "POST",
        protocol: "https:",
        hostname: host,
        path: "/",
        query: {},
        headers: { ...baseHeaders, host },
        body,
      },
      { signingDate: date },
    );
    return String(signed.headers.authorization);
  };
}

function runtime(library: SigV4Library): Signer {
  const signer = new RequestSigner({ region: "us-east-1", service: "frauddetector", library });
  return async () => {
    const request: HttpRequest = {
      method: "POST",
      url: `https://${host}/`,
      protocol: "https:",
      hostname: host,
      port: undefined,
      path: "/",
      query: "",
      headers: { ...baseHeaders, host },
      body,
    };
    await signer.sign(request, creds, date);
    return request.headers.authorization ?? "";
  };
}

/** Reference only: SigV4 for exactly this request shape, synchronous, with the day's key cached. */
function straightLine(): Signer {
  let keyDay = "";
  let key: Buffer = Buffer.alloc(0);
  const names = ["content-type", "host", "x-amz-content-sha256", "x-amz-date", "x-amz-target"];
  return async () => {
    const day = amzDate.slice(0, 8);
    if (day !== keyDay) {
      let k: Buffer = createHmac("sha256", `AWS4${creds.secretAccessKey}`).update(day).digest();
      for (const part of ["us-east-1", "frauddetector", "aws4_request"])
        k = createHmac("sha256", k).update(part).digest();
      key = k;
      keyDay = day;
    }
    const payload = createHash("sha256").update(body).digest("hex");
    const headers: Record<string, string> = {
      ...baseHeaders,
      host,
      "x-amz-content-sha256": payload,
      "x-amz-date": amzDate,
    };
    let canonical = "POST\n/\n\n";
    for (const n of names) canonical += `${n}:${headers[n]}\n`;
    canonical += `\n${names.join(";")}\n${payload}`;
    const scope = `${day}/us-east-1/frauddetector/aws4_request`;
    const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${createHash("sha256").update(canonical).digest("hex")}`;
    return `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope}, SignedHeaders=${names.join(";")}, Signature=${createHmac("sha256", key).update(toSign).digest("hex")}`;
  };
}

const variants: [string, Signer][] = [
  ["aws4fetch (WebCrypto)", aws4fetch],
  ["@smithy sign(), node:crypto", smithy(TestSha256)],
  ["runtime RequestSigner, Node", runtime(nodeSigV4)],
  ["runtime RequestSigner, web", runtime(webSigV4)],
  ["synchronous node:crypto", straightLine()],
];

const reference = await variants[1]![1]();
for (const [name, sign] of variants) {
  const got = await sign();
  if (got !== reference) throw new Error(`${name} signs differently:\n${got}\n${reference}`);
}

async function measure(name: string, sign: Signer, n: number): Promise<void> {
  for (let i = 0; i < 2000; i++) await sign();
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await sign();
  const wall = Number(process.hrtime.bigint() - t0) / 1e3 / n;
  const c = process.cpuUsage(c0);
  console.log(
    `${name.padEnd(30)} cpu ${((c.user + c.system) / n).toFixed(1).padStart(6)} µs/sign  wall ${wall.toFixed(1).padStart(6)} µs/sign`,
  );
}

const n = Number(process.argv[2] ?? 20000);
for (let round = 0; round < 2; round++) {
  for (const [name, sign] of variants) await measure(name, sign, n);
}
