import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AbortError, ServiceException } from "../../generator/runtime/errors.js";
import { sleep } from "../../generator/runtime/retry.js";
import {
  compare,
  retryDelay,
  waitUntil,
  WaiterConfigurationError,
  WaiterFailureError,
  WaiterTimeoutError,
  type Acceptor,
  type WaiterDescription,
  type WaiterEnvironment,
} from "../../generator/runtime/waiter.js";

type Input = { Name: string };
type Output = { Status?: string; Ready?: boolean; States?: string[]; Reason?: string };

/** A clock that only moves when the waiter sleeps or a request "takes" time: no test sleeps. */
function fakeClock(randoms: () => number = () => 0) {
  let now = 0;
  const sleeps: number[] = [];
  const requestTimes: number[] = [];
  const environment: WaiterEnvironment = {
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted === true) throw new AbortError(signal.reason);
      sleeps.push(ms / 1000);
      now += ms;
    },
    random: randoms,
  };
  return { environment, sleeps, requestTimes, advance: (ms: number) => (now += ms), time: () => now };
}

function serviceError(code: string): ServiceException {
  return new ServiceException({
    name: code,
    message: "",
    $fault: "client",
    $metadata: { httpStatusCode: 400, attempts: 1, totalRetryDelay: 0 },
    code,
  });
}

/** A waiter over a scripted operation: each call takes the next answer (an output or an error to throw). */
function scripted(
  answers: Array<Output | Error>,
  acceptors: Array<Acceptor<Input, Output>>,
  clock = fakeClock(),
  requestMs = 0,
) {
  let calls = 0;
  const client = {};
  const description: WaiterDescription<typeof client, Input, Output> = {
    name: "ThingReady",
    minDelay: 2,
    maxDelay: 120,
    acceptors,
    send: async () => {
      clock.requestTimes.push(clock.time());
      clock.advance(requestMs);
      const answer = answers[Math.min(calls++, answers.length - 1)];
      if (answer instanceof Error) throw answer;
      return answer as Output;
    },
  };
  return { client, description, clock, calls: () => calls };
}

const statusIs = (state: Acceptor<Input, Output>["state"], expected: string): Acceptor<Input, Output> => ({
  state,
  matcher: { output: (o) => o.Status, comparator: "stringEquals", expected },
});

