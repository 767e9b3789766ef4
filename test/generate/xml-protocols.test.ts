/**
 * Clients of the XML protocols generated from small models through the whole pipeline (the
 * type-check stage included), then called with a transport that records the request and answers
 * as the protocol does: awsQuery (form body, `<OpResult>` output, an `@awsQueryError` code),
 * ec2Query (query names, flattened lists, `<Response><Errors>` errors) and restXml (`@http`
 * bindings, an XML body with attributes, namespaces and flattened members, a bound error header).
 * The folder's package.json lists fast-xml-parser, which a JSON client's does not.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const scratch = mkdtempSync(join(ROOT, "node_modules", ".anvil-xml-protocols-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const str = { target: "smithy.api#String" };

/** The service shape of every model here, speaking `protocol`. */
function service(protocol: string) {
  return {
    type: "service",
    version: "2024-01-01",
    operations: [{ target: "ex#PutThing" }],
    traits: {
      [`aws.protocols#${protocol}`]: {},
      "aws.auth#sigv4": { name: "ex" },
      "aws.api#service": { sdkId: "Ex" },
      "smithy.api#xmlNamespace": { uri: "https://ex.example.com/" },
    },
  };
}

function queryModel(protocol: "awsQuery" | "ec2Query") {
  return {
    smithy: "2.0",
    shapes: {
      "ex#Svc": service(protocol),
      "ex#PutThing": {
        type: "operation",
        input: { target: "ex#PutThingInput" },
        output: { target: "ex#PutThingOutput" },
        errors: [{ target: "ex#Missing" }],
      },
      "ex#PutThingInput": {
        type: "structure",
        members: {
          name: {
            target: "smithy.api#String",
            traits: { "smithy.api#required": {}, "aws.protocols#ec2QueryName": "ThingName" },
          },
          tags: { target: "ex#Tags" },
          renamed: { target: "smithy.api#String", traits: { "smithy.api#xmlName": "otherName" } },
        },
        traits: { "smithy.api#input": {} },
      },
      "ex#Tags": { type: "list", member: { target: "smithy.api#String", traits: { "smithy.api#xmlName": "item" } } },
      "ex#PutThingOutput": {
        type: "structure",
        members: {
          id: { ...str, traits: { "smithy.api#required": {} } },
          created: { target: "smithy.api#Timestamp" },
          count: { target: "smithy.api#Integer", traits: { "smithy.api#default": 7 } },
        },
        traits: { "smithy.api#output": {} },
      },
      "ex#Missing": {
        type: "structure",
        members: { message: str, thing: str },
        traits: {
          "smithy.api#error": "client",
          "aws.protocols#awsQueryError": { code: "Thing.Missing", httpResponseCode: 404 },
        },
      },
    },
  };
}

const restXmlModel = {
  smithy: "2.0",
  shapes: {
    "ex#Svc": service("restXml"),
    "ex#PutThing": {
      type: "operation",
      input: { target: "ex#PutThingInput" },
      output: { target: "ex#PutThingOutput" },
      errors: [{ target: "ex#Missing" }],
      traits: { "smithy.api#http": { method: "PUT", uri: "/things/{id}?mode=fast", code: 200 } },
    },
    "ex#PutThingInput": {
      type: "structure",
      members: {
        id: { ...str, traits: { "smithy.api#required": {}, "smithy.api#httpLabel": {} } },
        token: { ...str, traits: { "smithy.api#httpHeader": "X-Token" } },
        limit: { target: "smithy.api#Integer", traits: { "smithy.api#httpQuery": "limit" } },
        kind: { ...str, traits: { "smithy.api#xmlAttribute": {} } },
        names: { target: "ex#Names", traits: { "smithy.api#xmlFlattened": {}, "smithy.api#xmlName": "Name" } },
      },
      traits: { "smithy.api#input": {} },
    },
    "ex#Names": { type: "list", member: str },
    "ex#PutThingOutput": {
      type: "structure",
      members: {
        etag: { ...str, traits: { "smithy.api#httpHeader": "ETag" } },
        status: { target: "smithy.api#Integer", traits: { "smithy.api#httpResponseCode": {} } },
        names: { target: "ex#Names" },
      },
      traits: { "smithy.api#output": {} },
    },
    "ex#Missing": {
      type: "structure",
      members: { message: str, reason: { ...str, traits: { "smithy.api#httpHeader": "X-Reason" } } },
      traits: { "smithy.api#error": "client", "smithy.api#httpError": 404 },
    },
  },
};

interface Sent {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string;
}
type Answer = { statusCode: number; headers: Record<string, string>; body: string };
interface Generated {
  client: Record<string, unknown>;
  index: Record<string, unknown>;
  packageJson: { dependencies: Record<string, string> };
}

/** Generates (with the type-check stage) and imports the client of `model`. */
async function generated(name: string, model: object): Promise<Generated> {
  const modelFile = join(scratch, `${name}.json`);
  writeFileSync(modelFile, JSON.stringify(model));
  const result = await generate({
    file: "t",
    displayFile: "t",
    out: "/unused",
    clients: [{ name, models: [modelFile], modelsAsWritten: [`${name}.json`], validation: "reject" }],
  });
  const folder = join(scratch, name);
  const files = result.clients[0]?.files ?? [];
  for (const file of files) {
    mkdirSync(dirname(join(folder, file.path)), { recursive: true });
    writeFileSync(join(folder, file.path), file.text);
  }
  const packageJson = JSON.parse(
    files.find((f) => f.path === "package.json")?.text ?? "{}",
  ) as Generated["packageJson"];
  return {
    client: (await import(join(folder, "client.ts"))) as Record<string, unknown>,
    index: (await import(join(folder, "index.ts"))) as Record<string, unknown>,
    packageJson,
  };
}

