/**
 * Smithy's resource validators as anvil runs them at assembly (validate/resources/): identifier
 * bindings, child identifiers, lifecycle traits, property bindings, cycles, single bindings and
 * defaults in updates, for the behaviour the errorfiles corpus does not pin down.
 */
import { describe, expect, it } from "vitest";
import { modelEvents, brief } from "./events.js";

const RESOURCE_IDS = [
  "ResourceCycle",
  "SingleResourceBinding",
  "SingleOperationBinding",
  "ResourceIdentifier",
  "ResourceIdentifierBinding",
  "ResourceLifecycle",
  "ResourceOperationInputOutput",
  "DefaultValueInUpdate",
];

/** The events of the resource validators for an IDL body in namespace `ex` (which must load: a syntax error fails the test). */
function resourceEvents(body: string): string[] {
  const events = modelEvents(body);
  expect(events.filter((d) => d.eventId === undefined).map(brief)).toEqual([]);
  return events.filter((d) => RESOURCE_IDS.includes(d.eventId ?? "")).map(brief);
}

/** A resource with one identifier `id` and a full lifecycle, valid as written. */
const VALID_LIFECYCLE = `
service S { version: "1", resources: [Thing] }
resource Thing {
    identifiers: { id: String }
    properties: { name: String }
    create: CreateThing
    read: GetThing
    update: UpdateThing
    delete: DeleteThing
    list: ListThings
}
operation CreateThing { input := { name: String }, output := { @required id: String, name: String } }
@readonly
operation GetThing { input := { @required id: String }, output := { @required id: String, name: String } }
operation UpdateThing { input := { @required id: String, name: String }, output := {} }
@idempotent
operation DeleteThing { input := { @required id: String }, output := {} }
@readonly
operation ListThings { input := {}, output := { names: Names } }
list Names { member: String }
`;

