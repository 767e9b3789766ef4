/**
 * Kinesis end to end: a client generated from the AWS model, against kinesalite (an in-memory
 * Kinesis from npm) on a loopback port: the `StreamExists` and `StreamNotExists` waiters.
 * (ListStreams is not paged here: kinesalite predates its NextToken and pages by
 * ExclusiveStartStreamName/HasMoreStreams only.)
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHARED } from "../helpers.js";
import { awsModel, generateInto } from "./generate-client.js";
import { LOCAL_CREDENTIALS, startKinesalite, type LocalService } from "./local-aws.js";

const MODEL = awsModel("kinesis", "2013-12-02");
const present = existsSync(MODEL);
if (!present) console.warn(`skipping the Kinesis end-to-end test: ${MODEL} is absent (needs ${SHARED})`);

interface Client {
  createStream(input: object): Promise<unknown>;
  deleteStream(input: object): Promise<unknown>;
  describeStream(
    input: object,
    options?: { signal?: AbortSignal },
  ): Promise<{ StreamDescription?: { StreamStatus?: string } }>;
  destroy(): void;
}

type Waiter = (
  config: { client: Client; maxWaitTime: number; minDelay?: number; maxDelay?: number },
  input: object,
) => Promise<{ state: string; reason: unknown }>;
interface Generated {
  KinesisClient: new (config: object) => Client;
  waitUntilStreamExists: Waiter;
  waitUntilStreamNotExists: Waiter;
}

describe.skipIf(!present)("Kinesis client against kinesalite", () => {
  let server: LocalService;
  let client: Client;
  let g: Generated;
  let remove = () => undefined as void;

  beforeAll(async () => {
    server = await startKinesalite({ createStreamMs: 150, deleteStreamMs: 150 });
    const generated = await generateInto("kinesis", MODEL, [
      "CreateStream",
      "DeleteStream",
      "DescribeStream",
      "ListStreams",
    ]);
    remove = generated.remove;
    g = (await import(`${generated.folder}/index.ts`)) as Generated;
    client = new g.KinesisClient({ region: "us-east-1", endpoint: server.endpoint, credentials: LOCAL_CREDENTIALS });
  });
  afterAll(async () => {
    client?.destroy();
    await server?.close();
    remove();
  });

  it("waits until a new stream is ACTIVE, then until a deleted one is gone", async () => {
    await client.createStream({ StreamName: "events", ShardCount: 1 });
    expect((await client.describeStream({ StreamName: "events" })).StreamDescription?.StreamStatus).toBe("CREATING");
    const exists = await g.waitUntilStreamExists(
      { client, maxWaitTime: 20, minDelay: 0.05, maxDelay: 0.1 },
      { StreamName: "events" },
    );
    expect((exists.reason as { StreamDescription: { StreamStatus: string } }).StreamDescription.StreamStatus).toBe(
      "ACTIVE",
    );

    await client.deleteStream({ StreamName: "events" });
    const gone = await g.waitUntilStreamNotExists(
      { client, maxWaitTime: 20, minDelay: 0.05, maxDelay: 0.1 },
      { StreamName: "events" },
    );
    expect((gone.reason as Error).name).toBe("ResourceNotFoundException");
  });
});
