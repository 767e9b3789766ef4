/**
 * The Smithy prelude (`smithy.api`): simple types, `Unit`, and the prelude's trait shapes. The
 * trait definitions here are presence-only: which trait ids exist; the traits anvil gives
 * meaning to are read and checked where they are used.
 */
import type { ShapeType, Traits } from "../load/ast.js";
import type { Shape } from "./model.js";

const SIMPLE: Array<[string, ShapeType, Traits?]> = [
  ["String", "string"], ["Blob", "blob"], ["BigInteger", "bigInteger"], ["BigDecimal", "bigDecimal"],
  ["Timestamp", "timestamp"], ["Document", "document"], ["Boolean", "boolean"], ["Byte", "byte"],
  ["Short", "short"], ["Integer", "integer"], ["Long", "long"], ["Float", "float"], ["Double", "double"],
  ["PrimitiveBoolean", "boolean", { "smithy.api#default": false }],
  ["PrimitiveByte", "byte", { "smithy.api#default": 0 }],
  ["PrimitiveShort", "short", { "smithy.api#default": 0 }],
  ["PrimitiveInteger", "integer", { "smithy.api#default": 0 }],
  ["PrimitiveLong", "long", { "smithy.api#default": 0 }],
  ["PrimitiveFloat", "float", { "smithy.api#default": 0 }],
  ["PrimitiveDouble", "double", { "smithy.api#default": 0 }],
];

/** Every trait the Smithy 2.0 prelude defines. */
const TRAITS = [
  "addedDefault", "auth", "authDefinition", "box", "clientOptional", "cors", "default", "deprecated",
  "documentation", "endpoint", "enum", "enumValue", "error", "eventHeader", "eventPayload", "examples",
  "externalDocumentation", "hostLabel", "http", "httpApiKeyAuth", "httpBasicAuth", "httpBearerAuth",
  "httpChecksumRequired", "httpDigestAuth", "httpError", "httpHeader", "httpLabel", "httpPayload",
  "httpPrefixHeaders", "httpQuery", "httpQueryParams", "httpResponseCode", "idRef", "idempotencyToken",
  "idempotent", "input", "internal", "jsonName", "length", "mediaType", "mixin", "nestedProperties",
  "noReplace", "notProperty", "optionalAuth", "output", "paginated", "pattern", "private", "property",
  "protocolDefinition", "range", "readonly", "recommended", "references", "requestCompression", "required",
  "requiresLength", "resourceIdentifier", "retryable", "sensitive", "since", "sparse", "streaming",
  "suppress", "tags", "timestampFormat", "title", "trait", "traitValidations", "uniqueItems", "unitType",
  "unstable", "xmlAttribute", "xmlFlattened", "xmlName", "xmlNamespace",
];

let cache: Shape[] | undefined;

/** The prelude's shapes, built once. Callers must not mutate them. */
export function preludeShapes(): Shape[] {
  if (cache) return cache;
  const shape = (name: string, type: ShapeType, traits: Traits = {}): Shape => ({
    id: `smithy.api#${name}`, type, traits, mixins: [], members: [], prelude: true,
  });
  cache = [
    ...SIMPLE.map(([name, type, traits]) => shape(name, type, traits)),
    shape("Unit", "structure", { "smithy.api#unitType": {} }),
    ...TRAITS.map((name) => shape(name, "structure", { "smithy.api#trait": {} })),
  ];
  return cache;
}

/** Ids of every prelude shape (for relative id resolution in the IDL loader). */
export function preludeIds(): string[] {
  return preludeShapes().map((s) => s.id);
}
