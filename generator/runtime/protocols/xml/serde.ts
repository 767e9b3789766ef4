/**
 * Values to XML and back, walking the schemas of xml/schema.ts: `@xmlName` (element and attribute
 * names), `@xmlAttribute`, `@xmlFlattened` (lists and maps repeated in place of a wrapper),
 * `@xmlNamespace` (an `xmlns` on the element it names), timestamps (date-time unless
 * `@timestampFormat`), blobs as base64, `@sparse` collections. Reading is tolerant: unknown
 * elements are ignored, a missing member reads as its `@default`, and a missing `@required` one as
 * Smithy's zero value (see the README's optionality policy).
 */
import { fromBase64, idempotencyToken, serDateTime, serHttpDate, setOwn, toBase64 } from "../../serde.js";
import {
  childNamed,
  childrenNamed,
  EMPTY_ELEMENT,
  escapeXmlAttribute,
  escapeXmlText,
  type XmlElement,
} from "./parse.js";
import {
  resolve,
  type MapSchema,
  type MemberSchema,
  type ResolvedSchema,
  type Schema,
  type ScalarSchema,
  type StructureSchema,
  type TimestampFormat,
  type TimestampSchema,
  type XmlNamespace,
} from "./schema.js";

/** A value the caller passed, as a record of members. */
type Members = Readonly<Record<string, unknown>>;

/** Reads own member `name` only (`constructor`, `__proto__` are member names like any other). */
export function ownMember(value: Members, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(value, name) ? value[name] : undefined;
}

// ---- scalars ---------------------------------------------------------------------------------

/** The text form of a scalar (timestamps in `format` unless the schema names its own). */
export function scalarText(
  schema: ScalarSchema | TimestampSchema,
  value: unknown,
  defaultFormat: TimestampFormat,
): string {
  switch (schema.kind) {
    case "timestamp":
      return timestampText(value as Date, schema.format ?? defaultFormat);
    case "blob":
      return toBase64(typeof value === "string" ? new TextEncoder().encode(value) : (value as Uint8Array));
    case "number":
      // NaN, Infinity and -Infinity print as themselves, which is what the XML protocols send.
      return String(value);
    default:
      return String(value);
  }
}

/** A timestamp in one of the three formats. */
export function timestampText(d: Date, format: TimestampFormat): string {
  if (format === "date-time") return serDateTime(d);
  if (format === "http-date") return serHttpDate(d);
  return String(d.getTime() / 1000);
}

/** A scalar read from its text; undefined when the text is not a value of the type. */
export function readScalar(
  schema: ScalarSchema | TimestampSchema,
  text: string,
  defaultFormat: TimestampFormat,
): unknown {
  switch (schema.kind) {
    case "string":
      return text;
    case "boolean":
      return text === "true" ? true : text === "false" ? false : undefined;
    case "number": {
      const t = text.trim();
      if (t === "") return undefined;
      const n = Number(t);
      return Number.isNaN(n) && t !== "NaN" ? undefined : n;
    }
    case "bigInteger":
      return /^\s*-?\d+\s*$/.test(text) ? BigInt(text.trim()) : undefined;
    case "bigDecimal":
      return text.trim();
    case "blob":
      return fromBase64(text);
    case "timestamp":
      return readTimestamp(text.trim(), schema.format ?? defaultFormat);
    case "document":
      // Documents have no XML form (Smithy's XML protocols do not support them).
      return undefined;
  }
}

