/**
 * awsQuery end to end: an SNS client generated from the AWS model, against a loopback server
 * (started here) that answers the way SNS does: form-encoded requests, `<XResponse><XResult>`
 * XML, `<ErrorResponse>` errors with awsQuery codes. It checks what the server received (Action,
 * Version, SigV4 header, map entries named by `@xmlName`, list members), the typed outputs, the
 * generated paginator over `NextToken`, a modeled error by its `@awsQueryError` code, and that a
 * truncated body, an HTML page and a JSON body each become a service exception naming the
 * operation and status.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHARED } from "../helpers.js";
import { FormServer, type XmlReply } from "./form-server.js";
import { awsModel, generateInto } from "./generate-client.js";
import { LOCAL_CREDENTIALS } from "./local-aws.js";

const MODEL = awsModel("sns", "2010-03-31");
const present = existsSync(MODEL);
if (!present) console.warn(`skipping the SNS end-to-end test: ${MODEL} is absent (needs ${SHARED})`);

const NS = "http://sns.amazonaws.com/doc/2010-03-31/";
const ARN = (name: string) => `arn:aws:sns:us-east-1:123456789012:${name}`;

/** An in-memory SNS speaking awsQuery: topics, publish, and a page size of 2 for ListTopics. */
class FakeSns extends FormServer {
  readonly topics: string[] = [];

  protected answer(form: URLSearchParams, reply: XmlReply): void {
    const action = form.get("Action") ?? "";
    const ok = (inner: string) =>
      reply(
        200,
        `<${action}Response xmlns="${NS}"><${action}Result>${inner}</${action}Result><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></${action}Response>`,
      );
    switch (action) {
      case "CreateTopic": {
        const name = form.get("Name") ?? "";
        if (name === "truncated")
          return reply(200, `<CreateTopicResponse xmlns="${NS}"><CreateTopicResult><TopicArn>arn:aws`);
        if (name === "html") return reply(200, "<html><body><p>Welcome to the captive portal</p></body></html>");
        if (name === "json") return reply(200, '{"TopicArn":"arn"}');
        if (!this.topics.includes(name)) this.topics.push(name);
        return ok(`<TopicArn>${ARN(name)}</TopicArn>`);
      }
      case "ListTopics": {
        const start = Number(form.get("NextToken") ?? "0");
        const page = this.topics.slice(start, start + 2);
        const next = start + 2 < this.topics.length ? `<NextToken>${start + 2}</NextToken>` : "";
        return ok(
          `<Topics>${page.map((t) => `<member><TopicArn>${ARN(t)}</TopicArn></member>`).join("")}</Topics>${next}`,
        );
      }
      case "GetTopicAttributes": {
        const arn = form.get("TopicArn") ?? "";
        if (!this.topics.some((t) => ARN(t) === arn)) {
          return reply(
            404,
            `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error><RequestId>req-2</RequestId></ErrorResponse>`,
          );
        }
        return ok(
          `<Attributes><entry><key>TopicArn</key><value>${arn}</value></entry><entry><key>DisplayName</key><value>a &amp; b</value></entry></Attributes>`,
        );
      }
      case "Publish":
        return ok("<MessageId>m-1</MessageId>");
      default:
        return reply(
          400,
          `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>unknown ${action}</Message></Error></ErrorResponse>`,
        );
    }
  }
}

interface Client {
  createTopic(input: object): Promise<{ TopicArn?: string }>;
  getTopicAttributes(input: object): Promise<{ Attributes?: Record<string, string> }>;
  publish(input: object): Promise<{ MessageId?: string }>;
  destroy(): void;
}
interface Generated {
  SNSClient: new (config: object) => Client;
  paginateListTopics: (
    config: { client: Client },
    input: object,
  ) => AsyncIterable<{ Topics?: Array<{ TopicArn?: string }> }>;
  NotFoundException: new (...args: never[]) => Error;
  ServiceException: new (...args: never[]) => Error;
}

describe.skipIf(!present)("SNS client (awsQuery) against a loopback SNS", () => {
  const sns = new FakeSns();
  let g: Generated;
  let client: Client;
  let remove = () => undefined as void;

  beforeAll(async () => {
    const endpoint = await sns.start();
    const generated = await generateInto("sns", MODEL, ["CreateTopic", "ListTopics", "GetTopicAttributes", "Publish"]);
    remove = generated.remove;
    g = (await import(`${generated.folder}/index.ts`)) as Generated;
    client = new g.SNSClient({ region: "us-east-1", endpoint, credentials: LOCAL_CREDENTIALS });
  }, 120_000);
  afterAll(async () => {
    client?.destroy();
    await sns.close();
    remove();
  });

  it("creates topics and reads the result element", async () => {
    for (const name of ["alpha", "beta", "gamma"]) {
      expect(await client.createTopic({ Name: name, Tags: [{ Key: "team", Value: "a b" }] })).toEqual({
        TopicArn: ARN(name),
      });
    }
    const form = sns.requests.at(-1);
    expect(form?.get("Action")).toBe("CreateTopic");
    expect(form?.get("Version")).toBe("2010-03-31");
    expect(form?.get("Tags.member.1.Key")).toBe("team");
    expect(form?.get("Tags.member.1.Value")).toBe("a b");
    const headers = sns.headers.at(-1);
    expect(headers?.["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(headers?.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDLOCAL\/\d{8}\/us-east-1\/sns\/aws4_request/,
    );
  });

  it("pages through ListTopics with the generated paginator", async () => {
    const arns: string[] = [];
    let pages = 0;
    for await (const page of g.paginateListTopics({ client }, {})) {
      pages++;
      for (const t of page.Topics ?? []) arns.push(t.TopicArn ?? "");
    }
    expect(pages).toBe(2);
    expect(arns).toEqual(["alpha", "beta", "gamma"].map(ARN));
  });

  it("reads maps and sends map entries under their @xmlName key and value names", async () => {
    expect(await client.getTopicAttributes({ TopicArn: ARN("alpha") })).toEqual({
      Attributes: { TopicArn: ARN("alpha"), DisplayName: "a & b" },
    });
    await client.publish({
      TopicArn: ARN("alpha"),
      Message: "hi",
      MessageAttributes: { color: { DataType: "String", StringValue: "red" } },
    });
    const form = sns.requests.at(-1);
    expect(form?.get("MessageAttributes.entry.1.Name")).toBe("color");
    expect(form?.get("MessageAttributes.entry.1.Value.DataType")).toBe("String");
    expect(form?.get("MessageAttributes.entry.1.Value.StringValue")).toBe("red");
  });

  it("throws the modeled error its awsQuery code names", async () => {
    const error = await client.getTopicAttributes({ TopicArn: ARN("missing") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(g.NotFoundException);
    expect(error).toMatchObject({
      message: "Topic does not exist",
      code: "NotFound",
      $metadata: { httpStatusCode: 404 },
    });
  });

  it.each(["truncated", "html", "json"])(
    "turns a %s body into a service exception naming the operation and status",
    async (name) => {
      const error = await client.createTopic({ Name: name }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(g.ServiceException);
      expect((error as Error).name).toBe("MalformedResponseError");
      expect(String((error as Error).message)).toMatch(/CreateTopic/);
      expect(String((error as Error).message)).toMatch(/200/);
      expect(error).not.toBeInstanceOf(SyntaxError);
    },
  );
});
