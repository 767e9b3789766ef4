/**
 * The shape validators (generator/assemble/validate/shapes/) beyond Smithy's errorfiles: streams
 * under real protocols, compression encodings, union defaults, recursion that does end, Unit
 * references other than members, and operation names.
 */
import { describe, expect, it } from "vitest";
import { brief, eventsOf, modelEvents } from "./events.js";

describe("StreamingTrait", () => {
  const service = (protocol: string, payload: string) => `
    use aws.protocols#${protocol}
    @${protocol}
    service S { version: "1", operations: [Download] }
    @http(method: "GET", uri: "/d")
    @readonly
    operation Download { output := { ${payload} @required body: Stream } }
    @streaming
    blob Stream
  `;

  it("requires @httpPayload on a stream under restJson1, whose protocol definition lists it", () => {
    expect(eventsOf(service("restJson1", ""), "StreamingTrait")).toEqual([
      "ERROR StreamingTrait ex#DownloadOutput$body: Member `ex#DownloadOutput$body` referencing @streaming shape `ex#Stream` must have the @httpPayload trait, as service `ex#S` has a protocol that supports @httpPayload.",
    ]);
    expect(eventsOf(service("restJson1", "@httpPayload"), "StreamingTrait")).toEqual([]);
  });

  it("does not require @httpPayload under awsJson1_0, which has no HTTP bindings", () => {
    expect(eventsOf(service("awsJson1_0", ""), "StreamingTrait")).toEqual([]);
  });

  it("rejects an output holding a @requiresLength stream, and accepts it as input", () => {
    const model = `
      operation Up { input := { @required body: Sized } }
      operation Down { output := { @required body: Sized } }
      @streaming @requiresLength
      blob Sized
    `;
    expect(eventsOf(model, "StreamingTrait")).toEqual([
      "ERROR StreamingTrait ex#DownOutput: Structures that contain a reference to a stream marked with the @requiresLength trait can only be used as operation inputs, but this structure is referenced from `ex#Down` as output",
    ]);
  });

  it("rejects a member targeting a structure that holds an event stream", () => {
    const model = `
      structure Outer { inner: Holder }
      structure Holder { events: Events }
      @streaming
      union Events { ping: Ping }
      structure Ping {}
    `;
    expect(eventsOf(model, "StreamingTrait")).toEqual([
      "ERROR StreamingTrait ex#Outer$inner: Members cannot target structures that contain a stream, but this member targets ex#Holder",
    ]);
  });
});

describe("RequestCompressionTrait", () => {
  const op = (encodings: string) => `
    @requestCompression(encodings: [${encodings}])
    operation Send { input := { body: String } }
  `;

  it("accepts gzip in any case", () => {
    expect(eventsOf(op(`"gzip", "GZIP"`), "RequestCompressionTrait")).toEqual([]);
  });

  it("names a single unsupported algorithm in the singular", () => {
    expect(eventsOf(op(`"gzip", "zstd"`), "RequestCompressionTrait")).toEqual([
      "ERROR RequestCompressionTrait ex#Send: Invalid compression algorithm found in `requestCompression` trait applied to `ex#Send`: `zstd`",
    ]);
  });
});

describe("Union", () => {
  it("prints a string default as JSON in the NOTE", () => {
    const model = `
      union U { name: Named }
      @default("x")
      string Named
    `;
    expect(eventsOf(model, "Union")).toEqual([
      'NOTE Union ex#U$name: This union member targets `ex#Named`, a shape with a default value of `"x"`. Note that default values are only applicable to structures and ignored in tagged unions. It is a best practice for union members to target shapes with no default value (for example, instead of targeting PrimitiveInteger, target Integer).',
    ]);
  });
});

describe("ShapeRecursion", () => {
  it("accepts recursion that can end: an optional member, a list through a structure, a union with a Unit variant", () => {
    const model = `
      structure Node { next: Node, @required children: Children }
      list Children { member: Node }
      union Expr { not: Expr, end: Unit }
    `;
    expect(eventsOf(model, "ShapeRecursion")).toEqual([]);
  });

  it("reports a union whose only way out goes through a structure of required members back to it", () => {
    const model = `
      union Loop { wrap: Wrapper }
      structure Wrapper { @required inner: Loop }
    `;
    // Only the union: a structure's required path through a union is not a structure recursion.
    expect(eventsOf(model, "ShapeRecursion")).toEqual([
      "ERROR ShapeRecursion ex#Loop: It is impossible to create instances of this recursive union",
    ]);
  });

  it("reports a map recursive through its value alone", () => {
    expect(eventsOf("map M { key: String, value: M }", "ShapeRecursion")).toEqual([
      "ERROR ShapeRecursion ex#M: Found invalid shape recursion: ex#M$value > ex#M. A recursive list, set, or map shape is only valid if an intermediate reference is through a union or structure.",
    ]);
  });
});

describe("ShapeRecursion on hostile models", () => {
  it("walks 5,000 nested lists ending in a list of itself without overflowing the stack, reporting that list once", () => {
    const n = 5000;
    const shapes: Record<string, object> = {};
    for (let i = 0; i < n; i++) shapes[`ex#L${i}`] = { type: "list", member: { target: `ex#L${i + 1}` } };
    shapes[`ex#L${n}`] = { type: "list", member: { target: `ex#L${n}` } };
    const events = modelEvents({ smithy: "2.0", shapes })
      .filter((d) => d.eventId === "ShapeRecursion")
      .map(brief);
    expect(events).toEqual([
      `ERROR ShapeRecursion ex#L${n}: Found invalid shape recursion: ex#L${n}$member > ex#L${n}. A recursive list, set, or map shape is only valid if an intermediate reference is through a union or structure.`,
    ]);
  });

  it("decides 5,000 unions nested through required members, the innermost with a way out", () => {
    const n = 5000;
    const shapes: Record<string, object> = {
      [`ex#U${n}`]: { type: "union", members: { end: { target: "smithy.api#Unit" } } },
    };
    for (let i = 0; i < n; i++) {
      shapes[`ex#U${i}`] = { type: "union", members: { s: { target: `ex#S${i}` } } };
      shapes[`ex#S${i}`] = {
        type: "structure",
        members: { next: { target: `ex#U${i + 1}`, traits: { "smithy.api#required": {} } } },
      };
    }
    expect(modelEvents({ smithy: "2.0", shapes }).filter((d) => d.eventId === "ShapeRecursion")).toEqual([]);
  });
});

describe("UnitType", () => {
  it("leaves Unit as an operation's error to Target, whose ERROR stops UnitType as in Smithy", () => {
    const events = eventsOf("operation Op { errors: [Unit] }", "Target");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatch(/^ERROR Target ex#Op: .*smithy\.api#Unit/);
    expect(eventsOf("operation Op { errors: [Unit] }", "UnitType")).toEqual([]);
  });

  it("accepts Unit as input, output and a union variant", () => {
    expect(eventsOf("operation Op { input: Unit, output: Unit }\nunion U { none: Unit }", "UnitType")).toEqual([]);
  });
});

describe("OperationNameAmbiguity", () => {
  it("names smithy.api#Unit as what an operation without output uses", () => {
    expect(eventsOf("operation Delete {}\nstructure DeleteResponse {}", "OperationNameAmbiguity")).toEqual([
      "WARNING OperationNameAmbiguity ex#DeleteResponse: The name of this shape implies that it is the output of ex#Delete, but that operation uses smithy.api#Unit for output. This kind of ambiguity can confuse developers calling this operation and can cause issues in code generators that use similar naming conventions to generate output types.",
    ]);
  });
});
