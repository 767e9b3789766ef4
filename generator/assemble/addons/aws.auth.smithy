// anvil's definitions of the AWS authentication traits (aws.auth), written from the Smithy AWS auth spec.
$version: "2.0"

namespace aws.auth

/// Requests are signed with AWS Signature Version 4.
@authDefinition(traits: [unsignedPayload])
@trait(selector: "service")
structure sigv4 {
    /// The signing name.
    @length(min: 1)
    @required
    name: String
}

/// Requests are signed with AWS Signature Version 4a (multi-region); the service also has sigv4.
@authDefinition(traits: [unsignedPayload])
@trait(selector: "service[trait|aws.auth#sigv4]")
structure sigv4a {
    /// The signing name.
    @length(min: 1)
    @required
    name: String
}

/// The operation's payload is not part of the signature.
@trait(selector: "operation")
structure unsignedPayload {}

/// Amazon Cognito user pools authentication.
@authDefinition
@internal
@tags(["internal"])
@trait(selector: "service")
structure cognitoUserPools {
    @required
    providerArns: ProviderArns
}

/// The OAuth scopes an operation needs with Cognito user pools.
@internal
@tags(["internal"])
@length(min: 1)
@trait(selector: "service[trait|aws.auth#cognitoUserPools] ~> operation")
list cognitoUserPoolsScopes {
    member: String
}

@private
list ProviderArns {
    member: String
}
