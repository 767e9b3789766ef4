// anvil's definitions of the AWS IAM traits (aws.iam), written from the Smithy AWS IAM traits spec.
$version: "2.0"

namespace aws.iam

/// Deprecated: the IAM action name of an operation (now `iamAction.name`).
@deprecated(since: "2023-11-10", message: "Use the `name` member of the `aws.iam#iamAction` trait instead.")
@trait(selector: "operation")
string actionName

/// Deprecated: what the IAM action allows (now `iamAction.documentation`).
@deprecated(since: "2023-11-10", message: "Use the `documentation` member of the `aws.iam#iamAction` trait instead.")
@trait(selector: "operation")
string actionPermissionDescription

/// Condition keys that apply to a resource or operation.
@trait(selector: ":test(resource, operation)")
list conditionKeys {
    member: ConditionKeyName
}

/// The condition key whose value this member holds.
@trait(selector: "member")
@pattern("^(([A-Za-z0-9][A-Za-z0-9-\\.]{0,62}:)?[^:\\s]+)$")
string conditionKeyValue

/// Condition keys the service defines.
@trait(selector: "service")
map defineConditionKeys {
    key: ConditionKeyName
    value: ConditionKeyDefinition
}

/// Condition keys are not inferred from the resource's identifiers.
@trait(selector: ":test(service, resource)")
structure disableConditionKeyInference {}

/// The IAM action of an operation.
@trait(selector: "operation")
structure iamAction {
    name: String
    documentation: String
    relativeDocumentation: String
    requiredActions: RequiredActionList
    resources: ActionResources
    createsResources: ResourceNames
}

/// The IAM resource a resource shape is.
@trait(selector: "resource")
structure iamResource {
    name: String
    relativeDocumentation: String
    disableConditionKeyInheritance: Boolean
}

/// Deprecated: other actions the caller needs (now `iamAction.requiredActions`).
@deprecated(since: "2023-11-10", message: "Use the `requiredActions` member of the `aws.iam#iamAction` trait instead.")
@trait(selector: "operation")
list requiredActions {
    member: IamIdentifier
}

/// Condition keys whose values the service resolves itself.
@trait(selector: "service")
list serviceResolvedConditionKeys {
    member: ConditionKeyName
}

/// Principal types that may call the service or operation.
@trait(selector: ":test(service, operation)")
list supportedPrincipalTypes {
    member: PrincipalType
}

@private
structure ActionResources {
    required: ActionResourceMap
    optional: ActionResourceMap
}

@private
map ActionResourceMap {
    key: ResourceName
    value: ActionResource
}

@private
structure ActionResource {
    conditionKeys: UniqueStrings
}

@private
structure ConditionKeyDefinition {
    @required
    type: ConditionKeyType
    documentation: String
    externalDocumentation: String
    relativeDocumentation: String
    required: Boolean
}

@private
@uniqueItems
list UniqueStrings {
    member: String
}

@private
@uniqueItems
list RequiredActionList {
    member: IamIdentifier
}

@private
@uniqueItems
list ResourceNames {
    member: ResourceName
}

@private
@pattern("^(([A-Za-z0-9][A-Za-z0-9-\\.]{0,62}:)?[^:\\s]+)$")
string ConditionKeyName

@private
@pattern("^([A-Za-z0-9][A-Za-z0-9-\\.]{0,62}:[^:]+)$")
string IamIdentifier

@private
string ResourceName

@private
enum ConditionKeyType {
    ARN
    ARRAY_OF_ARN = "ArrayOfARN"
    BINARY = "Binary"
    ARRAY_OF_BINARY = "ArrayOfBinary"
    STRING = "String"
    ARRAY_OF_STRING = "ArrayOfString"
    NUMERIC = "Numeric"
    ARRAY_OF_NUMERIC = "ArrayOfNumeric"
    DATE = "Date"
    ARRAY_OF_DATE = "ArrayOfDate"
    BOOL = "Bool"
    ARRAY_OF_BOOL = "ArrayOfBool"
    IP_ADDRESS = "IPAddress"
    ARRAY_OF_IP_ADDRESS = "ArrayOfIPAddress"
}

@private
enum PrincipalType {
    ROOT = "Root"
    IAM_USER = "IAMUser"
    IAM_ROLE = "IAMRole"
    FEDERATED_USER = "FederatedUser"
}
