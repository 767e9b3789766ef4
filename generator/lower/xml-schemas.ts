/**
 * The XML protocols' serde plan (restXml, awsQuery, ec2Query): one schema constant per structure
 * or union the client sends or receives, stating what the Smithy XML rules need to know about it
 * (runtime/xml/schema.ts): element and attribute names (`@xmlName`, `@xmlAttribute`),
 * `@xmlFlattened`, `@xmlNamespace`, list member and map key/value names, `@sparse`,
 * `@timestampFormat`, `@default`, `@required` (for the zero values the README's optionality
 * policy promises), `@idempotencyToken`, the query names of ec2Query (`@ec2QueryName`) and, on
 * operation inputs and outputs of restXml, where each HTTP-bound member goes. The runtime walks
 * these schemas (runtime/xml/serde.ts, runtime/xml/query.ts), so each shape is planned once and
 * the generated file holds facts, not code.
 */
import type { Member, Model, Shape } from "../assemble/model.js";
import { getShape } from "../assemble/model.js";
import { code, joinCode, runtime, typeRef, valueRef, type Code, type CodeSymbol } from "../code/index.js";
import type { ClientNames } from "./client-names.js";
import { obj, str } from "./node-values.js";
import { visitShape } from "./shapes.js";
import { UNIT, isRequiredMember, type ShapeSymbols } from "./type-expressions.js";

/** The protocols whose serde this module plans. */
export type XmlProtocol = "restXml" | "awsQuery" | "ec2Query";

/** The XML protocol of a service's protocol name (`restXml` for any other: a JSON service never asks for a schema). */
export function xmlProtocolOf(protocol: string): XmlProtocol {
  return protocol === "awsQuery" || protocol === "ec2Query" ? protocol : "restXml";
}

/** One schema constant of serde.ts. */
export interface XmlSchemaDeclIR {
  name: string;
  doc: string;
  /** `StructureSchema`, as a reference. */
  type: Code;
  /** The object literal. */
  value: Code;
}

const schemaSymbol = (name: Parameters<typeof runtime.xmlSchema>[0]): Code =>
  code`${valueRef(runtime.xmlSchema(name))}`;

/** Plans the schema constants, each once, on first use. */
export class XmlSchemaPlanner {
  private readonly declared = new Map<string, CodeSymbol>();
  private readonly decls: XmlSchemaDeclIR[] = [];
  private unitSymbol: CodeSymbol | undefined;
  private readonly model: Model;
  private readonly symbols: ShapeSymbols;
  private readonly names: ClientNames;
  private readonly protocol: XmlProtocol;
  /** Operation inputs and outputs: only their members' (and errors') HTTP bindings count (restXml). */
  private readonly topLevel: ReadonlySet<string>;

  constructor(
    model: Model,
    symbols: ShapeSymbols,
    names: ClientNames,
    protocol: XmlProtocol,
    topLevel: ReadonlySet<string>,
  ) {
    this.model = model;
    this.symbols = symbols;
    this.names = names;
    this.protocol = protocol;
    this.topLevel = topLevel;
  }

  /** The constants planned so far, in planning order. */
  get declarations(): XmlSchemaDeclIR[] {
    return [...this.decls];
  }

  /** The schema constant of a structure or union (an error structure too), planning it on first use. */
  schemaOf(id: string): CodeSymbol {
    const known = this.declared.get(id);
    if (known) return known;
    const s = getShape(this.model, id);
    const fn = this.names.localName("serde", `xs_${this.symbols[id].name}`, "_");
    this.declared.set(id, fn);
    const decl: XmlSchemaDeclIR = {
      name: fn.name,
      doc: `How ${this.symbols[id].name} travels in ${this.protocol}.`,
      type: code`${typeRef(runtime.xmlSchema("StructureSchema"))}`,
      value: code`{}`,
    };
    this.decls.push(decl);
    // Errors bind members to headers as operation inputs and outputs do.
    const bindings =
      this.protocol === "restXml" && (this.topLevel.has(id) || s.traits["smithy.api#error"] !== undefined);
    const members = s.members.map((m) => this.memberEntry(m, bindings));
    const namespace = xmlNamespace(s);
    decl.value = code`{ kind: ${JSON.stringify(s.type === "union" ? "union" : "structure")}, xmlName: ${JSON.stringify(xmlName(s) ?? s.id.slice(s.id.indexOf("#") + 1))}${namespace === undefined ? "" : code`, namespace: ${namespace}`}, members: [${joinCode(members, ", ")}] }`;
    return fn;
  }

