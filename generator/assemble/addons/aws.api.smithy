// anvil's definitions of the AWS core traits (aws.api), written from the Smithy AWS traits spec.
$version: "2.0"

namespace aws.api

/// The ARN template of a resource, relative to its service.
@trait(selector: "resource")
structure arn {
    /// Path of the ARN after the service's region and account, with `{identifier}` labels.
    @required
    template: String
    /// The template is a whole ARN rather than a relative one.
    absolute: Boolean
    /// The ARN has no region part.
    noRegion: Boolean
    /// The ARN has no account part.
    noAccount: Boolean
    /// What separates the parts of the resource path.
    resourceDelimiter: ArnResourceDelimiter
    /// The ARN may be reused by a later resource of the same name.
    reusable: Boolean
}

/// The string holds an ARN, optionally of a known resource type.
@trait(selector: "string")
structure arnReference {
    type: String
    resource: String
    service: String
}

/// A streaming blob sent with aws-chunked content encoding.
@trait(selector: "blob[trait|streaming]")
structure awsChunked {}

/// The operation's endpoint is found through endpoint discovery.
@trait(selector: "operation")
structure clientDiscoveredEndpoint {
    /// Discovery must happen before the operation is called.
    @required
    required: Boolean
}

/// The service supports endpoint discovery through the named operation.
@trait(selector: "service")
structure clientEndpointDiscovery {
    @idRef(failWhenMissing: true, selector: "operation")
    @required
    operation: String

    @idRef(failWhenMissing: true, selector: "structure[trait|error]")
    @recommended
    error: String
}

/// An input member whose value is part of the endpoint discovery cache key.
@trait(selector: "operation[trait|aws.api#clientDiscoveredEndpoint] -[input]-> structure > :test(member[trait|required] > string)")
structure clientEndpointDiscoveryId {}

/// The shape belongs to the service's control plane.
@trait(selector: ":test(service, resource, operation)", conflicts: ["aws.api#dataPlane"])
structure controlPlane {}

/// The shape belongs to the service's data plane.
@trait(selector: ":test(service, resource, operation)", conflicts: ["aws.api#controlPlane"])
structure dataPlane {}

/// The kind of data a shape carries.
@trait(selector: ":test(simpleType, list, structure, union, member)")
enum data {
    CUSTOMER_CONTENT = "content"
    CUSTOMER_ACCOUNT_INFORMATION = "account"
    SERVICE_ATTRIBUTES = "usage"
    TAG_DATA = "tagging"
    PERMISSIONS_DATA = "permissions"
}

/// How AWS tools and SDKs name and identify the service.
@trait(selector: "service")
structure service {
    @required
    sdkId: String
    arnNamespace: ArnNamespace
    cloudFormationName: CloudFormationName
    cloudTrailEventSource: String
    docId: String
    endpointPrefix: String
    cloudWatchNamespace: CloudWatchMetricNamespace
}

/// The service supports resource tagging.
@trait(selector: "service")
@unstable
structure tagEnabled {
    disableDefaultOperations: Boolean
    apiConfig: ServiceTaggingOperations
}

/// The resource can be tagged.
@trait(selector: "resource")
@unstable
structure taggable {
    property: String
    apiConfig: ResourceTaggingOperations
    disableSystemTags: Boolean
}

@private
structure ServiceTaggingOperations {
    tagApi: ServiceOperationId
    untagApi: ServiceOperationId
    listTagsApi: ServiceOperationId
}

@private
structure ResourceTaggingOperations {
    @required
    tagApi: ResourceOperationId
    @required
    untagApi: ResourceOperationId
    @required
    listTagsApi: ResourceOperationId
}

@private
@idRef(failWhenMissing: true, selector: "service > operation")
string ServiceOperationId

@private
@idRef(failWhenMissing: true, selector: "resource > operation")
string ResourceOperationId

@private
enum ArnResourceDelimiter {
    FORWARD_SLASH = "/"
    COLON = ":"
}

@private
@pattern("^[a-z0-9.\\-]{1,63}$")
string ArnNamespace

@private
@pattern("^[A-Z][A-Za-z0-9]+$")
string CloudFormationName

@private
@pattern("^[^:].*$")
@length(min: 1, max: 255)
string CloudWatchMetricNamespace