describe("waitUntil: acceptors", () => {
  it("returns SUCCESS with the output as reason once an acceptor reaches success, retrying before that", async () => {
    const w = scripted(
      [{ Status: "CREATING" }, { Status: "CREATING" }, { Status: "ACTIVE" }],
      [statusIs("success", "ACTIVE")],
    );
    const result = await waitUntil(
      { client: w.client, maxWaitTime: 60 },
      { Name: "t" },
      w.description,
      w.clock.environment,
    );
    expect(result).toEqual({ state: "SUCCESS", reason: { Status: "ACTIVE" } });
    expect(w.calls()).toBe(3);
    expect(w.clock.sleeps).toEqual([2, 2]); // random() = 0 gives minDelay every time
  });

  it("tries acceptors in model order: the first that matches decides", async () => {
    const both = (state: Acceptor<Input, Output>["state"]): Acceptor<Input, Output> => ({
      state,
      matcher: { success: true },
    });
    const failFirst = scripted([{}], [both("failure"), both("success")]);
    await expect(
      waitUntil({ client: {}, maxWaitTime: 60 }, { Name: "t" }, failFirst.description, failFirst.clock.environment),
    ).rejects.toBeInstanceOf(WaiterFailureError);
    const successFirst = scripted([{}], [both("success"), both("failure")]);
    await expect(
      waitUntil(
        { client: {}, maxWaitTime: 60 },
        { Name: "t" },
        successFirst.description,
        successFirst.clock.environment,
      ),
    ).resolves.toMatchObject({ state: "SUCCESS" });
  });

  it("matches errorType by code, and by the name part of an absolute shape id; success reason is the error", async () => {
    for (const errorType of ["ResourceNotFoundException", "com.amazonaws.dynamodb#ResourceNotFoundException"]) {
      const error = serviceError("ResourceNotFoundException");
      const w = scripted([error], [{ state: "success", matcher: { errorType } }]);
      const result = await waitUntil(
        { client: {}, maxWaitTime: 60 },
        { Name: "t" },
        w.description,
        w.clock.environment,
      );
      expect(result.reason).toBe(error);
    }
  });

  it("retries on a retry acceptor for an error, then succeeds", async () => {
    const w = scripted(
      [serviceError("NotFound"), { Status: "ok" }],
      [
        { state: "retry", matcher: { errorType: "NotFound" } },
        { state: "success", matcher: { success: true } },
      ],
    );
    await expect(
      waitUntil({ client: {}, maxWaitTime: 60 }, { Name: "t" }, w.description, w.clock.environment),
    ).resolves.toMatchObject({ state: "SUCCESS" });
    expect(w.calls()).toBe(2);
  });

  it("fails at once on an error no acceptor matches (spec step 4), keeping the error as cause", async () => {
    const error = serviceError("AccessDenied");
    const w = scripted(
      [error],
      [statusIs("success", "ACTIVE"), { state: "retry", matcher: { errorType: "NotFound" } }],
    );
    const failure = await waitUntil(
      { client: {}, maxWaitTime: 60 },
      { Name: "t" },
      w.description,
      w.clock.environment,
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WaiterFailureError);
    expect((failure as WaiterFailureError).reason).toBe(error);
    expect((failure as WaiterFailureError).cause).toBe(error);
    expect(w.calls()).toBe(1);
  });

  it("`success: false` matches any error; output matchers are never tried on an error", async () => {
    const w = scripted(
      [serviceError("Gone")],
      [
        {
          state: "success",
          matcher: {
            output: () => {
              throw new Error("must not run");
            },
            comparator: "stringEquals",
            expected: "x",
          },
        },
        { state: "success", matcher: { success: false } },
      ],
    );
    await expect(
      waitUntil({ client: {}, maxWaitTime: 60 }, { Name: "t" }, w.description, w.clock.environment),
    ).resolves.toMatchObject({ state: "SUCCESS" });
  });

  it("gives inputOutput matchers the input and the output", async () => {
    const w = scripted(
      [{ Status: "t" }],
      [
        {
          state: "success",
          matcher: {
            inputOutput: ({ input, output }) => input.Name === output.Status,
            comparator: "booleanEquals",
            expected: "true",
          },
        },
      ],
    );
    await expect(
      waitUntil({ client: {}, maxWaitTime: 60 }, { Name: "t" }, w.description, w.clock.environment),
    ).resolves.toMatchObject({ state: "SUCCESS" });
  });

  it("puts a failure acceptor's message into the error", async () => {
    const w = scripted(
      [{ Status: "FAILED", Reason: "quota" }],
      [{ ...statusIs("failure", "FAILED"), message: (o) => o.Reason }],
    );
    const failure = (await waitUntil(
      { client: {}, maxWaitTime: 60 },
      { Name: "t" },
      w.description,
      w.clock.environment,
    ).catch((e: unknown) => e)) as WaiterFailureError;
    expect(failure.acceptorMessage).toBe("quota");
    expect(failure.message).toContain("quota");
  });

  it("treats a path that throws (a JMESPath type error) as no match", async () => {
    const w = scripted(
      [{}, { Status: "ACTIVE" }],
      [
        {
          state: "failure",
          matcher: {
            output: () => {
              throw new TypeError("length of a number");
            },
            comparator: "booleanEquals",
            expected: "true",
          },
        },
        statusIs("success", "ACTIVE"),
      ],
    );
    await expect(
      waitUntil({ client: {}, maxWaitTime: 60 }, { Name: "t" }, w.description, w.clock.environment),
    ).resolves.toMatchObject({ state: "SUCCESS" });
  });
});

describe("compare: the four comparators", () => {
  it.each([
    ["stringEquals", "a", "a", true],
    ["stringEquals", "a", "b", false],
    ["stringEquals", ["a"], "a", false],
    ["stringEquals", undefined, "a", false],
    ["booleanEquals", true, "true", true],
    ["booleanEquals", false, "false", true],
    ["booleanEquals", false, "true", false],
    ["booleanEquals", "true", "true", false],
    ["allStringEquals", ["a", "a"], "a", true],
    ["allStringEquals", ["a", "b"], "a", false],
    ["allStringEquals", [], "a", false],
    ["allStringEquals", "a", "a", false],
    ["anyStringEquals", ["b", "a"], "a", true],
    ["anyStringEquals", ["b"], "a", false],
    ["anyStringEquals", [], "a", false],
    ["anyStringEquals", [1, null], "1", false],
  ] as const)("%s(%j, %j) is %s", (comparator, value, expected, result) => {
    expect(compare(comparator, value, expected)).toBe(result);
  });
});