  /** The schema expression of a value of shape `id`, as member `member` holds it (its timestamp format wins). */
  valueSchema(id: string, member?: Member): Code {
    if (id === UNIT) return code`() => ${valueRef(this.unitSchema())}`;
    const s = getShape(this.model, id);
    const collectionOptions = (entries: Array<[string, Code | undefined]>) => {
      const set = entries.filter((e): e is [string, Code] => e[1] !== undefined);
      return set.length === 0
        ? code``
        : code`, { ${joinCode(
            set.map(([k, v]) => code`${k}: ${v}`),
            ", ",
          )} }`;
    };
    const sparse = s.traits["smithy.api#sparse"] !== undefined ? code`true` : undefined;
    return visitShape<Code>(s, {
      blob: () => schemaSymbol("XS_BLOB"),
      boolean: () => schemaSymbol("XS_BOOLEAN"),
      string: () => schemaSymbol("XS_STRING"),
      enum: () => schemaSymbol("XS_STRING"),
      intEnum: () => schemaSymbol("XS_NUMBER"),
      number: () => schemaSymbol("XS_NUMBER"),
      bigInteger: () => schemaSymbol("XS_BIG_INTEGER"),
      bigDecimal: () => schemaSymbol("XS_BIG_DECIMAL"),
      timestamp: () => {
        const format = str(member?.traits["smithy.api#timestampFormat"]) ?? str(s.traits["smithy.api#timestampFormat"]);
        return format === undefined
          ? schemaSymbol("XS_TIMESTAMP")
          : code`${schemaSymbol("xsTimestamp")}(${JSON.stringify(format)})`;
      },
      document: () => schemaSymbol("XS_DOCUMENT"),
      list: (_list, element) => {
        const name = xmlName(element);
        const ns = xmlNamespace(element);
        return code`${schemaSymbol("xsList")}(${this.valueSchema(element.target, element)}${collectionOptions([
          ["memberName", name === undefined ? undefined : code`${JSON.stringify(name)}`],
          ["memberNamespace", ns],
          ["sparse", sparse],
        ])})`;
      },
      map: (_map, key, value) => {
        const keyName = xmlName(key);
        const valueName = xmlName(value);
        return code`${schemaSymbol("xsMap")}(${this.valueSchema(key.target, key)}, ${this.valueSchema(value.target, value)}${collectionOptions(
          [
            ["keyName", keyName === undefined ? undefined : code`${JSON.stringify(keyName)}`],
            ["valueName", valueName === undefined ? undefined : code`${JSON.stringify(valueName)}`],
            ["keyNamespace", xmlNamespace(key)],
            ["valueNamespace", xmlNamespace(value)],
            ["sparse", sparse],
          ],
        )})`;
      },
      structure: () => code`() => ${valueRef(this.schemaOf(id))}`,
      union: () => code`() => ${valueRef(this.schemaOf(id))}`,
    });
  }

  /** `Unit` as a union member: an empty structure. */
  private unitSchema(): CodeSymbol {
    if (this.unitSymbol) return this.unitSymbol;
    const fn = this.names.localName("serde", "xs_Unit", "_");
    this.unitSymbol = fn;
    this.decls.push({
      name: fn.name,
      doc: "The empty structure `Unit`.",
      type: code`${typeRef(runtime.xmlSchema("StructureSchema"))}`,
      value: code`{ kind: "structure", xmlName: "Unit", members: [] }`,
    });
    return fn;
  }

