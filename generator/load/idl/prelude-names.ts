/**
 * Names of the public prelude shapes (`smithy.api`). The parser uses them to give a trait written
 * as `@required` its likely id, `smithy.api#required`, while parsing; `finish` then checks the
 * guess (a shape of that name in the file's namespace, in any file, wins over the prelude) and
 * corrects it in the rare case it was wrong. A test keeps this list equal to the prelude files.
 */
export const PUBLIC_PRELUDE_NAMES: ReadonlySet<string> = new Set(
  `BigDecimal BigInteger Blob Boolean Byte Document Double Float Integer Long PrimitiveBoolean PrimitiveByte
PrimitiveDouble PrimitiveFloat PrimitiveInteger PrimitiveLong PrimitiveShort Short String Timestamp Unit
addedDefault auth authDefinition box clientOptional cors default deprecated documentation endpoint enum
enumValue error eventHeader eventPayload examples externalDocumentation hostLabel http httpApiKeyAuth
httpBasicAuth httpBearerAuth httpChecksumRequired httpDigestAuth httpError httpHeader httpLabel httpPayload
httpPrefixHeaders httpQuery httpQueryParams httpResponseCode idRef idempotencyToken idempotent input internal
jsonName length longPoll mediaType metadata mixin nestedProperties noReplace notProperty optionalAuth output
paginated pattern private property protocolDefinition range readonly recommended references
requestCompression required requiresLength resourceIdentifier retryable sensitive since sparse streaming
suppress tags timestampFormat title trait traitValidators uniqueItems unitType unstable xmlAttribute
xmlFlattened xmlName xmlNamespace`.split(/\s+/),
);
