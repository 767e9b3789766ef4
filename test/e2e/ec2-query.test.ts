/**
 * ec2Query end to end: a client generated from a small EC2-style model
 * (test/fixtures/ec2-query/fleet.smithy), against a loopback server started here that answers
 * the way EC2 does: form-encoded requests, `<XResponse>` XML with no Result wrapper and `item`
 * list members, and errors as `<Response><Errors><Error>`. It checks what the server received
 * (Action, Version, the SigV4 header, flattened lists named by @ec2QueryName and a capitalised
 * @xmlName), the parsed output (a list of structures, a timestamp, a boolean, a nested
 * structure), the modeled error its `<Code>` names, and an unmodeled code as the service's
 * exception.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FormServer, type XmlReply } from "./form-server.js";
import { generateInto } from "./generate-client.js";
import { LOCAL_CREDENTIALS } from "./local-aws.js";

const MODEL = new URL("../fixtures/ec2-query/fleet.smithy", import.meta.url).pathname;
const NS = "https://fleet.example.com/doc/2024-06-01/";

/** An in-memory fleet speaking ec2Query: RunWidgets starts widgets, DescribeWidget finds them. */
class FakeFleet extends FormServer {
  private readonly widgets = new Map<string, string>();

  protected answer(form: URLSearchParams, reply: XmlReply): void {
    const action = form.get("Action") ?? "";
    const ok = (inner: string) =>
      reply(200, `<${action}Response xmlns="${NS}"><requestId>req-1</requestId>${inner}</${action}Response>`);
    const error = (code: string, message: string) =>
      reply(
        400,
        `<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>req-2</RequestID></Response>`,
      );
    switch (action) {
      case "RunWidgets": {
        const zone = form.get("TagSpecification.1.Value") ?? "";
        const items: string[] = [];
        for (let i = 1; i <= Number(form.get("Count")); i++) {
          const id = `w-${this.widgets.size + 1}`;
          const item = `<widgetId>${id}</widgetId><launchTime>2024-06-01T12:0${i}:00.000Z</launchTime><running>${i === 1}</running><placement><availabilityZone>${zone}</availabilityZone></placement>`;
          this.widgets.set(id, item);
          items.push(`<item>${item}</item>`);
        }
        return ok(`<reservationId>r-0001</reservationId><widgetSet>${items.join("")}</widgetSet>`);
      }
      case "DescribeWidget": {
        const id = form.get("WidgetId") ?? "";
        if (id.includes(" ")) return error("InvalidParameterValue", `Invalid id: ${id}`);
        const found = this.widgets.get(id);
        if (found === undefined) return error("WidgetNotFound", `The widget &apos;${id}&apos; does not exist`);
        return ok(`<widget>${found}</widget>`);
      }
      default:
        return error("InvalidAction", `unknown ${action}`);
    }
  }
}

interface Widget {
  widgetId?: string;
  launchTime?: Date;
  running?: boolean;
  placement?: { availabilityZone?: string };
}
interface Client {
  runWidgets(input: object): Promise<{ reservationId?: string; widgets?: Widget[] }>;
  describeWidget(input: object): Promise<{ widget?: Widget }>;
  destroy(): void;
}
interface Generated {
  FleetClient: new (config: object) => Client;
  WidgetNotFound: new (...args: never[]) => Error;
  FleetServiceException: new (...args: never[]) => Error;
}

describe("Fleet client (ec2Query) against a loopback EC2-style server", () => {
  const fleet = new FakeFleet();
  let g: Generated;
  let client: Client;
  let remove = () => undefined as void;

  beforeAll(async () => {
    const endpoint = await fleet.start();
    const generated = await generateInto("fleet", MODEL);
    remove = generated.remove;
    g = (await import(`${generated.folder}/index.ts`)) as Generated;
    client = new g.FleetClient({ region: "us-east-1", endpoint, credentials: LOCAL_CREDENTIALS });
  }, 120_000);
  afterAll(async () => {
    client?.destroy();
    await fleet.close();
    remove();
  });

  it("sends a form with Action, Version and flattened lists named as ec2Query names them", async () => {
    await client.runWidgets({
      imageId: "img-1",
      count: 2,
      dryRun: false,
      securityGroupIds: ["sg-1", "sg-2"],
      tags: [
        { key: "zone", value: "us-east-1a" },
        { key: "team", value: "a b&c" },
      ],
    });
    const form = fleet.requests.at(-1);
    expect(Object.fromEntries(form ?? [])).toEqual({
      Action: "RunWidgets",
      Version: "2024-06-01",
      ImageId: "img-1",
      Count: "2",
      DryRun: "false",
      "SecurityGroupId.1": "sg-1",
      "SecurityGroupId.2": "sg-2",
      "TagSpecification.1.Key": "zone",
      "TagSpecification.1.Value": "us-east-1a",
      "TagSpecification.2.Key": "team",
      "TagSpecification.2.Value": "a b&c",
    });
    const headers = fleet.headers.at(-1);
    expect(headers?.["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(headers?.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDLOCAL\/\d{8}\/us-east-1\/fleet\/aws4_request/,
    );
  });

  it("parses the XML output: item lists, timestamps, booleans and nested structures", async () => {
    const output = await client.runWidgets({
      imageId: "img-2",
      count: 2,
      tags: [{ key: "zone", value: "eu-west-1b" }],
    });
    expect(output).toEqual({
      reservationId: "r-0001",
      widgets: [
        {
          widgetId: "w-3",
          launchTime: new Date("2024-06-01T12:01:00Z"),
          running: true,
          placement: { availabilityZone: "eu-west-1b" },
        },
        {
          widgetId: "w-4",
          launchTime: new Date("2024-06-01T12:02:00Z"),
          running: false,
          placement: { availabilityZone: "eu-west-1b" },
        },
      ],
    });
    expect(await client.describeWidget({ widgetId: "w-3" })).toEqual({ widget: output.widgets?.[0] });
    expect(fleet.requests.at(-1)?.get("WidgetId")).toBe("w-3");
  });

  it("throws the modeled error that the <Errors><Error><Code> names", async () => {
    const error = await client.describeWidget({ widgetId: "w-404" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(g.WidgetNotFound);
    expect(error).toMatchObject({
      message: "The widget 'w-404' does not exist",
      code: "WidgetNotFound",
      $metadata: { httpStatusCode: 400 },
    });
  });

  it("throws an unmodeled error code as the service's exception carrying that code", async () => {
    const error = await client.describeWidget({ widgetId: "bad id" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(g.FleetServiceException);
    expect(error).not.toBeInstanceOf(g.WidgetNotFound);
    expect(error).toMatchObject({
      message: "Invalid id: bad id",
      code: "InvalidParameterValue",
      $metadata: { httpStatusCode: 400 },
    });
  });
});
