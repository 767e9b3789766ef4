/**
 * DynamoDB end to end: a client generated from the AWS model, against dynalite (an in-memory
 * DynamoDB from npm) on a loopback port: the generated `paginateQuery`, `paginateScanItems`,
 * `paginateListTables` and `waitUntilTableExists` / `waitUntilTableNotExists`.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHARED } from "../helpers.js";
import { awsModel, generateInto } from "./generate-client.js";
import { LOCAL_CREDENTIALS, startDynalite, type LocalService } from "./local-aws.js";

const MODEL = awsModel("dynamodb", "2012-08-10");
const present = existsSync(MODEL);
if (!present) console.warn(`skipping the DynamoDB end-to-end test: ${MODEL} is absent (needs ${SHARED})`);

type Item = Record<string, { S?: string; N?: string }>;
interface Client {
  query(input: object, options?: { signal?: AbortSignal }): Promise<{ Items?: Item[]; LastEvaluatedKey?: Item }>;
  scan(input: object, options?: { signal?: AbortSignal }): Promise<{ Items?: Item[]; LastEvaluatedKey?: Item }>;
  listTables(
    input: object,
    options?: { signal?: AbortSignal },
  ): Promise<{ TableNames?: string[]; LastEvaluatedTableName?: string }>;
  createTable(input: object): Promise<unknown>;
  deleteTable(input: object): Promise<unknown>;
  describeTable(input: object, options?: { signal?: AbortSignal }): Promise<{ Table?: { TableStatus?: string } }>;
  putItem(input: object): Promise<unknown>;
  destroy(): void;
}

type Paged<Page> = (
  config: { client: Client; pageSize?: number; signal?: AbortSignal },
  input: object,
) => AsyncGenerator<Page, undefined, unknown>;
type Waiter = (
  config: { client: Client; maxWaitTime: number; minDelay?: number; maxDelay?: number },
  input: object,
) => Promise<{ state: string; reason: unknown }>;
interface Generated {
  DynamoDBClient: new (config: object) => Client;
  DynamoDBCore: new (config: object) => { destroy(): void };
  listTables: (core: object, input: object) => Promise<{ TableNames?: string[] }>;
  paginateQuery: Paged<{ Items?: Item[] }>;
  paginateQueryItems: Paged<Item>;
  paginateScanItems: Paged<Item>;
  paginateListTables: Paged<{ TableNames?: string[] }>;
  waitUntilTableExists: Waiter;
  waitUntilTableNotExists: Waiter;
  WaiterTimeoutError: new (...args: never[]) => Error;
  AbortError: new (...args: never[]) => Error;
}

describe.skipIf(!present)("DynamoDB client against dynalite", () => {
  let server: LocalService;
  let client: Client;
  let g: Generated;
  let remove = () => undefined as void;

  beforeAll(async () => {
    server = await startDynalite({ createTableMs: 150, deleteTableMs: 150 });
    const generated = await generateInto("dynamodb", MODEL, [
      "Query",
      "Scan",
      "ListTables",
      "CreateTable",
      "DescribeTable",
      "PutItem",
      "DeleteTable",
    ]);
    remove = generated.remove;
    g = (await import(`${generated.folder}/index.ts`)) as Generated;
    client = new g.DynamoDBClient({ region: "us-east-1", endpoint: server.endpoint, credentials: LOCAL_CREDENTIALS });
  });
  afterAll(async () => {
    client?.destroy();
    await server?.close();
    remove();
  });

  const createTable = (name: string) =>
    client.createTable({
      TableName: name,
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "N" },
      ],
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      BillingMode: "PAY_PER_REQUEST",
    });

  it("waits for a table to exist, pages Query and Scan like the manual LastEvaluatedKey loop, and waits for it to go", async () => {
    await createTable("Music");
    expect((await client.describeTable({ TableName: "Music" })).Table?.TableStatus).toBe("CREATING");
    const exists = await g.waitUntilTableExists(
      { client, maxWaitTime: 20, minDelay: 0.05, maxDelay: 0.1 },
      { TableName: "Music" },
    );
    expect(exists.state).toBe("SUCCESS");
    expect((exists.reason as { Table: { TableStatus: string } }).Table.TableStatus).toBe("ACTIVE");

    for (let i = 0; i < 25; i++)
      await client.putItem({
        TableName: "Music",
        Item: { pk: { S: i % 5 === 0 ? "other" : "artist" }, sk: { N: String(i) } },
      });
    const queryInput = {
      TableName: "Music",
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": { S: "artist" } },
    };

    // The loop a user writes by hand.
    const manual: Item[] = [];
    let pages = 0;
    let key: Item | undefined;
    do {
      const page = await client.query({ ...queryInput, Limit: 3, ...(key ? { ExclusiveStartKey: key } : {}) });
      manual.push(...(page.Items ?? []));
      key = page.LastEvaluatedKey;
      pages++;
    } while (key !== undefined);

    const paged: Item[] = [];
    let pagedPages = 0;
    for await (const page of g.paginateQuery({ client, pageSize: 3 }, queryInput)) {
      paged.push(...(page.Items ?? []));
      pagedPages++;
    }
    expect(manual).toHaveLength(20);
    expect(paged).toEqual(manual);
    expect(pagedPages).toBe(pages);

    const items: Item[] = [];
    for await (const item of g.paginateQueryItems({ client, pageSize: 4 }, queryInput)) items.push(item);
    expect(items).toEqual(manual);

    const scanned: Item[] = [];
    for await (const item of g.paginateScanItems({ client, pageSize: 7 }, { TableName: "Music" })) scanned.push(item);
    expect(scanned).toHaveLength(25);

    await client.deleteTable({ TableName: "Music" });
    const gone = await g.waitUntilTableNotExists(
      { client, maxWaitTime: 20, minDelay: 0.05, maxDelay: 0.1 },
      { TableName: "Music" },
    );
    expect(gone.state).toBe("SUCCESS");
    expect((gone.reason as Error).name).toBe("ResourceNotFoundException");
  });

  it("pages ListTables with its string token and a page size", async () => {
    const names = ["t-a", "t-b", "t-c", "t-d", "t-e"];
    for (const name of names) await createTable(name);
    const listed: string[] = [];
    let pages = 0;
    for await (const page of g.paginateListTables({ client, pageSize: 2 }, {})) {
      listed.push(...(page.TableNames ?? []));
      pages++;
    }
    expect(listed).toEqual(expect.arrayContaining(names));
    expect(pages).toBeGreaterThanOrEqual(3);

    // The same through the core client: the paginator and the operation function take it too.
    const core = new g.DynamoDBCore({ region: "us-east-1", endpoint: server.endpoint, credentials: LOCAL_CREDENTIALS });
    try {
      const viaCore: string[] = [];
      for await (const page of g.paginateListTables({ client: core as Client, pageSize: 2 }, {}))
        viaCore.push(...(page.TableNames ?? []));
      expect(viaCore).toEqual(listed);
      expect((await g.listTables(core, {})).TableNames).toEqual(expect.arrayContaining(names));
    } finally {
      core.destroy();
    }
  });

  it("times out waiting for a table that never appears, without waiting past maxWaitTime", async () => {
    const started = Date.now();
    const error = await g
      .waitUntilTableExists({ client, maxWaitTime: 0.3, minDelay: 0.05, maxDelay: 0.1 }, { TableName: "Nope" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(g.WaiterTimeoutError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("stops a paginator at once with AbortError when its signal fires", async () => {
    const controller = new AbortController();
    const pages = g.paginateListTables({ client, pageSize: 1, signal: controller.signal }, {});
    await pages.next();
    controller.abort();
    await expect(pages.next()).rejects.toBeInstanceOf(g.AbortError);
  });
});
