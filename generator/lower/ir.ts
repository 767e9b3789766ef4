/**
 * The IR: everything the templates print, decided. Templates loop over these lists and test
 * these flags; every name, type expression, doc line and code fragment is here. Fragments are
 * `Code`: text plus references to symbols, from which each printed file writes its own imports.
 *
 * Every optional fact is a key present with `undefined` (never a missing key), so that templates,
 * compiled in strict mode, can tell a misspelt field from an absent value.
 */
import type { XmlSchemaDeclIR } from "./xml-schemas.js";
import type { Code, CodeSymbol } from "../code/index.js";
import type { ValidationMode } from "../config/index.js";
import type { ClientModule } from "./client-names.js";
import type { ValidatorsIR } from "./validation/index.js";

/** A TSDoc block: lines of text (empty string = blank line). */
export type Doc = string[];

/** One property of a generated interface. */
export interface PropertyIR {
  /** Key as written in the interface (quoted when not an identifier). */
  key: string;
  optional: boolean;
  type: Code;
  doc: Doc;
}

/** A generated interface (structure). */
export interface InterfaceIR {
  kind: "interface";
  name: string;
  doc: Doc;
  properties: PropertyIR[];
  /**
   * No members: declared as `Record<string, never>` rather than an empty interface, which means
   * "any non-nullish value" (typescript-eslint's `no-empty-object-type` flags it).
   */
  empty: boolean;
}

/** A generated open enum: a union of literals plus a const object of the known values. */
export interface EnumIR {
  kind: "enum";
  name: string;
  doc: Doc;
  /** `"A" | "B" | (string & {})` or the number equivalent. */
  typeExpression: string;
  values: Array<{ key: string; literal: string; doc: Doc }>;
}

/** A generated discriminated union (Smithy union): one variant per member plus `$unknown`. */
export interface UnionIR {
  kind: "union";
  name: string;
  doc: Doc;
  /** Each variant with the other variants' keys (typed `?: never` so the union discriminates). */
  variants: Array<{ key: string; type: Code; doc: Doc; others: string[] }>;
  /** Every variant's key, for the `$unknown` variant's `?: never` list. */
  keys: string[];
}

/** A declaration of types.ts, tagged so templates can branch on it. */
export interface TypeDeclIR {
  interface: InterfaceIR | undefined;
  enum: EnumIR | undefined;
  union: UnionIR | undefined;
}

/** One field of a generated error class (members other than `message`). */
export interface ErrorFieldIR {
  /** The class property (renamed when the class already has a member of that name). */
  key: string;
  /** The member name, quoted, as the constructor's `fields` object takes it. */
  memberKey: string;
  type: Code;
  optional: boolean;
  doc: Doc;
  /** Expression reading the field from the constructor's `fields`. */
  read: Code;
}

/** A modeled error: a class in errors.ts. */
export interface ErrorIR {
  name: string;
  /** The error code on the wire (the shape name). */
  wireCode: string;
  fault: "client" | "server";
  /** `@retryable`: printed as the class's `$retryable`. */
  retryable: { throttling: boolean } | undefined;
  doc: Doc;
  fields: ErrorFieldIR[];
  /** The constructor's parameters: `init`, then the members (`fields`) when it has any. */
  constructorInput: Code;
  /** The constructor's `super` argument: `modeledErrorInit(init, name, fault)` of runtime/errors.ts. */
  superInit: Code;
}

/**
 * A generated error deserializer of serde.ts (the protocol's `errorDeserializer`): builds the
 * error class from `init`, the protocol's parsed error body and the response.
 */
export interface ErrorDeserializerIR {
  name: string;
  /** The function's symbol (the error table names it). */
  symbol: CodeSymbol;
  doc: string;
  /** `init: ErrorInit`, then `body` and `response` when it reads them. */
  params: Code;
  /** The error class (a value). */
  errorClass: Code;
  /** A statement before the return (e.g. `const b = deObject(body);`), or undefined. */
  prelude: Code | undefined;
  /** The class's `fields` argument: quoted member name and expression. */
  fields: Array<{ key: string; expression: Code }>;
}

