/**
 * Smithy's ServiceValidator as anvil runs it at assembly (validate/service-closure.ts): names
 * unique ignoring case in a service's closure, prelude shapes included, and valid renames.
 */
import { describe, expect, it } from "vitest";
import { eventLines } from "./events.js";

const closing = (must: "must" | "should") =>
  `Shapes in the closure of a service ${must} have case-insensitively unique names regardless of their namespaces. Use the \`rename\` property of the service to disambiguate shape names.`;

/** A service whose one operation's input holds a member per target. */
function serviceWith(targets: string[], extra: Record<string, object>, rename?: Record<string, string>): object {
  return {
    smithy: "2.0",
    shapes: {
      "ex#S": { type: "service", version: "1", operations: [{ target: "ex#Op" }], ...(rename ? { rename } : {}) },
      "ex#Op": { type: "operation", input: { target: "ex#OpInput" } },
      "ex#OpInput": { type: "structure", members: Object.fromEntries(targets.map((t, i) => [`m${i}`, { target: t }])) },
      ...extra,
    },
  };
}

describe("Service validator", () => {
  it("grades a conflict with a prelude shape as Smithy does: a NOTE for the same simple shape, Smithy's ERROR (anvil's DANGER) for a structure", () => {
    const note = eventLines(serviceWith(["ex#String", "smithy.api#String"], { "ex#String": { type: "string" } }));
    // Smithy reports nothing below ERROR about a prelude shape, so only ex#String's side is there.
    expect(note).toEqual([
      `NOTE Service ex#String: Shape name \`ex#String\` conflicts with \`smithy.api#String\` in the \`ex#S\` service closure. ${closing("should")}`,
    ]);
    const error = eventLines(
      serviceWith(["ex#String", "smithy.api#String"], { "ex#String": { type: "structure", members: {} } }),
    );
    expect(error).toEqual([
      `DANGER Service ex#String: Shape name \`ex#String\` conflicts with \`smithy.api#String\` in the \`ex#S\` service closure. ${closing("must")}`,
      `DANGER Service smithy.api#String: Shape name \`smithy.api#String\` conflicts with \`ex#String\` in the \`ex#S\` service closure. ${closing("must")}`,
    ]);
  });

  it("leaves a user shape named like a prelude shape the service does not reach alone", () => {
    expect(eventLines(serviceWith(["ex#String"], { "ex#String": { type: "structure", members: {} } }))).toEqual([]);
  });

  it("ignores case, compares list members and their targets, and lets a rename settle a conflict", () => {
    const shapes = {
      "ex#Names": { type: "list", member: { target: "smithy.api#String" } },
      "other#names": { type: "list", member: { target: "smithy.api#String" } },
      "ex#Things": { type: "list", member: { target: "ex#Thing" } },
      "other#Things": { type: "list", member: { target: "ex#Thing" } },
      "ex#Thing": { type: "structure", members: {} },
    };
    const targets = ["ex#Names", "other#names", "ex#Things", "other#Things"];
    expect(eventLines(serviceWith(targets, shapes))).toEqual([
      `DANGER Service ex#Things: Shape name \`ex#Things\` conflicts with \`other#Things\` in the \`ex#S\` service closure. ${closing("must")}`,
      `DANGER Service other#Things: Shape name \`other#Things\` conflicts with \`ex#Things\` in the \`ex#S\` service closure. ${closing("must")}`,
      `WARNING Service ex#Names: Shape name \`ex#Names\` conflicts with \`other#names\` in the \`ex#S\` service closure. ${closing("should")}`,
      `WARNING Service other#names: Shape name \`other#names\` conflicts with \`ex#Names\` in the \`ex#S\` service closure. ${closing("should")}`,
    ]);
    expect(
      eventLines(serviceWith(targets, shapes, { "other#Things": "OtherThings", "other#names": "OtherNames" })),
    ).toEqual([]);
  });

  it("rejects renames of shapes outside the closure, of operations and members, to invalid or unchanged names", () => {
    const list = eventLines(
      serviceWith(
        ["ex#A"],
        { "ex#A": { type: "string" } },
        { "ex#Missing": "X", "ex#Op": "Op2", "ex#OpInput$m0": "M", "ex#A": "no!", "smithy.api#String": "String" },
      ),
    );
    expect(list).toEqual([
      "ERROR Service ex#S: Service attempts to rename a shape not in the service: ex#Missing",
      'ERROR Service ex#S: Service attempts to rename a operation shape from `ex#Op` to "Op2"; operations cannot be renamed',
      'ERROR Service ex#S: Service attempts to rename a member shape from `ex#OpInput$m0` to "M"; members cannot be renamed',
      'ERROR Service ex#S: Service attempts to rename `ex#A` to an invalid identifier, "no!"',
      "ERROR Service ex#S: Service rename for `smithy.api#String` does not actually change the name from `String`",
      "ERROR Service ex#S: Service attempts to rename a shape not in the service: smithy.api#String",
    ]);
  });

  it("does not count an operation's Unit input or output as part of the closure", () => {
    const model = serviceWith([], {
      "ex#Unit": { type: "structure", members: {} },
      "ex#Op": { type: "operation", output: { target: "ex#Out" } },
      "ex#Out": { type: "structure", members: { u: { target: "ex#Unit" } } },
    });
    // (ex#OpInput, left without its operation, is only Smithy's OperationNameAmbiguity WARNING.)
    expect(eventLines(model).filter((l) => !l.startsWith("WARNING OperationNameAmbiguity ex#OpInput:"))).toEqual([]);
  });
});
