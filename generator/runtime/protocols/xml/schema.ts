/**
 * How values travel in the XML-based protocols (restXml, awsQuery, ec2Query). The generated
 * serde.ts declares one schema per structure or union a client sends or receives; xml/serde.ts
 * walks them to write and read XML, xml/query.ts to write form bodies. The XML rules (names,
 * attributes, flattening, namespaces, timestamp formats) are the same for every shape, so the
 * generated file states the facts of each shape and this runtime applies the rules once.
 */

/** `@timestampFormat` values. */
export type TimestampFormat = "date-time" | "epoch-seconds" | "http-date";

/** An `@xmlNamespace`: written as `xmlns` (or `xmlns:prefix`) on the element. */
export interface XmlNamespace {
  /** The namespace URI. */
  readonly uri: string;
  /** The prefix (`xmlns:prefix`), or none for the default namespace. */
  readonly prefix?: string;
}

/** A scalar; numbers cover every integer and float type and intEnum, strings cover enums. */
export interface ScalarSchema {
  /** Which scalar type. */
  readonly kind: "string" | "boolean" | "number" | "bigInteger" | "bigDecimal" | "blob" | "document";
}

/** A timestamp; `format` only when `@timestampFormat` says (otherwise the location's default). */
export interface TimestampSchema {
  /** Marks a timestamp. */
  readonly kind: "timestamp";
  /** The `@timestampFormat`, when the model gives one. */
  readonly format?: TimestampFormat;
}

/** A list or set: its member's schema and element name (`member` unless `@xmlName`). */
export interface ListSchema {
  /** Marks a list or set. */
  readonly kind: "list";
  /** The schema of an element. */
  readonly member: Schema;
  /** The element name of each entry (when not flattened). */
  readonly memberName: string;
  /** The entries' `@xmlNamespace`. */
  readonly memberNamespace?: XmlNamespace;
  /** `@sparse`: entries may be null. */
  readonly sparse: boolean;
}

/** A map: entries of key and value elements (`key`/`value` unless `@xmlName`). */
export interface MapSchema {
  /** Marks a map. */
  readonly kind: "map";
  /** The schema of a key. */
  readonly key: Schema;
  /** The schema of a value. */
  readonly value: Schema;
  /** The key element's name. */
  readonly keyName: string;
  /** The value element's name. */
  readonly valueName: string;
  /** The key element's `@xmlNamespace`. */
  readonly keyNamespace?: XmlNamespace;
  /** The value element's `@xmlNamespace`. */
  readonly valueNamespace?: XmlNamespace;
  /** `@sparse`: values may be null. */
  readonly sparse: boolean;
}

/** Where an HTTP-binding protocol (restXml) puts a member instead of the body. */
export type HttpBinding =
  | {
      readonly in: "header";
      readonly name: string;
      /** A `@mediaType` string: base64 in the header. */ readonly base64?: boolean;
    }
  | { readonly in: "prefixHeaders"; readonly prefix: string }
  | { readonly in: "query"; readonly name: string }
  | { readonly in: "queryParams" }
  | { readonly in: "label" }
  | {
      readonly in: "payload";
      /** A `@streaming` blob: sent and read as a stream. */ readonly streaming?: boolean;
      /** `@requiresLength`: a stream of unknown length is refused. */ readonly requiresLength?: boolean;
    }
  | { readonly in: "responseCode" };

