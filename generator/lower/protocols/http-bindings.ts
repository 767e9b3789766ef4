/**
 * Smithy's HTTP binding traits planned for the REST protocols, whatever their body format: which
 * member goes where (`@httpLabel`, `@httpQuery`, `@httpQueryParams`, `@httpHeader`,
 * `@httpPrefixHeaders`, `@httpPayload`, `@httpResponseCode`, else the body), the `@http` URI
 * split into path pieces and query literals, and the statements that write a bound member into a
 * request or read it from a response (through runtime/protocols/http-bindings.ts).
 *
 * Timestamp defaults by location, as the Smithy spec sets them: labels and query values
 * `date-time`, headers `http-date`; `@timestampFormat` on the member or its target wins.
 */
import type { Member, Model, Shape } from "../../assemble/model.js";
import { getShape } from "../../assemble/model.js";
import { code, runtime, typeRef, valueRef, type Code } from "../../code/index.js";
import { propertyAccess } from "../naming.js";
import { obj, str } from "../node-values.js";
import type { SerdePlanner } from "../serde.js";
import { UNIT, type ShapeSymbols } from "../type-expressions.js";

/** Where one member of an input or output structure travels. */
export type Binding =
  | { kind: "label"; member: Member; name: string }
  | { kind: "query"; member: Member; name: string }
  | { kind: "queryParams"; member: Member }
  | { kind: "header"; member: Member; name: string }
  | { kind: "prefixHeaders"; member: Member; prefix: string }
  | { kind: "payload"; member: Member }
  | { kind: "responseCode"; member: Member }
  | { kind: "body"; member: Member };

/** Each member of a structure with its binding, in model order. */
export function bindingsOf(shape: Shape): Binding[] {
  return shape.members.map((member): Binding => {
    const t = member.traits;
    if (t["smithy.api#httpLabel"] !== undefined) return { kind: "label", member, name: member.name };
    const query = str(t["smithy.api#httpQuery"]);
    if (query !== undefined) return { kind: "query", member, name: query };
    if (t["smithy.api#httpQueryParams"] !== undefined) return { kind: "queryParams", member };
    const header = str(t["smithy.api#httpHeader"]);
    if (header !== undefined) return { kind: "header", member, name: header.toLowerCase() };
    const prefix = str(t["smithy.api#httpPrefixHeaders"]);
    if (prefix !== undefined) return { kind: "prefixHeaders", member, prefix: prefix.toLowerCase() };
    if (t["smithy.api#httpPayload"] !== undefined) return { kind: "payload", member };
    if (t["smithy.api#httpResponseCode"] !== undefined) return { kind: "responseCode", member };
    return { kind: "body", member };
  });
}

/** The `@http` trait of an operation: method, the URI's path pieces and its query literals. */
export interface HttpRoute {
  method: string;
  /** Literal text and `{label}` / `{label+}` pieces of the path. */
  path: Array<{ text: string } | { label: string; greedy: boolean }>;
  /** `?a=b&flag` literals of the URI (a flag has no value). */
  literals: Array<[string, string | undefined]>;
  /** The success status code (`code`, default 200). */
  code: number;
}

/** The operation's route (`POST /` when it has no `@http` trait). */
export function routeOf(operation: Shape): HttpRoute {
  const http = obj(operation.traits["smithy.api#http"]);
  const method = str(http.method) ?? "POST";
  const uri = str(http.uri) ?? "/";
  const q = uri.indexOf("?");
  const pathText = q === -1 ? uri : uri.slice(0, q);
  const path: HttpRoute["path"] = [];
  for (const piece of pathText.split(/(\{[^}]+\})/)) {
    if (piece === "") continue;
    if (piece.startsWith("{") && piece.endsWith("}")) {
      const inner = piece.slice(1, -1);
      path.push(inner.endsWith("+") ? { label: inner.slice(0, -1), greedy: true } : { label: inner, greedy: false });
    } else path.push({ text: piece });
  }
  const literals: HttpRoute["literals"] = [];
  if (q !== -1) {
    for (const pair of uri.slice(q + 1).split("&")) {
      if (pair === "") continue;
      const eq = pair.indexOf("=");
      literals.push(eq === -1 ? [pair, undefined] : [pair.slice(0, eq), pair.slice(eq + 1)]);
    }
  }
  const status = http.code;
  return { method, path, literals, code: typeof status === "number" ? status : 200 };
}

/** What statement planning reads. */
export interface BindingContext {
  model: Model;
  symbols: ShapeSymbols;
  serde: SerdePlanner;
}

