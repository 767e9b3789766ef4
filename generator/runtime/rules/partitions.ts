/**
 * AWS partition facts for the `aws.partition` rules-engine function.
 *
 * Today's facts, as the AWS SDK ships them: `partitionsInfo` of
 * `@aws-sdk/core` 3.981.2 (`dist-es/submodules/client/util-endpoints/lib/aws/partitions.js`, the
 * partitions.json of aws-sdk-js-v3, version 1.1), the newest on npm when checked (2026-12-02).
 * Data only, copied row by row. test/runtime/rules/partitions-current.test.ts compares this table
 * with the installed SDK's, so it cannot silently fall behind an `npm update`.
 *
 * The shared corpus models (2025-04-02) carry endpointTests written against the facts of their
 * day, when the ISO partitions had no dual-stack: 1,460 of their 13,494 cases expect the older
 * answer and are listed, with that reason, by test/runtime/rules/corpus.test.ts (all 13,494 pass
 * against the 2025-04-01 facts). Region descriptions are left out; they play no part in
 * resolution. Rows, not objects, to keep the bundle small.
 */

/**
 * One partition, as a row: its name, region regex, DNS suffix, dual-stack DNS suffix, implicit
 * global region, explicitly listed regions (space separated), FIPS support and dual-stack support.
 */
export type PartitionRow = readonly [
  name: string,
  regionRegex: string,
  dnsSuffix: string,
  dualStackDnsSuffix: string,
  implicitGlobalRegion: string,
  regions: string,
  supportsFIPS: boolean,
  supportsDualStack: boolean,
];

/** Every AWS partition. The first row (`aws`) is also the fallback for an unknown region. */
export const PARTITIONS: readonly PartitionRow[] = [
  [
    "aws",
    "^(us|eu|ap|sa|ca|me|af|il|mx)\\-\\w+\\-\\d+$",
    "amazonaws.com",
    "api.aws",
    "us-east-1",
    "af-south-1 ap-east-1 ap-east-2 ap-northeast-1 ap-northeast-2 ap-northeast-3 ap-south-1 " +
      "ap-south-2 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 ap-southeast-5 " +
      "ap-southeast-6 ap-southeast-7 aws-global ca-central-1 ca-west-1 eu-central-1 eu-central-2 " +
      "eu-north-1 eu-south-1 eu-south-2 eu-west-1 eu-west-2 eu-west-3 il-central-1 me-central-1 " +
      "me-south-1 me-west-1 mx-central-1 sa-east-1 sa-west-1 us-east-1 us-east-2 us-west-1 us-west-2",
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
    "aws-eusc",
    "^eusc\\-(de)\\-\\w+\\-\\d+$",
    "amazonaws.eu",
    "api.amazonwebservices.eu",
    "eusc-de-east-1",
    "eusc-de-east-1",
    true,
    true,
  ],
  [
    "aws-iso",
    "^us\\-iso\\-\\w+\\-\\d+$",
    "c2s.ic.gov",
    "api.aws.ic.gov",
    "us-iso-east-1",
    "aws-iso-global us-iso-east-1 us-iso-west-1",
    true,
    true,
  ],
  [
    "aws-iso-b",
    "^us\\-isob\\-\\w+\\-\\d+$",
    "sc2s.sgov.gov",
    "api.aws.scloud",
    "us-isob-east-1",
    "aws-iso-b-global us-isob-east-1 us-isob-west-1",
    true,
    true,
  ],
  [
    "aws-iso-e",
    "^eu\\-isoe\\-\\w+\\-\\d+$",
    "cloud.adc-e.uk",
    "api.cloud-aws.adc-e.uk",
    "eu-isoe-west-1",
    "aws-iso-e-global eu-isoe-west-1",
    true,
    true,
  ],
  [
    "aws-iso-f",
    "^us\\-isof\\-\\w+\\-\\d+$",
    "csp.hci.ic.gov",
    "api.aws.hci.ic.gov",
    "us-isof-south-1",
    "aws-iso-f-global us-isof-east-1 us-isof-south-1",
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
];
