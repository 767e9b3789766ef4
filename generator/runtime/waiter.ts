/**
 * Waiters: polling an operation until its acceptors say the resource reached a terminal state,
 * as Smithy's waiters specification (`smithy.waiters#waitable`) defines it. Generated
 * `waitUntil<Waiter>(config, input)` functions describe the waiter (operation, acceptors with
 * their JMESPath paths compiled to functions, default delays) and hand over to `waitUntil` here.
 *
 * The workflow, step by step as the spec numbers it: (1) call the operation, catching its error;
 * (3) try the acceptors in model order, the first that matches decides (`success` and `failure`
 * stop, `retry` waits); (4) an error no acceptor matched is a failure; (5) otherwise wait and try
 * again. Waits use the spec's exponential backoff with jitter (`retryDelay`), the last one cut so
 * that a final request goes out when `maxWaitTime` is reached, never after.
 *
 * One reading of the spec to note: step 2 ("if the total time exceeds the allowed time, fail")
 * is applied before each wait rather than by cancelling a request in flight, because the spec's
 * own backoff schedules its final request at the deadline itself; a request that started in time
 * is allowed to finish and its answer counts. No request starts after the deadline.
 */
import { AbortError, ServiceException } from "./errors.js";
import { sleep } from "./retry.js";
import { untilAborted } from "./paginate.js";

/** What a caller passes to a generated `waitUntil<Waiter>` function. Times are in seconds. */
export interface WaiterConfiguration<Client> {
  /** The client whose operation is polled. */
  client: Client;
  /** Required: the longest the waiter may take, in seconds. It never sleeps past it. */
  maxWaitTime: number;
  /** Shortest wait between attempts, in seconds (default: the waiter's `minDelay`, else 2). */
  minDelay?: number;
  /** Longest wait between attempts, in seconds (default: the waiter's `maxDelay`, else 120). */
  maxDelay?: number;
  /** Stops the waiter at once (request or wait in progress) with an `AbortError`. */
  signal?: AbortSignal;
  /** The AWS SDK v3's name for `signal`, accepted so code ports unchanged. */
  abortSignal?: AbortSignal;
}

/** The states a waiter reports, with the AWS SDK v3's spelling. */
export const WaiterState = {
  SUCCESS: "SUCCESS",
  FAILURE: "FAILURE",
  RETRY: "RETRY",
  TIMEOUT: "TIMEOUT",
  ABORTED: "ABORTED",
} as const;

/** What a waiter returns: it only returns on success (failure, timeout and abort throw). */
export interface WaiterResult {
  /** Always `SUCCESS`: other outcomes throw. */
  state: typeof WaiterState.SUCCESS;
  /** The output (or, for an `errorType` success acceptor, the error) that matched. */
  reason: unknown;
}

/** How a path matcher compares the value its JMESPath expression selected. */
export type PathComparator = "stringEquals" | "booleanEquals" | "allStringEquals" | "anyStringEquals";

/** One acceptor's test, as in the model's `Matcher` union. Paths arrive compiled to functions. */
export type Matcher<Input, Output> =
  | { success: boolean }
  | { errorType: string }
  | { output: (output: Output) => unknown; comparator: PathComparator; expected: string }
  | { inputOutput: (value: { input: Input; output: Output }) => unknown; comparator: PathComparator; expected: string };

/** One acceptor: when its matcher matches, the waiter moves to its state. */
export interface Acceptor<Input, Output> {
  /** What the waiter does when the matcher matches. */
  state: "success" | "failure" | "retry";
  /** What the acceptor looks at in the input, output or error. */
  matcher: Matcher<Input, Output>;
  /** The acceptor's `message` expression (failure acceptors only): a string or strings for the error. */
  message?: (output: Output) => unknown;
}

/** A waiter as the generator describes it. */
export interface WaiterDescription<Client, Input, Output> {
  /** The waiter's name, e.g. `TableExists`. */
  name: string;
  /** Calls the polled operation once. */
  send(client: Client, input: Input, options: { signal?: AbortSignal }): Promise<Output>;
  /** In model order: the first that matches decides. */
  acceptors: ReadonlyArray<Acceptor<Input, Output>>;
  /** The waiter's own `minDelay` from the model, in seconds (the spec's default is 2). */
  minDelay: number;
  /** The waiter's own `maxDelay` from the model, in seconds (the spec's default is 120). */
  maxDelay: number;
}

/** Time and chance, replaceable so tests run on a fake clock without sleeping. */
export interface WaiterEnvironment {
  /** Milliseconds on a monotonic-enough clock. */
  now(): number;
  /** Waits `ms`, rejecting with `AbortError` when `signal` fires. */
  sleep(ms: number, signal: AbortSignal | undefined): Promise<void>;
  /** A number in [0, 1). */
  random(): number;
}

