/**
 * DynamoDB end to end: a client generated from the AWS model, against dynalite (an in-memory
 * DynamoDB from npm) on a loopback port. Query, Scan and ListTables are paged with the
 * paginator runtime driven by the model's merged `@paginated` traits, and the `TableExists` /
 * `TableNotExists` waiters run from the model's acceptors with their paths compiled.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHARED } from "../helpers.js";
import { awsModel, generateInto } from "./generate-client.js";
import { LOCAL_CREDENTIALS, startDynalite, type LocalService } from "./local-aws.js";
import { modelWaiters, pagination, waiterDescription } from "./model-descriptions.js";
import { paginate, paginateItems } from "../../generator/runtime/paginate.js";
import { waitUntil, WaiterTimeoutError } from "../../generator/runtime/waiter.js";

const MODEL = awsModel("dynamodb", "2012-08-10");
const present = existsSync(MODEL);
if (!present) console.warn(`skipping the DynamoDB end-to-end test: ${MODEL} is absent (needs ${SHARED})`);

type Item = Record<string, { S?: string; N?: string }>;
interface Client {
  query(input: object, options?: { signal?: AbortSignal }): Promise<{ Items?: Item[]; LastEvaluatedKey?: Item }>;
  scan(input: object, options?: { signal?: AbortSignal }): Promise<{ Items?: Item[]; LastEvaluatedKey?: Item }>;
  listTables(input: object, options?: { signal?: AbortSignal }): Promise<{ TableNames?: string[]; LastEvaluatedTableName?: string }>;
  createTable(input: object): Promise<unknown>;
  deleteTable(input: object): Promise<unknown>;
  describeTable(input: object, options?: { signal?: AbortSignal }): Promise<{ Table?: { TableStatus?: string } }>;
  putItem(input: object): Promise<unknown>;
  destroy(): void;
}

describe.skipIf(!present)("DynamoDB client against dynalite", () => {
  let server: LocalService;
  let client: Client;
  let remove = () => undefined as void;

  beforeAll(async () => {
    server = await startDynalite({ createTableMs: 150, deleteTableMs: 150 });
    const generated = await generateInto("dynamodb", MODEL, ["Query", "Scan", "ListTables", "CreateTable", "DescribeTable", "PutItem", "DeleteTable"]);
    remove = generated.remove;
    const { DynamoDBClient } = (await import(`${generated.folder}/index.ts`)) as { DynamoDBClient: new (config: object) => Client };
    client = new DynamoDBClient({ region: "us-east-1", endpoint: server.endpoint, credentials: LOCAL_CREDENTIALS });
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
    const waiters = modelWaiters(MODEL, "com.amazonaws.dynamodb#DescribeTable");
    await createTable("Music");
    const exists = await waitUntil({ client, maxWaitTime: 20, minDelay: 0.05, maxDelay: 0.1 }, { TableName: "Music" }, waiterDescription(waiters, "TableExists", (c: Client, i, o) => c.describeTable(i, o)));
    expect(exists.state).toBe("SUCCESS");
    expect((exists.reason as { Table: { TableStatus: string } }).Table.TableStatus).toBe("ACTIVE");

    for (let i = 0; i < 25; i++) await client.putItem({ TableName: "Music", Item: { pk: { S: i % 5 === 0 ? "other" : "artist" }, sk: { N: String(i) } } });
    const queryInput = { TableName: "Music", KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": { S: "artist" } } };

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

    const queryPaging = pagination(MODEL, "com.amazonaws.dynamodb#Query", (c: Client, i, o) => c.query(i, o));
    const paged: Item[] = [];
    let pagedPages = 0;
    for await (const page of paginate({ client, pageSize: 3 }, queryInput, queryPaging.description)) {
      paged.push(...(page.Items ?? []));
      pagedPages++;
    }
    expect(manual).toHaveLength(20);
    expect(paged).toEqual(manual);
    expect(pagedPages).toBe(pages);

    const items: Item[] = [];
    for await (const item of paginateItems<unknown, Item>(paginate({ client, pageSize: 4 }, queryInput, queryPaging.description), queryPaging.items!)) items.push(item);
    expect(items).toEqual(manual);

    const scanPaging = pagination(MODEL, "com.amazonaws.dynamodb#Scan", (c: Client, i, o) => c.scan(i, o));
    const scanned: Item[] = [];
    for await (const item of paginateItems<unknown, Item>(paginate({ client, pageSize: 7 }, { TableName: "Music" }, scanPaging.description), scanPaging.items!)) scanned.push(item);
    expect(scanned).toHaveLength(25);

    await client.deleteTable({ TableName: "Music" });
    const gone = await waitUntil({ client, maxWaitTime: 20, minDelay: 0.05, maxDelay: 0.1 }, { TableName: "Music" }, waiterDescription(waiters, "TableNotExists", (c: Client, i, o) => c.describeTable(i, o)));
    expect(gone.state).toBe("SUCCESS");
    expect((gone.reason as Error).name).toBe("ResourceNotFoundException");
  });

  it("pages ListTables with its string token and a page size", async () => {
    const names = ["t-a", "t-b", "t-c", "t-d", "t-e"];
    for (const name of names) await createTable(name);
    const listPaging = pagination(MODEL, "com.amazonaws.dynamodb#ListTables", (c: Client, i, o) => c.listTables(i, o));
    const listed: string[] = [];
    let pages = 0;
    for await (const page of paginate({ client, pageSize: 2 }, {}, listPaging.description)) {
      listed.push(...(page.TableNames ?? []));
      pages++;
    }
    expect(listed).toEqual(expect.arrayContaining(names));
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it("times out waiting for a table that never appears, without waiting past maxWaitTime", async () => {
    const waiters = modelWaiters(MODEL, "com.amazonaws.dynamodb#DescribeTable");
    const started = Date.now();
    const error = await waitUntil({ client, maxWaitTime: 0.3, minDelay: 0.05, maxDelay: 0.1 }, { TableName: "Nope" }, waiterDescription(waiters, "TableExists", (c: Client, i, o) => c.describeTable(i, o))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterTimeoutError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
