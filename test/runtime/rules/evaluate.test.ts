import { describe, expect, it } from "vitest";
import { EndpointError, resolveEndpoint } from "../../../generator/runtime/rules/evaluate.js";

const ref = (name: string) => ({ ref: name });
const fn = (name: string, ...argv: unknown[]) => ({ fn: name, argv });
const endpoint = (url: unknown, conditions: unknown[] = [], extra: object = {}) => ({
  type: "endpoint",
  conditions,
  endpoint: { url, ...extra },
});
const error = (message: unknown, conditions: unknown[] = []) => ({ type: "error", conditions, error: message });
const tree = (conditions: unknown[], rules: unknown[]) => ({ type: "tree", conditions, rules });

const regionParams = {
  Region: { type: "String", builtIn: "AWS::Region", required: false, documentation: "" },
  UseFIPS: { type: "Boolean", builtIn: "AWS::UseFIPS", required: true, default: false, documentation: "" },
};
const ruleSet = (rules: unknown[], parameters: object = regionParams) => ({ version: "1.0", parameters, rules });

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (thrown) {
    expect(thrown).toBeInstanceOf(EndpointError);
    return (thrown as Error).message;
  }
  throw new Error("expected an EndpointError");
}

describe("resolveEndpoint", () => {
  it("returns the first endpoint rule whose conditions all hold", () => {
    const rules = ruleSet([
      endpoint("https://fips.{Region}.example", [fn("booleanEquals", ref("UseFIPS"), true)]),
      endpoint("https://{Region}.example", [fn("isSet", ref("Region"))]),
      error("unreachable"),
    ]);
    expect(resolveEndpoint(rules, { Region: "r-1" })).toEqual({ url: "https://r-1.example" });
    expect(resolveEndpoint(rules, { Region: "r-1", UseFIPS: true })).toEqual({ url: "https://fips.r-1.example" });
  });

  it("throws the message of a matching error rule, expanding its template", () => {
    const rules = ruleSet([error("Region {Region} is not supported", [fn("stringEquals", ref("Region"), "bad")])]);
    expect(errorOf(() => resolveEndpoint(rules, { Region: "bad" }))).toBe("Region bad is not supported");
  });

  it("throws when no rule matches", () => {
    const rules = ruleSet([endpoint("https://x", [fn("isSet", ref("Region"))])]);
    expect(errorOf(() => resolveEndpoint(rules, {}))).toMatch(/No endpoint rule matched/);
  });

  it("does not fall through to later rules once a matched tree is exhausted", () => {
    const rules = ruleSet([
      tree([fn("isSet", ref("Region"))], [endpoint("https://never", [fn("stringEquals", ref("Region"), "x")])]),
      endpoint("https://after-the-tree"),
    ]);
    expect(errorOf(() => resolveEndpoint(rules, { Region: "r-1" }))).toMatch(/No endpoint rule matched/);
    expect(resolveEndpoint(rules, {})).toEqual({ url: "https://after-the-tree" });
  });

  it("applies defaults, and reads built-in values by built-in id when the name is absent", () => {
    const rules = ruleSet([
      endpoint("https://fips.{Region}", [fn("booleanEquals", ref("UseFIPS"), true), fn("isSet", ref("Region"))]),
      endpoint("https://plain.{Region}", [fn("isSet", ref("Region"))]),
    ]);
    expect(resolveEndpoint(rules, { "AWS::Region": "r-2" }).url).toBe("https://plain.r-2");
    expect(resolveEndpoint(rules, { "AWS::Region": "r-2", "AWS::UseFIPS": true }).url).toBe("https://fips.r-2");
    expect(resolveEndpoint(rules, { Region: "by-name", "AWS::Region": "by-id" }).url).toBe("https://plain.by-name");
  });

  it("rejects a missing required parameter that has no default", () => {
    const rules = ruleSet([endpoint("https://x")], { Bucket: { type: "string", required: true, documentation: "" } });
    expect(errorOf(() => resolveEndpoint(rules, {}))).toBe("Missing required endpoint parameter: Bucket");
  });

  it("rejects a parameter of the wrong type", () => {
    const rules = ruleSet([endpoint("https://x")]);
    expect(errorOf(() => resolveEndpoint(rules, { UseFIPS: "yes" }))).toMatch(/UseFIPS must be of type Boolean/);
  });

  it("accepts a stringArray parameter and reads its items with getAttr", () => {
    const rules = ruleSet(
      [
        endpoint(
          "https://{first}.example",
          [fn("getAttr", ref("Arns"), "[0]")].map((c) => ({ ...c, assign: "first" })),
        ),
      ],
      { Arns: { type: "stringArray", required: true, default: ["d"], documentation: "" } },
    );
    expect(resolveEndpoint(rules, { Arns: ["a", "b"] }).url).toBe("https://a.example");
    expect(resolveEndpoint(rules, {}).url).toBe("https://d.example");
  });

  it("keeps an assigned variable inside its rule and that rule's subrules", () => {
    const rules = ruleSet([
      tree(
        [{ ...fn("aws.partition", ref("Region")), assign: "PartitionResult" }],
        [
          // Assigns `url`, then fails: `url` must not reach the sibling rules.
          endpoint("https://never", [
            { ...fn("parseURL", "https://{Region}.example"), assign: "url" },
            fn("stringEquals", ref("Region"), "no-such-region"),
          ]),
          endpoint("https://leaked", [fn("isSet", ref("url"))]),
          endpoint("https://svc.{Region}.{PartitionResult#dnsSuffix}", [
            { ...fn("stringEquals", ref("Region"), "cn-north-1"), assign: "isChina" },
          ]),
          endpoint("https://leaked-too", [fn("isSet", ref("isChina"))]),
          endpoint("https://svc.{Region}.{PartitionResult#dualStackDnsSuffix}"),
        ],
      ),
      endpoint("https://outside", [fn("isSet", ref("PartitionResult"))]),
      endpoint("https://no-region"),
    ]);
    expect(resolveEndpoint(rules, { Region: "cn-north-1" }).url).toBe("https://svc.cn-north-1.amazonaws.com.cn");
    expect(resolveEndpoint(rules, { Region: "us-east-1" }).url).toBe("https://svc.us-east-1.api.aws");
    // Resolution is repeatable: a previous call's assignments do not survive into the next.
    expect(resolveEndpoint(rules, { Region: "us-east-1" }).url).toBe("https://svc.us-east-1.api.aws");
  });

  it("treats a condition that yields an empty optional or false as not matching, anything else as matching", () => {
    const rules = ruleSet(
      [
        endpoint("https://none", [fn("parseURL", ref("Endpoint"))]),
        endpoint("https://empty-string:{Empty}", [fn("substring", ref("Empty"), 0, 0, false)]),
        endpoint("https://false", [fn("not", true)]),
        endpoint("https://fallback", [fn("uriEncode", ref("Empty"))]),
      ],
      {
        Endpoint: { type: "string", required: true, default: "https://q.example?x=1", documentation: "" },
        Empty: { type: "string", required: true, default: "", documentation: "" },
      },
    );
    expect(resolveEndpoint(rules, {}).url).toBe("https://fallback");
  });

  it("evaluates templates with {{ }} escapes and #path shorthand", () => {
    const rules = ruleSet([
      endpoint("https://{{literal}}.{url#authority}{url#normalizedPath}{arn#resourceId[1]}", [
        { ...fn("parseURL", "https://{Region}.example:8443/base"), assign: "url" },
        { ...fn("aws.parseArn", "arn:aws:s3:::{Region}/key"), assign: "arn" },
      ]),
    ]);
    expect(resolveEndpoint(rules, { Region: "r-9" }).url).toBe("https://{literal}.r-9.example:8443/base/key");
  });

  it("resolves a url given as a reference or a function", () => {
    const byRef = ruleSet([endpoint(ref("Region"))]);
    expect(resolveEndpoint(byRef, { Region: "https://custom" }).url).toBe("https://custom");
    const byFn = ruleSet([endpoint(fn("uriEncode", "https://a b"))]);
    expect(resolveEndpoint(byFn, {}).url).toBe("https%3A%2F%2Fa%20b");
  });

  it("expands templates inside endpoint properties and headers", () => {
    const rules = ruleSet([
      endpoint("https://x", [{ ...fn("aws.partition", ref("Region")), assign: "p" }], {
        properties: {
          authSchemes: [{ name: "sigv4", signingRegion: "{Region}", disableDoubleEncoding: true, weight: 2 }],
          note: "{p#name}",
        },
        headers: { "x-region": ["{Region}", ref("Region")], "x-fixed": ["a"] },
      }),
    ]);
    expect(resolveEndpoint(rules, { Region: "us-gov-west-1" })).toEqual({
      url: "https://x",
      properties: {
        authSchemes: [{ name: "sigv4", signingRegion: "us-gov-west-1", disableDoubleEncoding: true, weight: 2 }],
        note: "aws-us-gov",
      },
      headers: { "x-region": ["us-gov-west-1", "us-gov-west-1"], "x-fixed": ["a"] },
    });
  });

  it("leaves out empty properties and headers", () => {
    const rules = ruleSet([endpoint("https://x", [], { properties: {}, headers: {} })]);
    expect(resolveEndpoint(rules, {})).toEqual({ url: "https://x" });
  });

  it("uses the partition table passed in options", () => {
    const rules = ruleSet([
      endpoint("https://svc.{Region}.{p#dnsSuffix}", [{ ...fn("aws.partition", ref("Region")), assign: "p" }]),
    ]);
    const partitions = [["test", "^t-\\d$", "test.example", "ds.test.example", "t-1", "", true, false]] as const;
    expect(resolveEndpoint(rules, { Region: "t-1" }, { partitions: [partitions[0]] }).url).toBe(
      "https://svc.t-1.test.example",
    );
  });

  it("names an unsupported function", () => {
    const rules = ruleSet([endpoint("https://x", [fn("madeUp", 1)])]);
    expect(errorOf(() => resolveEndpoint(rules, {}))).toBe("Unsupported endpoint rules function: madeUp");
  });

  it("rejects a value that is not a rule set", () => {
    expect(errorOf(() => resolveEndpoint("nope", {}))).toBe("Invalid endpoint rule set");
  });

  it("reports a template that does not resolve to a string", () => {
    const rules = ruleSet([endpoint("https://{Region}")]);
    expect(errorOf(() => resolveEndpoint(rules, {}))).toMatch(/did not resolve to a string/);
  });
});
