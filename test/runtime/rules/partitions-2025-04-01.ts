/**
 * The AWS partition facts published on 2025-04-01, the day before the shared AWS models were taken
 * (aws/api-models-aws commit 56c8953, 2025-04-02): `dist-cjs/lib/aws/partitions.json` of the npm
 * package `@aws-sdk/util-endpoints@3.775.0` (published 2025-04-01T20:26Z; tarball
 * https://registry.npmjs.org/@aws-sdk/util-endpoints/-/util-endpoints-3.775.0.tgz, integrity
 * sha512-yjWmUgZC9tUxAo8Uaplqmq0eUh0zrbZJdwxGRKdYxfm4RG6fMw1tj52+KkatH7o+mNZvg1GDcVp/INktxonJLw==).
 * Data only, copied row by row into anvil's table layout (region descriptions left out).
 *
 * The models' `endpointTests` were generated against these facts: the ISO partitions did not
 * support dual-stack then, and aws-eusc did not exist. The shipped table
 * (generator/runtime/rules/partitions.ts) is today's; the corpus test runs both.
 */
import type { PartitionRow } from "../../../generator/runtime/rules/partitions.js";

/** Partition facts of `@aws-sdk/util-endpoints@3.775.0`. */
export const PARTITIONS_2025_04_01: readonly PartitionRow[] = [
  [
    "aws",
    "^(us|eu|ap|sa|ca|me|af|il|mx)\\-\\w+\\-\\d+$",
    "amazonaws.com",
    "api.aws",
    "us-east-1",
    "af-south-1 ap-east-1 ap-northeast-1 ap-northeast-2 ap-northeast-3 ap-south-1 ap-south-2 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 ap-southeast-5 ap-southeast-7 aws-global ca-central-1 ca-west-1 eu-central-1 eu-central-2 eu-north-1 eu-south-1 eu-south-2 eu-west-1 eu-west-2 eu-west-3 il-central-1 me-central-1 me-south-1 mx-central-1 sa-east-1 us-east-1 us-east-2 us-west-1 us-west-2",
    true,
    true,
  ],
  [
    "aws-cn",
    "^cn\\-\\w+\\-\\d+$",
    "amazonaws.com.cn",
    "api.amazonwebservices.com.cn",
    "cn-northwest-1",
    "aws-cn-global cn-north-1 cn-northwest-1",
    true,
    true,
  ],
  [
    "aws-us-gov",
    "^us\\-gov\\-\\w+\\-\\d+$",
    "amazonaws.com",
    "api.aws",
    "us-gov-west-1",
    "aws-us-gov-global us-gov-east-1 us-gov-west-1",
    true,
    true,
  ],
  [
    "aws-iso",
    "^us\\-iso\\-\\w+\\-\\d+$",
    "c2s.ic.gov",
    "c2s.ic.gov",
    "us-iso-east-1",
    "aws-iso-global us-iso-east-1 us-iso-west-1",
    true,
    false,
  ],
  [
    "aws-iso-b",
    "^us\\-isob\\-\\w+\\-\\d+$",
    "sc2s.sgov.gov",
    "sc2s.sgov.gov",
    "us-isob-east-1",
    "aws-iso-b-global us-isob-east-1",
    true,
    false,
  ],
  [
    "aws-iso-e",
    "^eu\\-isoe\\-\\w+\\-\\d+$",
    "cloud.adc-e.uk",
    "cloud.adc-e.uk",
    "eu-isoe-west-1",
    "eu-isoe-west-1",
    true,
    false,
  ],
  [
    "aws-iso-f",
    "^us\\-isof\\-\\w+\\-\\d+$",
    "csp.hci.ic.gov",
    "csp.hci.ic.gov",
    "us-isof-south-1",
    "aws-iso-f-global us-isof-east-1 us-isof-south-1",
    true,
    false,
  ],
];
