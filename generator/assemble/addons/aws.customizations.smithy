// anvil's definition of the AWS SDK customization traits (aws.customizations).
$version: "2.0"

namespace aws.customizations

/// The operation's XML output is not wrapped in an element named after the operation (S3).
@trait(selector: "operation")
structure s3UnwrappedXmlOutput {}