/** One member of a structure or union. */
export interface MemberSchema {
  /** The TypeScript property name (the Smithy member name). */
  readonly name: string;
  /** The element or attribute name: `@xmlName`, else the member name. */
  readonly xmlName: string;
  /** awsQuery: `@awsQueryName`, else `xmlName`. ec2Query: `@ec2QueryName`, else `xmlName` capitalized. */
  readonly queryName?: string;
  /** The member's target. */
  readonly schema: Schema;
  /** `@xmlAttribute`: written as an attribute, not an element. */
  readonly attribute?: boolean;
  /** `@xmlFlattened`: list or map entries written without a wrapper element. */
  readonly flattened?: boolean;
  /** The member's `@xmlNamespace`. */
  readonly namespace?: XmlNamespace;
  /** Where an HTTP binding puts the member (restXml), when it is not in the body. */
  readonly http?: HttpBinding;
  /** The target's `@mediaType`: the content type of a blob or string sent as the whole payload. */
  readonly mediaType?: string;
  /** The `@default` value as the model writes it (JSON), read when the member is absent. */
  readonly default?: unknown;
  /** `@required` (and not `@clientOptional`): read as Smithy's zero value when absent. */
  readonly required?: boolean;
  /** A missing `@idempotencyToken` member gets a fresh UUID. */
  readonly idempotencyToken?: boolean;
}

/** A structure or union: its element name (`@xmlName`, else the shape name) and members. */
export interface StructureSchema {
  /** A structure, or a union (exactly one member set). */
  readonly kind: "structure" | "union";
  /** The element name. */
  readonly xmlName: string;
  /** The shape's `@xmlNamespace`. */
  readonly namespace?: XmlNamespace;
  /** The members, in model order. */
  readonly members: readonly MemberSchema[];
}

/** A structure or union, referenced lazily: shapes may be recursive, and declaration order must not matter. */
export type StructureRef = () => StructureSchema;

/** Any schema. */
export type Schema = ScalarSchema | TimestampSchema | ListSchema | MapSchema | StructureRef;

/** A resolved schema: a reference followed. */
export type ResolvedSchema = Exclude<Schema, StructureRef> | StructureSchema;

/** Follows a reference. */
export function resolve(schema: Schema): ResolvedSchema {
  return typeof schema === "function" ? schema() : schema;
}

/** Scalar schemas, shared by every declaration. */
export const XS_STRING: ScalarSchema = { kind: "string" };
/** See XS_STRING. */
export const XS_BOOLEAN: ScalarSchema = { kind: "boolean" };
/** See XS_STRING. */
export const XS_NUMBER: ScalarSchema = { kind: "number" };
/** See XS_STRING. */
export const XS_BIG_INTEGER: ScalarSchema = { kind: "bigInteger" };
/** See XS_STRING. */
export const XS_BIG_DECIMAL: ScalarSchema = { kind: "bigDecimal" };
/** See XS_STRING. */
export const XS_BLOB: ScalarSchema = { kind: "blob" };
/** See XS_STRING. */
export const XS_DOCUMENT: ScalarSchema = { kind: "document" };
/** A timestamp in its location's default format. */
export const XS_TIMESTAMP: TimestampSchema = { kind: "timestamp" };

/** A timestamp with an explicit `@timestampFormat`. */
export function xsTimestamp(format: TimestampFormat): TimestampSchema {
  return { kind: "timestamp", format };
}

/** A list schema. */
export function xsList(
  member: Schema,
  options: { memberName?: string; memberNamespace?: XmlNamespace; sparse?: boolean } = {},
): ListSchema {
  const { memberNamespace } = options;
  return {
    kind: "list",
    member,
    memberName: options.memberName ?? "member",
    ...(memberNamespace === undefined ? {} : { memberNamespace }),
    sparse: options.sparse ?? false,
  };
}

/** A map schema. */
export function xsMap(
  key: Schema,
  value: Schema,
  options: {
    keyName?: string;
    valueName?: string;
    keyNamespace?: XmlNamespace;
    valueNamespace?: XmlNamespace;
    sparse?: boolean;
  } = {},
): MapSchema {
  const { keyNamespace, valueNamespace } = options;
  return {
    kind: "map",
    key,
    value,
    keyName: options.keyName ?? "key",
    valueName: options.valueName ?? "value",
    ...(keyNamespace === undefined ? {} : { keyNamespace }),
    ...(valueNamespace === undefined ? {} : { valueNamespace }),
    sparse: options.sparse ?? false,
  };
}
