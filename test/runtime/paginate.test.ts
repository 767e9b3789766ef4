import { describe, expect, it } from "vitest";
import { AbortError } from "../../generator/runtime/errors.js";
import {
  paginate,
  paginateItems,
  PaginationLoopError,
  type PaginatorDescription,
} from "../../generator/runtime/paginate.js";

type Input = { Filter?: string; NextToken?: string | Record<string, string>; MaxResults?: number };
type Output = { Result?: { NextToken?: unknown; Items?: string[] }; Items?: Record<string, number> };

/** A fake service: answers from a list of pages and records each request it got. */
function fakeService(pages: Output[]) {
  const requests: Input[] = [];
  const client = {
    async list(input: Input, _options: { signal?: AbortSignal }): Promise<Output> {
      requests.push(structuredClone(input));
      const page = pages[requests.length - 1];
      if (page === undefined) throw new Error(`no page ${requests.length}`);
      return page;
    },
  };
  const description: PaginatorDescription<typeof client, Input, Output> = {
    operation: "List",
    send: (c, input, options) => c.list(input, options),
    inputToken: "NextToken",
    outputToken: ["Result", "NextToken"],
    pageSize: "MaxResults",
  };
  return { client, requests, description };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}

describe("paginate", () => {
  it("follows a nested output token into the input token until the token is absent", async () => {
    const pages: Output[] = [
      { Result: { NextToken: "t1", Items: ["a"] } },
      { Result: { NextToken: "t2", Items: ["b"] } },
      { Result: { Items: ["c"] } },
    ];
    const { client, requests, description } = fakeService(pages);
    const input: Input = { Filter: "x" };
    expect(await collect(paginate({ client }, input, description))).toEqual(pages);
    expect(requests).toEqual([{ Filter: "x" }, { Filter: "x", NextToken: "t1" }, { Filter: "x", NextToken: "t2" }]);
    expect(input).toEqual({ Filter: "x" }); // the caller's input is not modified
  });

  it("stops on an empty string token and on an empty map token", async () => {
    for (const empty of ["", {}]) {
      const { client, requests, description } = fakeService([
        { Result: { NextToken: "t1" } },
        { Result: { NextToken: empty } },
      ]);
      expect(await collect(paginate({ client }, {}, description))).toHaveLength(2);
      expect(requests).toHaveLength(2);
    }
  });

  it("passes map tokens (DynamoDB's LastEvaluatedKey) through as they came", async () => {
    const key = { id: "k1" };
    const { client, requests, description } = fakeService([{ Result: { NextToken: key } }, { Result: {} }]);
    await collect(paginate({ client }, {}, description));
    expect(requests[1]).toEqual({ NextToken: { id: "k1" } });
  });

  it("starts from startingToken and fills the page size only when the input leaves it unset", async () => {
    const first = fakeService([{ Result: {} }]);
    await collect(paginate({ client: first.client, startingToken: "s", pageSize: 5 }, {}, first.description));
    expect(first.requests).toEqual([{ NextToken: "s", MaxResults: 5 }]);
    const second = fakeService([{ Result: {} }]);
    await collect(paginate({ client: second.client, pageSize: 5 }, { MaxResults: 2 }, second.description));
    expect(second.requests).toEqual([{ MaxResults: 2 }]);
  });

  it("throws PaginationLoopError when the service returns the token it was sent, after yielding that page", async () => {
    const { client, description } = fakeService([
      { Result: { NextToken: "t1" } },
      { Result: { NextToken: { a: "same" } } },
      { Result: { NextToken: { a: "same" } } },
    ]);
    const seen: Output[] = [];
    const error = await collect(
      (async function* () {
        for await (const page of paginate({ client }, {}, description)) {
          seen.push(page);
          yield page;
        }
      })(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect((error as PaginationLoopError).pages).toBe(3);
    expect(seen).toHaveLength(3);
  });

  it("stops with AbortError between pages, sending nothing more", async () => {
    const { client, requests, description } = fakeService([{ Result: { NextToken: "t1" } }, { Result: {} }]);
    const controller = new AbortController();
    const pages = paginate({ client, signal: controller.signal }, {}, description);
    await pages.next();
    controller.abort();
    await expect(pages.next()).rejects.toBeInstanceOf(AbortError);
    expect(requests).toHaveLength(1);
  });

  it("stops with AbortError at once while a request is in flight, even if the client ignores the signal", async () => {
    const client = { list: () => new Promise<Output>(() => undefined) }; // never answers
    const controller = new AbortController();
    const pages = paginate(
      { client, signal: controller.signal },
      {},
      {
        operation: "List",
        send: (c) => c.list(),
        inputToken: "NextToken",
        outputToken: ["NextToken"],
      },
    );
    const next = pages.next();
    controller.abort("stop");
    await expect(next).rejects.toBeInstanceOf(AbortError);
  });
});

describe("paginateItems", () => {
  it("yields list items across pages in order", async () => {
    const { client, description } = fakeService([
      { Result: { NextToken: "t1", Items: ["a", "b"] } },
      { Result: { Items: [] } },
      { Result: { NextToken: "t1" } },
    ]);
    description.outputToken = ["Result", "NextToken"];
    const items = await collect(
      paginateItems<Output, string>(paginate({ client }, {}, description), ["Result", "Items"]),
    );
    expect(items).toEqual(["a", "b"]); // the second page has no token, so the third is never asked for
  });

  it("yields map items as [key, value] entries", async () => {
    const { client, description } = fakeService([{ Items: { x: 1, y: 2 }, Result: {} }]);
    const items = await collect(
      paginateItems<Output, [string, number]>(paginate({ client }, {}, description), ["Items"]),
    );
    expect(items).toEqual([
      ["x", 1],
      ["y", 2],
    ]);
  });
});
