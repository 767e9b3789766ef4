/**
 * The smithy-aws-traits validators anvil runs at assembly (validate/aws/), in Smithy's words:
 * service naming (SDK id, CloudWatch namespace, CloudTrail event source), SigV4 names, ARN
 * templates, error renames under AWS protocols, endpoint discovery, protocols, checksums, tagging.
 */
import { describe, expect, it } from "vitest";
import { javaHashOrder, javaHashSetOrder, javaStringHash } from "../../generator/assemble/java-order.js";
import { brief, modelEvents } from "./events.js";

/** Every event of a model (the prelude and anvil's add-on traits included), as one line each, sorted. */
function awsEvents(body: string, ids?: string[]): string[] {
  return modelEvents(body)
    .filter((d) => ids === undefined || ids.includes((d.eventId ?? "").split(".")[0] ?? ""))
    .map(brief)
    .sort();
}

describe("aws.api#service naming", () => {
  it("accepts a conventional service and one with a grandfathered SDK id", () => {
    expect(
      awsEvents(
        `@aws.api#service(sdkId: "Fraud Detector", arnNamespace: "frauddetector", cloudWatchNamespace: "AWS/FraudDetector")\nservice S { version: "1" }`,
      ),
    ).toEqual([]);
    expect(
      awsEvents(`@aws.api#service(sdkId: "Config Service")\nservice S { version: "1" }`, ["SdkServiceId"]),
    ).toEqual([]);
  });

  it("reports every rule an SDK id breaks, joined as Smithy joins them", () => {
    expect(
      awsEvents(`@aws.api#service(sdkId: "AWS Foo-Service")\nservice S { version: "1" }`, ["SdkServiceId"]),
    ).toEqual([
      "DANGER SdkServiceId ex#S: Invalid SDK service ID value, `AWS Foo-Service`: Does not match the required pattern `^[a-zA-Z][a-zA-Z0-9]*( [a-zA-Z0-9]+)*$`;Must not contain any of the following company names: [`AWS`, `Amazon`, `Aws`];Must not case-insensitively end with `service`",
    ]);
  });

  it("reports a CloudWatch namespace without the AWS/ prefix or not in PascalCase", () => {
    expect(
      awsEvents(`@aws.api#service(sdkId: "Foo", cloudWatchNamespace: "AWS/foo")\nservice S { version: "1" }`, [
        "CloudWatchNamespace",
      ]),
    ).toEqual([
      "DANGER CloudWatchNamespace ex#S: The service's CloudWatch metric namespace `AWS/foo` does not follow convention. The namespace's service component `foo` should be PascalCase.",
    ]);
  });

  it("warns about a CloudTrail event source that is a placeholder or not the ARN namespace's", () => {
    expect(
      awsEvents(
        `@aws.api#service(sdkId: "Foo", cloudTrailEventSource: "REPLACE")\nservice S { version: "1" }\n@aws.api#service(sdkId: "Bar", cloudTrailEventSource: "baz.amazonaws.com")\nservice T { version: "1" }`,
        ["EventSource"],
      ),
    ).toEqual([
      "WARNING EventSource ex#S: aws.api#service|cloudTrailEventSource must not use placeholders, but found: REPLACE",
      "WARNING EventSource ex#T: aws.api#service|cloudTrailEventSource does not match the expected value. Expected 't.amazonaws.com', but found 'baz.amazonaws.com'.",
    ]);
  });
});

describe("SigV4 names", () => {
  it("warns when the ARN namespace, sigv4 and sigv4a names differ, and not when they agree", () => {
    expect(
      awsEvents(
        `@aws.api#service(sdkId: "Foo", arnNamespace: "foo")\n@aws.auth#sigv4(name: "foo")\n@aws.auth#sigv4a(name: "foo")\nservice S { version: "1" }`,
        ["SigV4Traits"],
      ),
    ).toEqual([]);
    expect(
      awsEvents(
        `@aws.api#service(sdkId: "Foo", arnNamespace: "foo")\n@aws.auth#sigv4(name: "bar")\nservice S { version: "1" }`,
        ["SigV4Traits"],
      ),
    ).toEqual([
      'WARNING SigV4Traits ex#S: Value for `aws.api#service$arnNamespace` "foo" and value for `aws.auth#sigv4$name` "bar" SHOULD match.',
    ]);
  });
});

