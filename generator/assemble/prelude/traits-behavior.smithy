// anvil's Smithy prelude, part 5: behavior and resource traits.
// Written for anvil from the Smithy 2.0 specification (behavior-traits.rst, resource-traits.rst).
$version: "2.0"

namespace smithy.api

/// The member carries a client-generated token that makes a request idempotent.
@trait(selector: "structure > :test(member > string)", structurallyExclusive: "member")
@notProperty
structure idempotencyToken {}

/// Repeating the operation with the same input has the same effect as doing it once.
@trait(selector: "operation", conflicts: [readonly])
structure idempotent {
    /// Errors returned when what the operation creates already exists.
    exists: IdempotentErrors

    /// Errors returned when what the operation acts on does not exist.
    notFound: IdempotentErrors
}

@private
list IdempotentErrors {
    @idRef(selector: "[trait|error]")
    member: String
}

/// The operation has no side effects.
@trait(selector: "operation", conflicts: [idempotent])
structure readonly {}

/// The error may be retried.
@trait(selector: "structure[trait|error]")
structure retryable {
    /// The error means the caller is being throttled.
    throttling: Boolean
}

/// The operation returns results a page at a time; names the members that carry the pages.
@trait(selector: ":is(service, operation)")
structure paginated {
    inputToken: NonEmptyString
    outputToken: NonEmptyString
    items: NonEmptyString
    pageSize: NonEmptyString
}

/// Clients may compress the request body with one of these encodings.
@trait(selector: "operation")
structure requestCompression {
    @required
    encodings: RequestCompressionEncodingsList
}

/// Encodings compare case-insensitively, so they are plain strings rather than an enum.
@private
list RequestCompressionEncodingsList {
    member: String
}

/// The operation may hold the connection open waiting for a result.
@trait(selector: "operation")
@unstable
structure longPoll {
    @required
    @range(min: 1)
    timeoutMillis: Integer
}

/// The member is bound to resource properties nested in the structure it targets.
@trait(selector: "operation -[input, output]-> structure > member :test(> structure)", structurallyExclusive: "member")
@notProperty
structure nestedProperties {}

/// The resource's put lifecycle operation cannot replace an existing instance.
@trait(selector: "resource:test(-[put]->)")
structure noReplace {}

/// The member is not bound to a resource property.
@trait(selector: ":is(operation -[input, output]-> structure > member, [trait|trait])")
@notProperty
structure notProperty {}

/// The member is bound to a resource property (by `name`, default the member name).
@trait(selector: "structure > member", conflicts: [resourceIdentifier])
structure property {
    name: String
}

/// Resources the structure or string refers to.
@trait(selector: ":is(structure, string)")
list references {
    member: Reference
}

@private
structure Reference {
    @required
    resource: NonEmptyString

    /// Resource identifier names mapped to the member names that hold them.
    ids: NonEmptyStringMap

    service: NonEmptyString

    rel: NonEmptyString
}

/// The member holds the named resource identifier.
@trait(selector: "structure > :test(member[trait|required] > string)")
@length(min: 1)
@notProperty
string resourceIdentifier
