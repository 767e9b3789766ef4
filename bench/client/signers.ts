/**
 * Micro-benchmark: CPU per SigV4 signature of one awsJson request, in this process (no network):
 *   aws4fetch                      (WebCrypto only; it cannot be given another hash)
 *   @smithy/signature-v4 sign()    with a node:crypto hash and with a WebCrypto hash
 *   runtime RequestSigner          library path and precomputed path (node:crypto)
 * All produce the same Authorization header (checked before timing).
 * Run: npx tsx bench/client/signers.ts [signaturesPerRound=20000]
 */
import { SignatureV4 } from "@smithy/signature-v4";
import { AwsV4Signer } from "aws4fetch";
import { NodeSha256, nodeSigningCrypto } from "../../generator/runtime/hash-node.js";
import { WebCryptoSha256 } from "../../generator/runtime/hash-web.js";
import { RequestSigner } from "../../generator/runtime/signer.js";
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
const baseHeaders = { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSHawksNestServiceFacade.SendEvent" };
// A fixed date keeps every variant's output comparable.
const date = new Date(Date.UTC(2024, 0, 1, 12, 0, 0));
const amzDate = "20240101T120000Z";

type Signer = () => Promise<string>;

const aws4fetchCache = new Map<string, ArrayBuffer>();
const aws4fetch: Signer = async () => {
  const bodyHash = Buffer.from(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body))).toString("hex");
  const signer = new AwsV4Signer({
    url: `https://${host}/`, method: "POST", headers: { ...baseHeaders, "x-amz-content-sha256": bodyHash }, body,
    ...creds, service: "frauddetector", region: "us-east-1", cache: aws4fetchCache, datetime: amzDate, allHeaders: true,
  });
  return (await signer.sign()).headers.get("authorization") ?? "";
};

function smithy(sha256: typeof NodeSha256 | typeof WebCryptoSha256): Signer {
  const signer = new SignatureV4({ credentials: creds, region: "us-east-1", service: "frauddetector", sha256 });
  return async () => {
    const signed = await signer.sign(
      { method: "POST", protocol: "https:", hostname: host, path: "/", query: {}, headers: { ...baseHeaders, host }, body },
      { signingDate: date },
    );
    return String(signed.headers.authorization);
  };
}

function runtime(path: "auto" | "library"): Signer {
  const signer = new RequestSigner({ region: "us-east-1", service: "frauddetector", crypto: nodeSigningCrypto, path });
  return async () => {
    const request: HttpRequest = {
      method: "POST", url: `https://${host}/`, protocol: "https:", hostname: host, port: undefined, path: "/",
      headers: { ...baseHeaders, host }, body,
    };
    const pending = signer.sign(request, creds, date);
    if (pending) await pending;
    return request.headers.authorization ?? "";
  };
}

const variants: [string, Signer][] = [
  ["aws4fetch (WebCrypto)", aws4fetch],
  ["@smithy sign(), node:crypto", smithy(NodeSha256)],
  ["@smithy sign(), WebCrypto", smithy(WebCryptoSha256)],
  ["runtime, library path", runtime("library")],
  ["runtime, precomputed", runtime("auto")],
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
  console.log(`${name.padEnd(30)} cpu ${((c.user + c.system) / n).toFixed(1).padStart(6)} µs/sign  wall ${wall.toFixed(1).padStart(6)} µs/sign`);
}

const n = Number(process.argv[2] ?? 20000);
for (let round = 0; round < 2; round++) {
  for (const [name, sign] of variants) await measure(name, sign, n);
}