describe("ARN templates", () => {
  it("reports labels that are not identifiers, identifiers missing from the template, and malformed labels", () => {
    const model = (template: string) =>
      `@aws.api#service(sdkId: "Foo")\nservice S { version: "1", resources: [R] }\n@aws.api#arn(template: "${template}")\nresource R { identifiers: { a: String, b: String } }`;
    expect(awsEvents(model("r/{a}/{b}"), ["ArnTemplate"])).toEqual([]);
    expect(awsEvents(model("r/{a}/{c}"), ["ArnTemplate"])).toEqual([
      "ERROR ArnTemplate ex#R: Invalid aws.api#arn trait resource, `r/{a}/{c}`. Found template labels in the trait that are not the names of the identifiers of the resource: [a, b]. Extraneous identifiers: [`c`]",
      "ERROR ArnTemplate ex#R: Invalid aws.api#arn trait resource, `r/{a}/{c}`. The following resource identifier names were missing from the `arn` template: `b`",
    ]);
    expect(awsEvents(model("r/{a}/{b-c}"), ["ArnTemplate"])).toEqual([
      "ERROR ArnTemplate ex#R: aws.api#arn trait contains invalid template labels: `b-c`. Template labels must match the following regular expression: ^[!|+]?[a-zA-Z_][a-zA-Z0-9_]*$",
    ]);
  });
});

describe("Java HashSet order (messages that print a Java set)", () => {
  it("hashes as Java's String.hashCode, overflow included", () => {
    expect(javaStringHash("")).toBe(0);
    expect(javaStringHash("abc")).toBe(96354);
    expect(javaStringHash("polygenelubricants")).toBe(-2147483648);
  });

  it("orders by bucket, not by insertion", () => {
    expect(javaHashSetOrder(["awsJson1_1", "restXml"])).toEqual(["restXml", "awsJson1_1"]);
  });
});

describe("client endpoint discovery", () => {
  const endpointOperation = `operation DescribeEndpoints { input := { Operation: String, Identifiers: Ids }, output := { Endpoints: Endpoints } }
map Ids { key: String, value: String }
list Endpoints { member: Endpoint }
structure Endpoint { Address: String, CachePeriodInMinutes: Long }
@error("client") structure InvalidEndpoint {}`;

  it("accepts a service whose discovered operations list its invalid-endpoint error", () => {
    expect(
      awsEvents(`@aws.api#clientEndpointDiscovery(operation: DescribeEndpoints, error: InvalidEndpoint)
service S { version: "1", operations: [DescribeEndpoints, Get] }
@aws.api#clientDiscoveredEndpoint(required: true) operation Get { errors: [InvalidEndpoint] }
${endpointOperation}`),
    ).toEqual([]);
  });

  it("reports a missing error, an unbound endpoint operation, and a discovered operation outside any such service", () => {
    expect(
      awsEvents(
        `@aws.api#clientEndpointDiscovery(operation: DescribeEndpoints, error: InvalidEndpoint)
service S { version: "1", operations: [Get] }
@aws.api#clientEndpointDiscovery(operation: DescribeEndpoints)
service T { version: "1", operations: [DescribeEndpoints] }
@aws.api#clientDiscoveredEndpoint(required: true) operation Get {}
@aws.api#clientDiscoveredEndpoint(required: true) operation Lost {}
${endpointOperation}`,
        ["ClientEndpointDiscovery"],
      ),
    ).toEqual([
      "DANGER ClientEndpointDiscovery.MissingErrorDefinition ex#T: Services SHOULD define an error which indicates an endpoint is invalid.",
      "ERROR ClientEndpointDiscovery ex#Get: The operation `ex#Get` is marked with `aws.api#clientDiscoveredEndpoint` and is bound to the service `ex#S` but does not have the required error `ex#InvalidEndpoint`.",
      "ERROR ClientEndpointDiscovery ex#Lost: The operation `ex#Lost` is marked with `aws.api#clientDiscoveredEndpoint` but is not attached to a service with the `aws.api#clientEndpointDiscovery` trait.",
      "ERROR ClientEndpointDiscovery.UnboundOperation.DescribeEndpoints ex#S: The operation `ex#DescribeEndpoints` must be bound to the service `(service: `ex#S`)` to use it as the endpoint operation.",
      "WARNING ClientEndpointDiscovery.NoOperations ex#T: The service `ex#T` is configured to use endpoint discovery, but has no operations bound with the `aws.api#clientDiscoveredEndpoint` trait.",
    ]);
  });
});