/** A client whose transport records each request and gives `answer`. */
function clientOf(g: Generated, answer: Answer): { call(input: object): Promise<unknown>; sent: Sent[] } {
  const sent: Sent[] = [];
  const Client = g.client.ExClient as new (config: object) => { putThing(input: object): Promise<unknown> };
  const client = new Client({
    region: "us-east-1",
    endpoint: "https://example.com",
    credentials: { accessKeyId: "a", secretAccessKey: "b" },
    maxAttempts: 1,
    transport: {
      handle(request: Sent & { body: string | Uint8Array | undefined }) {
        sent.push({
          ...request,
          body: typeof request.body === "string" ? request.body : new TextDecoder().decode(request.body),
        });
        return Promise.resolve(answer);
      },
    },
  });
  return { call: (input) => client.putThing(input), sent };
}

describe("awsQuery client generated from a small model", () => {
  it("type-checks, sends a form body and reads the <OpResult> element with defaults", async () => {
    const g = await generated("awsquery", queryModel("awsQuery"));
    expect(Object.keys(g.packageJson.dependencies)).toContain("fast-xml-parser");
    const answer = {
      statusCode: 200,
      headers: {},
      body: "<PutThingResponse><PutThingResult><id>t-1</id><created>2024-01-02T03:04:05Z</created></PutThingResult></PutThingResponse>",
    };
    const { call, sent } = clientOf(g, answer);
    expect(await call({ name: "a b", tags: ["x", "y"], renamed: "r" })).toEqual({
      id: "t-1",
      created: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
      count: 7,
    });
    expect(sent[0]?.body).toBe("Action=PutThing&Version=2024-01-01&name=a%20b&tags.item.1=x&tags.item.2=y&otherName=r");
    expect(sent[0]?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
  }, 120_000);

  it("throws the error its @awsQueryError code names, with its members", async () => {
    const g = await generated("awsquery-errors", queryModel("awsQuery"));
    const body =
      "<ErrorResponse><Error><Type>Sender</Type><Code>Thing.Missing</Code><Message>no such thing</Message><thing>t-9</thing></Error><RequestId>r</RequestId></ErrorResponse>";
    const { call } = clientOf(g, { statusCode: 404, headers: {}, body });
    const error = await call({ name: "a" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(g.index.Missing as new () => Error);
    expect(error).toMatchObject({ message: "no such thing", thing: "t-9", code: "Thing.Missing" });
  }, 120_000);
});

describe("ec2Query client generated from a small model", () => {
  it("uses query names and flattened lists, and reads <Response><Errors> errors", async () => {
    const g = await generated("ec2", queryModel("ec2Query"));
    const { call, sent } = clientOf(g, {
      statusCode: 200,
      headers: {},
      body: "<PutThingResponse><id>t-2</id></PutThingResponse>",
    });
    expect(await call({ name: "n", tags: ["x"], renamed: "r" })).toEqual({ id: "t-2", count: 7 });
    expect(sent[0]?.body).toBe("Action=PutThing&Version=2024-01-01&ThingName=n&Tags.1=x&OtherName=r");
    const failing = clientOf(g, {
      statusCode: 400,
      headers: {},
      body: "<Response><Errors><Error><Code>Thing.Missing</Code><Message>gone</Message></Error></Errors><RequestID>r</RequestID></Response>",
    });
    await expect(failing.call({ name: "n" })).rejects.toBeInstanceOf(g.index.Missing as new () => Error);
  }, 120_000);
});

describe("restXml client generated from a small model", () => {
  it("binds labels, query and headers, writes the XML body, and reads headers, status and body back", async () => {
    const g = await generated("restxml", restXmlModel);
    const answer = {
      statusCode: 201,
      headers: { etag: '"abc"' },
      body: "<PutThingOutput><names><member>a</member></names></PutThingOutput>",
    };
    const { call, sent } = clientOf(g, answer);
    expect(await call({ id: "a/b c", token: "tok", limit: 5, kind: "k&", names: ["n1", "n2"] })).toEqual({
      etag: '"abc"',
      status: 201,
      names: ["a"],
    });
    const request = sent[0] as Sent;
    expect([request.method, request.path, request.query]).toEqual(["PUT", "/things/a%2Fb%20c", "mode=fast&limit=5"]);
    expect(request.headers["x-token"]).toBe("tok");
    expect(request.headers["content-type"]).toBe("application/xml");
    expect(request.body).toBe(
      '<PutThingInput xmlns="https://ex.example.com/" kind="k&amp;"><Name>n1</Name><Name>n2</Name></PutThingInput>',
    );
  }, 120_000);

  it("rejects a label that would change the path before sending, and reads an error's bound header", async () => {
    const g = await generated("restxml-errors", restXmlModel);
    const { call, sent } = clientOf(g, {
      statusCode: 404,
      headers: { "x-reason": "gone" },
      body: "<ErrorResponse><Error><Code>Missing</Code><Message>m</Message></Error></ErrorResponse>",
    });
    await expect(call({ id: ".." })).rejects.toMatchObject({ name: "RequestValidationError" });
    expect(sent).toHaveLength(0);
    await expect(call({ id: "x" })).rejects.toMatchObject({ name: "Missing", reason: "gone", message: "m" });
  }, 120_000);
});