/**
 * A function a protocol generator writes into serde.ts whole (a REST operation's request
 * serializer or response deserializer): statements planned in lower, printed one per line.
 */
export interface ProtocolFunctionIR {
  name: string;
  doc: string;
  params: Code;
  returnType: Code;
  lines: Code[];
}

/** A serializer or deserializer function of serde.ts. */
export interface SerdeFunctionIR {
  name: string;
  /** The TS type of the value (serializers) or produced value (deserializers). */
  type: Code;
  doc: string;
  /** Structures: one `key: expression` entry per member. */
  structure: Array<{ key: string; expression: Code }> | undefined;
  /** Serializers whose members pass some value through as given: the helper that drops null ones. */
  dropsNulls: Code | undefined;
  /** Unions (serializers): one `if (test) return { key: expression }` per variant. */
  unionSerializer: Array<{ test: Code; key: string; expression: Code }> | undefined;
  /** Unions (deserializers): the variant readers table passed to the runtime's `deUnion`. */
  unionDeserializer: Array<{ key: string; expression: Code }> | undefined;
  /** Unions whose JSON keys differ from member names (`@jsonName`): `{ jsonKey: "member" }` for `deUnion`. */
  unionNames: Code | undefined;
  /** The body of a deserializer reads `b` (`const b = deObject(v)`). */
  readsBody: Code | undefined;
}

/** One operation of the client. */
export interface OperationIR {
  /** Operation shape name (X-Amz-Target suffix). */
  name: string;
  /** Client method name. */
  method: string;
  /** The exported function of operations.ts that sends it over a core client (`getItem(core, input)`), and a reference to it. */
  functionName: string;
  call: Code;
  /** Const holding the operation descriptor. */
  descriptor: string;
  inputType: Code;
  outputType: Code;
  /** The descriptor's `serialize`, `deserialize` and (when the operation has input) `validate` entries. */
  serialize: Code;
  deserialize: Code;
  validate: Code | undefined;
  /** `= {}` default for an operation without input. */
  inputOptional: boolean;
  doc: Doc;
  /**
   * The descriptor's `hostPrefix` function: `@endpoint(hostPrefix)`, with `{label}`s filled from
   * input members at run time (runtime/features/host-prefix.ts).
   */
  hostPrefix: Code | undefined;
  /**
   * The descriptor's `requestCompression`: `@requestCompression` with gzip, the body gzipped above
   * the client's threshold (runtime/features/request-compression.ts).
   */
  requestCompression: Code | undefined;
  /**
   * The output has a `@streaming` blob payload: the descriptor's `streamingOutput`, runtime
   * streaming.ts `readWhole` (an error response's streamed body read whole).
   */
  streamingOutput: Code | undefined;
  /** The operation's `auth` literal, where it differs from the service descriptor's default list. */
  auth?: Code | undefined;
  /** The descriptor's `requestChecksum` function (lower/checksums.ts), when the operation sends a checksum. */
  requestChecksum: Code | undefined;
  /** The descriptor's `endpointContext` function text (lower/endpoint-context.ts), when the operation sets rule parameters. */
  endpointContext: string | undefined;
  /** The descriptor's `prepareInput` (S3's CreateBucket: lower/s3.ts), when the SDK fills input for it. */
  prepareInput: Code | undefined;
  /** A 2xx response may hold an error (S3's CopyObject...: lower/s3.ts). */
  errorsIn2xx: boolean;
  /** The operation's error table (lower/error-tables.ts), undefined without a client. */
  errorTable?: Code | undefined;
}

/** One error table of operations.ts, shared by the operations that return the same errors. */
export interface ErrorTableIR {
  name: string;
  /** Its doc comment: the operations that use it. */
  doc: Doc;
  /** `"WireCode": deError_Class` entries. */
  entries: Code[];
  /** `status: "WireCode"` for each `@httpError` status exactly one of its errors has (REST protocols); empty otherwise. */
  errorsByStatus: Array<{ status: number; wireCode: string }>;
}

