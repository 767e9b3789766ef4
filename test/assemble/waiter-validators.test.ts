/**
 * The structural waiter rules anvil checks at assembly (validate/waiters/), in Smithy's words:
 * delays, a success acceptor, `message` only on failure acceptors, booleanEquals values, and
 * waiter names unique (ignoring case) across a service's operations.
 */
import { describe, expect, it } from "vitest";
import { AnvilError, type Diagnostic } from "../../generator/errors.js";
import { loadSources } from "../../generator/load/index.js";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";
import { eventsOf } from "./events.js";

function events(body: string): string[] {
  let list: Diagnostic[];
  try {
    list =
      assemble(
        loadSources(
          [{ file: "a.smithy", text: `$version: "2"\nnamespace ex\nuse smithy.waiters#waitable\n${body}` }],
          preludeIds(),
        ),
      ).warnings ?? [];
  } catch (e) {
    if (!(e instanceof AnvilError)) throw e;
    list = [...e.diagnostics, ...e.warnings];
  }
  return list.map((d) => `${d.severity ?? "ERROR"} ${d.eventId} ${d.shapeId}: ${d.message}`).sort();
}

const success = `{ state: "success", matcher: { success: true } }`;

describe("waiter validators", () => {
  it("rejects minDelay above maxDelay and a waiter without a success acceptor", () => {
    expect(
      events(
        `@waitable(Slow: { minDelay: 10, maxDelay: 5, acceptors: [${success}] }, Never: { acceptors: [{ state: "retry", matcher: { success: false } }] })\noperation A {}`,
      ),
    ).toEqual([
      "ERROR WaitableTrait ex#A: No success state matcher found for `smithy.waiters#waitable` trait waiter named `Never`",
      "ERROR WaitableTrait ex#A: `smithy.waiters#waitable` trait waiter named `Slow` has a `minDelay` value of 10 that is greater than its `maxDelay` value of 5",
    ]);
  });

  it("rejects a message on a non-failure acceptor and a booleanEquals value that is not true or false", () => {
    expect(
      events(`@waitable(W: { acceptors: [
  { state: "success", message: "done", matcher: { output: { path: "ok", comparator: "booleanEquals", expected: "yes" } } }
] })
operation A { output := { ok: Boolean } }`),
    ).toEqual([
      "ERROR WaitableTrait ex#A: Waiter `W`, acceptor 0: The `message` property is only valid on acceptors with a `failure` state, but found state `success`.",
      "ERROR WaitableTrait ex#A: Waiter `W`, acceptor 0: Waiter acceptors with a booleanEquals comparator must set their `expected` value to 'true' or 'false', but found 'yes'.",
    ]);
  });

  it("rejects waiter names that collide, ignoring case, across a service's operations", () => {
    expect(
      events(`service S { version: "1", operations: [A, B] }
@waitable(Ready: { acceptors: [${success}] })
operation A {}
@waitable(READY: { acceptors: [${success}] }, Other: { acceptors: [${success}] })
operation B {}`),
    ).toEqual([
      "ERROR UniqueWaiterNames ex#A: `smithy.waiters#waitable` trait waiter name `ready` case-insensitively conflicts with waiters on other operations in the closure of service, `ex#S`: [ex#B]",
      "ERROR UniqueWaiterNames ex#B: `smithy.waiters#waitable` trait waiter name `ready` case-insensitively conflicts with waiters on other operations in the closure of service, `ex#S`: [ex#A]",
    ]);
  });
});

