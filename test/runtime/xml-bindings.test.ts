/**
 * HTTP bindings of the REST protocols, schema-driven: labels (greedy ones too, and the values
 * rejected before sending), query strings, headers (lists, dates, base64) and reading them back.
 */
import { describe, expect, it } from "vitest";
import { RequestValidationError } from "../../generator/runtime/errors.js";
import { restXmlRequest } from "../../generator/runtime/protocols/rest-xml.js";
import { bindRequest, readBoundMembers } from "../../generator/runtime/protocols/xml/bindings.js";
import {
  XS_NUMBER,
  XS_STRING,
  XS_TIMESTAMP,
  xsList,
  xsMap,
  type StructureSchema,
} from "../../generator/runtime/protocols/xml/schema.js";

const Input: StructureSchema = {
  kind: "structure",
  xmlName: "Input",
  members: [
    { name: "bucket", xmlName: "bucket", schema: XS_STRING, http: { in: "label" } },
    { name: "key", xmlName: "key", schema: XS_STRING, http: { in: "label" } },
    { name: "tags", xmlName: "tags", schema: xsList(XS_STRING), http: { in: "query", name: "tag" } },
    { name: "when", xmlName: "when", schema: XS_TIMESTAMP, http: { in: "query", name: "when" } },
    { name: "extra", xmlName: "extra", schema: xsMap(XS_STRING, XS_STRING), http: { in: "queryParams" } },
    { name: "names", xmlName: "names", schema: xsList(XS_STRING), http: { in: "header", name: "X-Names" } },
    { name: "since", xmlName: "since", schema: XS_TIMESTAMP, http: { in: "header", name: "If-Modified-Since" } },
    { name: "json", xmlName: "json", schema: XS_STRING, http: { in: "header", name: "X-Json", base64: true } },
    {
      name: "meta",
      xmlName: "meta",
      schema: xsMap(XS_STRING, XS_STRING),
      http: { in: "prefixHeaders", prefix: "X-Meta-" },
    },
  ],
};
const op = { name: "PutThing", method: "PUT", uri: "/{bucket}/{key+}?x-id=PutThing" };
const date = new Date(Date.UTC(2019, 11, 16, 23, 48, 18));

describe("bindRequest", () => {
  it("puts every bound member in its place", () => {
    const request = bindRequest(op, Input, {
      bucket: "b 1",
      key: "dir/a b+c",
      tags: ["x", "y"],
      when: date,
      extra: { tag: "ignored: @httpQuery wins", other: "o" },
      names: ["plain", "with,comma", 'with"quote'],
      since: date,
      json: '{"a":1}',
      meta: { Color: "red" },
    });
    expect(request.method).toBe("PUT");
    expect(request.path).toBe("/b%201/dir/a%20b%2Bc");
    expect(request.query).toEqual([
      ["x-id", "PutThing"],
      ["tag", "x"],
      ["tag", "y"],
      ["when", "2019-12-16T23:48:18Z"],
      ["other", "o"],
    ]);
    expect(request.headers).toEqual({
      "x-names": 'plain, "with,comma", "with\\"quote"',
      "if-modified-since": "Mon, 16 Dec 2019 23:48:18 GMT",
      "x-json": "eyJhIjoxfQ==",
      "x-meta-color": "red",
    });
  });

  it.each([
    ["an empty label", { bucket: "", key: "k" }],
    ["a missing label", { key: "k" }],
    ["a `..` label", { bucket: "..", key: "k" }],
    ["a `..` segment in a greedy label", { bucket: "b", key: "a/../etc" }],
    ["an empty inner segment in a greedy label", { bucket: "b", key: "a//b" }],
  ])("rejects %s before anything is sent", (_what, input) => {
    expect(() => bindRequest(op, Input, input)).toThrow(RequestValidationError);
  });
});

describe("reading bound members", () => {
  const Output: StructureSchema = {
    kind: "structure",
    xmlName: "Output",
    members: [
      { name: "names", xmlName: "names", schema: xsList(XS_STRING), http: { in: "header", name: "X-Names" } },
      { name: "dates", xmlName: "dates", schema: xsList(XS_TIMESTAMP), http: { in: "header", name: "X-Dates" } },
      { name: "count", xmlName: "count", schema: XS_NUMBER, http: { in: "header", name: "X-Count" } },
      {
        name: "meta",
        xmlName: "meta",
        schema: xsMap(XS_STRING, XS_STRING),
        http: { in: "prefixHeaders", prefix: "X-Meta-" },
      },
      { name: "status", xmlName: "status", schema: XS_NUMBER, http: { in: "responseCode" } },
    ],
  };

  it("reads headers, prefix headers and the status code", () => {
    const out: Record<string, unknown> = {};
    readBoundMembers(
      Output,
      {
        statusCode: 201,
        headers: {
          "x-names": 'a, "b,c", "d\\"e"',
          "x-dates": "Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:18 GMT",
          "x-count": " 3 ",
          "x-meta-color": "red",
        },
        body: "",
      },
      out,
    );
    expect(out).toEqual({
      names: ["a", "b,c", 'd"e'],
      dates: [date, date],
      count: 3,
      meta: { color: "red" },
      status: 201,
    });
  });
});

describe("restXmlRequest: a string @httpPayload", () => {
  const WithText: StructureSchema = {
    kind: "structure",
    xmlName: "Input",
    members: [{ name: "text", xmlName: "text", schema: XS_STRING, http: { in: "payload" } }],
  };
  const put = { name: "PutText", method: "PUT", uri: "/text" };

  it("is the body as it is, text/plain", () => {
    const request = restXmlRequest(put, WithText, { text: "a <b> & c" }, undefined);
    expect(request.body).toBe("a <b> & c");
    expect(request.headers["content-type"]).toBe("text/plain");
  });

  it("is refused when it is not a string (validation off), instead of sending its String()", () => {
    for (const text of [{ a: 1 }, 42])
      expect(() => restXmlRequest(put, WithText, { text }, undefined)).toThrow(
        expect.objectContaining({
          issues: [{ path: "text", constraint: "type", message: "Must be a string: it is the request body" }],
        }),
      );
  });
});