describe("waitUntil: delays and maxWaitTime", () => {
  it("reproduces the spec's example schedule (minDelay 2, maxDelay 120, maxWaitTime 300)", async () => {
    // The delays of the spec's table; each random() is chosen to make random(minDelay, delay) draw it.
    const table = [2, 3, 6, 6, 22, 62, 43, 24, 71, 42, 9, 6];
    let attempt = 0;
    const clock = fakeClock(() => {
      const upper = Math.min(2 * 2 ** attempt, 120);
      const wanted = table[attempt++] ?? 2;
      return (wanted - 2 + 0.5) / (upper - 2 + 1);
    });
    const w = scripted([{ Status: "CREATING" }], [statusIs("success", "ACTIVE")], clock);
    const error = await waitUntil(
      { client: {}, maxWaitTime: 300 },
      { Name: "t" },
      w.description,
      clock.environment,
    ).catch((e: unknown) => e);
    expect(clock.sleeps).toEqual([...table, 4]); // the 13th is cut to the 4 s left: a last request at 300 s
    expect(clock.time()).toBe(300_000);
    expect(error).toBeInstanceOf(WaiterTimeoutError);
    expect((error as WaiterTimeoutError).attempts).toBe(14);
  });

  it("grows as minDelay * 2^(attempt-1) up to maxDelay past the attempt ceiling", () => {
    const top = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelay(n, 2, 120, 10_000, top))).toEqual([
      2, 4, 8, 16, 32, 64, 120, 120,
    ]);
    expect([1, 2, 3].map((n) => retryDelay(n, 5, 5, 10_000, top))).toEqual([5, 5, 5]); // minDelay = maxDelay: linear
  });

  it("uses the caller's minDelay and maxDelay over the waiter's", async () => {
    const w = scripted(
      [{}, {}, { Status: "ACTIVE" }],
      [statusIs("success", "ACTIVE")],
      fakeClock(() => 0.999999),
    );
    await waitUntil(
      { client: {}, maxWaitTime: 100, minDelay: 3, maxDelay: 4 },
      { Name: "t" },
      w.description,
      w.clock.environment,
    );
    expect(w.clock.sleeps).toEqual([3, 4]);
  });

  it("never sleeps past maxWaitTime and never sends a request after it, whatever the delays and request times", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        async (minDelay, extra, maxWaitTime, requestMs, r) => {
          const clock = fakeClock(() => r);
          const w = scripted([{ Status: "CREATING" }], [statusIs("success", "ACTIVE")], clock, requestMs);
          w.description.minDelay = minDelay;
          w.description.maxDelay = minDelay + extra;
          const error = await waitUntil(
            { client: {}, maxWaitTime },
            { Name: "t" },
            w.description,
            clock.environment,
          ).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(WaiterTimeoutError);
          for (const t of clock.requestTimes) expect(t).toBeLessThanOrEqual(maxWaitTime * 1000);
          const slept = clock.sleeps.reduce((a, b) => a + b, 0);
          expect(slept).toBeLessThanOrEqual(maxWaitTime + 1e-9);
          for (const s of clock.sleeps) expect(s).toBeGreaterThan(0);
        },
      ),
    );
  });

  it("rejects a configuration without a positive maxWaitTime or with minDelay > maxDelay", async () => {
    const w = scripted([{}], [statusIs("success", "x")]);
    for (const config of [
      { maxWaitTime: 0 },
      { maxWaitTime: Number.NaN },
      { maxWaitTime: 10, minDelay: 5, maxDelay: 2 },
      { maxWaitTime: 10, minDelay: -1 },
    ]) {
      await expect(
        waitUntil({ client: {}, ...config }, { Name: "t" }, w.description, w.clock.environment),
      ).rejects.toBeInstanceOf(WaiterConfigurationError);
    }
    expect(w.calls()).toBe(0);
  });
});

describe("waitUntil: abort", () => {
  afterEach(() => vi.useRealTimers());

  it("stops during a wait at once with AbortError (real sleep on fake timers)", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const w = scripted([{}], [statusIs("success", "ACTIVE")]);
    const environment: WaiterEnvironment = { now: () => Date.now(), sleep, random: () => 0 };
    const waiting = waitUntil(
      { client: {}, maxWaitTime: 600, signal: controller.signal },
      { Name: "t" },
      w.description,
      environment,
    );
    const settled = waiting.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(2_500); // first wait (2 s) done, second request made, second wait started
    expect(w.calls()).toBe(2);
    controller.abort();
    expect(await settled).toBeInstanceOf(AbortError);
    expect(vi.getTimerCount()).toBe(0); // the pending wait was cleared
  });

  it("stops during a request at once with AbortError, accepting the SDK's abortSignal name too", async () => {
    const controller = new AbortController();
    const description: WaiterDescription<object, Input, Output> = {
      ...scripted([], []).description,
      send: () => new Promise<Output>(() => undefined),
    };
    const waiting = waitUntil(
      { client: {}, maxWaitTime: 600, abortSignal: controller.signal },
      { Name: "t" },
      description,
      fakeClock().environment,
    );
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
  });

  it("does not treat its own abort as an operation error an acceptor could match", async () => {
    const controller = new AbortController();
    controller.abort();
    const w = scripted([{}], [{ state: "success", matcher: { success: false } }]);
    await expect(
      waitUntil(
        { client: {}, maxWaitTime: 600, signal: controller.signal },
        { Name: "t" },
        w.description,
        w.clock.environment,
      ),
    ).rejects.toBeInstanceOf(AbortError);
    expect(w.calls()).toBe(0);
  });
});
