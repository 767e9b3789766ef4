/**
 * The reference validators (validate/references/) beyond the errorfiles: ReferencesTrait,
 * MemberShouldReferenceResource and ServiceBoundResourceOperation.
 */
import { describe, expect, it } from "vitest";
import { eventLines, eventsOf, modelEvents } from "./events.js";

const resource = `resource Thing { identifiers: { thingId: String } }\n`;

describe("ReferencesTrait", () => {
  it("says Too many identifiers when `ids` binds more than the resource has", () => {
    const lines = eventsOf(
      `${resource}
      @references([{ resource: Thing, ids: { thingId: "a", other: "b" } }])
      structure S { @required a: String, @required b: String }`,
      "ReferencesTrait",
    );
    expect(lines).toEqual([
      'ERROR ReferencesTrait ex#S: Too many identifiers were provided in the `ids` properties of Reference{"resource":"ex#Thing","ids":{"other":"b","thingId":"a"}}. Expected 1 identifiers(s), but found 2. This resource requires bindings for the following identifiers: [`thingId`].',
      'ERROR ReferencesTrait ex#S: `references` trait Reference{"resource":"ex#Thing","ids":{"other":"b","thingId":"a"}} contains extraneous resource identifier bindings, [`other`], that are not actually identifier names of the resource, `ex#Thing`. This resource has the following identifier names: [`thingId`]',
    ]);
  });

  it("accepts an implicit reference whose members exist and an enum member bound explicitly, and places events at the trait", () => {
    expect(
      eventsOf(
        `${resource}\n@references([{ resource: Thing }])\nstructure S { @required thingId: String }`,
        "ReferencesTrait",
      ),
    ).toEqual([]);
    expect(
      eventsOf(
        `${resource}\nenum Kind { A }\n@references([{ resource: Thing, ids: { thingId: "k" } }])\nstructure S { k: Kind }`,
        "ReferencesTrait",
      ),
    ).toEqual([]);
    const [event] = modelEvents(`${resource}\n@references([{ resource: Thing, rel: "x" }])\nstructure S {}`).filter(
      (d) => d.eventId === "ReferencesTrait",
    );
    expect(event?.message).toContain('Reference{"resource":"ex#Thing","rel":"x"}');
    expect(event?.location).toMatchObject({ file: "a.smithy", line: 5 });
  });
});

describe("MemberShouldReferenceResource", () => {
  it("ignores members whose target differs from the identifier's, members of other names, and members the resource reaches", () => {
    const body = `
      resource Thing { identifiers: { thingId: ThingId }, read: GetThing }
      string ThingId
      @readonly
      operation GetThing { input := { @required thingId: ThingId } }
      structure Other { thingId: String, name: ThingId }
    `;
    expect(eventsOf(body, "MemberShouldReferenceResource")).toEqual([]);
  });

  it("sets aside the child resources of a resource the member is bound to, and resources its structure references", () => {
    const body = `
      resource Parent { identifiers: { parentId: String }, read: GetParent, resources: [Child] }
      resource Child { identifiers: { parentId: String, childId: String } }
      @readonly
      operation GetParent { input := { @required parentId: String } }
    `;
    // GetParentInput$parentId is reachable from Parent; Child, a child of Parent, is set aside too.
    expect(eventsOf(body, "MemberShouldReferenceResource")).toEqual([]);
    const referenced = `${resource}\n@references([{ resource: Thing }])\nstructure S { @required thingId: String }`;
    expect(eventsOf(referenced, "MemberShouldReferenceResource")).toEqual([]);
  });

  it("names every resource the member may reference, sorted, as a WARNING on the member", () => {
    const body = `
      resource B { identifiers: { id: String } }
      resource A { identifiers: { id: String } }
      structure Holder { id: String }
    `;
    expect(eventsOf(body, "MemberShouldReferenceResource")).toEqual([
      "WARNING MemberShouldReferenceResource ex#Holder$id: This member appears to reference the following resources without being included in a `@references` trait: [`ex#A`, `ex#B`]",
    ]);
  });
});

describe("ServiceBoundResourceOperation", () => {
  it("needs a required member of the identifier's name and target, in a resource the service contains", () => {
    const service = (input: string) => `
      service S { version: "1", operations: [Op], resources: [Parent] }
      resource Parent { identifiers: { parentId: String }, resources: [Child] }
      resource Child { identifiers: { parentId: String, childId: String } }
      resource Outside { identifiers: { outsideId: String } }
      operation Op { input := ${input} }
    `;
    expect(eventsOf(service("{ childId: String }"), "ServiceBoundResourceOperation")).toEqual([]);
    expect(eventsOf(service("{ @required outsideId: String }"), "ServiceBoundResourceOperation")).toEqual([]);
    expect(eventsOf(service("{ @required childId: String }"), "ServiceBoundResourceOperation")).toEqual([
      "WARNING ServiceBoundResourceOperation.ex#S.Op ex#Op: The `ex#Op` operation is bound to the `ex#S` service but has members that match identifiers of the following resource shapes: [`ex#Child`]. It may be more accurately bound to one of them than directly to the service.",
    ]);
  });

  it("gives nothing for a model without resources", () => {
    expect(
      eventLines(`service S { version: "1", operations: [Op] }\noperation Op { input := { @required id: String } }`),
    ).toEqual([]);
  });
});
