/**
 * The IR: everything the templates print, decided. Templates loop over these lists and test
 * these flags; every name, type expression, doc line and serialization expression is here.
 */
import type { ValidationMode } from "../config/index.js";
import type { ValidatorsIR } from "./validation/index.js";

/** A TSDoc block: lines of text (empty string = blank line). */
export type Doc = string[];

/** One property of a generated interface. */
export interface PropertyIR {
  /** Key as written in the interface (quoted when not an identifier). */
  key: string;
  /** The Smithy member name. */
  memberName: string;
  optional: boolean;
  type: string;
  doc: Doc;
}

/** A generated interface (structure). */
export interface InterfaceIR {
  kind: "interface";
  name: string;
  shapeId: string;
  doc: Doc;
  properties: PropertyIR[];
}

/** A generated open enum: a union of literals plus a const object of the known values. */
export interface EnumIR {
  kind: "enum";
  name: string;
  shapeId: string;
  doc: Doc;
  /** `"A" | "B" | (string & {})` or the number equivalent. */
  typeExpression: string;
  values: Array<{ key: string; literal: string; doc: Doc }>;
}

/** A generated discriminated union (Smithy union): one variant per member plus `$unknown`. */
export interface UnionIR {
  kind: "union";
  name: string;
  shapeId: string;
  doc: Doc;
  /** Each variant with the other variants' keys (typed `?: never` so the union discriminates). */
  variants: Array<{ name: string; type: string; doc: Doc; others: string[] }>;
}

export type TypeDeclIR = InterfaceIR | EnumIR | UnionIR;

/** One field of a generated error class (members other than `message`). */
export interface ErrorFieldIR {
  key: string;
  memberName: string;
  type: string;
  optional: boolean;
  doc: Doc;
  /** Expression reading the field from the parsed error body `b`. */
  read: string;
}

/** A modeled error: a class in errors.ts. */
export interface ErrorIR {
  name: string;
  /** The error code on the wire (the shape name). */
  code: string;
  shapeId: string;
  fault: "client" | "server";
  httpStatus?: number;
  retryable?: { throttling: boolean };
  doc: Doc;
  fields: ErrorFieldIR[];
}

/** A serializer or deserializer function for one structure or union. */
export interface SerdeFunctionIR {
  name: string;
  /** The TS type of the value (serializers) or produced value (deserializers). */
  type: string;
  kind: "structure" | "union";
  /** structure: one entry per member, in model order. union: one per variant. */
  fields: Array<{ key: string; memberName: string; expression: string; access: string }>;
}

/** One operation of the client. */
export interface OperationIR {
  /** Operation shape name (X-Amz-Target suffix). */
  name: string;
  /** Client method name. */
  method: string;
  /** Const holding the operation descriptor. */
  descriptorName: string;
  inputType: string;
  outputType: string;
  /** Serializer function name, or undefined when there is no input ("{}" is sent). */
  serializer?: string;
  deserializer?: string;
  /** Validator function name, or undefined when there is no input. */
  validator?: string;
  errors: string[];
  doc: Doc;
  deprecated?: string;
  /** `@endpoint(hostPrefix)`, with `{label}`s filled from input members at run time. */
  hostPrefix?: string;
  /** `@requestCompression` with gzip: the body is gzipped (above the client's threshold). */
  requestCompression: boolean;
}

/** The service, as the runtime needs it. */
export interface ServiceIR {
  shapeId: string;
  shapeName: string;
  protocol: "awsJson1_0" | "awsJson1_1" | string;
  signingName: string;
  endpointPrefix: string;
  sdkId: string;
  version: string;
  doc: Doc;
  title?: string;
  /** `@awsQueryCompatible`: errors may carry an awsQuery code in `x-amzn-query-error`. */
  queryCompatible: boolean;
  /** The model's `smithy.rules#endpointRuleSet` as JSON text, when it has one (printed into endpoint-rules.ts). */
  endpointRuleSet?: string;
}

/** A whole generated client folder. */
export interface ClientIR {
  folder: string;
  /** The header comment's text. */
  header: string;
  /** The `// Source:` model paths, relative to the config file. */
  sources: string[];
  service: ServiceIR;
  clientName: string;
  configName: string;
  baseExceptionName: string;
  /** True when the runtime speaks the service's protocol; otherwise only types and validators. */
  clientSupported: boolean;
  /** Said in the output and on stderr when the client is left out. */
  clientNote?: string;
  /** Operations the client has no method for (streaming), each with the note said about it. */
  leftOutOperations: Array<{ name: string; note: string }>;
  defaultValidation: ValidationMode;
  types: TypeDeclIR[];
  /** True when some type uses DocumentValue. */
  usesDocument: boolean;
  errors: ErrorIR[];
  operations: OperationIR[];
  serializers: SerdeFunctionIR[];
  deserializers: SerdeFunctionIR[];
  /** Serde helpers (from runtime/serde.ts) the serde module uses. */
  serdeImports: string[];
  /** Types the serde module imports from types.ts. */
  serdeTypeImports: string[];
  /** Types client.ts imports from types.ts. */
  clientTypeImports: string[];
  /** Serde functions client.ts imports from serde.ts. */
  clientSerdeImports: string[];
  /** Validator functions client.ts imports from validators.ts. */
  clientValidatorImports: string[];
  /** True when validators.ts is generated. */
  hasValidators: boolean;
  /** What validators.ts holds (see lower/validation). */
  validators?: ValidatorsIR;
  /** Types errors.ts imports from types.ts. */
  errorTypeImports: string[];
  /** Error classes types.ts imports from errors.ts (members whose target is an error structure). */
  typesErrorImports: string[];
  /** Generated `de_*` functions errors.ts imports from serde.ts. */
  errorSerdeImports: string[];
  /** Runtime serde helpers errors.ts imports from runtime/serde.ts. */
  errorRuntimeImports: string[];
  /** The generated package.json text. */
  packageJson: string;
  /** The generated tsconfig.json text: how a vendoring project compiles the folder on its own. */
  tsconfigJson: string;
  /** Map from shape id to the TS name declared for it (types and errors). */
  names: Record<string, string>;
}