const rt = (name: Parameters<typeof runtime.httpBindings>[0]): Code => code`${valueRef(runtime.httpBindings(name))}`;
const serdeHelper = (name: Parameters<typeof runtime.serde>[0]): Code => code`${valueRef(runtime.serde(name))}`;

/** The member's `@timestampFormat` (member first, then target), or the location's default. */
export function timestampFormatOf(member: Member, target: Shape, fallback: string): string {
  return (
    str(member.traits["smithy.api#timestampFormat"]) ?? str(target.traits["smithy.api#timestampFormat"]) ?? fallback
  );
}

/** Text of one scalar value for a label, query or header: undefined when the value is text already. */
function scalarText(
  ctx: BindingContext,
  member: Member,
  target: Shape,
  value: Code,
  timestampDefault: string,
): Code | undefined {
  switch (target.type) {
    case "string":
    case "enum":
      return undefined;
    case "timestamp":
      return code`${rt("timestampText")}(${value}, ${JSON.stringify(timestampFormatOf(member, target, timestampDefault))})`;
    case "blob":
      return code`${serdeHelper("toBase64")}(${value})`;
    default:
      return code`String(${value})`;
  }
}

/** The path expression: a template literal of the route's text and expanded labels. */
export function pathExpression(
  route: HttpRoute,
  input: Shape | undefined,
  operation: string,
  ctx: BindingContext,
): Code {
  let out = code`\``;
  for (const piece of route.path) {
    if ("text" in piece) {
      out = code`${out}${piece.text.replace(/[`\\$]/g, (c) => `\\${c}`)}`;
      continue;
    }
    const member = input?.members.find((m) => m.name === piece.label);
    // Smithy's model validation makes every label name an input member; nothing to expand otherwise.
    if (member === undefined) continue;
    const target = getShape(ctx.model, member.target);
    const access = code`${propertyAccess("v", member.name)}`;
    const value =
      target.type === "timestamp"
        ? code`${access} === undefined ? undefined : ${rt("timestampText")}(${access}, ${JSON.stringify(timestampFormatOf(member, target, "date-time"))})`
        : access;
    const fn = rt(piece.greedy ? "greedyLabel" : "labelSegment");
    out = code`${out}\${${fn}(${value}, ${JSON.stringify(member.name)}, ${JSON.stringify(operation)})}`;
  }
  return code`${out}\``;
}

/** Statements adding a `@httpQuery` member to `query`. */
export function queryStatement(ctx: BindingContext, member: Member, name: string): Code {
  const access = code`${propertyAccess("v", member.name)}`;
  const target = getShape(ctx.model, member.target);
  const key = JSON.stringify(name);
  if (target.type === "list" || target.type === "set") {
    const element = target.members[0] as Member;
    const elementTarget = getShape(ctx.model, element.target);
    const text = scalarText(ctx, member, elementTarget, code`e`, "date-time") ?? code`e`;
    return code`if (${access} != null) for (const e of ${access}) if (e != null) query.push([${key}, ${text}]);`;
  }
  const text = scalarText(ctx, member, target, access, "date-time") ?? access;
  if (member.traits["smithy.api#idempotencyToken"] !== undefined)
    return code`query.push([${key}, ${access} ?? ${serdeHelper("idempotencyToken")}()]);`;
  return code`if (${access} != null) query.push([${key}, ${text}]);`;
}

/** Statements adding a `@httpHeader` member to `headers`. */
export function headerStatement(ctx: BindingContext, member: Member, name: string): Code {
  const access = code`${propertyAccess("v", member.name)}`;
  const target = getShape(ctx.model, member.target);
  const key = JSON.stringify(name);
  if (target.type === "list" || target.type === "set") {
    const element = target.members[0] as Member;
    const elementTarget = getShape(ctx.model, element.target);
    const text = headerScalar(ctx, member, elementTarget, code`e`);
    const quote = elementTarget.type === "string" || elementTarget.type === "enum";
    return code`if (${access} != null) headers[${key}] = ${rt("headerList")}(${access}, (e) => ${text}, ${String(quote)});`;
  }
  if (member.traits["smithy.api#idempotencyToken"] !== undefined)
    return code`headers[${key}] = ${access} ?? ${serdeHelper("idempotencyToken")}();`;
  return code`if (${access} != null) headers[${key}] = ${headerScalar(ctx, member, target, access)};`;
}

