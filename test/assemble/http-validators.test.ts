/**
 * Smithy's HTTP binding validators as anvil runs them (generator/assemble/validate/http/): each
 * case is a small model with one fault, checked for Smithy's event id, severity, shape and message.
 */
import { describe, expect, it } from "vitest";
import { AnvilError, type Diagnostic } from "../../generator/errors.js";
import { loadSources } from "../../generator/load/index.js";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";

/** Every event of a model written in IDL (namespace ex), whether or not it assembles. */
function events(body: string): Diagnostic[] {
  try {
    return (
      assemble(loadSources([{ file: "a.smithy", text: `$version: "2"\nnamespace ex\n${body}` }], preludeIds()))
        .warnings ?? []
    );
  } catch (e) {
    if (e instanceof AnvilError) return [...e.diagnostics, ...e.warnings];
    throw e;
  }
}

const brief = (d: Diagnostic) => `${d.severity ?? "ERROR"} ${d.eventId} ${d.shapeId}: ${d.message}`;

describe("HTTP binding validators", () => {
  it("reports a uri label without an @httpLabel member, and a member without a label", () => {
    const list = events(`
@readonly @http(method: "GET", uri: "/things/{id}")
operation GetThing { input := { @required @httpLabel other: String } }`).map(brief);
    expect(list).toContain(
      "ERROR HttpLabelTrait ex#GetThingInput$other: This `other` structure member is marked with the `httpLabel` trait, but no corresponding `http` URI label could be found when used as the input of the `ex#GetThing` operation.",
    );
    expect(list).toContain(
      "ERROR HttpLabelTrait ex#GetThing: This operation uses `ex#GetThingInput` as input, but the following URI labels found in the operation's `http` trait do not have a corresponding member marked with the `httpLabel` trait: `id`",
    );
  });

  it("requires greedy labels to target strings, come last and appear once", () => {
    const list = events(`
@idempotent @http(method: "PUT", uri: "/a/{x+}/b/{y+}")
operation Put { input := { @required @httpLabel x: Integer, @required @httpLabel y: String } }`).map(brief);
    expect(list).toContain(
      "ERROR HttpLabelTrait ex#PutInput$x: The `x` structure member corresponds to a greedy label when used as the input of the `ex#Put` operation. This member targets (integer: `smithy.api#Integer`), but greedy labels must target string shapes.",
    );
    expect(list).toContain(
      "DANGER HttpUriGreedyLabel.MultipleGreedyLabels ex#Put: At most one greedy label segment may exist in a pattern: /a/{x+}/b/{y+}",
    );
    expect(list).toContain(
      "DANGER HttpUriGreedyLabel.GreedyLabelIsNotLastLabel ex#Put: A greedy label must be the last label in its pattern: /a/{x+}/b/{y+}",
    );
  });

  it("warns when the method's semantics and the operation's traits disagree, and a GET with a body is a DANGER", () => {
    const list = events(`
@http(method: "GET", uri: "/g")
operation G { input := { body: String } }
@readonly @http(method: "POST", uri: "/p")
operation P {}
@http(method: "delete", uri: "/d")
operation D {}`).map(brief);
    expect(list).toContain(
      "WARNING HttpMethodSemantics.MissingReadonlyTrait ex#G: This operation uses the `GET` method in the `http` trait, but is not marked with the readonly trait",
    );
    expect(
      list.some((l) =>
        l.startsWith(
          "DANGER HttpMethodSemantics.UnexpectedPayload ex#G: This operation uses the `GET` method in the `http` trait, but the following members are sent as part of the payload of the request: `body`.",
        ),
      ),
    ).toBe(true);
    expect(list).toContain(
      "WARNING HttpMethodSemantics.UnnecessaryReadonlyTrait ex#P: This operation uses the `POST` method in the `http` trait, but is marked with the readonly trait",
    );
    expect(list).toContain(
      "WARNING HttpMethodSemantics ex#D: This operation uses the `delete` method in the `http` trait, but expected `DELETE`.",
    );
    expect(list).toContain(
      "WARNING HttpMethodSemantics.MissingIdempotentTrait ex#D: This operation uses the `DELETE` method in the `http` trait, but is not marked with the idempotent trait",
    );
  });

  it("asks every operation of a service for @http once one has it, and requires it under an HTTP protocol", () => {
    const warned = events(`
service S { version: "1", operations: [A, B] }
@http(method: "POST", uri: "/a")
operation A {}
operation B {}`).map(brief);
    expect(warned).toContain(
      "WARNING HttpBindingsMissing ex#B: One or more operations in the `ex#S` service define the `http` trait, but this operation is missing the `http` trait.",
    );
    const required = events(`
use aws.protocols#restJson1
@restJson1
service S { version: "1", operations: [B] }
operation B {}
// Smithy checks nothing when no shape of the model has @http.
@http(method: "GET", uri: "/elsewhere")
operation Elsewhere {}`).map(brief);
    expect(required).toContain(
      "ERROR HttpBindingsMissing ex#B: The `aws.protocols#restJson1` protocol requires all operations in the `ex#S` service define the `http` trait, but this operation is missing the `http` trait.",
    );
  });

  it("expects 2xx codes on @http and the error side's range on @httpError", () => {
    const list = events(`
@http(method: "POST", uri: "/a", code: 404)
operation A {}
@error("client") @httpError(503)
structure Oops {}`).map(brief);
    expect(list).toContain(
      "DANGER HttpResponseCodeSemantics ex#A: Expected an `http` code in the 2xx range, but found 404",
    );
    expect(list).toContain(
      "DANGER HttpResponseCodeSemantics ex#Oops: Expected an `httpError` code in the 4xx range for a `client` error, but found 503",
    );
  });

  it("rejects two members on one query parameter and a member on a query literal of the uri", () => {
    const list = events(`
@http(method: "POST", uri: "/a?mode=x")
operation A { input := { @httpQuery("q") a: String, @httpQuery("q") b: String, @httpQuery("mode") c: String } }`).map(
      brief,
    );
    expect(list).toContain(
      "ERROR HttpQueryTrait ex#AInput: `httpQuery` parameter name binding conflicts found for the `q` parameter in the following structure members: `a`, `b`",
    );
    expect(list).toContain(
      "ERROR HttpQueryTrait ex#AInput: `httpQuery` name `mode` conflicts with the `http` trait of the `ex#A` operation: `/a?mode=x`",
    );
  });

  it("rejects a uri that is not ASCII, and accepts a well-formed REST operation without events", () => {
    expect(events(`@http(method: "POST", uri: "/caf\u00e9")\noperation A {}`).map(brief)).toContain(
      "ERROR HttpUriFormat ex#A: @http trait `uri` is invalid: /caf\u00e9",
    );
    expect(
      events(`
@readonly @http(method: "GET", uri: "/things/{id}")
operation GetThing { input := { @required @httpLabel id: String, @httpQuery("n") n: Integer } }`),
    ).toEqual([]);
  });
});
