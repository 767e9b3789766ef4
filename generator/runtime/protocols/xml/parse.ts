/**
 * XML text in and out for the XML protocols. Parsing goes through fast-xml-parser (the parser the
 * AWS SDK uses) into a small element tree that keeps what the Smithy XML rules need: element
 * names as written (prefixes included), attributes, children in order and text. Writing is string
 * building with the escaping the protocol tests pin.
 */
import { XMLParser } from "fast-xml-parser";

/** One parsed element. */
export interface XmlElement {
  /** The name as written, prefix included (`xsi:type`). */
  readonly name: string;
  /** Attributes by qualified name. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Child elements in document order. */
  readonly children: readonly XmlElement[];
  /** The element's own text (CDATA included), entities decoded; "" when it has none. */
  readonly text: string;
}

/** An element with nothing in it: what an absent or empty document reads as. */
export const EMPTY_ELEMENT: XmlElement = { name: "", attributes: {}, children: [], text: "" };

/** True for an element parseXml made (a protocol passes them around as `unknown` error bodies). */
export function isXmlElement(v: unknown): v is XmlElement {
  return typeof v === "object" && v !== null && Array.isArray((v as { children?: unknown }).children);
}

/** Text that is not well-formed XML: thrown by parseXml, caught by the protocols and turned into a service exception. */
export class XmlSyntaxError extends Error {
  /** The error's name, for logs and checks by name. */
  override readonly name = "XmlSyntaxError";
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  // Decodes numeric character references (`&#xD;`), which services use for CR and LF.
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** What fast-xml-parser's ordered mode yields: `{ tag: children, ":@": attributes }` or `{ "#text": text }`. */
type OrderedNode = Record<string, unknown>;

/**
 * The document element of `text`. Throws XmlSyntaxError when the text is not well-formed (a
 * truncated body, HTML from a proxy) or holds no element.
 */
export function parseXml(text: string): XmlElement {
  let nodes: unknown;
  try {
    nodes = parser.parse(text, true);
  } catch (error) {
    throw new XmlSyntaxError(`not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const root = Array.isArray(nodes) ? elementsOf(nodes as OrderedNode[])[0] : undefined;
  if (root === undefined) throw new XmlSyntaxError("no XML element in the body");
  return root;
}

function elementsOf(nodes: readonly OrderedNode[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ":@" && k !== "#text");
    if (name === undefined) continue;
    out.push(toElement(name, node));
  }
  return out;
}

function toElement(name: string, node: OrderedNode): XmlElement {
  const content = Array.isArray(node[name]) ? (node[name] as OrderedNode[]) : [];
  const attrs = node[":@"];
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  if (typeof attrs === "object" && attrs !== null) {
    for (const [k, v] of Object.entries(attrs as Record<string, unknown>)) attributes[k] = String(v);
  }
  let text = "";
  for (const c of content)
    if (typeof c["#text"] === "string" || typeof c["#text"] === "number") text += String(c["#text"]);
  return { name, attributes, children: elementsOf(content), text };
}

/** The first child named `name`. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/** Every child named `name`, in order. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** Element text: `&`, `<`, `>` and the line breaks a parser would normalise, as references. */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>\r\n\u0085\u2028]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

/** Attribute values: as text, plus quotes and tabs. */
export function escapeXmlAttribute(text: string): string {
  return text.replace(/[&<>"\r\n\t]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\r": "&#xD;",
  "\n": "&#xA;",
  "\t": "&#x9;",
  "\u0085": "&#x85;",
  "\u2028": "&#x2028;",
};