/** A header's text for one scalar (a `@mediaType` string goes in base64). */
function headerScalar(ctx: BindingContext, member: Member, target: Shape, value: Code): Code {
  if (target.type === "string" && target.traits["smithy.api#mediaType"] !== undefined)
    return code`${rt("base64Header")}(${value})`;
  return scalarText(ctx, member, target, value, "http-date") ?? value;
}

/** Statements adding a `@httpPrefixHeaders` map to `headers`. */
export function prefixHeadersStatement(member: Member, prefix: string): Code {
  const access = code`${propertyAccess("v", member.name)}`;
  return code`if (${access} != null) ${rt("prefixHeaders")}(headers, ${JSON.stringify(prefix)}, ${access});`;
}

/** Statements adding a `@httpQueryParams` map to `query`, after the `@httpQuery` names it must not override. */
export function queryParamsStatement(member: Member, taken: string[]): Code {
  const access = code`${propertyAccess("v", member.name)}`;
  return code`if (${access} != null) ${rt("queryParams")}(query, ${access}, ${JSON.stringify(taken)});`;
}

/** The expression reading a `@httpHeader` member from `response` (undefined when absent). */
export function headerRead(ctx: BindingContext, member: Member, name: string): Code {
  const target = getShape(ctx.model, member.target);
  const raw = code`${valueRef(runtime.transport("headerValue"))}(response, ${JSON.stringify(name)})`;
  if (target.type === "list" || target.type === "set") {
    const element = target.members[0] as Member;
    const elementTarget = getShape(ctx.model, element.target);
    if (elementTarget.type === "timestamp" && timestampFormatOf(member, elementTarget, "http-date") === "http-date") {
      return code`${rt("splitHttpDates")}(${raw})?.map((e) => ${rt("headerTimestamp")}(e, "http-date") ?? new Date(NaN))`;
    }
    const items = code`${rt("splitHeaderList")}(${raw})`;
    const each = headerScalarRead(ctx, member, elementTarget, code`e`);
    return each === undefined
      ? code`${items}`
      : code`${items}?.map((e) => (${each}) as ${typeOfScalar(ctx, element.target)})`;
  }
  return headerScalarRead(ctx, member, target, raw) ?? raw;
}

/** The TS type of a list element for a cast after conversion. */
function typeOfScalar(ctx: BindingContext, id: string): Code {
  const s = getShape(ctx.model, id);
  if (s.type === "enum" || s.type === "intEnum") return code`${typeRef(ctx.symbols[id] ?? runtimeMissing(id))}`;
  switch (s.type) {
    case "boolean":
      return code`boolean`;
    case "timestamp":
      return code`Date`;
    case "blob":
      return code`Uint8Array`;
    case "bigInteger":
      return code`bigint`;
    case "string":
    case "bigDecimal":
      return code`string`;
    default:
      return code`number`;
  }
}

function runtimeMissing(id: string): never {
  throw new Error(`internal: no symbol for ${id}`);
}

/** Converts one header text to the member's scalar (undefined when the text passes as is). */
function headerScalarRead(ctx: BindingContext, member: Member, target: Shape, text: Code): Code | undefined {
  switch (target.type) {
    case "string":
      return target.traits["smithy.api#mediaType"] !== undefined ? code`${rt("fromBase64Header")}(${text})` : undefined;
    case "enum":
      return code`${text} as ${typeRef(ctx.symbols[target.id] ?? runtimeMissing(target.id))} | undefined`;
    case "intEnum":
      return code`${rt("headerNumber")}(${text}) as ${typeRef(ctx.symbols[target.id] ?? runtimeMissing(target.id))} | undefined`;
    case "boolean":
      return code`${rt("headerBoolean")}(${text})`;
    case "timestamp":
      return code`${rt("headerTimestamp")}(${text}, ${JSON.stringify(timestampFormatOf(member, target, "http-date"))})`;
    case "blob":
      return code`${serdeHelper("deBlob")}(${text})`;
    case "bigInteger":
      return code`${rt("headerBigInt")}(${text})`;
    case "bigDecimal":
      return undefined;
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "float":
    case "double":
      return code`${rt("headerNumber")}(${text})`;
    default:
      return undefined;
  }
}

/** The expression reading a `@httpPrefixHeaders` map from `response`. */
export function prefixHeadersRead(prefix: string): Code {
  return code`${rt("readPrefixHeaders")}(response, ${JSON.stringify(prefix)})`;
}

/** True when `id` is a structure with members (a body or payload to write). */
export function hasMembers(model: Model, id: string | undefined): id is string {
  return id !== undefined && id !== UNIT && getShape(model, id).members.length > 0;
}
