/**
 * Smithy's header, payload, exclusive-member, auth, idempotency and XML validators as anvil runs
 * them (generator/assemble/validate/{http,auth,behavior,docs,traits}/): one fault per model,
 * checked for Smithy's event id, severity, shape and message.
 */
import { describe, expect, it } from "vitest";
import { brief, eventsOf, modelEvents } from "./events.js";

describe("HTTP header and payload validators", () => {
  it("reports headers bound twice (case-insensitively), blocked and non-token names", () => {
    const list = eventsOf(
      `structure S { @httpHeader("X-A") a: String, @httpHeader("x-a") b: String, @httpHeader("Host") c: String, @httpHeader("no spaces") d: String }`,
      "HttpHeaderTrait",
    );
    expect(list).toEqual([
      "ERROR HttpHeaderTrait ex#S: `httpHeader` field name binding conflicts found for the `x-a` header in the following structure members: `a`, `b`",
      "DANGER HttpHeaderTrait ex#S$c: `Host` is not an allowed HTTP header binding",
      "DANGER HttpHeaderTrait ex#S$d: `no spaces` is not a valid HTTP header field name according to section 5.6.2 of RFC 9110",
    ]);
  });

  it("reports a header under a prefix-header binding (a NOTE for the empty prefix)", () => {
    const map = `map M { key: String, value: String }`;
    expect(
      eventsOf(
        `${map}\nstructure S { @httpPrefixHeaders("X-P-") p: M, @httpHeader("x-p-a") a: String }`,
        "HttpPrefixHeadersTrait",
      ),
    ).toEqual([
      "ERROR HttpPrefixHeadersTrait ex#S$a: `httpHeader` binding of `x-p-a` conflicts with the `httpPrefixHeaders` binding of `ex#S$p` to `x-p-`. `httpHeader` bindings must not case-insensitively start with any `httpPrefixHeaders` bindings.",
    ]);
    expect(
      eventsOf(
        `${map}\nstructure S { @httpPrefixHeaders("") p: M, @httpHeader("x-a") a: String }`,
        "HttpPrefixHeadersTrait",
      )[0],
    ).toMatch(/^NOTE HttpPrefixHeadersTrait ex#S\$a: /);
  });

  it("notes @httpQuery members beside @httpQueryParams", () => {
    expect(
      eventsOf(
        `map M { key: String, value: String }\nstructure S { @httpQueryParams all: M, @httpQuery("q") q: String }`,
        "HttpQueryParamsTrait",
      ),
    ).toEqual([
      "NOTE HttpQueryParamsTrait ex#S: Structure member `all` is marked with the `httpQueryParams` trait, and `httpQuery` traits are applied to the following members: `q`. The service will not be able to disambiguate between query string parameters intended for the `all` member and those explicitly bound to the `httpQuery` members.",
    ]);
  });

  it("requires every member beside an @httpPayload to be bound", () => {
    const list = eventsOf(
      `@idempotent @http(method: "PUT", uri: "/p") operation P { input := { @httpPayload body: Blob, loose: String, @httpHeader("x-h") h: String } }`,
      "HttpPayload",
    );
    expect(list).toEqual([
      "ERROR HttpPayload ex#PInput: A member of this structure is marked with the `httpPayload` trait, but the following structure members are not explicitly bound to the HTTP message: `loose`",
    ]);
  });

  it("allows a structurally exclusive trait on one member only", () => {
    expect(
      eventsOf(
        `structure S { @idempotencyToken a: String, @idempotencyToken b: String }`,
        "ExclusiveStructureMemberTrait",
      ),
    ).toEqual([
      "ERROR ExclusiveStructureMemberTrait ex#S: The `idempotencyToken` trait can be applied to only a single member of a shape, but it was found on the following members: `a`, `b`",
    ]);
  });
});

describe("auth validators", () => {
  it("reports @auth schemes the service does not apply, on the service's operations", () => {
    const list = eventsOf(
      `@httpBasicAuth service S { operations: [O] }\n@auth([httpBearerAuth, httpDigestAuth]) operation O {}`,
      "AuthTrait",
    );
    expect(list).toEqual([
      "DANGER AuthTrait ex#O: auth trait applies authentication that is not configured on the service shape, `ex#S`: [smithy.api#httpBearerAuth, smithy.api#httpDigestAuth]",
    ]);
  });

  it("warns about several schemes without an @auth order, and not with one", () => {
    expect(eventsOf(`@httpBasicAuth @httpBearerAuth service S {}`, "ServiceAuthDefinitions")).toHaveLength(1);
    expect(
      eventsOf(`@httpBasicAuth @httpBearerAuth @auth([httpBearerAuth]) service S {}`, "ServiceAuthDefinitions"),
    ).toEqual([]);
  });

  it("requires an api key read from a header when a scheme is given", () => {
    expect(
      eventsOf(`@httpApiKeyAuth(name: "k", in: "query", scheme: "Key") service S {}`, "HttpApiKeyAuthTrait"),
    ).toEqual([
      "ERROR HttpApiKeyAuthTrait ex#S: The httpApiKeyAuth trait must have an `in` value of `header` when a `scheme` is provided, found: query",
    ]);
  });
});

describe("behaviour and XML validators", () => {
  it("reports @idempotent errors that are not the operation's, and exists with notFound", () => {
    const list = eventsOf(
      `@error("client") structure E {}\n@error("client") structure F {}\n@idempotent(exists: [F], notFound: [E]) operation O { errors: [E] }`,
      "IdempotentTrait",
    );
    expect(list).toEqual([
      "ERROR IdempotentTrait ex#O: The `exists` and `notFound` properties of the `@idempotent` trait are mutually exclusive. Only one may be specified.",
      "ERROR IdempotentTrait ex#O: The `exists` property references error `ex#F`, but it is not in the operation's errors list. Expected one of `ex#E`",
    ]);
  });

  it("rejects an @xmlNamespace uri java.net.URI cannot parse, and accepts a urn", () => {
    expect(eventsOf(`@xmlNamespace(uri: "::x") structure S {}`, "XmlNamespaceTrait")).toEqual([
      "ERROR XmlNamespaceTrait ex#S: An `xmlNamespace` trait is applied to the (structure: `ex#S`) shape with an invalid uri: ::x",
    ]);
    expect(
      eventsOf(
        `@xmlNamespace(uri: "urn:x:y") structure S {}\n@xmlNamespace(uri: "https://a.example/b?c#d") structure T {}`,
        "XmlNamespaceTrait",
      ),
    ).toEqual([]);
  });

  it("rejects an @externalDocumentation value java.net.URL would not accept", () => {
    expect(eventsOf(`@externalDocumentation(Home: "invalid!", Docs: "https://a.example/d") string S`, "Model")).toEqual(
      [
        'ERROR Model ex#S: Error creating trait `externalDocumentation`: Each externalDocumentation value must be a valid URL. Found "invalid!" for name "Home"',
      ],
    );
  });

  it("warns when a flattened member discards its list member's @xmlName", () => {
    const list = eventsOf(
      `list L { @xmlName("item") member: String }\nstructure S { @xmlFlattened items: L, @xmlFlattened @xmlName("x") named: L }`,
      "XmlFlattenedTrait",
    );
    expect(list).toEqual([
      'WARNING XmlFlattenedTrait ex#S$items: Member is `@xmlFlattened`, so `@xmlName` of target\'s member (`ex#L$member`) has no effect. The flattened list elements will have the name of this member - `items`. If this is unintended, you can add `@xmlName("item")` to this member.',
    ]);
  });
});

describe("HttpUriConflict", () => {
  const service = `service S { operations: [A, B, C] }\n`;
  it("reports operations with the same method and equivalent uris, each listing the others", () => {
    const list = eventsOf(
      `${service}@http(method: "POST", uri: "/x/{a}") operation A { input := { @required @httpLabel a: String } }
@http(method: "POST", uri: "/x/{b}") operation B { input := { @required @httpLabel b: String } }
@http(method: "POST", uri: "/x/lit") operation C {}`,
      "HttpUriConflict",
    );
    expect(list).toEqual([
      "ERROR HttpUriConflict ex#A: Operation URI, `/x/{a}`, conflicts with other operation URIs in the same service: [`ex#B` (/x/{b})]",
      "ERROR HttpUriConflict ex#B: Operation URI, `/x/{b}`, conflicts with other operation URIs in the same service: [`ex#A` (/x/{a})]",
    ]);
  });

  it("keeps apart different methods, query literals, and host prefixes a @hostLabel pattern separates", () => {
    const list = eventsOf(
      `${service}@http(method: "GET", uri: "/y") @readonly operation A {}
@http(method: "POST", uri: "/y?q=1") operation B {}
@http(method: "POST", uri: "/y") operation C {}`,
      "HttpUriConflict",
    );
    expect(list).toEqual([]);
    const hosts = (pattern: string) =>
      eventsOf(
        `service S { operations: [A, B] }
@endpoint(hostPrefix: "fixed.") @http(method: "PUT", uri: "/h") @idempotent operation A {}
@endpoint(hostPrefix: "{h}.") @http(method: "PUT", uri: "/h") @idempotent operation B { input := { @required @hostLabel ${pattern} h: String } }`,
        "HttpUriConflict",
      );
    expect(hosts(`@pattern("^[0-9]+$")`)).toEqual([]);
    expect(hosts("")).toHaveLength(2);
  });
});

describe("@idRef in trait values", () => {
  const defs = `@trait @idRef(selector: "string", failWhenMissing: true) string ref
@trait @idRef(selector: "number", errorMessage: "Not a number") string num
@trait @idRef string loose
integer N
string T`;
  it("checks syntax, existence (with failWhenMissing), the selector and a custom message", () => {
    const list = eventsOf(
      `${defs}\n@ref("nope") string A\n@ref("ex#N") string B\n@ref("ex#Missing") string C\n@num("ex#T") string D\n@loose("ex#Missing") string E\n@ref("ex#T") string F`,
      "TraitValue",
    );
    expect(list).toEqual([
      "ERROR TraitValue ex#A: Error validating trait `ex#ref`: Invalid shape ID: nope",
      "ERROR TraitValue ex#B: Error validating trait `ex#ref`: Shape ID `ex#N` does not match selector `string`",
      "ERROR TraitValue ex#C: Error validating trait `ex#ref`: Shape ID `ex#Missing` was not found in the model",
      "ERROR TraitValue ex#D: Error validating trait `ex#num`: Not a number",
    ]);
  });

  it("checks the members of a trait value, as the prelude's @auth list", () => {
    expect(
      eventsOf(`@httpBasicAuth service S { operations: [O] }\n@auth([String]) operation O {}`, "TraitValue"),
    ).toEqual([
      "ERROR TraitValue ex#O: Error validating trait `auth`.0: Shape ID `smithy.api#String` does not match selector `[trait|authDefinition]`",
    ]);
  });
});

describe("@traitValidators and the RPC v2 protocol traits", () => {
  it("reports each shape a trait's validator selects from where the trait is applied", () => {
    const list =
      modelEvents(`@trait @traitValidators("ex.p.NoDocs": { selector: "~> member :test(> document)", message: "No documents", severity: "WARNING" }) structure p {}
@p service S { operations: [O] }
operation O { input := { d: Document, s: String } }
structure Unbound { d: Document }`)
        .filter((d) => d.eventId === "ex.p.NoDocs")
        .map(brief);
    expect(list).toEqual([
      "WARNING ex.p.NoDocs ex#OInput$d: Found an incompatible shape when validating the constraints of the `ex#p` trait attached to `ex#S`: No documents",
    ]);
  });

  it("rejects keys that are not event ids, and runs none of that trait's validators", () => {
    expect(
      eventsOf(`@trait @traitValidators("a.1": { selector: "*" }) structure p {}\n@p string S`, "TraitValidators"),
    ).toEqual(["ERROR TraitValidators ex#p: `smithy.api#traitValidators` key is not a valid event ID: `a.1`"]);
  });

  it("warns (DANGER) about documents under rpcv2Cbor, and requires eventStreamHttp within http", () => {
    const list = modelEvents(`use smithy.protocols#rpcv2Cbor
@rpcv2Cbor(http: ["h2"], eventStreamHttp: ["h2", "http/1.1"]) service S { operations: [O] }
operation O { input := { d: Document } }`).map(brief);
    expect(list).toContain(
      "DANGER rpcv2Cbor.NoDocuments ex#OInput$d: Found an incompatible shape when validating the constraints of the `smithy.protocols#rpcv2Cbor` trait attached to `ex#S`: This protocol does not support document types in most possible scenarios.",
    );
    expect(list).toContain(
      "ERROR Rpcv2CborTrait ex#S: The following values of the `eventStreamHttp` property do not also appear in the `http` property of the smithy.protocols#rpcv2Cbor protocol trait: [http/1.1]",
    );
  });
});

describe("NoInlineDocumentSupport", () => {
  it("reports a service whose protocol has no inline documents and reaches a document", () => {
    const model = (member: string) => `@trait @protocolDefinition(noInlineDocumentSupport: true) structure p {}
@p service S { operations: [O] }
operation O { input := { ${member} } }`;
    const list = eventsOf(model("d: Document"), "NoInlineDocumentSupport");
    expect(list).toHaveLength(1);
    expect(list[0]).toMatch(
      /^ERROR NoInlineDocumentSupport ex#S: This service uses the `ex#p` protocol which does not support inline document types, but the following document types were found in the closure of the service: \[smithy\.api#Document/,
    );
    expect(eventsOf(model("s: String"), "NoInlineDocumentSupport")).toEqual([]);
  });
});
