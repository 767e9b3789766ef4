/**
 * Paginators: the token loop of an `@paginated` operation as an async iterable of pages, in the
 * shape of the AWS SDK v3's `paginate<Operation>(config, input)` so code written for it ports
 * unchanged. Generated `paginate<Operation>` functions describe the operation (which method to
 * call, where the tokens live) and hand over to `paginate` here.
 *
 * Behaviour follows Smithy's "Client behavior" for `@paginated`: the first request carries the
 * caller's input (plus `startingToken`, `pageSize`); each next request is the same input with the
 * last token received; the loop ends when the output token is absent or empty (`""`, or an empty
 * map for services such as DynamoDB whose tokens are maps). A service that answers with the very
 * token it was sent would loop forever; that ends with a `PaginationLoopError` instead.
 */
import { AbortError } from "./errors.js";
// Token equality is JSON-value equality: strings by value, map tokens (DynamoDB's LastEvaluatedKey) structurally.
import { jmesEquals } from "./jmespath.js";

/** What a caller passes to a generated `paginate<Operation>` function. */
export interface PaginationConfiguration<Client> {
  /** The client whose operation is paged. */
  client: Client;
  /** Sent as the operation's page-size member when the input does not set it itself. */
  pageSize?: number;
  /** The token to start from (a token a previous run stopped at), instead of the first page. */
  startingToken?: unknown;
  /** Stops the paginator at once: the request in flight is cancelled and the loop throws `AbortError`. */
  signal?: AbortSignal;
}

/** How one paginated operation is called and where its tokens are; written by the generator. */
export interface PaginatorDescription<Client, Input, Output> {
  /** The operation's name, for error messages. */
  operation: string;
  /** Calls the operation once. */
  send(client: Client, input: Input, options: { signal?: AbortSignal }): Promise<Output>;
  /** The input member that takes the continuation token (never a path, per Smithy). */
  inputToken: string;
  /** The path of the output token: member names from the output down, e.g. `["Result", "NextToken"]`. */
  outputToken: readonly string[];
  /** The input member that limits the page size, when the operation has one. */
  pageSize?: string;
}

/** The service returned the continuation token it was just given; paging further would never end. */
export class PaginationLoopError extends Error {
  /** The operation being paged. */
  readonly operation: string;
  /** Pages received before the repeat (the repeated page included). */
  readonly pages: number;

  constructor(operation: string, pages: number) {
    super(`${operation}: the service returned the same continuation token it was sent (page ${pages}); stopping`);
    this.name = "PaginationLoopError";
    this.operation = operation;
    this.pages = pages;
  }
}

/**
 * Yields every page of a paginated operation, first to last. The caller's `input` is never
 * modified. `pageSize` fills the page-size member only when the input leaves it unset (as the
 * AWS SDK does).
 */
export async function* paginate<Client, Input extends object, Output>(
  config: PaginationConfiguration<Client>,
  input: Input,
  description: PaginatorDescription<Client, Input, Output>,
): AsyncGenerator<Output, undefined, unknown> {
  const { signal } = config;
  let token: unknown = config.startingToken;
  let pages = 0;
  for (;;) {
    throwIfAborted(signal);
    const request: Record<string, unknown> = { ...(input as Record<string, unknown>) };
    if (!isEmptyToken(token)) request[description.inputToken] = token;
    if (
      description.pageSize !== undefined &&
      config.pageSize !== undefined &&
      request[description.pageSize] === undefined
    ) {
      request[description.pageSize] = config.pageSize;
    }
    const page = await untilAborted(
      description.send(config.client, request as Input, signal === undefined ? {} : { signal }),
      signal,
    );
    pages++;
    yield page;
    const next = valueAtPath(page, description.outputToken);
    if (isEmptyToken(next)) return undefined;
    if (!isEmptyToken(token) && jmesEquals(next, token)) throw new PaginationLoopError(description.operation, pages);
    token = next;
  }
}

/**
 * Yields the items of every page one by one (the `items` member of `@paginated`, a path like the
 * output token). A list gives its elements; a map gives `[key, value]` entries.
 */
export async function* paginateItems<Output, Item>(
  pages: AsyncIterable<Output>,
  itemsPath: readonly string[],
): AsyncGenerator<Item, undefined, unknown> {
  for await (const page of pages) {
    const items = valueAtPath(page, itemsPath);
    // Item by item rather than `yield*`: before TypeScript 5.6 an array's iterator does not accept
    // this generator's `next(unknown)` (TS2766).
    if (Array.isArray(items)) for (const item of items as Item[]) yield item;
    else if (isPlainObject(items)) for (const entry of Object.entries(items)) yield entry as Item;
  }
  return undefined;
}

/** Follows member names from `value`; undefined as soon as one is missing. */
export function valueAtPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const name of path) {
    if (!isPlainObject(current) || !Object.hasOwn(current, name)) return undefined;
    current = current[name];
  }
  return current;
}

/** Smithy: a token "not set or set to an empty value" ends pagination. */
function isEmptyToken(token: unknown): boolean {
  if (token === undefined || token === null || token === "") return true;
  return isPlainObject(token) && Object.values(token).every((v) => v === undefined);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new AbortError(signal.reason);
}

/**
 * Settles with `promise`, or rejects with `AbortError` the moment `signal` fires: the client
 * cancels its request on the same signal, and this makes the stop immediate even for a
 * `send` that ignores it.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(new AbortError(signal.reason));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new AbortError(signal.reason));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        if (error instanceof Error && error.name === "AbortError" && signal.aborted)
          reject(new AbortError(signal.reason));
        // Settling with the rejected promise itself passes its reason on as it is.
        else resolve(promise);
      },
    );
  });
}
