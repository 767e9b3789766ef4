// anvil's definitions of the AWS endpoints traits (aws.endpoints), written from the Smithy AWS endpoints spec.
$version: "2.0"

namespace aws.endpoints

/// Marks a trait that changes how a service's endpoints are resolved.
@trait(selector: "structure[trait|trait]")
structure endpointsModifier {}

/// The service has one endpoint per region, with special cases.
@trait(selector: "service", conflicts: [standardPartitionalEndpoints])
@endpointsModifier
structure standardRegionalEndpoints {
    partitionSpecialCases: PartitionSpecialCases
    regionSpecialCases: RegionSpecialCases
}

/// The service has one endpoint per partition, with special cases.
@trait(selector: "service", conflicts: [standardRegionalEndpoints])
@endpointsModifier
structure standardPartitionalEndpoints {
    @required
    endpointPatternType: PartitionEndpointPattern
    partitionEndpointSpecialCases: PartitionEndpointSpecialCases
}

/// The service's endpoints are dual-stack only.
@trait(selector: "service")
@endpointsModifier
structure dualStackOnlyEndpoints {}

/// The service's endpoints come from its endpoint rule set.
@trait(selector: "service")
@endpointsModifier
@unstable
structure rulesBasedEndpoints {}

@private
map PartitionSpecialCases {
    key: String
    value: PartitionSpecialCaseList
}

@private
list PartitionSpecialCaseList {
    member: PartitionSpecialCase
}

@private
structure PartitionSpecialCase {
    @required
    endpoint: String
    dualStack: Boolean
    fips: Boolean
}

@private
map RegionSpecialCases {
    key: String
    value: RegionSpecialCaseList
}

@private
list RegionSpecialCaseList {
    member: RegionSpecialCase
}

@private
structure RegionSpecialCase {
    @required
    endpoint: String
    dualStack: Boolean
    fips: Boolean
    signingRegion: String
}

@private
enum PartitionEndpointPattern {
    @deprecated(since: "2025-04-01", message: "Use AWS_RECOMMENDED instead")
    SERVICE_DNSSUFFIX = "service_dnsSuffix"
    @deprecated(since: "2025-04-01", message: "Use AWS_RECOMMENDED instead")
    SERVICE_REGION_DNSSUFFIX = "service_region_dnsSuffix"
    AWS_RECOMMENDED = "aws_recommended"
}

@private
map PartitionEndpointSpecialCases {
    key: String
    value: PartitionEndpointSpecialCaseList
}

@private
list PartitionEndpointSpecialCaseList {
    member: PartitionEndpointSpecialCase
}

@private
structure PartitionEndpointSpecialCase {
    endpoint: String
    region: String
    dualStack: Boolean
    fips: Boolean
}
