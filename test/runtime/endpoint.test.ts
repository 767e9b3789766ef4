import { describe, expect, it } from "vitest";
import { dnsSuffixFor, resolveEndpoint, resolveRegion } from "../../generator/runtime/endpoint.js";
import { ClientConfigError } from "../../generator/runtime/errors.js";
import { setEnv } from "./helpers.js";

describe("default endpoints", () => {
  it.each([
    ["us-east-1", "https://frauddetector.us-east-1.amazonaws.com/"],
    ["eu-west-1", "https://frauddetector.eu-west-1.amazonaws.com/"],
    ["cn-north-1", "https://frauddetector.cn-north-1.amazonaws.com.cn/"],
    ["cn-northwest-1", "https://frauddetector.cn-northwest-1.amazonaws.com.cn/"],
    ["us-gov-west-1", "https://frauddetector.us-gov-west-1.amazonaws.com/"],
    ["us-iso-east-1", "https://frauddetector.us-iso-east-1.c2s.ic.gov/"],
    ["us-isob-east-1", "https://frauddetector.us-isob-east-1.sc2s.sgov.gov/"],
    ["us-isof-south-1", "https://frauddetector.us-isof-south-1.csp.hci.ic.gov/"],
    ["eu-isoe-west-1", "https://frauddetector.eu-isoe-west-1.cloud.adc-e.uk/"],
    ["eusc-de-east-1", "https://frauddetector.eusc-de-east-1.amazonaws.eu/"],
    ["xx-future-1", "https://frauddetector.xx-future-1.amazonaws.com/"],
  ])("%s -> %s", (region, url) => {
    const e = resolveEndpoint(undefined, "frauddetector", region, "FraudDetector");
    expect(e.url).toBe(url);
    expect(e.protocol).toBe("https:");
    expect(e.host).toBe(`frauddetector.${region}.${dnsSuffixFor(region)}`);
    expect(e.port).toBeUndefined();
    expect(e.path).toBe("/");
  });
});

describe("endpoint override", () => {
  it("keeps a non-default port in the signed host and splits host name and port for node:http", () => {
    expect(resolveEndpoint("http://127.0.0.1:8080", "x", "us-east-1", "S")).toEqual({
      url: "http://127.0.0.1:8080/",
      protocol: "http:",
      hostname: "127.0.0.1",
      port: 8080,
      host: "127.0.0.1:8080",
      path: "/",
    });
  });

  it("drops a default port, keeps a base path and unbrackets IPv6", () => {
    expect(resolveEndpoint("https://example.com:443/base/", "x", "us-east-1", "S")).toMatchObject({
      host: "example.com",
      port: undefined,
      path: "/base/",
    });
    expect(resolveEndpoint("http://[::1]:9000", "x", "us-east-1", "S")).toMatchObject({
      hostname: "::1",
      host: "[::1]:9000",
      port: 9000,
    });
  });

  it.each([
    ["not a url", /is not a URL/],
    ["ftp://example.com", /must use http: or https:/],
    ["https://example.com/?a=1", /must not contain a query/],
    ["https://user:pw@example.com", /must not contain a query, a fragment or user info/],
  ])("rejects %j with a ClientConfigError", (endpoint, message) => {
    expect(() => resolveEndpoint(endpoint, "x", "us-east-1", "S")).toThrow(ClientConfigError);
    expect(() => resolveEndpoint(endpoint, "x", "us-east-1", "S")).toThrow(message);
  });

  it("requires an endpoint for a service without a default (no AWS endpoint prefix), naming the key", () => {
    let caught: unknown;
    try {
      resolveEndpoint(undefined, "", "us-east-1", "Weather");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ClientConfigError);
    expect((caught as ClientConfigError).key).toBe("endpoint");
    expect((caught as ClientConfigError).message).toMatch(
      /^Weather client: no endpoint\..*pass `endpoint` in the client config/,
    );
    expect(resolveEndpoint("https://api.example.com", "", "us-east-1", "Weather").host).toBe("api.example.com");
  });

  it("never echoes user info from a rejected endpoint", () => {
    expect(() => resolveEndpoint("https://user:hunter2@example.com", "x", "us-east-1", "S")).toThrow(/^(?!.*hunter2)/s);
  });
});

describe("region", () => {
  it("prefers config, then AWS_REGION, then AWS_DEFAULT_REGION", () => {
    const restore = setEnv({ AWS_REGION: "eu-west-1", AWS_DEFAULT_REGION: "ap-south-1" });
    try {
      expect(resolveRegion("us-west-2", "S")).toBe("us-west-2");
      expect(resolveRegion(undefined, "S")).toBe("eu-west-1");
      delete process.env.AWS_REGION;
      expect(resolveRegion(undefined, "S")).toBe("ap-south-1");
    } finally {
      restore();
    }
  });

  it("throws a ClientConfigError naming the fix when no region is set", () => {
    const restore = setEnv({ AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined });
    try {
      expect(() => resolveRegion(undefined, "FraudDetector")).toThrow(ClientConfigError);
      expect(() => resolveRegion(undefined, "FraudDetector")).toThrow(
        "FraudDetector client: no region. Pass `region` in the client config",
      );
    } finally {
      restore();
    }
  });

  it("rejects a region that is not a DNS label (no host injection)", () => {
    expect(() => resolveRegion("us-east-1.evil.com/", "S")).toThrow(/not a valid region name/);
  });
});
