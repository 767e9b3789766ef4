/**
 * Form bodies of awsQuery and ec2Query, and XML error bodies in their three layouts.
 */
import { describe, expect, it } from "vitest";
import { queryBody } from "../../generator/runtime/protocols/xml/query.js";
import { parseXmlErrorBody } from "../../generator/runtime/protocols/xml/errors.js";
import {
  XS_BLOB,
  XS_BOOLEAN,
  XS_NUMBER,
  XS_STRING,
  XS_TIMESTAMP,
  xsList,
  xsMap,
  type StructureSchema,
} from "../../generator/runtime/protocols/xml/schema.js";

const Greeting: StructureSchema = {
  kind: "structure",
  xmlName: "Greeting",
  members: [{ name: "hi", xmlName: "hi", queryName: "Hi", schema: XS_STRING }],
};

const Input: StructureSchema = {
  kind: "structure",
  xmlName: "Input",
  members: [
    { name: "str", xmlName: "Str", schema: XS_STRING },
    { name: "flag", xmlName: "Flag", schema: XS_BOOLEAN },
    { name: "num", xmlName: "Num", schema: XS_NUMBER },
    { name: "blob", xmlName: "Blob", schema: XS_BLOB },
    { name: "when", xmlName: "When", schema: XS_TIMESTAMP },
    { name: "list", xmlName: "List", schema: xsList(XS_STRING) },
    { name: "named", xmlName: "Named", schema: xsList(XS_STRING, { memberName: "item" }) },
    { name: "flat", xmlName: "Flat", schema: xsList(XS_STRING, { memberName: "item" }), flattened: true },
    { name: "complex", xmlName: "Complex", schema: xsList(() => Greeting) },
    { name: "map", xmlName: "Map", schema: xsMap(XS_STRING, XS_STRING, { keyName: "K", valueName: "V" }) },
    { name: "flatMap", xmlName: "FlatMap", schema: xsMap(XS_STRING, xsList(XS_STRING)), flattened: true },
    { name: "token", xmlName: "token", queryName: "Token", schema: XS_STRING, idempotencyToken: true },
  ],
};

const params = (body: string) => body.split("&");

describe("queryBody", () => {
  it("writes awsQuery parameters with Action and Version first", () => {
    const body = queryBody("awsQuery", "Op", "2020-01-08", Input, {
      str: "a b&c=d!",
      flag: false,
      num: NaN,
      blob: new TextEncoder().encode("value"),
      when: new Date(Date.UTC(2015, 0, 25, 8)),
      list: ["x", "y"],
      named: ["n"],
      flat: ["f"],
      complex: [{ hi: "hello" }],
      map: { b: "B", a: "A" },
      flatMap: { k: ["1", "2"] },
      token: "t",
    });
    expect(params(body)).toEqual([
      "Action=Op",
      "Version=2020-01-08",
      "Str=a%20b%26c%3Dd%21",
      "Flag=false",
      "Num=NaN",
      "Blob=dmFsdWU%3D",
      "When=2015-01-25T08%3A00%3A00Z",
      "List.member.1=x",
      "List.member.2=y",
      "Named.item.1=n",
      "Flat.1=f",
      "Complex.member.1.hi=hello",
      "Map.entry.1.K=b",
      "Map.entry.1.V=B",
      "Map.entry.2.K=a",
      "Map.entry.2.V=A",
      "FlatMap.1.key=k",
      "FlatMap.1.value.member.1=1",
      "FlatMap.1.value.member.2=2",
      "token=t",
    ]);
  });

  it("flattens every ec2Query list and uses the query names", () => {
    const body = queryBody("ec2Query", "Op", "1", Input, {
      list: ["x"],
      named: ["n"],
      complex: [{ hi: "hello" }],
      token: "t",
    });
    expect(params(body)).toEqual(["Action=Op", "Version=1", "List.1=x", "Named.1=n", "Complex.1.Hi=hello", "Token=t"]);
  });

  it("sends an empty awsQuery list as `Name=`, and nothing for an empty ec2Query list or an empty map", () => {
    expect(queryBody("awsQuery", "Op", "1", Input, { list: [], map: {}, token: "t" })).toBe(
      "Action=Op&Version=1&List=&token=t",
    );
    expect(queryBody("ec2Query", "Op", "1", Input, { list: [], map: {}, token: "t" })).toBe(
      "Action=Op&Version=1&Token=t",
    );
  });

  it("fills a missing idempotency token with a UUID", () => {
    expect(queryBody("awsQuery", "Op", "1", Input, {})).toMatch(/^Action=Op&Version=1&token=[0-9a-f-]{36}$/);
    expect(queryBody("ec2Query", "Op", "1", Input, {})).toMatch(/^Action=Op&Version=1&Token=[0-9a-f-]{36}$/);
  });
});

describe("parseXmlErrorBody", () => {
  it("reads the wrapped layout", () => {
    const e = parseXmlErrorBody(
      "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidGreeting</Code><Message>Hi</Message><Detail>d</Detail></Error><RequestId>req</RequestId></ErrorResponse>",
    );
    expect(
      e && { code: e.code, message: e.message, requestId: e.requestId, detail: e.error.children.map((c) => c.name) },
    ).toEqual({
      code: "InvalidGreeting",
      message: "Hi",
      requestId: "req",
      detail: ["Type", "Code", "Message", "Detail"],
    });
  });

  it("reads the unwrapped layout", () => {
    const e = parseXmlErrorBody(
      "<Error><Code>NoSuchKey</Code><Message>gone</Message><RequestId>r1</RequestId></Error>",
    );
    expect(e && [e.code, e.message, e.requestId]).toEqual(["NoSuchKey", "gone", "r1"]);
  });

  it("reads ec2Query's layout", () => {
    const e = parseXmlErrorBody(
      "<Response><Errors><Error><Code>InvalidGreeting</Code><Message>Hi</Message></Error></Errors><RequestID>foo-id</RequestID></Response>",
    );
    expect(e && [e.code, e.message, e.requestId]).toEqual(["InvalidGreeting", "Hi", "foo-id"]);
  });

  it.each([
    ["truncated", "<ErrorResponse><Error><Code>X"],
    ["HTML", "<html><body>bad gateway</body></html>"],
    ["empty", ""],
  ])("gives undefined for a %s body, never throws", (_what, text) => {
    expect(parseXmlErrorBody(text)).toBeUndefined();
  });
});