/** The service, as the runtime needs it. */
export interface ServiceIR {
  shapeId: string;
  shapeName: string;
  protocol: string;
  signingName: string;
  endpointPrefix: string;
  sdkId: string;
  version: string;
  doc: Doc;
  /** `@awsQueryCompatible`: errors may carry an awsQuery code in `x-amzn-query-error`. */
  /**
   * SigV4 percent-encodes the path a second time when signing: true except for S3, for which the
   * AWS SDK sets `signingEscapePath: false` (the descriptor then says so).
   */
  signingEscapePath: boolean;
  queryCompatible: boolean;
  /** The model's `smithy.rules#endpointRuleSet` as JSON text, when it has one (printed into endpoint-rules.ts). */
  endpointRuleSet: string | undefined;
}

/** A `paginate<Operation>` function (and `paginate<Operation>Items` when the trait names items) of paginators.ts. */
export interface PaginatorIR {
  name: string;
  itemsName: string | undefined;
  /** The operation's shape name, the client method and the operation function that call it. */
  operation: string;
  method: string;
  send: Code;
  /** `PaginationConfiguration<Client>`. */
  configType: Code;
  inputType: Code;
  /** `= {}` for an operation without input. */
  inputOptional: boolean;
  outputType: Code;
  /** An element of the paged list (or `[key, value]` of a map), when the trait names items. */
  itemType: Code | undefined;
  /** The runtime's `paginate` and `paginateItems`. */
  paginate: Code;
  paginateItems: Code;
  /** JSON literals: the input token member, the output token path, the page-size member, the items path. */
  inputToken: string;
  outputToken: string;
  pageSize: string | undefined;
  items: string | undefined;
  doc: Doc;
  itemsDoc: Doc;
}

/** One acceptor of a waiter, as the runtime's `Acceptor` object literal. */
export interface AcceptorIR {
  state: "success" | "failure" | "retry";
  /** The runtime `Matcher` object literal (paths compiled to arrow functions). */
  matcher: Code;
  /** The `message` expression as an arrow function over the output, when the acceptor has one. */
  message: Code | undefined;
}

/** A `waitUntil<Waiter>` function of waiters.ts. */
export interface WaiterIR {
  name: string;
  /** The waiter's name in the model (`TableExists`). */
  waiter: string;
  operation: string;
  method: string;
  /** The operation function each poll calls (it takes the core client, which the client class extends). */
  send: Code;
  /** `WaiterConfiguration<Client>`, `WaiterResult`, the runtime's `waitUntil`. */
  configType: Code;
  resultType: Code;
  waitUntil: Code;
  inputType: Code;
  inputOptional: boolean;
  /** The model's delays (the spec's defaults filled in), in seconds. */
  minDelay: number;
  maxDelay: number;
  acceptors: AcceptorIR[];
  /** JMESPath expressions (paths and messages) compiled into the acceptors. */
  compiledPaths: number;
  doc: Doc;
}

/** One generated module: its name and the top-level names it declares (claimed before any import). */
export interface GeneratedModule {
  name: ClientModule;
  declared: string[];
}

/** What core.ts, operations.ts and client.ts declare and reference. */
export interface ClientFileIR {
  className: string;
  /** The core client class of core.ts (config, transport, signing, retries; no operations), and its doc. */
  coreName: string;
  coreDoc: Doc;
  /** The core class, as a value (client.ts extends it) and as a type (the operation functions take it). */
  coreClass: Code;
  coreType: Code;
  configName: string;
  /** The const holding the service descriptor. */
  serviceConst: string;
  /** Fragments naming runtime and generated symbols the client file uses. */
  runtimeClient: Code;
  configType: Code;
  invokeOptions: Code;
  serviceDescriptorType: Code;
  operationDescriptorType: Code;
  baseException: Code;
  /** The service descriptor's `protocol` value (the protocol generator's). */
  protocol: Code;
  /** The service descriptor's error table (the service shape's own errors): `"WireCode": deError_Class`. */
  errorTable: Code[];
  /** `status: "WireCode"` for each `@httpError` status exactly one of the service's errors has (REST protocols); empty otherwise. */
  errorsByStatus: Array<{ status: number; wireCode: string }>;
  /** operations.ts: the operations' error tables, and their runtime type. */
  errorTables: ErrorTableIR[];
  errorTableType: Code;
  /** `(region, config) => ...` from the model's endpoint rules, when it has them. */
  endpointFromRules: Code | undefined;
  /**
   * `(region, config, sdkId) => new CallEndpoints(...)`: the rules per call (runtime
   * rules/call-endpoints.ts), when an operation sets rule parameters.
   */
  callEndpoints: Code | undefined;
  /** The service descriptor's `auth` (schemes and default list), unless every operation is SigV4-signed. */
  auth: Code | undefined;
}

