/**
 * The XML runtime of the XML protocols: parsing into elements (attributes, prefixes, entities,
 * CDATA), escaping, and bad input as XmlSyntaxError, never a parser's own error.
 */
import { describe, expect, it } from "vitest";
import {
  childNamed,
  childrenNamed,
  escapeXmlAttribute,
  escapeXmlText,
  parseXml,
  XmlSyntaxError,
} from "../../generator/runtime/protocols/xml/parse.js";

describe("parseXml", () => {
  it("keeps names with prefixes, attributes, children in order and decoded text", () => {
    const root = parseXml(
      '<?xml version="1.0"?><Foo xmlns="http://x" a="1&amp;2"><b> x &lt; y </b><xsi:c>1</xsi:c><b/></Foo>',
    );
    expect(root.name).toBe("Foo");
    expect(root.attributes).toEqual({ xmlns: "http://x", a: "1&2" });
    expect(root.children.map((c) => c.name)).toEqual(["b", "xsi:c", "b"]);
    expect(childNamed(root, "b")?.text).toBe(" x < y ");
    expect(childrenNamed(root, "b").map((b) => b.text)).toEqual([" x < y ", ""]);
  });

  it("decodes numeric character references and CDATA", () => {
    const root = parseXml("<a>escaped &amp;lt;&#xD;&#10;<![CDATA[<z>]]></a>");
    expect(root.text).toBe("escaped &lt;\r\n<z>");
  });

  it.each([
    ["truncated", "<ErrorResponse><Error><Code>Foo</Code>"],
    ["not XML", "<html><body>502 Bad Gateway</body>"],
    ["empty", ""],
    ["text only", "Service Unavailable"],
  ])("throws XmlSyntaxError on %s input", (_what, text) => {
    expect(() => parseXml(text)).toThrow(XmlSyntaxError);
  });
});

describe("escaping", () => {
  it("escapes markup and line breaks in text, so they survive a parser", () => {
    const text = "a < b & c > d\r\n\u2028";
    const escaped = escapeXmlText(text);
    expect(escaped).toBe("a &lt; b &amp; c &gt; d&#xD;&#xA;&#x2028;");
    expect(parseXml(`<v>${escaped}</v>`).text).toBe(text);
  });

  it("escapes quotes and tabs in attributes", () => {
    const value = `<test&"mock">\t`;
    const escaped = escapeXmlAttribute(value);
    expect(escaped).toBe("&lt;test&amp;&quot;mock&quot;&gt;&#x9;");
    expect(parseXml(`<v a="${escaped}"/>`).attributes["a"]).toBe(value);
  });
});
