import { describe, expect, it } from "vitest";
import {
  getAttr,
  isValidHostLabel,
  isVirtualHostableS3Bucket,
  parseArn,
  parseUrl,
  partition,
  substring,
  uriEncode,
} from "../../../generator/runtime/rules/library.js";
import { PARTITIONS, type PartitionRow } from "../../../generator/runtime/rules/partitions.js";

describe("parseURL", () => {
  it.each([
    ["https://example.com", { scheme: "https", authority: "example.com", path: "", normalizedPath: "/", isIp: false }],
    [
      "http://example.com:80/foo/bar",
      { scheme: "http", authority: "example.com:80", path: "/foo/bar", normalizedPath: "/foo/bar/", isIp: false },
    ],
    ["https://127.0.0.1", { scheme: "https", authority: "127.0.0.1", path: "", normalizedPath: "/", isIp: true }],
    ["https://[fe80::1]", { scheme: "https", authority: "[fe80::1]", path: "", normalizedPath: "/", isIp: true }],
    [
      "https://[fe80::1]:8443/a/",
      { scheme: "https", authority: "[fe80::1]:8443", path: "/a/", normalizedPath: "/a/", isIp: true },
    ],
    ["http://10.0.1.12:433", { scheme: "http", authority: "10.0.1.12:433", path: "", normalizedPath: "/", isIp: true }],
    [
      "https://user:pw@host.example/x",
      { scheme: "https", authority: "host.example", path: "/x", normalizedPath: "/x/", isIp: false },
    ],
  ])("splits %s into its parts", (input, parts) => {
    expect(parseUrl(input)).toEqual(parts);
  });

  it("does not take a host of four numbers above 255 for an IP address", () => {
    expect(parseUrl("https://256.1.1.1")?.isIp).toBe(false);
  });

  it.each([
    ["a query", "https://example.com:8443?foo=bar&faz=baz"],
    ["an empty query", "https://example.com/?"],
    ["no scheme", "example.com"],
    ["a scheme other than http or https", "abcde://nota#url"],
    ["no host", "https:///path"],
  ])("rejects a URL with %s", (_why, input) => {
    expect(parseUrl(input)).toBeUndefined();
  });
});

describe("substring", () => {
  it.each([
    ["abcdefg", 0, 4, false, "abcd"],
    ["abcdefg", 0, 4, true, "defg"],
    ["abcdefg", 2, 7, false, "cdefg"],
    ["abcdefg", 1, 3, true, "ef"],
    ["abc", 0, 4, false, undefined],
    ["abcdef", 3, 3, false, undefined],
    ["abcdef", 4, 2, false, undefined],
    ["ab😀cd", 0, 2, false, undefined],
    ["abcdé", 0, 2, false, undefined],
  ])("substring(%j, %i, %i, reverse %s) is %j", (input, start, end, reverse, want) => {
    expect(substring(input, start, end, reverse)).toBe(want);
  });
});

describe("uriEncode", () => {
  it("leaves only the RFC 3986 unreserved characters unencoded", () => {
    expect(uriEncode("AZaz09-_.~")).toBe("AZaz09-_.~");
  });

  it("encodes every reserved printable character, in upper-case hex", () => {
    const reserved = "/:,?#[]{}|@! $&'()*+;=%<>\"^`\\";
    const encoded = uriEncode(reserved);
    expect(encoded).toBe("%2F%3A%2C%3F%23%5B%5D%7B%7D%7C%40%21%20%24%26%27%28%29%2A%2B%3B%3D%25%3C%3E%22%5E%60%5C");
  });

  it("encodes non-ASCII characters as UTF-8 bytes", () => {
    expect(uriEncode("é😀")).toBe("%C3%A9%F0%9F%98%80");
  });
});

describe("isValidHostLabel", () => {
  it.each([
    ["us-east-1", false, true],
    ["a", false, true],
    ["0abc", false, true],
    ["a".repeat(63), false, true],
    ["a".repeat(64), false, false],
    ["", false, false],
    ["-abc", false, false],
    ["abc-", false, false],
    ["a_b", false, false],
    ["a.b", false, false],
    ["a.b", true, true],
    ["a..b", true, false],
    [".a", true, false],
    ["a.", true, false],
    ["a.-b", true, false],
  ])("%j (sub-domains %s) is %s", (value, allowSubDomains, want) => {
    expect(isValidHostLabel(value, allowSubDomains)).toBe(want);
  });
});

describe("aws.isVirtualHostableS3Bucket", () => {
  it.each([
    ["my-bucket", false, true],
    ["abc", false, true],
    ["ab", false, false],
    ["a".repeat(64), false, false],
    ["My-Bucket", false, false],
    ["bucket_name", false, false],
    ["my.bucket", false, false],
    ["my.bucket", true, true],
    ["my..bucket", true, false],
    ["192.168.5.4", true, false],
    ["-bucket", false, false],
  ])("%j (sub-domains %s) is %s", (value, allowSubDomains, want) => {
    expect(isVirtualHostableS3Bucket(value, allowSubDomains)).toBe(want);
  });
});

