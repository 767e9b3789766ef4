// anvil's definitions of the AWS CloudFormation traits (aws.cloudformation), written from the Smithy CloudFormation traits spec.
$version: "2.0"

namespace aws.cloudformation

/// The resource is a CloudFormation resource.
@unstable
@trait(selector: "resource")
structure cfnResource {
    name: String
    /// Structures whose members add to the resource's schema.
    additionalSchemas: StructureIds
    @deprecated(message: "Prefer the resource's identifiers when generating resource schemas.")
    primaryIdentifier: String
}

/// The member is another identifier of the resource.
@unstable
@trait(selector: "structure > :test(member > string)", conflicts: [cfnExcludeProperty])
structure cfnAdditionalIdentifier {}

/// The member's property name in the resource schema.
@unstable
@trait(selector: "structure > member")
string cfnName

/// The member is left out of the resource schema.
@unstable
@trait(selector: "structure > member", conflicts: [cfnAdditionalIdentifier, cfnMutability, cfnDefaultValue])
structure cfnExcludeProperty {}

/// The member has a default value in the resource schema.
@unstable
@trait(selector: "resource > operation -[input, output]-> structure > member", conflicts: [cfnExcludeProperty])
structure cfnDefaultValue {}

/// When the property may be set and read.
@unstable
@trait(selector: "structure > member", conflicts: [cfnExcludeProperty])
enum cfnMutability {
    FULL = "full"
    CREATE_AND_READ = "create-and-read"
    CREATE = "create"
    READ = "read"
    WRITE = "write"
}

@private
list StructureIds {
    @idRef(failWhenMissing: true, selector: "structure")
    member: String
}
