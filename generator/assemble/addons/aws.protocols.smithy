// anvil's definitions of the AWS protocol traits (aws.protocols), written from the Smithy AWS protocols spec.
$version: "2.0"

namespace aws.protocols

/// AWS JSON 1.0: JSON documents POSTed to `/`, the operation named in `X-Amz-Target`.
@protocolDefinition(traits: [timestampFormat, cors, endpoint, hostLabel])
@trait(selector: "service")
structure awsJson1_0 with [ProtocolHttpVersions] {}

/// AWS JSON 1.1: as 1.0, with `application/x-amz-json-1.1`.
@protocolDefinition(traits: [timestampFormat, cors, endpoint, hostLabel])
@trait(selector: "service")
structure awsJson1_1 with [ProtocolHttpVersions] {}

/// AWS restJson1: HTTP bindings with JSON bodies.
@protocolDefinition(
    traits: [
        timestampFormat, cors, endpoint, hostLabel, http, httpError, httpHeader, httpLabel, httpPayload,
        httpPrefixHeaders, httpQuery, httpQueryParams, httpResponseCode, httpChecksum, httpChecksumRequired, jsonName
    ]
)
@trait(selector: "service")
structure restJson1 with [ProtocolHttpVersions] {}

/// AWS restXml: HTTP bindings with XML bodies.
@deprecated
@protocolDefinition(
    traits: [
        timestampFormat, cors, endpoint, hostLabel, http, httpError, httpHeader, httpLabel, httpPayload,
        httpPrefixHeaders, httpQuery, httpQueryParams, httpResponseCode, httpChecksum, httpChecksumRequired,
        xmlAttribute, xmlFlattened, xmlName, xmlNamespace
    ]
)
@traitValidators(
    UnsupportedProtocolDocument: { selector: "~> member :test(> document)", message: "Document types are not supported with restXml" }
)
@trait(selector: "service")
structure restXml with [ProtocolHttpVersions] {
    /// Errors are not wrapped in an `ErrorResponse` element.
    @deprecated
    noErrorWrapping: Boolean
}

/// AWS query: form-encoded requests, XML responses.
@deprecated
@protocolDefinition(
    traits: [timestampFormat, cors, endpoint, hostLabel, awsQueryError, xmlAttribute, xmlFlattened, xmlName, xmlNamespace]
)
@traitValidators(
    UnsupportedProtocolDocument: { selector: "~> member :test(> document)", message: "Document types are not supported with awsQuery" }
)
@trait(selector: "service [trait|xmlNamespace]")
structure awsQuery {}

/// Amazon EC2 query: the EC2 variant of AWS query.
@deprecated
@protocolDefinition(
    traits: [timestampFormat, cors, endpoint, hostLabel, ec2QueryName, xmlAttribute, xmlFlattened, xmlName, xmlNamespace]
)
@traitValidators(
    UnsupportedProtocolDocument: { selector: "~> member :test(> document)", message: "Document types are not supported with ec2Query" }
)
@trait(selector: "service [trait|xmlNamespace]")
structure ec2Query {}

/// The error code and HTTP status an error has under AWS query.
@trait(selector: "structure [trait|error]")
structure awsQueryError {
    @required
    code: String
    @required
    httpResponseCode: Integer
}

/// A JSON or CBOR service that keeps the error codes of its former AWS query protocol.
@trait(selector: "service :test([trait|aws.protocols#awsJson1_0], [trait|smithy.protocols#rpcv2Cbor], [trait|smithy.protocols#rpcv2Json])")
structure awsQueryCompatible {}

/// The member's name under EC2 query serialization.
@pattern("^[a-zA-Z_][a-zA-Z_0-9-]*$")
@trait(selector: "structure > member")
string ec2QueryName

/// Request and response checksums the operation supports.
@trait(selector: "operation")
@unstable
structure httpChecksum {
    requestAlgorithmMember: String
    requestChecksumRequired: Boolean
    requestValidationModeMember: String
    responseAlgorithms: ChecksumAlgorithms
}

/// The HTTP versions a protocol may use, in order of preference.
@private
@mixin(localTraits: [private])
structure ProtocolHttpVersions {
    http: HttpVersions
    eventStreamHttp: HttpVersions
}

@private
list HttpVersions {
    member: String
}

@private
@length(min: 1)
@uniqueItems
list ChecksumAlgorithms {
    member: ChecksumAlgorithm
}

@private
enum ChecksumAlgorithm {
    CRC32
    CRC32C
    CRC64NVME
    MD5
    SHA1
    SHA256
    SHA512
    XXHASH64
    XXHASH3
    XXHASH128
}
