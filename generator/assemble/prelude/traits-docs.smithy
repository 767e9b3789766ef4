// anvil's Smithy prelude, part 4: documentation traits.
// Written for anvil from the Smithy 2.0 specification (documentation-traits.rst).
$version: "2.0"

namespace smithy.api

/// The shape should no longer be used.
@trait
structure deprecated {
    /// What to use instead, or why.
    message: String

    /// When it was deprecated (a version or date).
    since: String
}

/// Documentation in CommonMark.
@trait
string documentation

/// Example inputs and outputs of an operation.
@trait(selector: "operation")
list examples {
    member: Example
}

@private
structure Example {
    @required
    title: String

    documentation: String

    input: Document

    output: Document

    error: ExampleError

    /// The example's input deliberately breaks constraint traits.
    allowConstraintErrors: Boolean
}

@private
structure ExampleError {
    @idRef(selector: "structure[trait|error]")
    shapeId: String

    content: Document
}

/// Links to documentation elsewhere, keyed by title.
@trait
@length(min: 1)
map externalDocumentation {
    key: NonEmptyString
    value: NonEmptyString
}

/// The shape is meant for internal use and may be hidden from public artifacts.
@trait
structure internal {}

/// The member should be set, though it is not required.
@trait(selector: "structure > member", conflicts: [required])
structure recommended {
    reason: String
}

/// Values of the shape are sensitive and must not be logged or shown in errors.
@trait(selector: ":not(:test(service, operation, resource, member))")
structure sensitive {}

/// The version or date the shape was added.
@trait
string since

/// Free-form tags for filtering shapes.
@trait
list tags {
    member: String
}

/// A human-readable name of a service or resource.
@trait
string title

/// The shape is unstable and may change.
@trait
structure unstable {}
