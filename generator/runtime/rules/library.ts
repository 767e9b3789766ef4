/**
 * The rules-engine function library: Smithy's standard library (`getAttr`, `parseURL`,
 * `substring`, `uriEncode`, `isValidHostLabel`) and the AWS extensions (`aws.partition`,
 * `aws.parseArn`, `aws.isVirtualHostableS3Bucket`). Each function returns `undefined` for the
 * spec's "empty optional".
 */
import type { PartitionRow } from "./partitions.js";

/** A value the rules engine computes with: parameters, literals, function results. */
export type RuleValue =
  string | boolean | number | undefined | readonly RuleValue[] | { readonly [key: string]: RuleValue };

/** An object-shaped rule value (URL, ARN, partition structures). */
export type RuleRecord = { readonly [key: string]: RuleValue };

const isRecord = (value: RuleValue): value is RuleRecord => typeof value === "object" && !Array.isArray(value);

/**
 * `getAttr`: follows a path such as `resourceId[2]` or `a.b` into objects and arrays.
 * A missing key or an index out of range gives `undefined`.
 */
export function getAttr(value: RuleValue, path: string): RuleValue {
  let current = value;
  for (const part of path.split(".")) {
    const open = part.indexOf("[");
    const key = open < 0 ? part : part.slice(0, open);
    if (key) {
      if (current === undefined || !isRecord(current) || !Object.hasOwn(current, key)) return undefined;
      current = current[key];
    }
    if (open >= 0) {
      const index = Number(part.slice(open + 1, part.indexOf("]", open)));
      if (!Array.isArray(current) || !Number.isInteger(index) || index < 0) return undefined;
      current = (current as readonly RuleValue[])[index];
    }
  }
  return current;
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * `parseURL`: splits `scheme://authority/path`. A URL with a query (even an empty one), without
 * a host, or with a scheme other than http/https (endpoints are HTTP; the reference
 * implementations reject other schemes too) gives `undefined`. The authority drops any user info
 * and keeps the port exactly as written; `path` is the path as written (`""` when absent).
 */
export function parseUrl(value: string): RuleRecord | undefined {
  const match = /^(https?):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(?:#.*)?$/i.exec(value);
  if (!match || match[4] !== undefined) return undefined;
  const whole = match[2] ?? "";
  const authority = whole.slice(whole.lastIndexOf("@") + 1);
  const host = authority.startsWith("[")
    ? authority.slice(0, authority.indexOf("]") + 1)
    : (authority.split(":")[0] ?? "");
  if (!host) return undefined;
  const path = match[3] ?? "";
  return {
    scheme: match[1],
    authority,
    path,
    normalizedPath: (path.startsWith("/") ? "" : "/") + path + (path.endsWith("/") || !path ? "" : "/"),
    isIp: host.startsWith("[") || IPV4.test(host),
  };
}

/**
 * `substring`: characters `[start, end)` of an ASCII-only string, counted from the end when
 * `reverse` is true; `undefined` for non-ASCII input or a string too short.
 */
export function substring(input: string, start: number, end: number, reverse: boolean): string | undefined {
  if (start < 0 || start >= end || input.length < end || /[\u0080-\uffff]/.test(input)) return undefined;
  return reverse ? input.slice(input.length - end, input.length - start) : input.slice(start, end);
}

/** `uriEncode`: RFC 3986 percent-encoding, upper-case hex, only `A-Za-z0-9-_.~` left as is. */
export function uriEncode(value: string): string {
  // encodeURIComponent also leaves !'()* alone; RFC 3986 reserves them.
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

const HOST_LABEL = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;

/**
 * `isValidHostLabel`: an RFC 1123 host label (1 to 63 letters, digits or hyphens, no hyphen at
 * either end); with `allowSubDomains`, one or more such labels joined by dots.
 */
export function isValidHostLabel(value: string, allowSubDomains: boolean): boolean {
  return (allowSubDomains ? value.split(".") : [value]).every((label) => HOST_LABEL.test(label));
}

/**
 * `aws.isVirtualHostableS3Bucket`: a bucket name usable as a host name: 3 to 63 characters,
 * lower-case host labels (dots allowed only with `allowSubDomains`), not shaped like an IPv4
 * address.
 */
export function isVirtualHostableS3Bucket(value: string, allowSubDomains: boolean): boolean {
  return (
    value.length >= 3 &&
    value.length <= 63 &&
    value === value.toLowerCase() &&
    isValidHostLabel(value, allowSubDomains) &&
    !IPV4.test(value)
  );
}

/**
 * `aws.parseArn`: `arn:partition:service:region:account:resource`, with the resource split on
 * `:` and `/` into `resourceId`. Partition, service and resource must not be empty.
 */
export function parseArn(value: string): RuleRecord | undefined {
  const parts = value.split(":");
  if (parts.length < 6 || parts[0] !== "arn" || !parts[1] || !parts[2]) return undefined;
  const resource = parts.slice(5).join(":");
  if (!resource) return undefined;
  return {
    partition: parts[1],
    service: parts[2],
    region: parts[3],
    accountId: parts[4],
    resourceId: resource.split(/[:/]/),
  };
}

/** Per table: each listed region's row, and each row's compiled `regionRegex`. */
const indexes = new WeakMap<readonly PartitionRow[], [Map<string, PartitionRow>, RegExp[]]>();

/**
 * `aws.partition`: the partition that explicitly lists `region`, else the first whose
 * `regionRegex` matches, else the first row (`aws`), as partitions.json consumers do.
 */
export function partition(region: string, table: readonly PartitionRow[]): RuleRecord | undefined {
  let index = indexes.get(table);
  if (!index) {
    const listed = new Map<string, PartitionRow>();
    for (const row of table) for (const name of row[5].split(" ")) if (name && !listed.has(name)) listed.set(name, row);
    indexes.set(table, (index = [listed, table.map((row) => new RegExp(row[1]))]));
  }
  const [listed, patterns] = index;
  const row = listed.get(region) ?? table[patterns.findIndex((regex) => regex.test(region))] ?? table[0];
  if (!row) return undefined;
  return {
    name: row[0],
    dnsSuffix: row[2],
    dualStackDnsSuffix: row[3],
    implicitGlobalRegion: row[4],
    supportsFIPS: row[6],
    supportsDualStack: row[7],
  };
}
