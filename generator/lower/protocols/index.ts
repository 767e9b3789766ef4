/**
 * The protocol seam of `lower`: what a protocol generator decides for a client, and the table that
 * picks one from the service's protocol trait. Everything else in `lower` (types, validators,
 * errors' classes, paginators, waiters, the client class) is the same for every protocol.
 *
 * A protocol generator plans, for one service:
 * - the service descriptor's `protocol` value (an instance of its runtime class, e.g.
 *   `new AwsJsonProtocol({ version: "1.1", ... })`);
 * - each operation descriptor's `serialize` (input -> method, path, query, headers, body) and
 *   `deserialize` (whole response -> output), usually through functions it plans into serde.ts;
 * - one error deserializer per modeled error (`(init, body, response) => new SomeError(...)`),
 *   reading the members from the body as its runtime module parsed it, and from headers or the
 *   status code where the protocol binds them;
 * - the runtime modules the client ships (generator/runtime/protocols/<file>.ts; the files they
 *   import come along, the other protocols' modules stay out: generator/runtime-files.ts).
 *
 * To add a protocol: write generator/runtime/protocols/<name>.ts (the runtime side, see the
 * comment of protocol.ts there), write generator/lower/protocols/<name>.ts implementing
 * `ProtocolGenerator`, and add it to `PROTOCOL_GENERATORS` below; its runtime module's symbols
 * go in generator/code/runtime-symbols.ts. A service whose protocol has no generator gets types
 * and validators only, with a note (`clientSupported` is false).
 */
import type { Model, Shape } from "../../assemble/model.js";
import type { Code } from "../../code/index.js";
import type { ClientNames } from "../client-names.js";
import type { ErrorDeserializerIR, ErrorIR, ProtocolFunctionIR, ServiceIR } from "../ir.js";
import type { SerdeFormat, SerdePlanner } from "../serde.js";
import type { ShapeSymbols } from "../type-expressions.js";
import type { XmlSchemaPlanner } from "../xml-schemas.js";
import { awsJson1_0, awsJson1_1 } from "./aws-json.js";
import { awsQuery, ec2Query } from "./query.js";
import { restXml } from "./rest-xml.js";
import { restJson1 } from "./rest-json.js";
import { rpcv2Cbor } from "./rpcv2-cbor.js";

/** What a protocol generator reads besides the shape it plans for. */
export interface ProtocolContext {
  model: Model;
  symbols: ShapeSymbols;
  names: ClientNames;
  /** Plans serde.ts's JSON document functions (protocols with JSON bodies use it). */
  serde: SerdePlanner;
  /** Plans serde.ts's schema constants (the XML protocols use it). */
  xml: XmlSchemaPlanner;
  /** The service shape's id. */
  serviceId: string;
  /** Whole functions the generator adds to serde.ts (REST request and response functions). */
  functions: ProtocolFunctionIR[];
}

/** The plans of one protocol. */
export interface ProtocolGenerator {
  /** The protocol trait's shape id, e.g. `aws.protocols#awsJson1_1`. */
  readonly trait: string;
  /**
   * The runtime modules generated code imports, relative to generator/runtime/ (e.g.
   * `protocols/aws-json.ts`); the runtime files they import ship with them.
   */
  readonly runtimeModules: readonly string[];
  /** JSON body keys follow `@jsonName` (restJson1); awsJson ignores the trait. */
  readonly honoursJsonName?: boolean;
  /** The wire format serde.ts's functions write and read; JSON when absent. */
  readonly serdeFormat?: SerdeFormat;
  /** An error response without a code is matched to the one modeled error with its `@httpError` status (REST protocols). */
  readonly errorsByStatus?: boolean;
  /**
   * The protocol sends and reads `@streaming` blob payloads (the REST protocols); an operation
   * with one is left out, with a note, under the others.
   */
  readonly streamingBlobs?: boolean;
  /** The service descriptor's `protocol` value. */
  protocolValue(ctx: ProtocolContext, service: Shape, ir: ServiceIR): Code;
  /** The operation descriptor's `serialize` entry (a function of the input). */
  requestSerializer(ctx: ProtocolContext, operation: Shape): Code;
  /** The operation descriptor's `deserialize` entry (a function of the response). */
  responseDeserializer(ctx: ProtocolContext, operation: Shape): Code;
  /** The deserializer of one modeled error (printed in serde.ts, named in the error table). */
  errorDeserializer(ctx: ProtocolContext, error: Shape, errorIR: ErrorIR): ErrorDeserializerIR;
  /** The code an error is sent with, when it is not the shape's name (awsQuery's `@awsQueryError`). */
  errorCode?(error: Shape): string;
}

/** Every protocol a client can be generated for, by trait id. */
const PROTOCOL_GENERATORS: readonly ProtocolGenerator[] = [
  awsJson1_0,
  awsJson1_1,
  restJson1,
  restXml,
  awsQuery,
  ec2Query,
  rpcv2Cbor,
];

/** The protocol traits anvil recognises, in the order a service's traits are looked up. */
export const KNOWN_PROTOCOLS: readonly string[] = [
  "aws.protocols#awsJson1_1",
  "aws.protocols#awsJson1_0",
  "aws.protocols#restJson1",
  "aws.protocols#restXml",
  "aws.protocols#awsQuery",
  "aws.protocols#ec2Query",
  "smithy.protocols#rpcv2Cbor",
];

/** The generator of a protocol trait, or undefined when anvil cannot generate a client for it. */
export function protocolGenerator(trait: string | undefined): ProtocolGenerator | undefined {
  return trait === undefined ? undefined : PROTOCOL_GENERATORS.find((g) => g.trait === trait);
}