/** What index.ts exports. */
export interface IndexIR {
  /** `export *` lines: the generated modules re-exported whole. */
  reexportAll: string[];
  /** `export { a, type B } from "./x.js"` lines (`export type { ... }` when all are types). */
  named: Array<{ module: string; names: string[]; typeOnly: boolean }>;
}

/** The client folder's README.md (Markdown text, escaped). */
export interface ReadmeIR {
  title: string;
  summary: string;
  protocol: string;
  clientName: string;
  /** The core client class (core.ts), for the modular example. */
  coreName: string;
  clientSupported: boolean;
  clientNote: string | undefined;
  /** A method to show in the example, when the client has one, and the operation function of the same operation. */
  example: string | undefined;
  exampleFunction: string | undefined;
  operations: Array<{ method: string; summary: string; input: string; output: string; errors: string }>;
  defaultValidation: ValidationMode;
  /** The folder holds JavaScript and declarations (`emit: js`), not TypeScript sources. */
  javascript: boolean;
  /** `pkg@range pkg@range`: what a vendoring app installs. */
  install: string;
  /** The `@types/` packages of those (`@types/aws4@1.11.6`) for a TypeScript folder, `""` for none: installed as devDependencies. */
  installTypes: string;
  generatedBy: string;
  sources: string;
  /** The command that regenerates the folder. */
  command: string;
}

/** An operation the client has no method for: its name, why, and the note said about it. */
export interface LeftOutOperationIR {
  name: string;
  kind: "event stream" | "streaming blob";
  note: string;
}

/** A whole generated client folder. */
export interface ClientIR {
  folder: string;
  /** The header comment's text. */
  header: string;
  service: ServiceIR;
  /** The base exception class of errors.ts. */
  baseExceptionName: string;
  /** Runtime symbols errors.ts names. */
  serviceException: Code;
  errorInit: Code;
  /** True when the runtime speaks the service's protocol; otherwise only types and validators. */
  clientSupported: boolean;
  /** Said in the output and on stderr when the client is left out. */
  clientNote: string | undefined;
  /** Operations the client has no method for (streaming), each with the note said about it. */
  leftOutOperations: LeftOutOperationIR[];
  defaultValidation: ValidationMode;
  types: TypeDeclIR[];
  errors: ErrorIR[];
  operations: OperationIR[];
  serializers: SerdeFunctionIR[];
  deserializers: SerdeFunctionIR[];
  /** serde.ts: one per modeled error, when the client is generated. */
  errorDeserializers: ErrorDeserializerIR[];
  /** serde.ts: the schema constants of the XML protocols (lower/xml-schemas.ts). */
  xmlSchemas: XmlSchemaDeclIR[];
  /** serde.ts: whole functions of the protocol generator (REST request and response functions). */
  protocolFunctions: ProtocolFunctionIR[];
  /** The runtime files the client folder ships, relative to runtime/ (runtime-files.ts). */
  runtimeFiles: string[];
  client: ClientFileIR;
  /** paginators.ts: one per `@paginated` operation the client calls. */
  paginators: PaginatorIR[];
  /** waiters.ts: one per waiter of the operations the client calls. */
  waiters: WaiterIR[];
  /** What validators.ts holds (see lower/validation), when the closure has anything to validate. */
  validators: ValidatorsIR | undefined;
  index: IndexIR;
  /** The modules to print, in order, each with its declared names. */
  modules: GeneratedModule[];
  readme: ReadmeIR;
  /** The generated package.json text. */
  packageJson: string;
  /** The generated tsconfig.json text: how a vendoring project compiles the folder on its own. */
  tsconfigJson: string;
  /** Symbol of the TS declaration for each named shape (types and errors), by shape id. */
  symbols: Record<string, CodeSymbol>;
}
