// anvil's definitions of the endpoint rules traits (smithy.rules), written from the Smithy rules engine spec.
$version: "2.0"

namespace smithy.rules

/// The service's endpoint rule set (a JSON document the rules engine interprets).
@unstable
@trait(selector: "service")
document endpointRuleSet

/// The service's endpoint rules compiled to a binary decision diagram.
@unstable
@trait(selector: "service")
structure endpointBdd {
    @required
    version: String
    @required
    parameters: BddParameters
    @required
    conditions: BddConditions
    @required
    results: BddResults
    @required
    @range(min: -1)
    root: Integer
    @required
    @range(min: 0)
    nodeCount: Integer
    /// The nodes, base64-encoded.
    @required
    nodes: String
}

/// Test cases of the service's endpoint rules.
@unstable
@trait(selector: "service :is([trait|smithy.rules#endpointRuleSet], [trait|smithy.rules#endpointBdd])")
structure endpointTests {
    @required
    version: String
    testCases: EndpointTestCases
}

/// The input member bound to a rule set parameter.
@unstable
@trait(selector: "operation -[input]-> structure > member")
structure contextParam {
    @required
    name: String
}

/// Rule set parameters set to fixed values for an operation.
@unstable
@trait(selector: "operation")
map staticContextParams {
    key: String
    value: StaticContextParam
}

/// Rule set parameters read from an operation's input by JMESPath.
@unstable
@trait(selector: "operation")
map operationContextParams {
    key: String
    value: OperationContextParam
}

/// Rule set parameters set in the client's configuration.
@unstable
@trait(selector: "service")
map clientContextParams {
    key: String
    value: ClientContextParam
}

@private
structure StaticContextParam {
    @required
    value: Document
}

@private
structure OperationContextParam {
    @required
    path: String
}

@private
structure ClientContextParam {
    @required
    type: ClientContextParamType
    documentation: String
}

@private
enum ClientContextParamType {
    STRING = "string"
    BOOLEAN = "boolean"
}

@private
map BddParameters {
    key: String
    value: BddParameter
}

@private
structure BddParameter {
    @required
    type: BddParameterType
    deprecated: Boolean
    documentation: String
    default: Document
    builtIn: String
    required: Boolean
}

@private
enum BddParameterType {
    STRING = "string"
    BOOLEAN = "boolean"
    STRING_ARRAY = "stringArray"
}

@private
list BddConditions {
    member: BddCondition
}

@private
structure BddCondition {
    @required
    fn: String
    @required
    argv: Documents
    assign: String
}

@private
list Documents {
    member: Document
}

@private
list BddResults {
    member: BddResult
}

@private
structure BddResult {
    @required
    type: BddResultType
    documentation: String
    error: Document
    endpoint: BddEndpoint
    conditions: BddConditions
}

@private
enum BddResultType {
    ENDPOINT = "endpoint"
    ERROR = "error"
}

@private
structure BddEndpoint {
    @required
    url: Document
    properties: DocumentMap
    headers: DocumentListMap
}

@private
map DocumentMap {
    key: String
    value: Document
}

@private
map DocumentListMap {
    key: String
    value: Documents
}

@private
list EndpointTestCases {
    member: EndpointTestCase
}

@private
structure EndpointTestCase {
    documentation: String
    params: Document
    operationInputs: EndpointTestOperationInputs
    @required
    expect: EndpointTestExpectation
}

@private
list EndpointTestOperationInputs {
    member: EndpointTestOperationInput
}

@private
structure EndpointTestOperationInput {
    @required
    operationName: String
    operationParams: Document
    builtInParams: Document
    clientParams: Document
}

@private
union EndpointTestExpectation {
    /// The rules give this error.
    error: String
    /// The rules give this endpoint.
    endpoint: EndpointTestEndpoint
}

@private
structure EndpointTestEndpoint {
    url: String
    headers: EndpointTestHeaders
    properties: DocumentMap
}

@private
map EndpointTestHeaders {
    key: String
    value: HeaderValues
}

@private
list HeaderValues {
    member: String
}