describe("resource validators", () => {
  it("accept a resource whose lifecycle operations bind its identifiers and properties as Smithy requires", () => {
    expect(resourceEvents(VALID_LIFECYCLE)).toEqual([]);
  });

  describe("ResourceIdentifierBinding", () => {
    it("binds an identifier implicitly only through a required member of the identifier's own target", () => {
      const events = resourceEvents(`
resource Thing { identifiers: { id: String }, read: GetThing }
string OtherString
@readonly
operation GetThing { input := { @required id: OtherString } }
`);
      expect(events).toEqual([
        "ERROR ResourceIdentifierBinding ex#GetThing: This operation does not form a valid instance operation when bound to resource `ex#Thing`. " +
          "All of the identifiers of the resource were not implicitly or explicitly bound to the input of the operation. Expected the following " +
          "identifier bindings: [required member named `id` that targets `smithy.api#String`]. Found the following identifier bindings: []",
      ]);
    });

    it("accepts an identifier bound explicitly by `@resourceIdentifier` on a member of another name", () => {
      expect(
        resourceEvents(`
resource Thing { identifiers: { id: String }, read: GetThing }
@readonly
operation GetThing { input := { @required @resourceIdentifier("id") thingId: String } }
`),
      ).toEqual([]);
    });

    it("reports an operation of a child resource that leaves out an identifier of its parent, once per missing parent binding", () => {
      const events = resourceEvents(`
resource Parent { identifiers: { parentId: String }, resources: [Child] }
resource Child { identifiers: { parentId: String, childId: String }, operations: [Poke] }
operation Poke { input := { @required childId: String } }
`);
      expect(events).toContain(
        "ERROR ResourceIdentifierBinding ex#Poke: This operation is bound to the `ex#Child` resource, which is a child of the `ex#Parent` resource, " +
          "and it is missing the following resource identifier bindings of `ex#Parent`: [`parentId`]",
      );
    });

    it("lists conflicting `@resourceIdentifier` members sorted, so the message is the same on every run", () => {
      const events = resourceEvents(`
structure Ids {
    @required @resourceIdentifier("id") zeta: String
    @required @resourceIdentifier("id") alpha: String
}
`);
      expect(events).toEqual([
        "ERROR ResourceIdentifierBinding ex#Ids: Conflicting resource identifier member bindings found for identifier 'id' between members: 'alpha', 'zeta'",
      ]);
    });
  });

  describe("ResourceIdentifier", () => {
    it("compares identifiers with property names ignoring case, and names the identifier", () => {
      const events = resourceEvents(`
resource Thing { identifiers: { thingId: String }, properties: { ThingID: String }, read: GetThing }
@readonly
operation GetThing { input := { @required thingId: String }, output := { ThingID: String } }
`);
      expect(events).toEqual([
        "ERROR ResourceIdentifier ex#Thing: Resource identifier `thingId` cannot also be a resource property",
      ]);
    });
  });

  describe("ResourceLifecycle", () => {
    it("requires `put` to be idempotent and not readonly", () => {
      const events = resourceEvents(`
resource Thing { identifiers: { id: String }, put: PutThing }
@readonly
operation PutThing { input := { @required id: String } }
`);
      const lead =
        "ERROR ResourceLifecycle ex#Thing: The `put` lifecycle operation of this resource targets an invalid operation, `ex#PutThing`. The targeted operation";
      expect(events).toEqual([
        `${lead} must not be marked with the readonly trait.`,
        `${lead} must be marked as idempotent.`,
      ]);
    });
  });

  describe("ResourceOperationInputOutput", () => {
    it("reads properties from the structure a `@nestedProperties` member targets, not the top-level input", () => {
      const events = resourceEvents(`
resource Thing { identifiers: { id: String }, properties: { name: String }, update: UpdateThing }
operation UpdateThing { input := { @required id: String, @nestedProperties body: ThingBody, clientNote: String } }
structure ThingBody { name: Integer }
`);
      expect(events).toEqual([
        "ERROR ResourceOperationInputOutput ex#ThingBody$name: This member must target `smithy.api#String`. This member is used as part of the `update` " +
          "operation of the `ex#Thing` resource and conflicts with its `name` resource property.",
      ]);
    });

    it("does not ask members with `@notProperty` or a trait marked `@notProperty` (`@idempotencyToken`) to name a property", () => {
      expect(
        resourceEvents(`
resource Thing { identifiers: { id: String }, properties: { name: String }, update: UpdateThing }
operation UpdateThing { input := { @required id: String, name: String, @notProperty dryRun: Boolean, @idempotencyToken token: String } }
`),
      ).toEqual([]);
    });

    it("reports a property no lifecycle or instance operation uses; `list` and collection operations do not count", () => {
      const events = resourceEvents(`
resource Thing { identifiers: { id: String }, properties: { name: String }, list: ListThings }
@readonly
operation ListThings { input := {}, output := { name: String } }
`);
      expect(events).toEqual([
        "ERROR ResourceOperationInputOutput ex#Thing: Resource property `name` is not used in the input or output of create or an instance operation.",
      ]);
    });
  });

  describe("ResourceCycle", () => {
    it("reports each resource on a cycle with the chain back to itself, and stops the other resource validators, as Smithy's correctness validators do", () => {
      const events = resourceEvents(`
service S { version: "1", resources: [Self, A] }
resource Self { resources: [Self] }
resource A { resources: [B] }
resource B { resources: [A] }
`);
      expect(events).toEqual([
        "ERROR ResourceCycle ex#Self: Circular resource hierarchy found: ex#Self -> ex#Self",
        "ERROR ResourceCycle ex#A: Circular resource hierarchy found: ex#A -> ex#B -> ex#A",
        "ERROR ResourceCycle ex#B: Circular resource hierarchy found: ex#B -> ex#A -> ex#B",
      ]);
    });

    it("does not report a resource that only leads into a cycle, with the cycle's path alone in the chain", () => {
      const events = resourceEvents(`
resource Top { resources: [Leaf, A] }
resource Leaf {}
resource A { resources: [B] }
resource B { resources: [A] }
`);
      expect(events).toEqual([
        "ERROR ResourceCycle ex#A: Circular resource hierarchy found: ex#A -> ex#B -> ex#A",
        "ERROR ResourceCycle ex#B: Circular resource hierarchy found: ex#B -> ex#A -> ex#B",
      ]);
    });
  });

  describe("SingleOperationBinding and SingleResourceBinding", () => {
    it("accept one operation and one resource bound once in each of two services", () => {
      expect(
        resourceEvents(`
service S1 { version: "1", operations: [Ping], resources: [Thing] }
service S2 { version: "1", operations: [Ping], resources: [Thing] }
resource Thing {}
operation Ping {}
`),
      ).toEqual([]);
    });

    it("report a resource bound by the service and by a resource of another resource's subtree", () => {
      const events = resourceEvents(`
service S { version: "1", resources: [A, C] }
resource A { resources: [B] }
resource B { resources: [C] }
resource C {}
`);
      expect(events).toEqual([
        "ERROR SingleResourceBinding ex#C: A resource can appear only once in an entire service closure. This resource is illegally bound into the `ex#S` service closure from multiple shapes: [`ex#B`, `ex#S`]",
      ]);
    });
  });

  describe("DefaultValueInUpdate", () => {
    it("warns about a resource's `update` operation whatever its name, listing the defaulted members sorted", () => {
      const events = resourceEvents(`
resource Thing { identifiers: { id: String }, update: ModifyThing }
operation ModifyThing {
    input := {
        @required
        id: String
        zeta: Boolean = false
        alpha: Integer = 0
    }
}
`);
      expect(events).toEqual([
        "WARNING DefaultValueInUpdate ex#ModifyThing: This update style operation has top-level input members marked with the @default trait. " +
          "It will be impossible to tell if the member was omitted or explicitly provided. Affected members: [alpha, zeta]",
      ]);
    });

    it("leaves an update-named operation without defaults, and one whose defaults are nested, alone", () => {
      expect(
        resourceEvents(`
operation UpdateThing { input := { name: String, settings: Settings } }
structure Settings {
    enabled: Boolean = false
}
`),
      ).toEqual([]);
    });
  });
});
