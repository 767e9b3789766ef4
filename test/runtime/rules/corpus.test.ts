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

const JSON_PROTOCOLS = new Set(["awsJson1_0", "awsJson1_1"]);

function jsonServices(): ServiceEndpoints[] {
  return modelFiles(MODELS_DIR)
    .flatMap(servicesWithEndpointTests)
    .filter((s) => s.protocols.some((p) => JSON_PROTOCOLS.has(p)));
}

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

describe.skipIf(!present)("endpointTests of every awsJson1_0/awsJson1_1 model", () => {
  const services = present ? jsonServices() : [];

  it("passes every case against the partition facts of the models' date (2025-04)", () => {
    const { passed, failed } = tally(services, PARTITIONS_2025_04);
    console.log(
      `endpointTests, ${services.length} awsJson services, 2025-04 partitions: ${passed} passed, ${failed.length} failed`,
    );
    for (const f of failed.slice(0, 20))
      console.log(`  ${f.service} ${JSON.stringify(f.testCase.params)}: ${f.reason}`);
    expect(services.length).toBeGreaterThan(100);
    expect(failed).toEqual([]);
  });

  it("fails against today's partition facts only in ISO partitions", () => {
    const { passed, failed } = tally(services);
    console.log(
      `endpointTests, ${services.length} awsJson services, shipped partitions: ${passed} passed, ${failed.length} failed`,
    );
    const elsewhere = failed.filter((f) => {
      const region = f.testCase.params?.Region;
      const name = typeof region === "string" ? partition(region, PARTITIONS)?.name : undefined;
      return typeof name !== "string" || !name.startsWith("aws-iso");
    });
    expect(elsewhere).toEqual([]);
  });
});
