/**
 * Smithy's protocol tests (awsJson1_0, awsJson1_1, restJson1; `PROTOCOL_SUITES` lists them)
 * against clients anvil generates from the test models
 * (/work/shared/smithy-conformance/protocol-tests, with shared/ and the prelude/ trait
 * definitions).
 *
 * Every `smithy.test#httpRequestTests` and `httpResponseTests` case for the protocol that applies
 * to clients (appliesTo "client" or unset) runs through the generated client with a custom
 * transport, so nothing touches the network:
 * - request cases call the operation with `params` and compare the request the transport receives
 *   on method, URI, query parameters (expected, forbidden, required), headers, forbidden and
 *   required headers, body (JSON-equal when the media type is JSON, byte-equal otherwise) and host
 *   (`resolvedHost`, else `host`);
 * - response cases feed the status, headers and body to the client and compare the typed output
 *   with `params`, or, for a case on an error shape, check the thrown error's class, members,
 *   status, and the exposed code when `vendorParams` name one.
 * A case that is skipped carries its reason in SKIPS.
 *
 * Run: `npx tsx test/conformance/protocol.ts` or `npm run conformance -- protocol`.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { getShape, type Model, type Shape } from "../../generator/assemble/model.js";
import {
  isStreamBody,
  type HttpRequest,
  type HttpResponse,
  type Transport,
} from "../../generator/runtime/transport.js";
import type { StreamingBlobOutput } from "../../generator/runtime/streaming.js";
import { readAll } from "../../generator/runtime/body.js";
import { difference, formDifference, xmlDifference } from "./protocol/compare.js";
import { cborBodyDifference } from "./protocol/cbor-body.js";
import { generateProtocolClients, type GeneratedService } from "./protocol/generate.js";
import { typedValue } from "./protocol/values.js";

const here = dirname(fileURLToPath(import.meta.url));
/** The shared corpus (a sibling of the repository). */
export const PROTOCOL_CORPUS = join(here, "../../../shared/smithy-conformance");

/**
 * The suites, by protocol name: the protocol trait the cases name and the model folder under
 * protocol-tests/. A protocol anvil can generate clients for is one more row (folders, when its cases are spread).
 */
export const PROTOCOL_SUITES: Readonly<Record<string, { trait: string; folder: string | readonly string[] }>> = {
  awsJson1_0: { trait: "aws.protocols#awsJson1_0", folder: "awsJson1_0" },
  awsJson1_1: { trait: "aws.protocols#awsJson1_1", folder: "awsJson1_1" },
  restJson1: { trait: "aws.protocols#restJson1", folder: "restJson1" },
  restXml: { trait: "aws.protocols#restXml", folder: "other-protocols/restXml" },
  restXmlWithNamespace: { trait: "aws.protocols#restXml", folder: "other-protocols/restXmlWithNamespace" },
  awsQuery: { trait: "aws.protocols#awsQuery", folder: "other-protocols/awsQuery" },
  ec2Query: { trait: "aws.protocols#ec2Query", folder: "other-protocols/ec2Query" },
  // Smithy's own cases, and the AWS ones for awsQueryCompatible services.
  rpcv2Cbor: {
    trait: "smithy.protocols#rpcv2Cbor",
    folder: ["smithy-protocols/rpcv2Cbor", "smithy-protocols/shared-types.smithy", "other-protocols/rpcv2Cbor"],
  },
};
type Protocol = keyof typeof PROTOCOL_SUITES & string;

/** Media types whose bodies the cases give in base64 and the runner compares by decoded value. */
const isCbor = (mediaType: string | undefined): boolean => mediaType === "application/cbor";

/**
 * Cases anvil does not run, each with the reason. Nothing else is skipped: a case that fails is
 * reported as a failure.
 */
const S3_CUSTOMIZATION =
  "S3 bucket addressing without endpoint rules: this test model of S3 carries no smithy.rules#endpointRuleSet, and anvil places the bucket (virtual host, path style, dual-stack, accelerate) only through the rules, as the published S3 model has them (its endpointTests pass per call: test/runtime/rules/s3-operation-inputs.test.ts)";

const GLACIER_CUSTOMIZATION =
  "an SDK customization of Glacier (the `X-Amz-Glacier-Version` header, SHA-256 tree-hash checksum headers of the body, `accountId` defaulting to `-`); no Smithy trait models them, so a generated client does not do them (these cases ran once Glacier's streaming uploads got a method)";