/** A timestamp from its text: epoch seconds when the format says so, else a date string (RFC 3339 or HTTP date). */
export function readTimestamp(text: string, format: TimestampFormat): Date | undefined {
  if (text === "") return undefined;
  const d =
    format === "epoch-seconds" && /^-?\d+(\.\d+)?$/.test(text)
      ? new Date(Math.round(Number(text) * 1000))
      : new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** True for scalar and timestamp schemas (what attributes, headers and query values can hold). */
export function isScalar(s: ResolvedSchema): s is ScalarSchema | TimestampSchema {
  return s.kind !== "structure" && s.kind !== "union" && s.kind !== "list" && s.kind !== "map";
}

// ---- writing ---------------------------------------------------------------------------------

/**
 * The XML document of a structure: its root element is `name` (the structure's `@xmlName` or
 * shape name unless the caller names it), with the schema's namespace. Members bound to HTTP
 * (headers, query, labels) are not written.
 */
export function writeXmlDocument(
  schema: StructureSchema,
  value: Members,
  name: string = schema.xmlName,
  namespace: XmlNamespace | undefined = schema.namespace,
): string {
  return writeStructure(schema, value, name, namespace);
}

/** A value as the element `name` (scalars, lists, maps, structures and unions alike). */
export function writeXmlElement(schema: Schema, value: unknown, name: string, namespace?: XmlNamespace): string {
  const s = resolve(schema);
  switch (s.kind) {
    case "structure":
    case "union":
      return writeStructure(s, value as Members, name, namespace);
    case "list": {
      let inner = "";
      for (const item of value as readonly unknown[])
        inner += writeItem(s.member, item, s.memberName, s.memberNamespace);
      return element(name, namespace, "", inner);
    }
    case "map": {
      let inner = "";
      for (const key of Object.keys(value as Members)) {
        const v = (value as Members)[key];
        if (v == null && !s.sparse) continue;
        inner += element("entry", undefined, "", writeEntry(s, key, v));
      }
      return element(name, namespace, "", inner);
    }
    default:
      return element(name, namespace, "", escapeXmlText(scalarText(s, value, "date-time")));
  }
}

function writeItem(schema: Schema, item: unknown, name: string, namespace: XmlNamespace | undefined): string {
  return item == null ? element(name, namespace, "", "") : writeXmlElement(schema, item, name, namespace);
}

function writeEntry(s: MapSchema, key: string, v: unknown): string {
  return writeXmlElement(s.key, key, s.keyName, s.keyNamespace) + writeItem(s.value, v, s.valueName, s.valueNamespace);
}

function writeStructure(s: StructureSchema, value: Members, name: string, namespace: XmlNamespace | undefined): string {
  let attributes = "";
  let inner = "";
  for (const m of s.members) {
    if (m.http !== undefined) continue;
    let v = ownMember(value, m.name);
    if (v == null && m.idempotencyToken === true) v = idempotencyToken();
    if (v == null) continue;
    if (m.attribute === true) {
      attributes += ` ${m.xmlName}="${escapeXmlAttribute(scalarText(resolve(m.schema) as ScalarSchema, v, "date-time"))}"`;
    } else inner += writeMember(m, v);
  }
  return element(name, namespace, attributes, inner);
}

function writeMember(m: MemberSchema, v: unknown): string {
  const s = resolve(m.schema);
  if (m.flattened === true && s.kind === "list") {
    let out = "";
    for (const item of v as readonly unknown[]) out += writeItem(s.member, item, m.xmlName, m.namespace);
    return out;
  }
  if (m.flattened === true && s.kind === "map") {
    let out = "";
    for (const key of Object.keys(v as Members)) {
      const value = (v as Members)[key];
      if (value == null && !s.sparse) continue;
      out += element(m.xmlName, m.namespace, "", writeEntry(s, key, value));
    }
    return out;
  }
  return writeXmlElement(m.schema, v, m.xmlName, m.namespace);
}

function element(name: string, namespace: XmlNamespace | undefined, attributes: string, inner: string): string {
  const ns =
    namespace === undefined
      ? ""
      : ` ${namespace.prefix === undefined ? "xmlns" : `xmlns:${namespace.prefix}`}="${escapeXmlAttribute(namespace.uri)}"`;
  return `<${name}${ns}${attributes}>${inner}</${name}>`;
}

// ---- reading ---------------------------------------------------------------------------------

/**
 * Whether a response carries the member in its body: bindings to headers, the status code or the
 * whole payload are read elsewhere; query and label bindings mean nothing in a response, so
 * such members are read from the body like unbound ones.
 */
function inBody(m: MemberSchema): boolean {
  const where = m.http?.in;
  return where !== "header" && where !== "prefixHeaders" && where !== "responseCode" && where !== "payload";
}

/** A structure or union read from its element. */
export function readXmlStructure(schema: StructureSchema, el: XmlElement): Record<string, unknown> {
  if (schema.kind === "union") return readUnion(schema, el);
  const out: Record<string, unknown> = {};
  for (const m of schema.members) {
    if (!inBody(m)) continue;
    const v = readMember(m, el);
    const value = v === undefined ? absentValue(m) : v;
    if (value !== undefined) define(out, m.name, value);
  }
  return out;
}

/** A value read from its element (undefined when the element holds no value of the type). */
export function readXmlValue(schema: Schema, el: XmlElement): unknown {
  const s = resolve(schema);
  switch (s.kind) {
    case "structure":
    case "union":
      return readXmlStructure(s, el);
    case "list":
      return readItems(s.member, childrenNamed(el, s.memberName), s.sparse);
    case "map":
      return readEntries(s, childrenNamed(el, "entry"));
    default:
      return readScalar(s, s.kind === "string" ? el.text : el.children.length > 0 ? "" : el.text, "date-time");
  }
}

function readMember(m: MemberSchema, el: XmlElement): unknown {
  const s = resolve(m.schema);
  if (m.attribute === true) {
    const text = Object.prototype.hasOwnProperty.call(el.attributes, m.xmlName) ? el.attributes[m.xmlName] : undefined;
    return text === undefined || !isScalar(s) ? undefined : readScalar(s, text, "date-time");
  }
  if (m.flattened === true && s.kind === "list") {
    const items = childrenNamed(el, m.xmlName);
    return items.length === 0 ? undefined : readItems(s.member, items, s.sparse);
  }
  if (m.flattened === true && s.kind === "map") {
    const entries = childrenNamed(el, m.xmlName);
    return entries.length === 0 ? undefined : readEntries(s, entries);
  }
  const child = childNamed(el, m.xmlName);
  return child === undefined ? undefined : readXmlValue(m.schema, child);
}

function readItems(member: Schema, items: readonly XmlElement[], sparse: boolean): unknown[] {
  const out: unknown[] = [];
  for (const item of items) {
    const v = readXmlValue(member, item);
    if (v !== undefined) out.push(v);
    else if (sparse) out.push(null);
  }
  return out;
}

function readEntries(s: MapSchema, entries: readonly XmlElement[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const entry of entries) {
    const keyElement = childNamed(entry, s.keyName);
    if (keyElement === undefined) continue;
    const valueElement = childNamed(entry, s.valueName);
    const v = valueElement === undefined ? undefined : readXmlValue(s.value, valueElement);
    if (v !== undefined) define(out, keyElement.text, v);
    else if (s.sparse) define(out, keyElement.text, null);
  }
  return out;
}

/** The first member present; an element this client does not know as `$unknown`; none as `$unknown: ["", undefined]`. */
function readUnion(s: StructureSchema, el: XmlElement): Record<string, unknown> {
  for (const child of el.children) {
    const m = s.members.find((x) => x.xmlName === child.name);
    if (m === undefined) return { $unknown: [child.name, child.text] };
    const v = readMember(m, el);
    if (v !== undefined) return define({}, m.name, v);
  }
  return { $unknown: ["", undefined] };
}

/** What a member the service left out reads as: its `@default`, Smithy's zero value when required, else nothing. */
export function absentValue(m: MemberSchema): unknown {
  if (m.default !== undefined && m.default !== null) return defaultValue(m.schema, m.default);
  return m.required === true ? zeroValue(m.schema) : undefined;
}

/** A `@default` (a JSON value) as the client represents it: dates, bytes and bigints converted. */
function defaultValue(schema: Schema, value: unknown): unknown {
  const s = resolve(schema);
  switch (s.kind) {
    case "timestamp":
      return typeof value === "number" ? new Date(Math.round(value * 1000)) : new Date(String(value));
    case "blob":
      return fromBase64(String(value));
    case "bigInteger":
      return BigInt(String(value));
    case "bigDecimal":
      return String(value);
    case "list":
    case "map":
      // A fresh copy: callers may change what they get.
      return JSON.parse(JSON.stringify(value)) as unknown;
    default:
      return value;
  }
}

/** Smithy's zero value of a type (the error correction the README's optionality policy describes). */
export function zeroValue(schema: Schema): unknown {
  const s = resolve(schema);
  switch (s.kind) {
    case "string":
    case "bigDecimal":
      return "";
    case "number":
      return 0;
    case "boolean":
      return false;
    case "bigInteger":
      return BigInt(0);
    case "blob":
      return new Uint8Array(0);
    case "timestamp":
      return new Date(0);
    case "document":
      return null;
    case "list":
      return [];
    case "map":
      return {};
    case "structure":
    case "union":
      return readXmlStructure(s, EMPTY_ELEMENT);
  }
}

/** Own, enumerable property (`__proto__` is a key like any other). */
function define(out: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  setOwn(out, key, value);
  return out;
}
