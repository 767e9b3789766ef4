// anvil's definitions of Smithy's own protocol traits (smithy.protocols), written from the Smithy RPC v2 spec.
$version: "2.0"

namespace smithy.protocols

/// Smithy RPC v2 with CBOR bodies.
@trait(selector: "service")
@protocolDefinition(traits: [smithy.api#cors, smithy.api#endpoint, smithy.api#hostLabel, smithy.api#httpError, smithy.api#requestCompression])
// CBOR has no faithful encoding for untyped documents: a DANGER on every member that targets one.
@smithy.api#traitValidators(
    "rpcv2Cbor.NoDocuments": {
        selector: "service ~> member :test(> document)"
        message: "This protocol does not support document types in most possible scenarios."
        severity: "DANGER"
    }
)
structure rpcv2Cbor {
    http: HttpVersions
    eventStreamHttp: HttpVersions
}

/// Smithy RPC v2 with JSON bodies.
@trait(selector: "service")
@protocolDefinition(traits: [smithy.api#cors, smithy.api#endpoint, smithy.api#hostLabel, smithy.api#httpError, smithy.api#requestCompression])
structure rpcv2Json {
    http: HttpVersions
    eventStreamHttp: HttpVersions
}

@private
list HttpVersions {
    member: String
}