const SKIPS: Record<string, string> = {
  S3DefaultAddressing: S3_CUSTOMIZATION,
  S3VirtualHostAddressing: S3_CUSTOMIZATION,
  S3PathAddressing: S3_CUSTOMIZATION,
  S3VirtualHostDualstackAddressing: S3_CUSTOMIZATION,
  S3VirtualHostAccelerateAddressing: S3_CUSTOMIZATION,
  S3VirtualHostDualstackAccelerateAddressing: S3_CUSTOMIZATION,
  S3OperationAddressingPreferred: S3_CUSTOMIZATION,
  S3EscapeObjectKeyInUriLabel: S3_CUSTOMIZATION,
  S3EscapePathObjectKeyInUriLabel: S3_CUSTOMIZATION,
  S3PreservesLeadingDotSegmentInUriLabel: S3_CUSTOMIZATION,
  S3PreservesEmbeddedDotSegmentInUriLabel: S3_CUSTOMIZATION,
  GlacierVersionHeader: GLACIER_CUSTOMIZATION,
  GlacierChecksums: GLACIER_CUSTOMIZATION,
  GlacierAccountId: GLACIER_CUSTOMIZATION,
  GlacierMultipartChecksums: GLACIER_CUSTOMIZATION,
  MachinelearningPredictEndpoint:
    "an SDK customization of Amazon Machine Learning (Predict's PredictEndpoint input member replaces the endpoint); no Smithy trait models it, so a generated client does not do it",
  ApiGatewayAccept:
    "an SDK customization of API Gateway (every request carries `Accept: application/json`); no Smithy trait models it, so a generated client does not send it",
};

/** Counts for one protocol (or all). */
export interface ProtocolTotals {
  passed: number;
  failed: number;
  skipped: number;
}

/** One test case found in the model. */
interface TestCase {
  kind: "request" | "response";
  id: string;
  /** The shape carrying the trait: an operation, or an error structure. */
  owner: Shape;
  test: Record<string, unknown>;
}

interface Outcome {
  id: string;
  status: "passed" | "failed" | "skipped";
  detail?: string;
}

const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };

