// anvil's definitions of the AWS smoke test vendor parameters (aws.test), written from the Smithy AWS smoke tests spec.
$version: "2.0"

namespace aws.test

/// What an AWS SDK needs to run a smoke test.
@mixin
structure BaseAwsVendorParams {
    region: String = "us-west-2"
    sigv4aRegionSet: NonEmptyStrings
    uri: String
    useFips: Boolean = false
    useDualstack: Boolean = false
    useAccountIdRouting: Boolean = true
}

/// Vendor parameters of AWS smoke tests.
structure AwsVendorParams with [BaseAwsVendorParams] {}

/// Vendor parameters of Amazon S3 smoke tests.
structure S3VendorParams with [BaseAwsVendorParams] {
    useAccelerate: Boolean = false
    useGlobalEndpoint: Boolean = false
    forcePathStyle: Boolean = false
    useArnRegion: Boolean = true
    useMultiRegionAccessPoints: Boolean = true
}

@private
@length(min: 1)
list NonEmptyStrings {
    member: String
}
