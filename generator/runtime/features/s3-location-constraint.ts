/**
 * S3's CreateBucket outside us-east-1 needs the region in
 * `CreateBucketConfiguration.LocationConstraint`, or S3 refuses it (IllegalLocationConstraintException); the AWS SDK fills
 * it from the client's region when the caller left it out (middleware-location-constraint), and
 * so does this. A directory bucket's configuration (`Location`) is left as given. Shipped only in
 * S3 client folders.
 */

/** `input` with `CreateBucketConfiguration.LocationConstraint` set to `region` when absent (not for us-east-1). */
export function withLocationConstraint<I>(input: I, region: string): I {
  if (region === "us-east-1" || typeof input !== "object" || input === null) return input;
  const fields = input as Record<string, unknown>;
  const given = fields["CreateBucketConfiguration"];
  const config = typeof given === "object" && given !== null ? (given as Record<string, unknown>) : {};
  if (config["LocationConstraint"] != null || config["Location"] != null) return input;
  return { ...input, CreateBucketConfiguration: { ...config, LocationConstraint: region } };
}