  private memberEntry(m: Member, bindings: boolean): Code {
    const target = getShape(this.model, m.target);
    // A structure sent as the whole payload is named after the member's @xmlName, else its own.
    const payloadRoot =
      bindings &&
      m.traits["smithy.api#httpPayload"] !== undefined &&
      (target.type === "structure" || target.type === "union");
    const name =
      xmlName(m) ?? (payloadRoot ? (xmlName(target) ?? target.id.slice(target.id.indexOf("#") + 1)) : m.name);
    const parts: Code[] = [code`name: ${JSON.stringify(m.name)}`, code`xmlName: ${JSON.stringify(name)}`];
    if (this.protocol === "ec2Query") {
      const queryName = str(m.traits["aws.protocols#ec2QueryName"]) ?? name.charAt(0).toUpperCase() + name.slice(1);
      parts.push(code`queryName: ${JSON.stringify(queryName)}`);
    }
    parts.push(code`schema: ${this.valueSchema(m.target, m)}`);
    if (m.traits["smithy.api#xmlAttribute"] !== undefined) parts.push(code`attribute: true`);
    if (m.traits["smithy.api#xmlFlattened"] !== undefined) parts.push(code`flattened: true`);
    const ns = xmlNamespace(m);
    if (ns !== undefined) parts.push(code`namespace: ${ns}`);
    const http = bindings ? httpBinding(this.model, m) : undefined;
    if (http !== undefined) parts.push(code`http: ${http}`);
    const mediaType = str(target.traits["smithy.api#mediaType"]);
    if (http !== undefined && m.traits["smithy.api#httpPayload"] !== undefined && mediaType !== undefined) {
      parts.push(code`mediaType: ${JSON.stringify(mediaType)}`);
    }
    const fallback = m.traits["smithy.api#default"];
    const optional = m.traits["smithy.api#clientOptional"] !== undefined;
    if (fallback !== undefined && fallback !== null && !optional)
      parts.push(code`default: ${JSON.stringify(fallback)}`);
    else if (isRequiredMember(m)) parts.push(code`required: true`);
    if (m.traits["smithy.api#idempotencyToken"] !== undefined) parts.push(code`idempotencyToken: true`);
    return code`{ ${joinCode(parts, ", ")} }`;
  }
}

/** `@xmlName`, when set. */
function xmlName(s: Shape | Member): string | undefined {
  return str(s.traits["smithy.api#xmlName"]);
}

/** `@xmlNamespace` as an object literal, when set. */
function xmlNamespace(s: Shape | Member): Code | undefined {
  const t = s.traits["smithy.api#xmlNamespace"];
  if (t === undefined) return undefined;
  const uri = str(obj(t).uri) ?? "";
  const prefix = str(obj(t).prefix);
  return code`{ uri: ${JSON.stringify(uri)}${prefix === undefined ? "" : `, prefix: ${JSON.stringify(prefix)}`} }`;
}

/** Where an operation input's or output's member goes in restXml, when not in the body. */
function httpBinding(model: Model, m: Member): Code | undefined {
  const t = m.traits;
  if (t["smithy.api#httpHeader"] !== undefined) {
    const target = getShape(model, m.target);
    const base64 =
      target.type === "string" && target.traits["smithy.api#mediaType"] !== undefined ? ", base64: true" : "";
    return code`{ in: "header", name: ${JSON.stringify(str(t["smithy.api#httpHeader"]) ?? m.name)}${base64} }`;
  }
  if (t["smithy.api#httpPrefixHeaders"] !== undefined)
    return code`{ in: "prefixHeaders", prefix: ${JSON.stringify(str(t["smithy.api#httpPrefixHeaders"]) ?? "")} }`;
  if (t["smithy.api#httpQuery"] !== undefined)
    return code`{ in: "query", name: ${JSON.stringify(str(t["smithy.api#httpQuery"]) ?? m.name)} }`;
  if (t["smithy.api#httpQueryParams"] !== undefined) return code`{ in: "queryParams" }`;
  if (t["smithy.api#httpLabel"] !== undefined) return code`{ in: "label" }`;
  if (t["smithy.api#httpPayload"] !== undefined) {
    // A `@streaming` blob is sent and read as a stream (runtime/streaming.ts).
    const target = getShape(model, m.target);
    if (target.type !== "blob" || target.traits["smithy.api#streaming"] === undefined) return code`{ in: "payload" }`;
    return code`{ in: "payload", streaming: true${target.traits["smithy.api#requiresLength"] !== undefined ? ", requiresLength: true" : ""} }`;
  }
  if (t["smithy.api#httpResponseCode"] !== undefined) return code`{ in: "responseCode" }`;
  return undefined;
}

/** The code an awsQuery or ec2Query error is sent with: `@awsQueryError`'s, else the shape name. */
export function queryErrorCode(s: Shape): string {
  return str(obj(s.traits["aws.protocols#awsQueryError"]).code) ?? s.id.slice(s.id.indexOf("#") + 1);
}
