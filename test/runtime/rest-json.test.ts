/**
 * The restJson1 runtime (protocols/rest-json.ts) and the HTTP binding helpers it shares with the
 * other REST protocols (protocols/http-bindings.ts, uri.ts): label expansion, including the
 * values that would change the path, header lists both ways, query strings, error parsing.
 */
import { describe, expect, it } from "vitest";
import { MalformedBodyError, RequestValidationError } from "../../generator/runtime/errors.js";
import {
  greedyLabel,
  headerList,
  headerTimestamp,
  labelSegment,
  queryParams,
  readPrefixHeaders,
  splitHeaderList,
  splitHttpDates,
  timestampText,
} from "../../generator/runtime/protocols/http-bindings.js";
import type { SerializedRequest } from "../../generator/runtime/protocols/protocol.js";
import {
  jsonObjectPayload,
  jsonPayload,
  RestJsonProtocol,
  textPayload,
} from "../../generator/runtime/protocols/rest-json.js";
import type { HttpResponse } from "../../generator/runtime/transport.js";
import { percentEncode, queryString } from "../../generator/runtime/uri.js";

function response(statusCode: number, body: string | Uint8Array, headers: Record<string, string> = {}): HttpResponse {
  return { statusCode, body, headers };
}

/** The error a label helper throws, or undefined. */
function labelError(fn: () => string): RequestValidationError | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof RequestValidationError) return error;
    throw error;
  }
}

describe("labels", () => {
  it("percent-encodes a plain label as one segment, RFC 3986 strict", () => {
    expect(labelSegment("a b/c", "name", "Op")).toBe("a%20b%2Fc");
    expect(labelSegment("it's (ok)*!", "name", "Op")).toBe("it%27s%20%28ok%29%2A%21");
    expect(labelSegment(42, "n", "Op")).toBe("42");
  });

  it("keeps the slashes of a greedy label and encodes each segment", () => {
    expect(greedyLabel("2024/06/plan b.md", "key", "Op")).toBe("2024/06/plan%20b.md");
    expect(greedyLabel("/leading/and/trailing/", "key", "Op")).toBe("/leading/and/trailing/");
  });

  it.each([
    ["", "plain"],
    [".", "plain"],
    ["..", "plain"],
    ["", "greedy"],
    ["/", "greedy"],
    ["a/../b", "greedy"],
    ["./a", "greedy"],
    ["a/..", "greedy"],
    ["a//b", "greedy"],
  ])("refuses %j as a %s label before sending: it would change the path", (value, kind) => {
    const error = labelError(() =>
      kind === "greedy" ? greedyLabel(value, "key", "GetThing") : labelSegment(value, "key", "GetThing"),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error?.operation).toBe("GetThing");
    expect(error?.issues).toEqual([expect.objectContaining({ path: "key", constraint: "httpLabel" })]);
  });

  it("refuses a missing label (validation off) instead of sending `undefined`", () => {
    expect(labelError(() => labelSegment(undefined, "id", "Op"))?.issues[0]?.message).toMatch(/required/);
  });

  it("writes numbers and booleans as their text, and refuses an object (validation off) instead of sending `[object Object]`", () => {
    expect(labelSegment(1.5, "n", "Op")).toBe("1.5");
    expect(labelSegment(12345678901234567890n, "n", "Op")).toBe("12345678901234567890");
    expect(labelSegment(true, "b", "Op")).toBe("true");
    for (const value of [{ id: "x" }, ["a"], Symbol("s")])
      expect(labelError(() => greedyLabel(value, "key", "Op"))?.issues).toEqual([
        {
          path: "key",
          constraint: "type",
          message: "Must be a string, number, boolean or timestamp: it is part of the request path",
        },
      ]);
  });

  it("writes a timestamp label as date-time", () => {
    expect(labelSegment(new Date("2019-12-16T23:48:18Z"), "t", "Op")).toBe("2019-12-16T23%3A48%3A18Z");
  });
});

describe("query strings", () => {
  it("encodes names and values, repeats list names and writes a literal flag without `=`", () => {
    expect(
      queryString([
        ["kind", "note"],
        ["flag", undefined],
        ["tag", "a b&c=d"],
        ["tag", "é"],
      ]),
    ).toBe("kind=note&flag&tag=a%20b%26c%3Dd&tag=%C3%A9");
    expect(queryString(undefined)).toBe("");
    expect(percentEncode("~-._")).toBe("~-._");
  });

  it("adds @httpQueryParams entries that no @httpQuery member already set", () => {
    const query: Array<readonly [string, string | undefined]> = [["a", "1"]];
    queryParams(query, { a: "ignored", b: "2", c: ["3", "4"] }, ["a"]);
    expect(query).toEqual([
      ["a", "1"],
      ["b", "2"],
      ["c", "3"],
      ["c", "4"],
    ]);
  });
});

