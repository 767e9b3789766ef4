/**
 * Helpers for running `smithy.rules#endpointTests` cases against the rules evaluator.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import {
  EndpointError,
  PARTITIONS,
  resolveEndpoint,
  type EndpointParams,
  type PartitionRow,
} from "../../../generator/runtime/rules/evaluate.js";

/** The shared AWS models folder (absent outside the full workspace). */
export const MODELS_DIR = fileURLToPath(new URL("../../../../shared/aws-models", import.meta.url));

/** One case of the `smithy.rules#endpointTests` trait. */
export interface EndpointTestCase {
  documentation?: string;
  params?: EndpointParams;
  expect: {
    error?: string;
    endpoint?: { url: string; properties?: Record<string, unknown>; headers?: Record<string, string[]> };
  };
}

/** A service shape carrying both endpoint traits. */
export interface ServiceEndpoints {
  file: string;
  service: string;
  protocols: string[];
  ruleSet: unknown;
  cases: EndpointTestCase[];
}

interface ModelShape {
  type?: string;
  traits?: Record<string, unknown>;
}

/** Every service of a JSON AST model file that has an endpoint rule set and endpoint tests. */
export function servicesWithEndpointTests(file: string): ServiceEndpoints[] {
  const model = JSON.parse(readFileSync(file, "utf8")) as { shapes?: Record<string, ModelShape> };
  const found: ServiceEndpoints[] = [];
  for (const [service, shape] of Object.entries(model.shapes ?? {})) {
    const traits = shape.traits;
    if (shape.type !== "service" || !traits) continue;
    const tests = traits["smithy.rules#endpointTests"] as { testCases?: EndpointTestCase[] } | undefined;
    const ruleSet = traits["smithy.rules#endpointRuleSet"];
    if (!tests?.testCases || ruleSet === undefined) continue;
    const protocols = Object.keys(traits)
      .filter((id) => id.startsWith("aws.protocols#"))
      .map((id) => id.slice("aws.protocols#".length));
    found.push({ file, service, protocols, ruleSet, cases: tests.testCases });
  }
  return found;
}

/** Every `.json` file under `dir`, sorted. */
export function modelFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".json")) out.push(path);
    }
  };
  walk(dir);
  return out;
}

/** The outcome of one case: `undefined` when it passed, else why it failed. */
export function runCase(
  ruleSet: unknown,
  testCase: EndpointTestCase,
  partitions: readonly PartitionRow[] = PARTITIONS,
): string | undefined {
  const { error, endpoint } = testCase.expect;
  let actual;
  try {
    actual = resolveEndpoint(ruleSet, testCase.params ?? {}, { partitions });
  } catch (thrown) {
    if (!(thrown instanceof EndpointError)) return `threw ${String(thrown)}`;
    if (error !== undefined && thrown.message === error) return undefined;
    return `expected ${error !== undefined ? `error "${error}"` : endpoint?.url}, got error "${thrown.message}"`;
  }
  if (!endpoint) return `expected error "${error}", got ${actual.url}`;
  if (actual.url !== endpoint.url) return `expected ${endpoint.url}, got ${actual.url}`;
  if (!isDeepStrictEqual(actual.properties ?? {}, endpoint.properties ?? {})) {
    return `properties differ: expected ${JSON.stringify(endpoint.properties)}, got ${JSON.stringify(actual.properties)}`;
  }
  if (!isDeepStrictEqual(actual.headers ?? {}, endpoint.headers ?? {})) {
    return `headers differ: expected ${JSON.stringify(endpoint.headers)}, got ${JSON.stringify(actual.headers)}`;
  }
  return undefined;
}

/** The partition facts the shared models' endpointTests were written against (npm, 2025-04-01). */
export { PARTITIONS_2025_04_01 as PARTITIONS_2025_04 } from "./partitions-2025-04-01.js";