describe("AWS protocols", () => {
  it("rejects an @httpPayload of a list or number under an AWS protocol, and accepts a structure", () => {
    expect(
      awsEvents(
        `@aws.protocols#restJson1
service S { version: "1", operations: [Op] }
@http(method: "POST", uri: "/")
operation Op { input := { @httpPayload items: Items }, output := { @httpPayload body: Body } }
list Items { member: String }
structure Body {}`,
        ["ProtocolHttpPayload"],
      ),
    ).toEqual([
      "ERROR ProtocolHttpPayload ex#OpInput$items: AWS Protocols only support binding the following shape types to the payload: string, blob, structure, union, and document",
    ]);
  });

  it("rejects eventStreamHttp versions missing from http", () => {
    expect(
      awsEvents(
        `@aws.protocols#awsJson1_1(http: ["h2"], eventStreamHttp: ["h2", "http/1.1"])\nservice S { version: "1" }`,
        ["ProtocolHttp"],
      ),
    ).toEqual([
      "ERROR ProtocolHttp ex#S: The following values of the `eventStreamHttp` property do not also appear in the `http` property of the aws.protocols#awsJson1_1 protocol trait: [http/1.1]",
    ]);
  });

  it("warns when two errors of a query service share an error code, the awsQueryError code included", () => {
    expect(
      awsEvents(
        `@aws.protocols#awsQuery @xmlNamespace(uri: "https://example.com")
service S { version: "1", operations: [Op], errors: [NotFound] }
operation Op { errors: [Missing] }
@error("client") structure NotFound {}
@error("client") @aws.protocols#awsQueryError(code: "NotFound", httpResponseCode: 404) structure Missing {}`,
        ["QueryErrorCode"],
      ),
    ).toEqual([
      "DANGER QueryErrorCode ex#S: Multiple error shapes with the error code `NotFound` found: [ex#Missing, ex#NotFound]. This error code ambiguity will result in the wrong error shape being deserialized when running the query protocol. This pain will be carried forward when migrating to a new protocol when using the awsQueryCompatible trait.",
    ]);
  });

  it("rejects a document in the closure of an XML protocol service (the add-on's @traitValidators)", () => {
    expect(
      awsEvents(
        `@aws.protocols#restXml
service S { version: "1", operations: [Op] }
@http(method: "POST", uri: "/")
operation Op { input := { doc: Document } }`,
        ["UnsupportedProtocolDocument"],
      ),
    ).toEqual([
      "ERROR UnsupportedProtocolDocument ex#OpInput$doc: Found an incompatible shape when validating the constraints of the `aws.protocols#restXml` trait attached to `ex#S`: Document types are not supported with restXml",
    ]);
  });
});

describe("deprecated and unstable traits", () => {
  it("warns where a deprecated or unstable trait is applied, with the deprecation message", () => {
    expect(
      awsEvents(
        `@trait @deprecated(message: "Use b.") structure a {}
@trait @unstable structure u {}
@a @u string S`,
        ["DeprecatedTrait", "UnstableTrait"],
      ),
    ).toEqual([
      "WARNING DeprecatedTrait ex#S: This shape applies a trait that is deprecated: ex#a, Use b.",
      "WARNING UnstableTrait.ex#u ex#S: This shape applies a trait that is unstable: ex#u",
    ]);
  });
});