describe("headers", () => {
  it("quotes list items that hold a comma or a quote, and reads them back", () => {
    const text = headerList(["a", "b,c", 'say "hi"', null], (s) => s, true);
    expect(text).toBe('a, "b,c", "say \\"hi\\""');
    expect(splitHeaderList(text)).toEqual(["a", "b,c", 'say "hi"']);
    expect(splitHeaderList(" x ,y")).toEqual(["x", "y"]);
  });

  it("writes timestamp lists unquoted and splits http-dates at every second comma", () => {
    const dates = [new Date("2019-12-16T23:48:18Z"), new Date("2019-12-17T23:48:18Z")];
    const text = headerList(dates, (d) => timestampText(d, "http-date"), false);
    expect(text).toBe("Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 23:48:18 GMT");
    expect(splitHttpDates(text)?.map((d) => headerTimestamp(d, "http-date"))).toEqual(dates);
    expect(headerTimestamp("1576540098.5", "epoch-seconds")).toEqual(new Date(1576540098500));
    expect(headerTimestamp("not a date", "http-date")).toBeUndefined();
  });

  it("reads @httpPrefixHeaders entries without the prefix", () => {
    const r = response(200, "", { "x-meta-owner": "ana", "x-meta-team": "b", other: "c" });
    expect(readPrefixHeaders(r, "X-Meta-")).toEqual({ owner: "ana", team: "b" });
    expect(readPrefixHeaders(response(200, "", { other: "c" }), "x-meta-")).toBeUndefined();
  });
});

describe("RestJsonProtocol", () => {
  const protocol = new RestJsonProtocol();
  const request = (body: string | undefined, headers: Record<string, string> = {}): SerializedRequest => ({
    method: "POST",
    path: "/",
    query: undefined,
    headers,
    body,
  });

  it("gives a body application/json unless the serializer chose a content type, and a body-less request none", () => {
    const json = request("{}");
    protocol.prepare(json);
    expect(json.headers["content-type"]).toBe("application/json");
    const text = request("hi", { "content-type": "text/plain" });
    protocol.prepare(text);
    expect(text.headers["content-type"]).toBe("text/plain");
    const none = request(undefined);
    protocol.prepare(none);
    expect(none.headers["content-type"]).toBeUndefined();
  });

  it.each([
    [
      "the X-Amzn-Errortype header, sanitised",
      { "x-amzn-errortype": "FooError:http://internal.amazon.com/x" },
      '{"__type":"Other"}',
      "FooError:http://internal.amazon.com/x",
    ],
    [
      "the body's __type",
      {},
      '{"__type":"aws.protocoltests.restjson#FooError","message":"m"}',
      "aws.protocoltests.restjson#FooError",
    ],
    ["the body's code", {}, '{"code":"FooError"}', "FooError"],
  ])("reads the error code from %s", (_what, headers, body, code) => {
    const parsed = protocol.parseError(response(400, body, headers));
    expect(parsed.code).toBe(code);
  });

  it("reads an error body that is not JSON as no code, with a message that quotes nothing", () => {
    const parsed = protocol.parseError(response(502, "<html>secret</html>", { "content-type": "text/html" }));
    expect(parsed.code).toBeUndefined();
    expect(parsed.message).toBe("HTTP 502 response without a JSON error code (text/html, 19 characters)");
  });
});

describe("payload readers", () => {
  it("read an empty body as no value", () => {
    expect(jsonObjectPayload(response(200, ""))).toBeUndefined();
    expect(jsonPayload(response(200, new Uint8Array()))).toBeUndefined();
    expect(textPayload(response(200, ""))).toBeUndefined();
  });

  it("read text and bytes alike", () => {
    expect(textPayload(response(200, new TextEncoder().encode("héllo")))).toBe("héllo");
    expect(jsonPayload(response(200, "[1,2]"))).toEqual([1, 2]);
  });

  it("throw MalformedBodyError, not a SyntaxError, for a body that does not parse", () => {
    expect(() => jsonObjectPayload(response(200, '{"truncated":'))).toThrow(MalformedBodyError);
    expect(() => jsonObjectPayload(response(200, "[]"))).toThrow(MalformedBodyError);
    expect(() => jsonPayload(response(200, "nope"))).toThrow(MalformedBodyError);
  });
});
