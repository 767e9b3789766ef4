/**
 * Region and endpoint resolution, done once per client (never per call).
 *
 * Default endpoint: `https://{endpointPrefix}.{region}.{dnsSuffix}`, the DNS suffix chosen by the
 * region's partition as published in the AWS SDKs' partitions.json. A client whose model has a
 * `smithy.rules#endpointRuleSet` resolves through rules/ instead (see client.ts); FIPS and
 * dual-stack endpoints are not selected: pass `endpoint` for those.
 */
// Node's types even in an app whose tsconfig loads no global types (`tsc --init` writes `"types": []`).
/// <reference types="node" />
import { ClientConfigError } from "./errors.js";

/** A partition's region prefix and DNS suffix. Checked in order; the first match wins. */
const PARTITION_SUFFIXES: ReadonlyArray<readonly [prefix: string, dnsSuffix: string]> = [
  ["cn-", "amazonaws.com.cn"], // aws-cn
  ["us-gov-", "amazonaws.com"], // aws-us-gov
  ["us-isob-", "sc2s.sgov.gov"], // aws-iso-b
  ["us-isof-", "csp.hci.ic.gov"], // aws-iso-f
  ["us-iso-", "c2s.ic.gov"], // aws-iso
  ["eu-isoe-", "cloud.adc-e.uk"], // aws-iso-e
  ["eusc-", "amazonaws.eu"], // aws-eusc (European Sovereign Cloud)
];

/** The `aws` partition's suffix, also used for regions no partition claims (as the SDKs do). */
export const DEFAULT_DNS_SUFFIX = "amazonaws.com";

/** DNS suffix of the partition `region` belongs to. */
export function dnsSuffixFor(region: string): string {
  for (const [prefix, suffix] of PARTITION_SUFFIXES) {
    if (region.startsWith(prefix)) return suffix;
  }
  return DEFAULT_DNS_SUFFIX;
}

/** A region is one DNS label: letters, digits and inner hyphens (this also blocks host injection). */
const REGION_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** `config.region`, else AWS_REGION, else AWS_DEFAULT_REGION; throws a clear error when none is set. */
export function resolveRegion(configured: string | undefined, sdkId: string): string {
  const env = typeof process === "undefined" ? undefined : process.env;
  const region = configured ?? (env?.["AWS_REGION"] || env?.["AWS_DEFAULT_REGION"] || undefined);
  if (region === undefined || region === "") {
    throw new ClientConfigError(
      `${sdkId} client: no region. Pass \`region\` in the client config (e.g. "us-east-1") or set AWS_REGION.`,
      "region",
    );
  }
  if (!REGION_PATTERN.test(region)) {
    throw new ClientConfigError(
      `${sdkId} client: region "${region}" is not a valid region name (letters, digits and hyphens, e.g. "us-east-1").`,
      "region",
    );
  }
  return region;
}

/** An endpoint split once into the parts the signer and the transports need. */
export interface ResolvedEndpoint {
  /** `protocol//host/path`, for fetch. */
  url: string;
  /** The URL scheme with its colon. */
  protocol: "http:" | "https:";
  /** Host name without IPv6 brackets, for node:http. */
  hostname: string;
  /** The port when the URL names one, else `undefined` (the scheme's default). */
  port: number | undefined;
  /** The value of the signed `host` header: host name plus any non-default port. */
  host: string;
  /**
   * Request path: `/`, or the override's base path with a `/` appended when it lacks one (awsJson
   * operations are at `/`, so `https://host/custom` sends to `/custom/`).
   */
  path: string;
}

/**
 * Parses `override` (a URL) or builds the default AWS endpoint for `endpointPrefix` in `region`.
 * A service with no endpoint prefix (not an AWS service, and no endpoint rules gave a URL) has no
 * default: then `endpoint` is required, and its absence is a `ClientConfigError`.
 */
export function resolveEndpoint(
  override: string | undefined,
  endpointPrefix: string,
  region: string,
  sdkId: string,
): ResolvedEndpoint {
  if (override === undefined && endpointPrefix === "") {
    throw new ClientConfigError(
      `${sdkId} client: no endpoint. The model has no endpoint rules and is not an AWS service, so there is no default: pass \`endpoint\` in the client config (e.g. "https://api.example.com").`,
      "endpoint",
    );
  }
  const text = override ?? `https://${endpointPrefix}.${region}.${dnsSuffixFor(region)}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ClientConfigError(
      `${sdkId} client: endpoint "${text}" is not a URL (expected e.g. "https://host" or "http://127.0.0.1:8080").`,
      "endpoint",
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ClientConfigError(`${sdkId} client: endpoint "${text}" must use http: or https:.`, "endpoint");
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new ClientConfigError(
      `${sdkId} client: endpoint must not contain a query, a fragment or user info.`,
      "endpoint",
    );
  }
  const hostname = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return {
    url: `${url.protocol}//${url.host}${path}`,
    protocol: url.protocol,
    hostname,
    port: url.port === "" ? undefined : Number(url.port),
    host: url.host,
    path,
  };
}