/** Runs both protocols, prints `protocol <name>: N passed, N failed, N skipped` for each, and returns the totals. */
export async function runProtocolConformance(options: { verbose?: boolean } = {}): Promise<ProtocolTotals> {
  const total: ProtocolTotals = { passed: 0, failed: 0, skipped: 0 };
  if (!existsSync(join(PROTOCOL_CORPUS, "protocol-tests"))) {
    process.stdout.write(
      `protocol: ${PROTOCOL_CORPUS}/protocol-tests is absent; the protocol suite replays Smithy's own protocol tests, so it cannot run.\n`,
    );
    return total;
  }
  for (const protocol of Object.keys(PROTOCOL_SUITES)) {
    const outcomes = await runProtocol(protocol);
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const o of outcomes) counts[o.status]++;
    for (const o of outcomes) {
      if (o.status === "failed" || o.status === "skipped")
        process.stdout.write(`  ${o.status === "failed" ? "FAIL" : "skip"} ${protocol} ${o.id}: ${o.detail ?? ""}\n`);
    }
    process.stdout.write(
      `protocol ${protocol}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
    );
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  return total;
}

/** Every client case of one protocol folder, run. */
export async function runProtocol(protocol: Protocol): Promise<Outcome[]> {
  const suite = PROTOCOL_SUITES[protocol];
  if (suite === undefined) throw new Error(`no protocol suite named ${protocol}`);
  const generated = await generateProtocolClients(PROTOCOL_CORPUS, suite.folder, suite.trait);
  try {
    const { model } = generated;
    const outcomes: Outcome[] = [];
    for (const c of collectCases(model, suite.trait)) {
      const skip = SKIPS[c.id];
      if (skip !== undefined) {
        outcomes.push({ id: c.id, status: "skipped", detail: skip });
        continue;
      }
      const target = findOperation(generated.services, c.owner);
      if (target === undefined) {
        outcomes.push({
          id: c.id,
          status: "failed",
          detail: `no generated service has an operation for ${c.owner.id}`,
        });
        continue;
      }
      // An operation the generator leaves out (it streams) is skipped with the generator's own note.
      const leftOut = target.service.ir.leftOutOperations.find(
        (o) => `#${o.name}` === target.operation.id.slice(target.operation.id.indexOf("#")),
      );
      if (leftOut !== undefined) {
        outcomes.push({ id: c.id, status: "skipped", detail: leftOut.note });
        continue;
      }
      try {
        const detail =
          c.kind === "request"
            ? await runRequestCase(model, target.service, target.operation, c.test)
            : await runResponseCase(model, target.service, target.operation, c);
        outcomes.push(detail === undefined ? { id: c.id, status: "passed" } : { id: c.id, status: "failed", detail });
      } catch (error) {
        outcomes.push({
          id: c.id,
          status: "failed",
          detail: `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
        });
      }
    }
    return outcomes;
  } finally {
    generated.dispose();
  }
}

/** Request and response cases for the protocol trait that apply to clients, in model order. */
function collectCases(model: Model, protocolTrait: string): TestCase[] {
  const out: TestCase[] = [];
  for (const owner of model.shapes.values()) {
    for (const [trait, kind] of [
      ["smithy.test#httpRequestTests", "request"],
      ["smithy.test#httpResponseTests", "response"],
    ] as const) {
      const cases = owner.traits[trait];
      if (!Array.isArray(cases)) continue;
      for (const test of cases as Array<Record<string, unknown>>) {
        if (test.protocol !== protocolTrait) continue;
        if (test.appliesTo === "server") continue;
        out.push({ kind, id: String(test.id), owner, test });
      }
    }
  }
  return out;
}

/** The service and operation to call for a case: the operation itself, or the first operation that can return the error. */
function findOperation(
  services: GeneratedService[],
  owner: Shape,
): { service: GeneratedService; operation: Shape } | undefined {
  for (const service of services) {
    for (const operation of service.selection.operations) {
      if (
        owner.type === "operation"
          ? operation.id === owner.id
          : (operation.errors ?? []).includes(owner.id) || (service.service.errors ?? []).includes(owner.id)
      ) {
        return { service, operation };
      }
    }
  }
  return undefined;
}

/** A client of the generated service's class, with `transport` and the case's host. */
function clientFor(
  service: GeneratedService,
  transport: Transport,
  host: string | undefined,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const Client = service.client[service.ir.client.className] as new (
    config: Record<string, unknown>,
  ) => Record<string, unknown>;
  return new Client({
    region: "us-east-1",
    endpoint: `https://${host ?? "example.com"}`,
    credentials,
    transport,
    maxAttempts: 1,
    ...extra,
  });
}

function methodOf(service: GeneratedService, operation: Shape): string {
  const name = operation.id.slice(operation.id.indexOf("#") + 1);
  const op = service.ir.operations.find((o) => o.name === name);
  if (op === undefined) throw new Error(`the generated client has no method for ${operation.id}`);
  return op.method;
}

async function call(client: Record<string, unknown>, method: string, input: unknown): Promise<unknown> {
  const fn = client[method] as (input?: unknown) => Promise<unknown>;
  return input === undefined ? fn.call(client) : fn.call(client, input);
}

/** Runs a request case; returns what differs, or undefined when the request matches. */
async function runRequestCase(
  model: Model,
  service: GeneratedService,
  operation: Shape,
  test: Record<string, unknown>,
): Promise<string | undefined> {
  const sent: Array<Omit<HttpRequest, "body"> & { body: string | Uint8Array | undefined }> = [];
  const transport: Transport = {
    async handle(request) {
      // A stream body is read here, as a transport would send it, so the body compares as bytes.
      const body = isStreamBody(request.body) ? await readAll(request.body.take()) : request.body;
      sent.push({ ...request, body });
      // An empty body: every protocol reads it as an output without members (a JSON `{}` is not XML; CBOR reads no bytes as an empty map).
      return {
        statusCode: 200,
        headers: {},
        body: service.ir.service.protocol === "rpcv2Cbor" ? new Uint8Array(0) : "",
      };
    },
  };
  const client = clientFor(service, transport, stringOf(test.host));
  const hasInput = operation.input !== undefined && operation.input !== "smithy.api#Unit";
  const input = hasInput ? typedValue(model, operation.input as string, test.params ?? {}, "input") : undefined;
  // Smithy's cases expect an `@idempotencyToken` the caller leaves out to be this fixed UUID.
  const randomUUID = globalThis.crypto.randomUUID;
  globalThis.crypto.randomUUID = () => "00000000-0000-4000-8000-000000000000";
  try {
    await call(client, methodOf(service, operation), input);
  } finally {
    globalThis.crypto.randomUUID = randomUUID;
  }
  const request = sent[0];
  if (request === undefined || sent.length !== 1) return `expected one request, the transport got ${sent.length}`;
  const problems: string[] = [];
  if (request.method !== test.method) problems.push(`method: expected ${String(test.method)}, got ${request.method}`);
  const path = request.path;
  if (path !== test.uri) problems.push(`uri: expected ${String(test.uri)}, got ${path}`);
  if (!request.url.endsWith(request.query === "" ? path : `${path}?${request.query}`))
    problems.push(`url ${request.url} does not end with the path and query`);
  const sentQuery = request.query === "" ? [] : request.query.split("&");
  const sentNames = sentQuery.map((q) => decodeURIComponent(q.split("=")[0] as string));
  for (const q of strings(test.queryParams))
    if (!sentQuery.includes(q)) problems.push(`query: expected ${q} in "${request.query}"`);
  for (const q of strings(test.forbidQueryParams))
    if (sentNames.includes(q)) problems.push(`query: ${q} is forbidden but was sent`);
  for (const q of strings(test.requireQueryParams))
    if (!sentNames.includes(q)) problems.push(`query: ${q} is required but was not sent`);
  const headers = lowerKeys(request.headers);
  for (const [name, value] of Object.entries((test.headers ?? {}) as Record<string, string>)) {
    const got = headers[name.toLowerCase()];
    if (got !== value) problems.push(`header ${name}: expected ${JSON.stringify(value)}, got ${JSON.stringify(got)}`);
  }
  for (const name of (test.forbidHeaders ?? []) as string[])
    if (headers[name.toLowerCase()] !== undefined) problems.push(`header ${name} is forbidden but was sent`);
  for (const name of (test.requireHeaders ?? []) as string[])
    if (headers[name.toLowerCase()] === undefined) problems.push(`header ${name} is required but was not sent`);
  if (typeof test.body === "string") {
    const body =
      request.body === undefined
        ? ""
        : typeof request.body === "string"
          ? request.body
          : new TextDecoder().decode(request.body);
    const mediaType = stringOf(test.bodyMediaType) ?? "";
    if (/json/.test(mediaType)) {
      const d = body === "" && test.body === "" ? undefined : jsonDifference(test.body, body);
      if (d !== undefined) problems.push(`body ${d}`);
    } else if (/xml/.test(mediaType)) {
      const d = xmlDifference(test.body, body);
      if (d !== undefined) problems.push(`body ${d}`);
    } else if (mediaType === "application/x-www-form-urlencoded") {
      const d = formDifference(test.body, body);
      if (d !== undefined) problems.push(`body ${d}`);
    } else if (isCbor(mediaType)) {
      const d = cborBodyDifference(test.body, request.body);
      if (d !== undefined) problems.push(`body ${d}`);
    } else if (body !== test.body)
      problems.push(`body: expected ${JSON.stringify(test.body)}, got ${JSON.stringify(body)}`);
  }
  const expectedHost = stringOf(test.resolvedHost) ?? stringOf(test.host)?.split("/")[0];
  if (expectedHost !== undefined && headers.host !== expectedHost)
    problems.push(`host: expected ${expectedHost}, got ${headers.host}`);
  return problems.length === 0 ? undefined : problems.join("; ");
}

/** Runs a response case; returns what differs, or undefined when the output or error matches. */
async function runResponseCase(
  model: Model,
  service: GeneratedService,
  operation: Shape,
  c: TestCase,
): Promise<string | undefined> {
  const test = c.test;
  const text = stringOf(test.body) ?? "";
  const body = isCbor(stringOf(test.bodyMediaType)) ? Uint8Array.from(Buffer.from(text, "base64")) : text;
  const response: HttpResponse = {
    statusCode: Number(test.code),
    headers: lowerKeys((test.headers ?? {}) as Record<string, string>),
    body,
  };
  const transport: Transport = { handle: () => Promise.resolve(response) };
  // The input is not what this case checks, so validation is off and no member is given, but
  // the path labels (S3's Bucket), without which no request can be built.
  const client = clientFor(service, transport, undefined, { validation: "off" });
  const hasInput = operation.input !== undefined && operation.input !== "smithy.api#Unit";
  let output: unknown;
  let thrown: unknown;
  let threw = false;
  try {
    output = await call(
      client,
      methodOf(service, operation),
      hasInput ? labelsOnly(model, operation.input as string) : undefined,
    );
  } catch (error) {
    threw = true;
    thrown = error;
  }
  if (c.owner.type !== "operation") return checkError(model, service, c.owner, test, threw, thrown);
  if (threw) return `expected an output, the call threw ${describe(thrown)}`;
  const hasOutput = operation.output !== undefined && operation.output !== "smithy.api#Unit";
  const expected = hasOutput ? typedValue(model, operation.output as string, test.params ?? {}, "output") : {};
  const d = difference(expected, await withStreamsRead(output));
  return d === undefined ? undefined : `output ${d}`;
}

/** The output with each `@streaming` blob read into bytes (the cases give its content as a blob). */
async function withStreamsRead(output: unknown): Promise<unknown> {
  if (typeof output !== "object" || output === null) return output;
  const out: Record<string, unknown> = { ...(output as Record<string, unknown>) };
  for (const [key, value] of Object.entries(out)) {
    // The generated client ships its own copy of the runtime: its class is not this one.
    const stream = value as { transformToByteArray?: unknown } | null;
    if (typeof stream === "object" && stream !== null && typeof stream.transformToByteArray === "function") {
      const bytes = await (value as StreamingBlobOutput).transformToByteArray();
      // An empty stream stands for a payload the case leaves out.
      if (bytes.byteLength === 0) delete out[key];
      else out[key] = bytes;
    }
  }
  return out;
}

/** An input with only its string `@httpLabel` members, each set to `label`. */
function labelsOnly(model: Model, inputId: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of getShape(model, inputId).members) {
    if (m.traits["smithy.api#httpLabel"] !== undefined && getShape(model, m.target).type === "string")
      out[m.name] = "label";
  }
  return out;
}

