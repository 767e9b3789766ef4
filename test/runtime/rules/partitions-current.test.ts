/**
 * The shipped partition table is today's: it must equal the partitions.json of the AWS SDK this
 * repository installs (`@aws-sdk/core`, a dev dependency through `@aws-sdk/client-frauddetector`).
 * When an `npm update` brings newer facts, this fails until partitions.ts is updated from them.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PARTITIONS, type PartitionRow } from "../../../generator/runtime/rules/partitions.js";

const SDK_PARTITIONS = fileURLToPath(
  new URL(
    "../../../node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partitions.js",
    import.meta.url,
  ),
);
const present = existsSync(SDK_PARTITIONS);
if (!present) console.warn(`skipping the partitions freshness check: ${SDK_PARTITIONS} is absent (run npm ci)`);

interface SdkPartition {
  id: string;
  regionRegex: string;
  regions: Record<string, unknown>;
  outputs: {
    dnsSuffix: string;
    dualStackDnsSuffix: string;
    implicitGlobalRegion: string;
    supportsFIPS: boolean;
    supportsDualStack: boolean;
  };
}

describe.skipIf(!present)("shipped partition facts", () => {
  it("equal the partitions.json of the installed AWS SDK, row for row", async () => {
    const sdk = (await import(SDK_PARTITIONS)) as { partitionsInfo: { partitions: SdkPartition[] } };
    const rows: PartitionRow[] = sdk.partitionsInfo.partitions.map((p) => [
      p.id,
      p.regionRegex,
      p.outputs.dnsSuffix,
      p.outputs.dualStackDnsSuffix,
      p.outputs.implicitGlobalRegion,
      Object.keys(p.regions).sort().join(" "),
      p.outputs.supportsFIPS,
      p.outputs.supportsDualStack,
    ]);
    expect(PARTITIONS).toEqual(rows);
  });
});
