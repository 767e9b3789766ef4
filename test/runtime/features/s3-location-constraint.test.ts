/** S3 CreateBucket's LocationConstraint from the client's region (runtime/features/s3-location-constraint.ts). */
import { describe, expect, it } from "vitest";
import { withLocationConstraint } from "../../../generator/runtime/features/s3-location-constraint.js";

describe("withLocationConstraint", () => {
  it("fills the region outside us-east-1, keeping the caller's other configuration", () => {
    expect(withLocationConstraint({ Bucket: "b" }, "eu-west-1")).toEqual({
      Bucket: "b",
      CreateBucketConfiguration: { LocationConstraint: "eu-west-1" },
    });
    expect(withLocationConstraint({ Bucket: "b", CreateBucketConfiguration: { Tags: [] } }, "eu-west-1")).toEqual({
      Bucket: "b",
      CreateBucketConfiguration: { Tags: [], LocationConstraint: "eu-west-1" },
    });
  });

  it("leaves the input alone in us-east-1, when a constraint is given, and for a directory bucket's Location", () => {
    const plain = { Bucket: "b" };
    expect(withLocationConstraint(plain, "us-east-1")).toBe(plain);
    const given = { Bucket: "b", CreateBucketConfiguration: { LocationConstraint: "ap-south-1" } };
    expect(withLocationConstraint(given, "eu-west-1")).toBe(given);
    const directory = {
      Bucket: "b--usw2-az1--x-s3",
      CreateBucketConfiguration: { Location: { Type: "AvailabilityZone", Name: "usw2-az1" } },
    };
    expect(withLocationConstraint(directory, "us-west-2")).toBe(directory);
  });
});
