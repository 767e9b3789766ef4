// anvil's definition of the waiters trait (smithy.waiters), written from the Smithy waiters spec.
$version: "2.0"

namespace smithy.waiters

/// Waiters of an operation, by name: poll it until an acceptor matches.
@trait(selector: "operation :not(-[input, output]-> structure > member > union[trait|streaming])")
@length(min: 1)
map waitable {
    key: WaiterName
    value: Waiter
}

/// A waiter's name, in UpperCamelCase.
@pattern("^[A-Z]+[A-Za-z0-9]*$")
string WaiterName

@private
structure Waiter {
    documentation: String
    @required
    acceptors: Acceptors
    /// Least seconds between attempts.
    minDelay: WaiterDelay = 2
    /// Most seconds between attempts.
    maxDelay: WaiterDelay = 120
    deprecated: Boolean
    tags: NonEmptyStrings
}

@range(min: 1)
integer WaiterDelay

@private
@length(min: 1)
list Acceptors {
    member: Acceptor
}

@private
structure Acceptor {
    @required
    state: AcceptorState
    @required
    matcher: Matcher
    message: String
}

@private
enum AcceptorState {
    SUCCESS = "success"
    FAILURE = "failure"
    RETRY = "retry"
}

@private
union Matcher {
    /// A JMESPath over the output.
    output: PathMatcher
    /// A JMESPath over `{input, output}`.
    inputOutput: PathMatcher
    /// The name or id of an error the operation returns.
    errorType: String
    /// Any success (true) or any error (false).
    success: Boolean
}

@private
structure PathMatcher {
    @required
    path: String
    @required
    expected: String
    @required
    comparator: PathComparator
}

@private
enum PathComparator {
    STRING_EQUALS = "stringEquals"
    BOOLEAN_EQUALS = "booleanEquals"
    ALL_STRING_EQUALS = "allStringEquals"
    ANY_STRING_EQUALS = "anyStringEquals"
}

@private
list NonEmptyStrings {
    member: NonEmptyString
}

@private
@length(min: 1)
string NonEmptyString
