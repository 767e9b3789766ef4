import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { partition } from "../../../generator/runtime/rules/library.js";
import { PARTITIONS } from "../../../generator/runtime/rules/partitions.js";
import {
  MODELS_DIR,
  PARTITIONS_2025_04,
  modelFiles,
  runCase,
  servicesWithEndpointTests,
  type EndpointTestCase,
  type ServiceEndpoints,
} from "./endpoint-cases.js";

const present = existsSync(MODELS_DIR);
if (!present) console.warn(`skipping the endpointTests corpus: ${MODELS_DIR} is absent (needs ../shared)`);

interface Tally {
  passed: number;
  failed: { service: string; testCase: EndpointTestCase; reason: string }[];
}

function tally(services: ServiceEndpoints[], partitions = PARTITIONS): Tally {
  const result: Tally = { passed: 0, failed: [] };
  for (const s of services) {
    for (const testCase of s.cases) {
      const reason = runCase(s.ruleSet, testCase, partitions);
      if (reason === undefined) result.passed++;
      else result.failed.push({ service: s.service, testCase, reason });
    }
  }
  return result;
}

/**
 * Partitions whose dual-stack facts changed after the models were taken: on 2025-04-01 the ISO
 * partitions had `supportsDualStack: false` and their plain DNS suffix as dual-stack suffix;
 * today's partitions.json gives each a dual-stack suffix of its own (`api.aws.ic.gov`...).
 */
const DUAL_STACK_ADDED = PARTITIONS.filter((row) => {
  const then = PARTITIONS_2025_04.find((old) => old[0] === row[0]);
  return then !== undefined && (then[3] !== row[3] || then[7] !== row[7]);
}).map((row) => row[0]);

describe.skipIf(!present)("endpointTests of every model in the corpus (every protocol)", () => {
  const services = present ? modelFiles(MODELS_DIR).flatMap(servicesWithEndpointTests) : [];

  it("passes every case against the partition facts of the models' date (2025-04-01)", () => {
    const { passed, failed } = tally(services, PARTITIONS_2025_04);
    console.log(
      `endpointTests, ${services.length} services, 2025-04-01 partitions: ${passed} passed, ${failed.length} failed`,
    );
    for (const f of failed.slice(0, 20))
      console.log(`  ${f.service} ${JSON.stringify(f.testCase.params)}: ${f.reason}`);
    expect(services.length).toBeGreaterThan(300);
    expect(failed).toEqual([]);
  });

  it("against today's shipped partition facts, fails only where a partition gained dual-stack since", () => {
    const { passed, failed } = tally(services);
    // Each exception, with its reason: the case's region is in a partition whose dual-stack facts
    // changed after the model was published, and the case passes with the facts of that time.
    const unexplained = failed.filter((f) => {
      const region = f.testCase.params?.Region;
      const name = typeof region === "string" ? partition(region, PARTITIONS)?.name : undefined;
      const service = services.find((s) => s.service === f.service);
      return (
        typeof name !== "string" ||
        !DUAL_STACK_ADDED.includes(name) ||
        runCase(service?.ruleSet, f.testCase, PARTITIONS_2025_04) !== undefined
      );
    });
    const byPartition = new Map<string, number>();
    for (const f of failed) {
      const name = String(partition(String(f.testCase.params?.Region), PARTITIONS)?.name);
      byPartition.set(name, (byPartition.get(name) ?? 0) + 1);
    }
    console.log(
      `endpointTests, ${services.length} services, shipped partitions: ${passed} passed, ${failed.length} exceptions ` +
        `(${[...byPartition].map(([k, v]) => `${k} ${v}`).join(", ")}): the model's test predates dual-stack in that partition`,
    );
    expect(DUAL_STACK_ADDED).toEqual(["aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f"]);
    expect(unexplained).toEqual([]);
  });
});
