/**
 * Symbols of the runtime shipped in every client folder (generator/runtime/, copied to
 * `runtime/`). Value names are checked against the runtime modules' exports by the compiler
 * (`keyof typeof`), so a misspelt or removed helper is a compile error here, not a broken import
 * in generated code. Type names are listed with a compile-time use of each for the same reason.
 */
import type * as awsJsonModule from "../runtime/protocols/aws-json.js";
import type * as queryCompatibleModule from "../runtime/protocols/query-compatible.js";
import type * as queryModule from "../runtime/protocols/query.js";
import type * as restXmlModule from "../runtime/protocols/rest-xml.js";
import type * as xmlSchemaModule from "../runtime/protocols/xml/schema.js";
import type * as httpBindingsModule from "../runtime/protocols/http-bindings.js";
import type * as protocolModule from "../runtime/protocols/protocol.js";
import type * as restJsonModule from "../runtime/protocols/rest-json.js";
import type * as cborModule from "../runtime/protocols/cbor.js";
import type * as rpcv2CborModule from "../runtime/protocols/rpcv2-cbor.js";
import type * as authModule from "../runtime/auth.js";
import type * as clientModule from "../runtime/client.js";
import type * as errorsModule from "../runtime/errors.js";
import type * as evaluateModule from "../runtime/rules/evaluate.js";
import type * as callEndpointsModule from "../runtime/rules/call-endpoints.js";
import type * as checksumModule from "../runtime/features/checksum.js";
import type * as contentMd5Module from "../runtime/features/content-md5.js";
import type * as hostPrefixModule from "../runtime/features/host-prefix.js";
import type * as requestCompressionModule from "../runtime/features/request-compression.js";
import type * as locationConstraintModule from "../runtime/features/s3-location-constraint.js";
import type * as jmespathModule from "../runtime/jmespath.js";
import type * as paginateModule from "../runtime/paginate.js";
import type * as waiterModule from "../runtime/waiter.js";
import type * as serdeModule from "../runtime/serde.js";
import type * as streamingModule from "../runtime/streaming.js";
import type * as transportModule from "../runtime/transport.js";
import type * as validateModule from "../runtime/validate.js";
import { symbol, type CodeSymbol } from "./symbol.js";

type ValueName<M> = keyof M & string;

/** Type-only exports the generated code names, per runtime module. */
type ClientTypes =
  | "ClientConfig"
  | "ErrorTable"
  | "InvokeOptions"
  | "OperationDescriptor"
  | "ServiceDescriptor"
  | "ValidationMode"
  | "BearerAuthConfig"
  | "ApiKeyAuthConfig"
  | "BasicAuthConfig";
type ErrorsTypes = "ErrorInit" | "ResponseMetadata" | "ValidationIssue";
type SerdeTypes = "DocumentValue";
type ValidateTypes = "Requirement" | "ValidationIssue" | "ValidationConstraint";
type PaginateTypes = "PaginationConfiguration";
type WaiterTypes = "WaiterConfiguration" | "WaiterResult";
type TransportTypes = "HttpResponse";
type StreamingTypes = "StreamingBlobInput";
type XmlSchemaTypes = "StructureSchema";
type ProtocolTypes = "SerializedRequest" | "QueryPairs";

// Each listed type name must exist in its module (a compile error otherwise).
export type RuntimeTypesExist = [
  clientModule.ClientConfig,
  clientModule.ErrorTable,
  clientModule.InvokeOptions,
  clientModule.OperationDescriptor<unknown, unknown>,
  clientModule.ServiceDescriptor,
  clientModule.ValidationMode,
  clientModule.BearerAuthConfig,
  clientModule.ApiKeyAuthConfig,
  clientModule.BasicAuthConfig,
  errorsModule.ErrorInit,
  errorsModule.ResponseMetadata,
  errorsModule.ValidationIssue,
  serdeModule.DocumentValue,
  validateModule.Requirement,
  validateModule.ValidationIssue,
  validateModule.ValidationConstraint,
  paginateModule.PaginationConfiguration<unknown>,
  waiterModule.WaiterConfiguration<unknown>,
  waiterModule.WaiterResult,
  transportModule.HttpResponse,
  streamingModule.StreamingBlobInput,
  xmlSchemaModule.StructureSchema,
  protocolModule.SerializedRequest,
  protocolModule.QueryPairs,
];

const at =
  <Name extends string>(module: string) =>
  (name: Name): CodeSymbol =>
    symbol(name, module);

