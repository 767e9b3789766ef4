import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveEndpoint } from "../../../generator/runtime/rules/evaluate.js";
import { MODELS_DIR, PARTITIONS_2025_04, runCase, servicesWithEndpointTests } from "./endpoint-cases.js";

const MODEL = join(MODELS_DIR, "frauddetector/service/2019-11-15/frauddetector-2019-11-15.json");
const present = existsSync(MODEL);
if (!present) console.warn(`skipping Fraud Detector endpoint tests: ${MODEL} is absent (needs ../shared)`);

const [service] = present ? servicesWithEndpointTests(MODEL) : [];
const cases = service?.cases ?? [];
const label = (i: number): string => {
  const c = cases[i];
  return `${JSON.stringify(c.params ?? {})} -> ${c.expect.error ?? c.expect.endpoint?.url}`;
};

describe.skipIf(!present)("Fraud Detector endpointTests", () => {
  it("has the model's 30 cases", () => {
    expect(cases).toHaveLength(30);
  });

  // The model's cases date from 2025-04, so they run against the partition facts of that time.
  it.each(cases.map((_, i) => [label(i), i] as const))("%s", (_name, i) => {
    expect(runCase(service.ruleSet, cases[i], PARTITIONS_2025_04)).toBeUndefined();
  });

  it("with today's partition facts, differs only where ISO partitions gained dual-stack", () => {
    const differing = cases.filter((c) => runCase(service.ruleSet, c) !== undefined);
    expect(differing.map((c) => c.params?.Region)).toEqual([
      "us-iso-east-1",
      "us-iso-east-1",
      "us-isob-east-1",
      "us-isob-east-1",
    ]);
    for (const c of differing) expect(c.params?.UseDualStack).toBe(true);
    const url = (Region: string, UseFIPS: boolean) =>
      resolveEndpoint(service.ruleSet, { Region, UseFIPS, UseDualStack: true }).url;
    expect(url("us-iso-east-1", false)).toBe("https://frauddetector.us-iso-east-1.api.aws.ic.gov");
    expect(url("us-isob-east-1", true)).toBe("https://frauddetector-fips.us-isob-east-1.api.aws.scloud");
  });
});