describe("httpChecksum", () => {
  const op = (
    trait: string,
    input: string,
  ) => `@aws.protocols#httpChecksum(${trait})\noperation Op { input := { ${input} }, output := { @httpHeader("x-amz-checksum-crc32") crc: String } }
enum Algorithm { CRC32, SHA2 }
enum Mode { ENABLED }`;

  it("requires a request or response behaviour", () => {
    expect(awsEvents(op("requestChecksumRequired: false", ""), ["HttpChecksumTrait"])).toEqual([
      "ERROR HttpChecksumTrait ex#Op: The `httpChecksum` trait must define at least one of the `request` or `response` checksum behaviors.",
    ]);
  });

  it("checks the named members' enums and header bindings under the checksum prefix", () => {
    expect(
      awsEvents(
        op(
          `requestAlgorithmMember: "algo", requestValidationModeMember: "mode", responseAlgorithms: ["CRC32"]`,
          "algo: Algorithm, mode: String",
        ),
        ["HttpChecksumTrait"],
      ),
    ).toEqual([
      "ERROR HttpChecksumTrait ex#Op: The `requestAlgorithmMember` property of the `httpChecksum` trait targets a member with an `enum` trait that contains unsupported values: `SHA2`",
      "ERROR HttpChecksumTrait ex#Op: The `requestValidationModeMember` property of the `httpChecksum` trait targets a member that does not resolve an `enum` trait.",
      "WARNING HttpChecksumTrait.HttpHeader.OpOutput.x-amz-checksum-crc32 ex#Op: The `httpHeader` binding of `x-amz-checksum-crc32` on `OpOutput` starts with the prefix `x-amz-checksum-` used by the `httpChecksum` trait.",
    ]);
  });

  it("accepts a complete configuration", () => {
    expect(
      awsEvents(
        op(
          `requestAlgorithmMember: "algo", requestValidationModeMember: "mode", responseAlgorithms: ["CRC32"]`,
          "algo: Mode2, mode: Mode",
        ).replace('@httpHeader("x-amz-checksum-crc32") ', "") + "\nenum Mode2 { CRC32 }",
        ["HttpChecksumTrait"],
      ),
    ).toEqual([]);
  });
});