const REAL_ENVIRONMENT: WaiterEnvironment = { now: () => Date.now(), sleep, random: () => Math.random() };

/** A failure acceptor matched, or the operation failed with an error no acceptor matched. */
export class WaiterFailureError extends Error {
  /** Always `FAILURE`. */
  readonly state: typeof WaiterState.FAILURE = WaiterState.FAILURE;
  /** The waiter's name. */
  readonly waiter: string;
  /** The output or error that led to the failure. */
  readonly reason: unknown;
  /** The matched acceptor's `message`, when it has one and it selected something. */
  readonly acceptorMessage: string | undefined;

  constructor(waiter: string, reason: unknown, acceptorMessage: string | undefined, matched: boolean) {
    const why = matched ? "a failure acceptor matched" : `the operation failed with ${describeError(reason)}`;
    super(`Waiter ${waiter}: ${why}${acceptorMessage === undefined ? "" : `: ${acceptorMessage}`}`, {
      cause: reason instanceof Error ? reason : undefined,
    });
    this.name = "WaiterFailureError";
    this.waiter = waiter;
    this.reason = reason;
    this.acceptorMessage = acceptorMessage;
  }
}

/** `maxWaitTime` passed without a success or failure state. */
export class WaiterTimeoutError extends Error {
  /** Always `TIMEOUT`. */
  readonly state: typeof WaiterState.TIMEOUT = WaiterState.TIMEOUT;
  /** The waiter's name. */
  readonly waiter: string;
  /** The configured limit, in seconds. */
  readonly maxWaitTime: number;
  /** Requests sent. */
  readonly attempts: number;
  /** The output or error of the last attempt. */
  readonly reason: unknown;

  constructor(waiter: string, maxWaitTime: number, attempts: number, reason: unknown) {
    super(`Waiter ${waiter}: no terminal state within maxWaitTime (${maxWaitTime} s, ${attempts} attempts)`);
    this.name = "WaiterTimeoutError";
    this.waiter = waiter;
    this.maxWaitTime = maxWaitTime;
    this.attempts = attempts;
    this.reason = reason;
  }
}

/** The waiter configuration is unusable (no `maxWaitTime`, a negative delay, `minDelay > maxDelay`). */
export class WaiterConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WaiterConfigurationError";
  }
}

/** What one attempt gave. */
type Outcome<Output> = { ok: true; output: Output } | { ok: false; error: unknown };

/**
 * Polls until an acceptor reaches `success` (returned), `failure` (`WaiterFailureError`), or
 * `maxWaitTime` runs out (`WaiterTimeoutError`); `signal` stops it with `AbortError`.
 */
export async function waitUntil<Client, Input, Output>(
  config: WaiterConfiguration<Client>,
  input: Input,
  description: WaiterDescription<Client, Input, Output>,
  environment: WaiterEnvironment = REAL_ENVIRONMENT,
): Promise<WaiterResult> {
  const { minDelay, maxDelay, maxWaitTime } = checkedDelays(config, description);
  const signal = config.signal ?? config.abortSignal;
  const deadline = environment.now() + maxWaitTime * 1000;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted === true) throw new AbortError(signal.reason);
    const outcome = await attemptOnce(config.client, input, description, signal);
    const decision = decide(description.acceptors, input, outcome);
    const reason = outcome.ok ? outcome.output : outcome.error;
    if (decision.state === "success") return { state: WaiterState.SUCCESS, reason };
    if (decision.state === "failure")
      throw new WaiterFailureError(description.name, reason, decision.message, decision.matched);
    const remaining = (deadline - environment.now()) / 1000;
    if (remaining <= 0) throw new WaiterTimeoutError(description.name, maxWaitTime, attempt, reason);
    const delay = retryDelay(attempt, minDelay, maxDelay, remaining, () => environment.random());
    await environment.sleep(delay * 1000, signal);
  }
}

/**
 * The spec's delay before retry number `attempt` (1-based), in seconds: exponential from
 * `minDelay`, capped at `maxDelay` past `attemptCeiling`, with full jitter drawn as an integer
 * in [minDelay, delay]; when what would be left after it is at most `minDelay`, it is the whole
 * remaining time, so the last request goes out at the deadline.
 */
export function retryDelay(
  attempt: number,
  minDelay: number,
  maxDelay: number,
  remaining: number,
  random: () => number,
): number {
  const attemptCeiling = Math.log(maxDelay / minDelay) / Math.log(2) + 1;
  let delay = attempt > attemptCeiling ? maxDelay : minDelay * 2 ** (attempt - 1);
  delay = randomBetween(minDelay, delay, random);
  if (remaining - delay <= minDelay) delay = remaining;
  return delay;
}

