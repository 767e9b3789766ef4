// anvil's definitions of the test traits (smithy.test): protocol tests and smoke tests, written
// from the Smithy protocol compliance and smoke tests specs.
$version: "2.0"

namespace smithy.test

/// Requests a client must send (and a server accept) for given parameters.
@trait(selector: "operation")
@length(min: 1)
list httpRequestTests {
    member: HttpRequestTestCase
}

/// Responses a client must read (and a server send) for given parameters.
@trait(selector: ":test(operation, structure[trait|error])")
@length(min: 1)
list httpResponseTests {
    member: HttpResponseTestCase
}

/// Malformed requests a server must reject, and how.
@trait(selector: "operation")
@length(min: 1)
@unstable
list httpMalformedRequestTests {
    member: HttpMalformedRequestTestCase
}

/// Event stream exchanges of an operation with a streaming member.
@trait(selector: "operation :test(-[input, output]-> structure > member > union[trait|streaming])")
@length(min: 1)
list eventStreamTests {
    member: EventStreamTestCase
}

/// Calls to make against the live service.
@trait(selector: "operation")
list smokeTests {
    member: SmokeTestCase
}

@private
structure HttpRequestTestCase with [HttpRequestFields, TestCaseFields] {}

@private
structure HttpResponseTestCase with [HttpResponseFields, TestCaseFields] {}

/// What every protocol test case has.
@private
@mixin
structure TestCaseFields {
    @required
    @pattern("^[A-Za-z_][A-Za-z0-9_]+$")
    id: String
    @required
    @idRef(selector: "[trait|protocolDefinition]", failWhenMissing: true)
    protocol: String
    @idRef(selector: "[trait|authDefinition]", failWhenMissing: true)
    authScheme: String
    params: Document
    vendorParams: Document
    @idRef(failWhenMissing: true)
    vendorParamsShape: String
    documentation: String
    tags: NonEmptyStrings
    appliesTo: AppliesTo
}

@private
@mixin
structure HttpMessageFields {
    headers: StringMap
    forbidHeaders: StringList
    requireHeaders: StringList
    body: String
    bodyMediaType: String
}

@private
@mixin
structure HttpRequestFields with [HttpMessageFields] {
    @required
    @length(min: 1)
    method: String
    @required
    @length(min: 1)
    uri: String
    host: String
    resolvedHost: String
    queryParams: StringList
    forbidQueryParams: StringList
    requireQueryParams: StringList
}

@private
@mixin
structure HttpResponseFields with [HttpMessageFields] {
    @required
    @range(min: 100, max: 599)
    code: Integer
}

/// The initial request of an event stream.
structure InitialHttpRequest with [HttpRequestFields] {}

/// The initial response of an event stream.
structure InitialHttpResponse with [HttpResponseFields] {}

@private
structure HttpMalformedRequestTestCase {
    @required
    @pattern("^[A-Za-z_][A-Za-z0-9_]+$")
    id: String
    @required
    @idRef(selector: "[trait|protocolDefinition]", failWhenMissing: true)
    protocol: String
    @required
    request: MalformedRequest
    @required
    response: MalformedResponse
    documentation: String
    tags: NonEmptyStrings
    testParameters: MalformedTestParameters
}

@private
structure MalformedRequest {
    @required
    @length(min: 1)
    method: String
    @required
    @length(min: 1)
    uri: String
    host: String
    queryParams: StringList
    headers: StringMap
    body: String
    bodyMediaType: String
}

@private
structure MalformedResponse {
    headers: StringMap
    @required
    @range(min: 100, max: 599)
    code: Integer
    body: MalformedResponseBody
}

@private
structure MalformedResponseBody {
    @required
    assertion: MalformedBodyAssertion
    @required
    mediaType: String
}

@private
union MalformedBodyAssertion {
    contents: String
    messageRegex: String
}

@private
map MalformedTestParameters {
    key: String
    value: StringList
}

@private
structure EventStreamTestCase {
    @required
    @pattern("^[A-Za-z_][A-Za-z0-9_]+$")
    id: String
    @required
    @idRef(selector: "[trait|protocolDefinition]", failWhenMissing: true)
    protocol: String
    initialRequestParams: Document
    initialRequest: Document
    @idRef(selector: "structure", failWhenMissing: true)
    initialRequestShape: String
    initialResponseParams: Document
    initialResponse: Document
    @idRef(selector: "structure", failWhenMissing: true)
    initialResponseShape: String
    events: Events
    expectation: EventStreamExpectation
    vendorParams: Document
    @idRef(selector: "structure", failWhenMissing: true)
    vendorParamsShape: String
    documentation: String
    appliesTo: AppliesTo
    tags: NonEmptyStrings
}

@private
list Events {
    member: Event
}

@private
structure Event {
    @required
    type: EventType
    params: Document
    headers: EventHeaders
    forbidHeaders: StringList
    requireHeaders: StringList
    body: Blob
    bodyMediaType: String
    bytes: Blob
    vendorParams: Document = {}
    @idRef(selector: "structure", failWhenMissing: true)
    vendorParamsShape: String
}

@private
enum EventType {
    REQUEST = "request"
    RESPONSE = "response"
}

@private
map EventHeaders {
    key: String
    value: EventHeaderValue
}

@private
union EventHeaderValue {
    boolean: Boolean
    byte: Byte
    short: Short
    integer: Integer
    long: Long
    blob: Blob
    string: String
    timestamp: Timestamp
}

@private
union EventStreamExpectation {
    success: Unit
    failure: ExpectedError
}

@private
structure SmokeTestCase {
    @required
    @pattern("^[A-Za-z_][A-Za-z0-9_]+$")
    id: String
    params: Document
    vendorParams: Document
    @idRef(failWhenMissing: true)
    vendorParamsShape: String
    @required
    expect: SmokeTestExpectation
    tags: SmokeTestTags
}

@private
union SmokeTestExpectation {
    success: Unit
    failure: ExpectedError
}

@private
structure ExpectedError {
    @idRef(failWhenMissing: true, selector: "[trait|error]")
    errorId: String
}

@private
list SmokeTestTags {
    member: SmokeTestTag
}

@private
@pattern("^[A-Za-z][A-Za-z0-9_\\-]+$")
string SmokeTestTag

@private
enum AppliesTo {
    CLIENT = "client"
    SERVER = "server"
}

@private
map StringMap {
    key: String
    value: String
}

@private
list StringList {
    member: String
}

@private
list NonEmptyStrings {
    member: NonEmptyString
}

@private
@length(min: 1)
string NonEmptyString
