/**
 * The add-on trait libraries anvil carries (generator/assemble/addons/): their traits resolve
 * without the model defining them, and every value is checked against anvil's definitions.
 */
import { describe, expect, it } from "vitest";
import { loadSources } from "../../generator/load/index.js";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";
import { errorOf, modelOf } from "../helpers.js";

const doc = (shapes: object) => ({ smithy: "2.0", shapes });
const service = (traits: object) => doc({ "ex#S": { type: "service", version: "1", traits } });
const idl = (text: string) =>
  assemble(loadSources([{ file: "a.smithy", text: `$version: "2"\nnamespace ex\n${text}` }], preludeIds()));

describe("add-on trait libraries", () => {
  it("accepts values that fit their definitions", () => {
    const model = modelOf(
      service({
        "aws.api#service": { sdkId: "S", arnNamespace: "s" },
        "aws.auth#sigv4": { name: "s" },
        "aws.protocols#awsJson1_0": {},
      }),
    );
    expect(model.shapes.get("ex#S")?.traits["aws.auth#sigv4"]).toEqual({ name: "s" });
    expect(model.shapes.get("aws.auth#sigv4")?.prelude).toBe(true);
  });

  it("rejects a value that breaks a constraint of the trait's own members", () => {
    const e = errorOf(() => modelOf(service({ "aws.auth#sigv4": { name: "" } })));
    expect(e.diagnostics[0]).toMatchObject({
      eventId: "TraitValue",
      shapeId: "ex#S",
      message: expect.stringContaining("`aws.auth#sigv4$name` must be >= 1 characters"),
    });
  });

  it("rejects a missing required member and a wrong type", () => {
    const e = errorOf(() => modelOf(service({ "aws.api#service": { arnNamespace: 3 } })));
    const messages = e.diagnostics.map((d) => d.message).join("\n");
    expect(messages).toContain("Missing required structure member `sdkId` for `aws.api#service`");
    expect(messages).toContain("arnNamespace");
  });

  it("warns about a member the trait does not have, as Smithy does", () => {
    const model = modelOf(service({ "aws.api#service": { sdkId: "S", serviceName: "x" } }));
    expect(model.warnings?.map((w) => [w.severity, w.eventId])).toContainEqual([
      "WARNING",
      "TraitValue.UnknownMember.aws.api#service.serviceName",
    ]);
  });

  it("checks where an add-on trait may be applied (its selector)", () => {
    const e = errorOf(() => modelOf(service({ "aws.auth#sigv4a": { name: "s" } })));
    expect(e.diagnostics[0]).toMatchObject({
      eventId: "TraitTarget",
      message: expect.stringContaining("service[trait|aws.auth#sigv4]"),
    });
  });

  it("checks waiter names against their pattern", () => {
    const e = errorOf(() =>
      idl(`use smithy.waiters#waitable
@waitable(lowerName: { acceptors: [{ state: "success", matcher: { success: true } }] })
operation Op {}`),
    );
    expect(e.diagnostics[0]).toMatchObject({
      eventId: "TraitValue",
      message: expect.stringContaining("must match regular expression: ^[A-Z]+[A-Za-z0-9]*$"),
    });
  });

  it("names a misspelt add-on trait with a suggestion", () => {
    const e = errorOf(() => modelOf(service({ "aws.api#servcie": { sdkId: "S" } })));
    expect(e.diagnostics[0]).toMatchObject({
      message: expect.stringContaining("Unable to resolve trait `aws.api#servcie`"),
      hint: "Did you mean aws.api#service?",
    });
  });

  it("resolves `use` of an add-on shape without a warning", () => {
    const model = idl(`use aws.api#arnReference\n@arnReference(service: "x")\nstring Arn`);
    expect(model.warnings ?? []).toEqual([]);
  });

  it("uses a model's own definition of an add-on shape instead of anvil's", () => {
    const model = modelOf(
      doc({
        "aws.api#arnReference": {
          type: "structure",
          members: { flavour: { target: "smithy.api#String" } },
          traits: { "smithy.api#trait": { selector: "string" } },
        },
        "ex#Arn": { type: "string", traits: { "aws.api#arnReference": { flavour: "x" } } },
      }),
    );
    expect(model.shapes.get("aws.api#arnReference")?.prelude).toBe(false);
    expect(model.warnings ?? []).toEqual([]);
  });
});