/** `runtime.serde("deString")`: the symbol of a runtime export. */
export const runtime = {
  client: at<ValueName<typeof clientModule> | ClientTypes>("runtime/client"),
  /** HTTP auth schemes (auth.ts): the descriptor of a service with any names `HttpAuth`. */
  auth: at<ValueName<typeof authModule>>("runtime/auth"),
  errors: at<ValueName<typeof errorsModule> | ErrorsTypes>("runtime/errors"),
  evaluate: at<ValueName<typeof evaluateModule>>("runtime/rules/evaluate"),
  callEndpoints: at<ValueName<typeof callEndpointsModule>>("runtime/rules/call-endpoints"),
  serde: at<ValueName<typeof serdeModule> | SerdeTypes>("runtime/serde"),
  validate: at<ValueName<typeof validateModule> | ValidateTypes>("runtime/validate"),
  jmespath: at<ValueName<typeof jmespathModule>>("runtime/jmespath"),
  paginate: at<ValueName<typeof paginateModule> | PaginateTypes>("runtime/paginate"),
  waiter: at<ValueName<typeof waiterModule> | WaiterTypes>("runtime/waiter"),
  transport: at<ValueName<typeof transportModule> | TransportTypes>("runtime/transport"),
  /** `@streaming` blobs: input kinds, the read-once output, the request body (streaming.ts). */
  streaming: at<ValueName<typeof streamingModule> | StreamingTypes>("runtime/streaming"),
  /** protocols/: one entry per protocol module (generator/lower/protocols/ uses them). */
  protocol: at<ProtocolTypes>("runtime/protocols/protocol"),
  awsJson: at<ValueName<typeof awsJsonModule>>("runtime/protocols/aws-json"),
  restXml: at<ValueName<typeof restXmlModule>>("runtime/protocols/rest-xml"),
  query: at<ValueName<typeof queryModule>>("runtime/protocols/query"),
  xmlSchema: at<ValueName<typeof xmlSchemaModule> | XmlSchemaTypes>("runtime/protocols/xml/schema"),
  restJson: at<ValueName<typeof restJsonModule>>("runtime/protocols/rest-json"),
  httpBindings: at<ValueName<typeof httpBindingsModule>>("runtime/protocols/http-bindings"),
  rpcv2Cbor: at<ValueName<typeof rpcv2CborModule>>("runtime/protocols/rpcv2-cbor"),
  /** awsQueryCompatible's header reader, which a service with the trait passes to its protocol. */
  queryCompatible: at<ValueName<typeof queryCompatibleModule>>("runtime/protocols/query-compatible"),
  /** The CBOR codec setup and readers of rpcv2Cbor's (de)serializers. */
  cbor: at<ValueName<typeof cborModule>>("runtime/protocols/cbor"),
  /** features/: shipped only in folders whose operations use them (lower/checksums.ts, lower/operations.ts). */
  checksum: at<ValueName<typeof checksumModule>>("runtime/features/checksum"),
  contentMd5: at<ValueName<typeof contentMd5Module>>("runtime/features/content-md5"),
  s3LocationConstraint: at<ValueName<typeof locationConstraintModule>>("runtime/features/s3-location-constraint"),
  hostPrefix: at<ValueName<typeof hostPrefixModule>>("runtime/features/host-prefix"),
  requestCompression: at<ValueName<typeof requestCompressionModule>>("runtime/features/request-compression"),
};

/** Every name the runtime exports that a client's index.ts re-exports (claimed in the export scope). */
export const RUNTIME_REEXPORTS = {
  errors: [
    "ServiceException",
    "RequestValidationError",
    "NetworkError",
    "TimeoutError",
    "AbortError",
    "CredentialsError",
    "ClientConfigError",
  ] as Array<ValueName<typeof errorsModule>>,
  errorTypes: ["ResponseMetadata"] as ErrorsTypes[],
  clientTypes: ["InvokeOptions", "ValidationMode"] as ClientTypes[],
  validateTypes: ["ValidationConstraint", "ValidationIssue"] as ValidateTypes[],
  /** Re-exported by clients that have paginators. */
  paginate: ["PaginationLoopError"] as Array<ValueName<typeof paginateModule>>,
  paginateTypes: ["PaginationConfiguration"] as PaginateTypes[],
  /** Re-exported by clients that have waiters. */
  waiter: ["WaiterState", "WaiterFailureError", "WaiterTimeoutError", "WaiterConfigurationError"] as Array<
    ValueName<typeof waiterModule>
  >,
  waiterTypes: ["WaiterConfiguration", "WaiterResult"] as WaiterTypes[],
  /** Re-exported by clients with a `@streaming` blob operation. */
  streaming: ["StreamingBlobOutput", "StreamConsumedError"] as Array<ValueName<typeof streamingModule>>,
  streamingTypes: ["StreamingBlobInput"] as StreamingTypes[],
};