describe("acceptor checks at validation (validate/waiters/acceptor-paths.ts)", () => {
  const op = (acceptors: string) => `@smithy.waiters#waitable(W: { acceptors: [${acceptors}] })
operation A { output := { n: Integer, s: String }, errors: [Oops] }
@error("client") structure Oops {}`;
  const ok = `{ state: "success", matcher: { success: true } }`;

  it("warns about an errorType the operation does not declare, by id or name", () => {
    const list = eventsOf(
      op(
        `${ok}, { state: "retry", matcher: { errorType: "Nope" } }, { state: "retry", matcher: { errorType: "Oops" } }`,
      ),
      "WaitableTraitInvalidErrorType",
    );
    expect(list).toEqual([
      "WARNING WaitableTraitInvalidErrorType.W.1 ex#A: Waiter `W`, acceptor 1: errorType 'Nope' not found on operation. This operation defines the following errors: [ex#Oops]",
    ]);
  });

  it("reports a path whose static type is not what the comparator compares", () => {
    const list = eventsOf(
      op(`{ state: "success", matcher: { output: { path: "n", comparator: "stringEquals", expected: "1" } } }`),
      "WaitableTraitJmespathProblem",
    );
    expect(list).toEqual([
      "DANGER WaitableTraitJmespathProblem.ReturnTypeMismatch.W.0 ex#A: Waiter `W`, acceptor 0: Waiter acceptors with a stringEquals comparator must return a `string` type, but this acceptor was statically determined to return a `number` type.",
    ]);
  });

  it("requires a failure message to give strings", () => {
    const list = eventsOf(
      op(
        `${ok}, { state: "failure", matcher: { success: false }, message: "n" }, { state: "failure", matcher: { success: false }, message: "s" }`,
      ),
      "WaitableTrait",
    );
    expect(list).toEqual([
      "ERROR WaitableTrait ex#A: Waiter `W`, acceptor 1: The `message` JMESPath expression must resolve to a string or an array of strings, but this expression was statically determined to return a `number` type.",
    ]);
  });

  const path = (expression: string, comparator = "booleanEquals") =>
    `{ state: "success", matcher: { output: { path: ${JSON.stringify(expression)}, comparator: "${comparator}", expected: "true" } } }`;

  it("reports every problem in a path, each at its line and column, not only the first", () => {
    const list = eventsOf(op(path("a == s.b")), "WaitableTraitJmespathProblem");
    expect(list).toEqual([
      "DANGER WaitableTraitJmespathProblem.JmespathEventDanger.W.0 ex#A: Waiter `W`, acceptor 0: Problem found in JMESPath expression (a == s.b): Object field 'a' does not exist in object with properties [n, s] (1:1)",
      "DANGER WaitableTraitJmespathProblem.JmespathEventDanger.W.0 ex#A: Waiter `W`, acceptor 0: Problem found in JMESPath expression (a == s.b): Object field 'b' extraction performed on string (1:8)",
    ]);
  });

  it("grades a bad function call ERROR and an unordered comparison WARNING, and still checks the return type", () => {
    const list = eventsOf(
      op(`${path("abs(s)", "stringEquals")}, ${path("s < s")}, ${path("nope(n) == `1`")}`),
      "WaitableTrait",
    ).sort();
    expect(list).toEqual([
      "DANGER WaitableTraitJmespathProblem.ReturnTypeMismatch.W.0 ex#A: Waiter `W`, acceptor 0: Waiter acceptors with a stringEquals comparator must return a `string` type, but this acceptor was statically determined to return a `number` type.",
      "DANGER WaitableTraitJmespathProblem.ReturnTypeMismatch.W.1 ex#A: Waiter `W`, acceptor 1: Waiter acceptors with a booleanEquals comparator must return a `boolean` type, but this acceptor was statically determined to return a `null` type.",
      "ERROR WaitableTrait ex#A: Waiter `W`, acceptor 0: Problem found in JMESPath expression (abs(s)): abs function argument 0 error: Expected argument to be number, but found string (1:5)",
      "ERROR WaitableTrait ex#A: Waiter `W`, acceptor 2: Problem found in JMESPath expression (nope(n) == `1`): Unknown function: nope (1:1)",
      "WARNING WaitableTraitJmespathProblem.JmespathEventWarning.W.1 ex#A: Waiter `W`, acceptor 1: Problem found in JMESPath expression (s < s): Invalid comparator '<' for string (1:5)",
    ]);
  });

  it("words a syntax error as Smithy's parser does, with its line and column", () => {
    const list = eventsOf(
      op(`${path("s ==")}, { state: "failure", matcher: { success: false }, message: "s.&" }`),
      "WaitableTrait",
    );
    expect(list).toEqual([
      "ERROR WaitableTrait ex#A: Waiter `W`, acceptor 0: Invalid JMESPath expression (s ==): Syntax error at line 1 column 5: Expected ['@', 'A-Z|a-z|_', '`', '*', '{', '[', '[]', '&', '!', '[?', '('], but found EOF",
      "ERROR WaitableTrait ex#A: Waiter `W`, acceptor 1: Invalid JMESPath expression in `message` (s.&): Syntax error at line 1 column 3: Expected ['[', '{', '*', 'A-Z|a-z|_'], but found '&'",
    ]);
  });

  it("checks the rest of a path whose function the compiler leaves to the library", () => {
    const list = eventsOf(op(path("length(sort_by(@, &n)) == x")), "WaitableTraitJmespathProblem");
    expect(list).toEqual([
      "DANGER WaitableTraitJmespathProblem.JmespathEventDanger.W.0 ex#A: Waiter `W`, acceptor 0: Problem found in JMESPath expression (length(sort_by(@, &n)) == x): Object field 'x' does not exist in object with properties [n, s] (1:27)",
    ]);
  });
});