describe("tagging", () => {
  const tagOps = `operation TagResource { input := { @required resourceArn: String, @required tags: TagList } }
operation UntagResource { input := { @required resourceArn: String, @required tagKeys: TagKeys } }
operation ListTagsForResource { input := { @required resourceArn: String }, output := { tags: TagList } }
list TagList { member: Tag }
structure Tag { key: String, value: String }
list TagKeys { member: String }`;

  it("accepts a tag-enabled service with the three operations and a taggable resource with an ARN", () => {
    expect(
      awsEvents(
        `@aws.api#tagEnabled
service S { version: "1", operations: [TagResource, UntagResource, ListTagsForResource], resources: [R] }
@aws.api#taggable @aws.api#arn(template: "r/{id}")
resource R { identifiers: { id: String } }
${tagOps}`,
        [
          "ServiceTagging",
          "TagEnabledService",
          "TaggableResource",
          "TagResourcePropertyName",
          "TagResourcePropertyType",
        ],
      ),
    ).toEqual([]);
  });

  it("reports the missing operations, a resource without a tagging route, and a service without taggable resources", () => {
    expect(
      awsEvents(
        `@aws.api#tagEnabled
service S { version: "1", operations: [TagResource], resources: [R] }
@aws.api#taggable
resource R { identifiers: { id: String } }
@aws.api#tagEnabled
service T { version: "1" }
operation TagResource { input := { tags: String } }`,
        ["ServiceTagging", "TagEnabledService", "TaggableResource"],
      ),
    ).toEqual([
      "DANGER ServiceTagging ex#S: Shape `ex#TagResource` does not satisfy 'TagResource' operation requirements.",
      "DANGER TaggableResource ex#R: Resource does not have tagging CRUD operations and is not compatible with service-wide tagging operations for service `ex#S`.",
      "ERROR TagEnabledService ex#T: Service marked `aws.api#tagEnabled` trait must have at least one `aws.api#taggable` resource.",
      "WARNING ServiceTagging ex#S: Service marked `aws.api#TagEnabled` is missing an operation named 'ListTagsForResource.'",
      "WARNING ServiceTagging ex#S: Service marked `aws.api#TagEnabled` is missing an operation named 'UntagResource.'",
      "WARNING ServiceTagging ex#T: Service marked `aws.api#TagEnabled` is missing an operation named 'ListTagsForResource.'",
      "WARNING ServiceTagging ex#T: Service marked `aws.api#TagEnabled` is missing an operation named 'TagResource.'",
      "WARNING ServiceTagging ex#T: Service marked `aws.api#TagEnabled` is missing an operation named 'UntagResource.'",
      "WARNING TagEnabledService ex#S: Service marked `aws.api#tagEnabled` trait does not have consistent tagging operations implemented: {TagResource, UntagResource, and ListTagsForResource}.",
      "WARNING TagEnabledService ex#T: Service marked `aws.api#tagEnabled` trait does not have consistent tagging operations implemented: {TagResource, UntagResource, and ListTagsForResource}.",
    ]);
  });

  it("checks the tag property's name and shape, and warns when an update takes tags", () => {
    expect(
      awsEvents(
        `@aws.api#tagEnabled
service S { version: "1", operations: [TagResource, UntagResource, ListTagsForResource], resources: [R] }
@aws.api#taggable(property: "labels") @aws.api#arn(template: "r/{id}")
resource R { identifiers: { id: String }, properties: { labels: String }, update: UpdateR }
operation UpdateR { input := { @required id: String, labels: String } }
${tagOps}`,
        ["TaggableResource", "TagResourcePropertyName", "TagResourcePropertyType"],
      ),
    ).toEqual([
      "DANGER TaggableResource ex#UpdateR: Update and put resource lifecycle operations should not support updating tags because it is a privileged operation that modifies access.",
      "ERROR TagResourcePropertyType ex#R: Tag property must be a list shape targeting a member containing a pair of strings, or a Map shape targeting a string member.",
      "WARNING TagResourcePropertyName ex#R: Suggested tag property name is '[T|t]ags'.",
    ]);
  });
});

describe("@traitValidators", () => {
  it("runs a model's own rule from each shape with the trait, and rejects a key that is not an event id", () => {
    expect(
      awsEvents(
        `@trait @traitValidators("ex.NoBlobs": { selector: "~> member :test(> blob)", message: "no blobs", severity: "WARNING" })
structure proto {}
@proto service S { version: "1", operations: [Op] }
operation Op { input := { data: Blob, name: String } }
@trait @traitValidators("_": { selector: "*" }) structure bad {}`,
        ["ex", "TraitValidators"],
      ),
    ).toEqual([
      "ERROR TraitValidators ex#bad: `smithy.api#traitValidators` key is not a valid event ID: `_`",
      "WARNING ex.NoBlobs ex#OpInput$data: Found an incompatible shape when validating the constraints of the `ex#proto` trait attached to `ex#S`: no blobs",
    ]);
  });
});

describe("Java HashMap order past one table size", () => {
  it("doubles the table past 12 keys, so buckets are read with one more bit", () => {
    const keys = Array.from({ length: 13 }, (_, i) => `k${i}`);
    const order = javaHashOrder(keys, javaStringHash);
    expect([...order].sort()).toEqual([...keys].sort());
    const bucket = (k: string) => {
      const h = javaStringHash(k);
      return (h ^ (h >>> 16)) & 31;
    };
    expect(order.map(bucket)).toEqual([...order.map(bucket)].sort((a, b) => a - b));
  });
});