describe("aws.parseArn", () => {
  it.each([
    [
      "arn:aws:sns:us-west-2:012345678910:example-sns-topic-name",
      {
        partition: "aws",
        service: "sns",
        region: "us-west-2",
        accountId: "012345678910",
        resourceId: ["example-sns-topic-name"],
      },
    ],
    [
      "arn:aws:ec2:us-east-1:012345678910:vpc/vpc-0e9801d129EXAMPLE",
      {
        partition: "aws",
        service: "ec2",
        region: "us-east-1",
        accountId: "012345678910",
        resourceId: ["vpc", "vpc-0e9801d129EXAMPLE"],
      },
    ],
    [
      "arn:aws:iam::012345678910:user/johndoe",
      { partition: "aws", service: "iam", region: "", accountId: "012345678910", resourceId: ["user", "johndoe"] },
    ],
    [
      "arn:aws:s3:::bucket_name",
      { partition: "aws", service: "s3", region: "", accountId: "", resourceId: ["bucket_name"] },
    ],
    [
      "arn:aws:s3-outposts:us-west-2:123:outpost:op-01:accesspoint/ap",
      {
        partition: "aws",
        service: "s3-outposts",
        region: "us-west-2",
        accountId: "123",
        resourceId: ["outpost", "op-01", "accesspoint", "ap"],
      },
    ],
  ])("parses %s", (input, want) => {
    expect(parseArn(input)).toEqual(want);
  });

  it.each([
    ["not an ARN", "11111111-2222-3333-4444-555555555555"],
    ["too few parts", "arn:aws:s3:us-east-1:123"],
    ["an empty resource", "arn:aws:s3:us-east-1:123:"],
    ["an empty partition", "arn::s3:us-east-1:123:res"],
    ["an empty service", "arn:aws::us-east-1:123:res"],
    ["another prefix", "urn:aws:s3:us-east-1:123:res"],
  ])("rejects %s", (_why, input) => {
    expect(parseArn(input)).toBeUndefined();
  });
});

describe("getAttr", () => {
  const value = { a: { b: "deep" }, list: ["x", "y", "z"], flag: false };

  it.each([
    ["a.b", "deep"],
    ["list[0]", "x"],
    ["list[2]", "z"],
    ["list[3]", undefined],
    ["flag", false],
    ["missing", undefined],
    ["a.missing.b", undefined],
    ["flag.b", undefined],
    ["toString", undefined],
  ])("path %j gives %j", (path, want) => {
    expect(getAttr(value, path)).toBe(want);
  });
});

describe("aws.partition", () => {
  const name = (region: string, table: readonly PartitionRow[] = PARTITIONS): unknown => partition(region, table)?.name;

  it.each([
    ["us-east-1", "aws"],
    ["aws-global", "aws"],
    ["eu-south-9", "aws"],
    ["cn-north-1", "aws-cn"],
    ["aws-cn-global", "aws-cn"],
    ["us-gov-west-1", "aws-us-gov"],
    ["us-iso-east-1", "aws-iso"],
    ["us-isob-east-1", "aws-iso-b"],
    ["eu-isoe-west-1", "aws-iso-e"],
    ["us-isof-south-1", "aws-iso-f"],
    ["eusc-de-east-1", "aws-eusc"],
    ["eusc-de-north-7", "aws-eusc"],
  ])("puts %s in %s", (region, want) => {
    expect(name(region)).toBe(want);
  });

  it("falls back to the aws partition for a region no partition knows", () => {
    expect(partition("mars-east-1", PARTITIONS)).toEqual({
      name: "aws",
      dnsSuffix: "amazonaws.com",
      dualStackDnsSuffix: "api.aws",
      implicitGlobalRegion: "us-east-1",
      supportsFIPS: true,
      supportsDualStack: true,
    });
  });

  it("prefers a partition that lists the region over one whose pattern matches it", () => {
    const table: PartitionRow[] = [
      ["wide", "^x-\\w+-\\d+$", "wide.example", "wide.example", "x-a-1", "", true, true],
      ["narrow", "^never$", "narrow.example", "narrow.example", "x-b-2", "x-b-2", true, false],
    ];
    expect(name("x-b-2", table)).toBe("narrow");
    expect(name("x-c-3", table)).toBe("wide");
  });

  it("reports each partition's DNS facts", () => {
    expect(partition("cn-north-1", PARTITIONS)).toMatchObject({
      dnsSuffix: "amazonaws.com.cn",
      dualStackDnsSuffix: "api.amazonwebservices.com.cn",
      implicitGlobalRegion: "cn-northwest-1",
    });
  });

  it("lists only regions that are not claimed by another partition's pattern", () => {
    for (const row of PARTITIONS) {
      for (const region of row[5].split(" ")) {
        for (const other of PARTITIONS) {
          if (other !== row) expect(new RegExp(other[1]).test(region), `${region} vs ${other[0]}`).toBe(false);
        }
      }
    }
  });
});