/** Checks that the call threw the generated class of `errorShape` with the case's members, status and code. */
function checkError(
  model: Model,
  service: GeneratedService,
  errorShape: Shape,
  test: Record<string, unknown>,
  threw: boolean,
  thrown: unknown,
): string | undefined {
  if (!threw) return `expected ${errorShape.id} to be thrown, the call succeeded`;
  const ir = service.ir.errors.find((e) => e.name === service.ir.symbols[errorShape.id]?.name);
  if (ir === undefined) return `the generated client has no class for ${errorShape.id}`;
  const Class = service.errors[ir.name] as (abstract new (...args: never[]) => unknown) | undefined;
  if (Class === undefined || !(thrown instanceof Class)) return `expected ${ir.name}, got ${describe(thrown)}`;
  const error = thrown as unknown as Record<string, unknown> & {
    message: string;
    $metadata: { httpStatusCode?: number };
  };
  const problems: string[] = [];
  const expected = typedValue(model, errorShape.id, test.params ?? {}, "output") as Record<string, unknown>;
  for (const member of getShape(model, errorShape.id).members) {
    const want = expected[member.name];
    if (member.name.toLowerCase() === "message") {
      if ((want ?? "") !== error.message)
        problems.push(`message: expected ${JSON.stringify(want ?? "")}, got ${JSON.stringify(error.message)}`);
      continue;
    }
    const field = ir.fields.find((f) => f.memberKey === JSON.stringify(member.name));
    if (field === undefined) {
      problems.push(`member ${member.name} has no field on ${ir.name}`);
      continue;
    }
    const key = field.key.startsWith('"') ? (JSON.parse(field.key) as string) : field.key;
    const d = difference(want, error[key], key);
    if (d !== undefined) problems.push(d);
  }
  if (error.$metadata.httpStatusCode !== Number(test.code))
    problems.push(
      `$metadata.httpStatusCode: expected ${String(test.code)}, got ${String(error.$metadata.httpStatusCode)}`,
    );
  const vendor = test.vendorParams as Record<string, unknown> | undefined;
  if (
    test.vendorParamsShape === "aws.protocoltests.config#ErrorCodeParams" &&
    typeof vendor?.code === "string" &&
    error.code !== vendor.code
  ) {
    problems.push(`code: expected ${vendor.code}, got ${String(error.code)}`);
  }
  return problems.length === 0 ? undefined : problems.join("; ");
}

function jsonDifference(expectedText: string, actualText: string): string | undefined {
  let actual: unknown;
  try {
    actual = JSON.parse(actualText);
  } catch {
    return `is not JSON: ${JSON.stringify(actualText.slice(0, 80))}`;
  }
  return difference(JSON.parse(expectedText) as unknown, actual);
}

function lowerKeys<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(record)) out[k.toLowerCase()] = v;
  return out;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

function stringOf(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

function describe(v: unknown): string {
  return v instanceof Error
    ? `${v.constructor.name} ${v.name}: ${v.message.split("\n")[0]}`
    : (JSON.stringify(v) ?? String(v));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const totals = await runProtocolConformance({ verbose: process.argv.includes("--verbose") });
  process.exitCode = totals.failed > 0 ? 1 : 0;
}
