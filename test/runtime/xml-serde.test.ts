/**
 * Schema-driven XML writing and reading: names, attributes, flattening, namespaces, maps,
 * timestamps, blobs, sparse collections, defaults and zero values, unions.
 */
import { describe, expect, it } from "vitest";
import { parseXml } from "../../generator/runtime/protocols/xml/parse.js";
import {
  XS_BLOB,
  XS_NUMBER,
  XS_STRING,
  XS_TIMESTAMP,
  xsList,
  xsMap,
  xsTimestamp,
  type StructureSchema,
} from "../../generator/runtime/protocols/xml/schema.js";
import { readXmlStructure, writeXmlDocument } from "../../generator/runtime/protocols/xml/serde.js";

const Nested: StructureSchema = {
  kind: "structure",
  xmlName: "Nested",
  members: [
    { name: "value", xmlName: "Value", schema: XS_STRING },
    { name: "child", xmlName: "Child", schema: () => Nested },
  ],
};

const Doc: StructureSchema = {
  kind: "structure",
  xmlName: "DocRequest",
  namespace: { uri: "https://example.com/" },
  members: [
    { name: "id", xmlName: "id", schema: XS_STRING, attribute: true },
    { name: "name", xmlName: "Name", schema: XS_STRING },
    { name: "count", xmlName: "count", schema: XS_NUMBER },
    { name: "when", xmlName: "when", schema: XS_TIMESTAMP },
    { name: "epoch", xmlName: "epoch", schema: xsTimestamp("epoch-seconds") },
    { name: "data", xmlName: "data", schema: XS_BLOB },
    { name: "items", xmlName: "items", schema: xsList(XS_STRING) },
    { name: "flat", xmlName: "flat", schema: xsList(XS_STRING, { memberName: "ignored" }), flattened: true },
    { name: "named", xmlName: "named", schema: xsList(XS_STRING, { memberName: "item" }) },
    { name: "map", xmlName: "map", schema: xsMap(XS_STRING, XS_STRING, { keyName: "K", valueName: "V" }) },
    { name: "flatMap", xmlName: "flatMap", schema: xsMap(XS_STRING, XS_NUMBER), flattened: true },
    {
      name: "nested",
      xmlName: "nested",
      schema: () => Nested,
      namespace: { uri: "https://ns.example.com", prefix: "ns" },
    },
    { name: "binding", xmlName: "binding", schema: XS_STRING, http: { in: "header", name: "X-Binding" } },
  ],
};

const value = {
  id: "a&b",
  name: "<n>",
  count: 1.5,
  when: new Date(Date.UTC(2015, 0, 25, 8, 0, 0)),
  epoch: new Date(1422172800_500),
  data: new TextEncoder().encode("value"),
  items: ["a", "b"],
  flat: ["x", "y"],
  named: ["i"],
  map: { k1: "v1" },
  flatMap: { one: 1, two: 2 },
  nested: { value: "v", child: { value: "deep" } },
  binding: "header only",
};

describe("writeXmlDocument", () => {
  it("writes the XML the Smithy rules give", () => {
    expect(writeXmlDocument(Doc, value)).toBe(
      '<DocRequest xmlns="https://example.com/" id="a&amp;b">' +
        "<Name>&lt;n&gt;</Name><count>1.5</count><when>2015-01-25T08:00:00Z</when><epoch>1422172800.5</epoch>" +
        "<data>dmFsdWU=</data><items><member>a</member><member>b</member></items><flat>x</flat><flat>y</flat>" +
        "<named><item>i</item></named><map><entry><K>k1</K><V>v1</V></entry></map>" +
        "<flatMap><key>one</key><value>1</value></flatMap><flatMap><key>two</key><value>2</value></flatMap>" +
        '<nested xmlns:ns="https://ns.example.com"><Value>v</Value><Child><Value>deep</Value></Child></nested>' +
        "</DocRequest>",
    );
  });

  it("leaves out absent and null members and names the root as asked", () => {
    expect(writeXmlDocument(Doc, { name: "n", count: null }, "Other")).toBe(
      '<Other xmlns="https://example.com/"><Name>n</Name></Other>',
    );
  });
});

