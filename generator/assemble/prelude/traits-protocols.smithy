// anvil's Smithy prelude, part 6: protocol, authentication and endpoint traits.
// Written for anvil from the Smithy 2.0 specification (protocol-traits.rst,
// authentication-traits.rst, endpoint-traits.rst).
$version: "2.0"

namespace smithy.api

/// Marks a trait as a protocol definition.
@trait(selector: "structure[trait|trait]")
structure protocolDefinition {
    /// Traits the protocol supports.
    traits: TraitShapeIdList

    @deprecated(message: "Use @traitValidators instead.")
    noInlineDocumentSupport: Boolean
}

@private
list TraitShapeIdList {
    member: TraitShapeId
}

@private
@idRef(failWhenMissing: true, selector: "[trait|trait]")
string TraitShapeId

/// The JSON key used for the member instead of its name.
@trait(selector: ":is(structure, union) > member")
string jsonName

/// The media type of a blob or string's contents.
@trait(selector: ":is(blob, string)")
string mediaType

/// How a timestamp is written on the wire.
@trait(selector: ":test(timestamp, member > timestamp)")
enum timestampFormat {
    DATE_TIME = "date-time"
    EPOCH_SECONDS = "epoch-seconds"
    HTTP_DATE = "http-date"
}

/// Marks a trait as an authentication scheme definition.
@trait(selector: "structure[trait|trait]")
structure authDefinition {
    traits: TraitShapeIdList
}

/// HTTP Basic authentication (RFC 2617).
@trait(selector: "service")
@authDefinition
@externalDocumentation("RFC 2617": "https://tools.ietf.org/html/rfc2617.html")
structure httpBasicAuth {}

/// HTTP Digest authentication (RFC 2617).
@trait(selector: "service")
@authDefinition
@externalDocumentation("RFC 2617": "https://tools.ietf.org/html/rfc2617.html")
structure httpDigestAuth {}

/// HTTP Bearer authentication (RFC 6750).
@trait(selector: "service")
@authDefinition
@externalDocumentation("RFC 6750": "https://tools.ietf.org/html/rfc6750.html")
structure httpBearerAuth {}

/// An API key sent in a header or query parameter.
@trait(selector: "service")
@authDefinition
structure httpApiKeyAuth {
    /// Header or query parameter name.
    @required
    name: NonEmptyString

    @required
    in: HttpApiKeyLocations

    /// Scheme prefix for the Authorization header.
    scheme: NonEmptyString
}

@private
enum HttpApiKeyLocations {
    HEADER = "header"
    QUERY = "query"
}

/// The operation may be called without authentication.
@trait(selector: "operation")
structure optionalAuth {}

/// The authentication schemes a service or operation supports, in order of preference.
@trait(selector: ":is(service, operation)")
@uniqueItems
list auth {
    member: AuthTraitReference
}

@private
@idRef(selector: "[trait|authDefinition]")
string AuthTraitReference

/// A host prefix prepended to the endpoint for the operation.
@trait(selector: "operation")
structure endpoint {
    @required
    hostPrefix: NonEmptyString
}

/// The member's value fills a label of the operation's host prefix.
@trait(selector: "structure > :test(member[trait|required] > string)")
structure hostLabel {}