/** The spec's `random(a, b)`: an integer in [a, b], both ends included (a real for fractional bounds). */
function randomBetween(low: number, high: number, random: () => number): number {
  if (Number.isInteger(low) && Number.isInteger(high)) return low + Math.floor(random() * (high - low + 1));
  return low + random() * (high - low);
}

/** Calls the operation once; its error is an outcome, except an abort of our own signal. */
async function attemptOnce<Client, Input, Output>(
  client: Client,
  input: Input,
  description: WaiterDescription<Client, Input, Output>,
  signal: AbortSignal | undefined,
): Promise<Outcome<Output>> {
  try {
    const output = await untilAborted(description.send(client, input, signal === undefined ? {} : { signal }), signal);
    return { ok: true, output };
  } catch (error) {
    if (signal?.aborted === true) throw error instanceof AbortError ? error : new AbortError(signal.reason);
    return { ok: false, error };
  }
}

/** Steps 3 and 4 of the workflow. */
function decide<Input, Output>(
  acceptors: ReadonlyArray<Acceptor<Input, Output>>,
  input: Input,
  outcome: Outcome<Output>,
): { state: "success" | "failure" | "retry"; matched: boolean; message?: string } {
  for (const acceptor of acceptors) {
    if (!matches(acceptor.matcher, input, outcome)) continue;
    const message =
      acceptor.message !== undefined && outcome.ok ? messageText(acceptor.message, outcome.output) : undefined;
    return message === undefined
      ? { state: acceptor.state, matched: true }
      : { state: acceptor.state, matched: true, message };
  }
  return { state: outcome.ok ? "retry" : "failure", matched: false };
}

/** Whether one matcher matches this outcome. A path that throws (a JMESPath type error) does not match. */
export function matches<Input, Output>(
  matcher: Matcher<Input, Output>,
  input: Input,
  outcome: Outcome<Output>,
): boolean {
  if ("success" in matcher) return matcher.success === outcome.ok;
  if ("errorType" in matcher) return !outcome.ok && errorMatches(outcome.error, matcher.errorType);
  if (!outcome.ok) return false; // output and inputOutput are only checked after a success
  try {
    const value =
      "output" in matcher ? matcher.output(outcome.output) : matcher.inputOutput({ input, output: outcome.output });
    return compare(matcher.comparator, value, matcher.expected);
  } catch {
    return false;
  }
}

/** The four comparators of the spec's `PathComparator` enum. */
export function compare(comparator: PathComparator, value: unknown, expected: string): boolean {
  switch (comparator) {
    case "stringEquals":
      return typeof value === "string" && value === expected;
    case "booleanEquals":
      return typeof value === "boolean" && String(value) === expected;
    case "allStringEquals":
      return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string" && v === expected);
    case "anyStringEquals":
      return Array.isArray(value) && value.some((v) => typeof v === "string" && v === expected);
  }
}

/**
 * `errorType` names an error shape; an absolute id (`ns#Name`) matches on its name part. A
 * service error matches on its code (the shape name the service sent) or its class name; any
 * other error (network, timeout) on its `name`.
 */
function errorMatches(error: unknown, errorType: string): boolean {
  const expected = errorType.slice(errorType.indexOf("#") + 1);
  if (error instanceof ServiceException) return error.code === expected || error.name === expected;
  return error instanceof Error && error.name === expected;
}

function messageText<Output>(message: (output: Output) => unknown, output: Output): string | undefined {
  try {
    const value = message(output);
    if (typeof value === "string") return value;
    if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string")) return value.join(", ");
  } catch {
    // A message that cannot be extracted leaves the failure without one.
  }
  return undefined;
}

/** The delays in force, checked: the caller's, else the waiter's, else the spec's defaults. */
function checkedDelays(
  config: WaiterConfiguration<unknown>,
  description: Pick<WaiterDescription<unknown, unknown, unknown>, "name" | "minDelay" | "maxDelay">,
): { minDelay: number; maxDelay: number; maxWaitTime: number } {
  const { maxWaitTime } = config;
  const minDelay = config.minDelay ?? description.minDelay;
  const maxDelay = config.maxDelay ?? description.maxDelay;
  const positive = (name: string, value: unknown): void => {
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
      throw new WaiterConfigurationError(
        `Waiter ${description.name}: ${name} must be a positive number of seconds, got ${String(value)}`,
      );
    }
  };
  positive("maxWaitTime", maxWaitTime);
  positive("minDelay", minDelay);
  positive("maxDelay", maxDelay);
  if (minDelay > maxDelay) {
    throw new WaiterConfigurationError(
      `Waiter ${description.name}: minDelay (${minDelay}) is greater than maxDelay (${maxDelay})`,
    );
  }
  return { minDelay, maxDelay, maxWaitTime };
}

function describeError(error: unknown): string {
  if (error instanceof ServiceException) return `${error.name} (${error.code})`;
  if (error instanceof Error) return error.name;
  return "a non-Error value";
}
