/**
 * Micro-benchmark: CPU per SigV4 signature of one awsJson request, aws4fetch vs
 * @smithy/signature-v4 (with a node:crypto hash and with a WebCrypto hash).
 * Run: npx tsx bench/client/signers.ts
 */
import { createHash, createHmac } from "node:crypto";
import { AwsV4Signer } from "aws4fetch";
import { SignatureV4 } from "@smithy/signature-v4";
import { RequestSigner } from "../../generator/runtime/signer.js";
import { NodeSha256 as RuntimeNodeSha256 } from "../../generator/runtime/hash-node.js";
import type { HttpRequest } from "../../generator/runtime/transport.js";

const body = JSON.stringify({ eventId: "e-1", eventTypeName: "registration", eventTimestamp: "2024-01-01T00:00:00Z", entities: [{ entityType: "customer", entityId: "c-1" }], eventVariables: { email: "a@example.com", ip: "1.2.3.4" } });
const creds = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const baseHeaders = { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSHawksNestServiceFacade.SendEvent" };

type Bytes = Uint8Array;
const enc = new TextEncoder();
function toBytes(d: string | ArrayBuffer | ArrayBufferView): Bytes {
  if (typeof d === "string") return enc.encode(d);
  if (ArrayBuffer.isView(d)) return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
  return new Uint8Array(d);
}
class NodeSha256 {
  private h: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  constructor(private secret?: string | ArrayBuffer | ArrayBufferView) { this.h = secret === undefined ? createHash("sha256") : createHmac("sha256", toBytes(secret)); }
  update(d: Bytes) { this.h.update(d); }
  async digest(): Promise<Bytes> { return this.h.digest(); }
  reset() { this.h = this.secret === undefined ? createHash("sha256") : createHmac("sha256", toBytes(this.secret)); }
}
class WebSha256 {
  private parts: Bytes[] = [];
  constructor(private secret?: string | ArrayBuffer | ArrayBufferView) {}
  update(d: Bytes) { this.parts.push(d); }
  async digest(): Promise<Bytes> {
    const data = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
    if (this.secret === undefined) return new Uint8Array(await crypto.subtle.digest("SHA-256", data));
    const key = await crypto.subtle.importKey("raw", toBytes(this.secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    return new Uint8Array(await crypto.subtle.sign("HMAC", key, data));
  }
  reset() { this.parts = []; }
}

const cache = new Map();
async function signAws4fetch(): Promise<string> {
  const bodyHash = Buffer.from(await crypto.subtle.digest("SHA-256", enc.encode(body))).toString("hex");
  const s = new AwsV4Signer({ url: "https://frauddetector.us-east-1.amazonaws.com/", method: "POST", headers: { ...baseHeaders, "x-amz-content-sha256": bodyHash }, body, ...creds, service: "frauddetector", region: "us-east-1", cache, allHeaders: true });
  const r = await s.sign();
  return r.headers.get("authorization") ?? "";
}
const smithyNode = new SignatureV4({ credentials: creds, region: "us-east-1", service: "frauddetector", sha256: NodeSha256 });
const smithyWeb = new SignatureV4({ credentials: creds, region: "us-east-1", service: "frauddetector", sha256: WebSha256 });
function smithyReq() {
  return { method: "POST", protocol: "https:", hostname: "frauddetector.us-east-1.amazonaws.com", path: "/", query: {}, headers: { ...baseHeaders, host: "frauddetector.us-east-1.amazonaws.com" }, body };
}
async function signSmithyNode(): Promise<string> { const r = await smithyNode.sign(smithyReq() as never); return (r as { headers: Record<string, string> }).headers.authorization; }
async function signSmithyWeb(): Promise<string> { const r = await smithyWeb.sign(smithyReq() as never); return (r as { headers: Record<string, string> }).headers.authorization; }

const ours = new RequestSigner({ region: "us-east-1", service: "frauddetector", sha256: RuntimeNodeSha256 });
async function signOurs(): Promise<string> {
  const request: HttpRequest = { method: "POST", url: "https://frauddetector.us-east-1.amazonaws.com/", protocol: "https:", hostname: "frauddetector.us-east-1.amazonaws.com", port: undefined, path: "/", headers: { ...baseHeaders, host: "frauddetector.us-east-1.amazonaws.com" }, body };
  await ours.sign(request, creds, new Date());
  return request.headers.authorization ?? "";
}

async function measure(name: string, fn: () => Promise<string>, n: number): Promise<void> {
  for (let i = 0; i < 2000; i++) await fn();
  const c0 = process.cpuUsage(); const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  const t = Number(process.hrtime.bigint() - t0) / 1e3 / n; const c = process.cpuUsage(c0);
  console.log(`${name.padEnd(28)} cpu ${((c.user + c.system) / n).toFixed(1)} µs/sign  wall ${t.toFixed(1)} µs/sign`);
}
const N = Number(process.argv[2] ?? 20000);
for (let round = 0; round < 2; round++) {
  await measure("aws4fetch (WebCrypto)", signAws4fetch, N);
  await measure("@smithy/signature-v4 node", signSmithyNode, N);
  await measure("@smithy/signature-v4 web", signSmithyWeb, N);
  await measure("runtime RequestSigner (node)", signOurs, N);
}
