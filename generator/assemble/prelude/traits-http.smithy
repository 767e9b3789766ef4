// anvil's Smithy prelude, part 7: HTTP binding, XML and streaming traits.
// Written for anvil from the Smithy 2.0 specification (http-bindings.rst, protocol-traits.rst,
// streaming.rst).
$version: "2.0"

namespace smithy.api

/// The HTTP method, URI pattern and success status of an operation.
@trait(selector: "operation")
structure http {
    @required
    method: NonEmptyString

    @required
    uri: NonEmptyString

    @range(min: 100, max: 999)
    code: Integer = 200
}

/// The HTTP status code of an error.
@trait(selector: "structure[trait|error]")
integer httpError

/// The member is bound to an HTTP header.
@trait(
    selector: "structure > :test(member > :test(boolean, number, string, timestamp, list > member > :test(boolean, number, string, timestamp)))"
    conflicts: [httpLabel, httpQuery, httpPrefixHeaders, httpPayload, httpResponseCode, httpQueryParams]
)
@length(min: 1)
string httpHeader

/// The member fills a label of the operation's URI pattern.
@trait(
    selector: "structure > member[trait|required] :test(> :test(string, number, boolean, timestamp))"
    conflicts: [httpHeader, httpQuery, httpPrefixHeaders, httpPayload, httpResponseCode, httpQueryParams]
)
structure httpLabel {}

/// The member is the HTTP body.
@trait(
    selector: "structure > member"
    conflicts: [httpLabel, httpQuery, httpHeader, httpPrefixHeaders, httpResponseCode, httpQueryParams]
    structurallyExclusive: "member"
)
structure httpPayload {}

/// The member (a map) is bound to every header starting with the prefix.
@trait(
    selector: "structure > member :test(> map :not([trait|sparse]) > member[id|member=value] > string)"
    structurallyExclusive: "member"
    conflicts: [httpLabel, httpQuery, httpHeader, httpPayload, httpResponseCode, httpQueryParams]
)
string httpPrefixHeaders

/// The member is bound to a query string parameter.
@trait(
    selector: "structure > member :test(> :test(string, number, boolean, timestamp), > list > member > :test(string, number, boolean, timestamp))"
    conflicts: [httpLabel, httpHeader, httpPrefixHeaders, httpPayload, httpResponseCode, httpQueryParams]
)
@length(min: 1)
string httpQuery

/// The member (a map) is bound to the query string parameters not bound otherwise.
@trait(
    selector: "structure > member :test(> map > member[id|member=value] > :test(string, list > member > string))"
    structurallyExclusive: "member"
    conflicts: [httpLabel, httpQuery, httpHeader, httpPayload, httpResponseCode, httpPrefixHeaders]
)
structure httpQueryParams {}

/// The member is bound to the HTTP response status code.
@trait(
    selector: "structure :not([trait|input]) > member :test(> integer)"
    structurallyExclusive: "member"
    conflicts: [httpLabel, httpQuery, httpHeader, httpPrefixHeaders, httpPayload, httpQueryParams]
)
structure httpResponseCode {}

/// Cross-origin resource sharing settings of a service.
@trait(selector: "service")
structure cors {
    origin: NonEmptyString = "*"

    /// Allowed origins by label.
    origins: NonEmptyStringMap

    maxAge: Integer = 600

    additionalAllowedHeaders: NonEmptyStringList

    additionalExposedHeaders: NonEmptyStringList
}

/// The operation requires a checksum of the request body.
@trait(selector: "operation")
@unstable
structure httpChecksumRequired {}

/// The member is serialized as an XML attribute.
@trait(selector: "structure > :test(member > :test(boolean, number, string, timestamp))", conflicts: [xmlNamespace])
structure xmlAttribute {}

/// The list or map member is serialized without a wrapping element.
@trait(selector: ":is(structure, union) > :test(member > :test(list, map))")
structure xmlFlattened {}

/// The XML element or attribute name used instead of the shape or member name.
@trait(selector: ":is(structure, union, member)")
@pattern("^[a-zA-Z_][a-zA-Z_0-9-]*(:[a-zA-Z_][a-zA-Z_0-9-]*)?$")
string xmlName

/// The XML namespace of an element.
@trait(selector: ":is(service, member, simpleType, list, map, structure, union)", conflicts: [xmlAttribute])
structure xmlNamespace {
    @required
    uri: NonEmptyString

    @pattern("^[a-zA-Z_][a-zA-Z_0-9-]*$")
    prefix: NonEmptyString
}

/// The blob or union is streamed rather than held in memory.
@trait(selector: ":is(blob, union)", structurallyExclusive: "target")
structure streaming {}

/// The streaming blob's length must be known before sending.
@trait(selector: "blob[trait|streaming]")
structure requiresLength {}

/// The event stream member is sent as an event header.
@trait(selector: "structure > :test(member > :test(boolean, byte, short, integer, long, blob, string, timestamp))", conflicts: [eventPayload])
structure eventHeader {}

/// The event stream member is sent as the event payload.
@trait(selector: "structure > :test(member > :test(blob, string, structure, union))", conflicts: [eventHeader], structurallyExclusive: "member")
structure eventPayload {}
