/**
 * Smithy's PaginatedTrait validator as anvil runs it at assembly (validate/paginated.ts).
 */
import { describe, expect, it } from "vitest";
import { eventLines as events } from "./events.js";

describe("PaginatedTrait validator", () => {
  it("rejects members that do not exist or have the wrong type, and a required input token", () => {
    const list = events(`
@paginated(inputToken: "token", outputToken: "missing", pageSize: "size", items: "things")
operation List {
  input := { @required token: String, size: String }
  output := { things: String }
}`);
    expect(list).toContain(
      "ERROR PaginatedTrait ex#List: paginated trait `inputToken` member `token` must not be required",
    );
    expect(list).toContain(
      "ERROR PaginatedTrait ex#List: paginated trait `pageSize` member `size` targets a string shape, but must target one of the following: [`byte`, `integer`, `long`, `short`]",
    );
    expect(list).toContain(
      "ERROR PaginatedTrait ex#List: paginated trait `outputToken` targets a member `missing` that does not exist",
    );
    expect(list).toContain(
      "ERROR PaginatedTrait ex#List: paginated trait `items` member `things` targets a string shape, but must target one of the following: [`list`, `map`]",
    );
  });

  it("merges the service's trait, requires both tokens there, and grades what is only discouraged (on the operation's own trait first)", () => {
    const list = events(`
@paginated(inputToken: "token")
service S { version: "1", operations: [A, B] }
@paginated(items: "things")
operation A { input := { token: String } output := { things: Things } }
@paginated(outputToken: "page.next", pageSize: "size")
operation B { input := { token: String, @required size: Long } output := { page: Page } }
structure Page { @required next: String }
list Things { member: String }`);
    expect(list).toContain(
      "ERROR PaginatedTrait ex#A: When bound within the `ex#S` service, paginated trait `outputToken` is not configured",
    );
    expect(list).toContain(
      "DANGER PaginatedTrait.ShouldNotBeRequired.outputToken ex#B: paginated trait `outputToken` member `next` should not be required",
    );
    expect(list).toContain(
      "WARNING PaginatedTrait.ShouldNotBeRequired.pageSize ex#B: paginated trait `pageSize` member `size` should not be required",
    );
    expect(list).toContain(
      "DANGER PaginatedTrait.WrongShapeType.pageSize ex#B: paginated trait `pageSize` member `size` targets a long shape, but this is not recommended. One of [`integer`] SHOULD be targeted.",
    );
  });

  it("accepts a well-formed paginated operation without events", () => {
    expect(
      events(`
@readonly @paginated(inputToken: "token", outputToken: "next", pageSize: "size", items: "things")
operation List { input := { token: String, size: Integer } output := { next: String, things: Things } }
list Things { member: String }`),
    ).toEqual([]);
  });
});