describe("readXmlStructure", () => {
  it("reads back what it wrote, except members bound to HTTP", () => {
    const { binding: _binding, ...body } = value;
    expect(readXmlStructure(Doc, parseXml(writeXmlDocument(Doc, value)))).toEqual(body);
  });

  it("ignores unknown elements and formatting whitespace", () => {
    const el = parseXml("<Nested>\n  <Unknown>1</Unknown>\n  <Value>v</Value>\n</Nested>");
    expect(readXmlStructure(Nested, el)).toEqual({ value: "v" });
  });

  it("reads empty lists, maps and blobs as empty values", () => {
    const el = parseXml("<DocRequest><items/><map></map><data/></DocRequest>");
    expect(readXmlStructure(Doc, el)).toEqual({ items: [], map: {}, data: new Uint8Array(0) });
  });

  it("reads timestamps with offsets and fractions, and NaN and infinities", () => {
    const s: StructureSchema = {
      kind: "structure",
      xmlName: "T",
      members: [
        { name: "a", xmlName: "a", schema: XS_TIMESTAMP },
        { name: "b", xmlName: "b", schema: xsTimestamp("http-date") },
        { name: "n", xmlName: "n", schema: xsList(XS_NUMBER) },
      ],
    };
    const el = parseXml(
      "<T><a>2019-12-16T22:48:18.123+01:00</a><b>Tue, 29 Apr 2014 18:30:38 GMT</b><n><member>NaN</member><member>-Infinity</member></n></T>",
    );
    expect(readXmlStructure(s, el)).toEqual({
      a: new Date(Date.UTC(2019, 11, 16, 21, 48, 18, 123)),
      b: new Date(Date.UTC(2014, 3, 29, 18, 30, 38)),
      n: [NaN, -Infinity],
    });
  });

  it("keeps nulls of sparse collections and drops them otherwise", () => {
    const s: StructureSchema = {
      kind: "structure",
      xmlName: "S",
      members: [
        { name: "sparse", xmlName: "sparse", schema: xsList(XS_NUMBER, { sparse: true }) },
        { name: "dense", xmlName: "dense", schema: xsList(XS_NUMBER) },
      ],
    };
    const el = parseXml(
      "<S><sparse><member>1</member><member/></sparse><dense><member>1</member><member/></dense></S>",
    );
    expect(readXmlStructure(s, el)).toEqual({ sparse: [1, null], dense: [1] });
  });

  it("fills defaults and the zero values of required members the service left out", () => {
    const s: StructureSchema = {
      kind: "structure",
      xmlName: "S",
      members: [
        { name: "d", xmlName: "d", schema: XS_NUMBER, default: 5 },
        { name: "t", xmlName: "t", schema: XS_TIMESTAMP, default: 0 },
        { name: "r", xmlName: "r", schema: XS_STRING, required: true },
        { name: "l", xmlName: "l", schema: xsList(XS_STRING), required: true },
        { name: "n", xmlName: "n", schema: () => Nested, required: true },
        { name: "o", xmlName: "o", schema: XS_STRING },
      ],
    };
    expect(readXmlStructure(s, parseXml("<S/>"))).toEqual({ d: 5, t: new Date(0), r: "", l: [], n: {} });
  });

  it("reads a union's member, and an element it does not know as $unknown", () => {
    const u: StructureSchema = {
      kind: "union",
      xmlName: "U",
      members: [
        { name: "s", xmlName: "s", schema: XS_STRING },
        { name: "n", xmlName: "n", schema: XS_NUMBER },
      ],
    };
    expect(readXmlStructure(u, parseXml("<U><n>3</n></U>"))).toEqual({ n: 3 });
    expect(readXmlStructure(u, parseXml("<U><other>x</other></U>"))).toEqual({ $unknown: ["other", "x"] });
    expect(readXmlStructure(u, parseXml("<U/>"))).toEqual({ $unknown: ["", undefined] });
  });

  it("keeps __proto__ as an ordinary key", () => {
    const s: StructureSchema = {
      kind: "structure",
      xmlName: "S",
      members: [{ name: "m", xmlName: "m", schema: xsMap(XS_STRING, XS_STRING) }],
    };
    const out = readXmlStructure(s, parseXml("<S><m><entry><key>__proto__</key><value>x</value></entry></m></S>")) as {
      m: Record<string, unknown>;
    };
    expect(Object.keys(out.m)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(out.m)).toBe(Object.prototype);
  });
});
