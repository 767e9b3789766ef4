/**
 * restJson1: per operation, a request function (`ser_<Op>Request`: `@http` method and path,
 * labels, query, headers, then a JSON body of the unbound members or the `@httpPayload` member)
 * and a response function (`de_<Op>Response`: headers, status code, payload or JSON body), both
 * printed in serde.ts. JSON documents go through the SerdePlanner with `@jsonName` honoured;
 * errors read header-bound members from the response and the rest from the JSON body. The
 * runtime side is generator/runtime/protocols/rest-json.ts (and http-bindings.ts).
 */
import type { Member, Shape } from "../../assemble/model.js";
import { getShape, splitId } from "../../assemble/model.js";
import { code, joinCode, runtime, typeRef, valueRef, type Code } from "../../code/index.js";
import { literalKey, propertyAccess } from "../naming.js";
import { UNIT } from "../type-expressions.js";
import {
  bindingsOf,
  hasMembers,
  headerRead,
  headerStatement,
  pathExpression,
  prefixHeadersRead,
  prefixHeadersStatement,
  queryParamsStatement,
  queryStatement,
  routeOf,
  type Binding,
} from "./http-bindings.js";
import type { ProtocolContext, ProtocolGenerator } from "./index.js";
import { jsonErrorDeserializer } from "./json-errors.js";

const restJson = (name: Parameters<typeof runtime.restJson>[0]): Code => code`${valueRef(runtime.restJson(name))}`;

/** The restJson1 generator. */
export const restJson1: ProtocolGenerator = {
  trait: "aws.protocols#restJson1",
  runtimeModules: ["protocols/rest-json.ts", "protocols/http-bindings.ts"],
  honoursJsonName: true,
  errorsByStatus: true,
  streamingBlobs: true,
  protocolValue: () => code`new ${restJson("RestJsonProtocol")}()`,
  requestSerializer,
  responseDeserializer,
  errorDeserializer: (ctx, error, errorIR) =>
    jsonErrorDeserializer(ctx, error, errorIR, (member) => {
      const binding = bindingsOf({ ...error, members: [member] })[0] as Binding;
      return boundRead(ctx, binding);
    }),
};

/** The descriptor's `serialize`: a `ser_<Op>Request` function planned into serde.ts. */
function requestSerializer(ctx: ProtocolContext, operation: Shape): Code {
  const opName = splitId(operation.id).name;
  const route = routeOf(operation);
  const inputId = operation.input !== undefined && operation.input !== UNIT ? operation.input : undefined;
  const input = inputId === undefined ? undefined : getShape(ctx.model, inputId);
  const bindings = input === undefined ? [] : bindingsOf(input);
  const fn = ctx.names.localName("serde", `ser_${opName}Request`, "_");
  const lines: Code[] = [code`const headers: Record<string, string> = {};`];
  const queryNames = bindings.flatMap((b) => (b.kind === "query" ? [b.name] : []));
  const hasQuery = route.literals.length > 0 || bindings.some((b) => b.kind === "query" || b.kind === "queryParams");
  if (hasQuery)
    lines.push(
      code`const query: ${typeRef(runtime.protocol("QueryPairs"))} = [${route.literals.map(([k, v]) => `[${JSON.stringify(k)}, ${v === undefined ? "undefined" : JSON.stringify(v)}]`).join(", ")}];`,
    );
  let readsInput = route.path.some((p) => "label" in p);
  for (const b of bindings) {
    if (b.kind === "query") lines.push(queryStatement(ctx, b.member, b.name));
    else if (b.kind === "queryParams") lines.push(queryParamsStatement(b.member, queryNames));
    else if (b.kind === "header") lines.push(headerStatement(ctx, b.member, b.name));
    else if (b.kind === "prefixHeaders") lines.push(prefixHeadersStatement(b.member, b.prefix));
    else continue;
    readsInput = true;
  }
  const payload = bindings.find((b) => b.kind === "payload");
  const bodyMembers = bindings.flatMap((b) => (b.kind === "body" ? [b.member] : []));
  let body: Code = code`undefined`;
  if (payload !== undefined) {
    readsInput = true;
    body = payloadWrite(ctx, payload.member, lines, opName);
  } else if (inputId !== undefined && bodyMembers.length > 0) {
    readsInput = true;
    const { entries, passesThrough } = ctx.serde.structureEntries(inputId, bodyMembers);
    const object = code`{ ${joinCode(
      entries.map((e) => code`${e.key}: ${e.expression}`),
      ", ",
    )} }`;
    body = passesThrough
      ? code`JSON.stringify(${valueRef(runtime.serde("withoutNulls"))}(${object}))`
      : code`JSON.stringify(${object})`;
  }
  const path = pathExpression(route, input, opName, ctx);
  lines.push(
    code`return { method: ${JSON.stringify(route.method)}, path: ${path}, query: ${hasQuery ? "query" : "undefined"}, headers, body: ${body} };`,
  );
  ctx.functions.push({
    name: fn.name,
    // The route as a code span: its `{label}`s would be TSDoc inline tags in plain text.
    doc: `The ${opName} request: \`${route.method} ${route.path.map((p) => ("text" in p ? p.text : `{${p.label}${p.greedy ? "+" : ""}}`)).join("")}\` with its bound members.`,
    // An input nothing is bound from is not a parameter at all (an unused one is lint noise); the
    // descriptor's `(input) => ...` slot still accepts the function.
    params:
      inputId === undefined || !readsInput ? code`` : code`v: ${typeRef(ctx.symbols[inputId] ?? missing(inputId))}`,
    returnType: code`${typeRef(runtime.protocol("SerializedRequest"))}`,
    lines,
  });
  return code`${valueRef(fn)}`;
}

/** The body expression of an `@httpPayload` member (with its content type set in `lines` where the protocol's default does not fit). */
function payloadWrite(ctx: ProtocolContext, member: Member, lines: Code[], opName: string): Code {
  const access = code`${propertyAccess("v", member.name)}`;
  const target = getShape(ctx.model, member.target);
  const mediaType = target.traits["smithy.api#mediaType"];
  const contentType = (fallback: string) =>
    lines.push(
      code`if (${access} != null) headers["content-type"] ??= ${JSON.stringify(typeof mediaType === "string" ? mediaType : fallback)};`,
    );
  switch (target.type) {
    case "structure": {
      // An unset structure payload is still a JSON body: `{}`, as Smithy's tests pin it.
      if (target.members.length === 0) return code`"{}"`;
      return code`${access} == null ? "{}" : JSON.stringify(${valueRef(ctx.serde.serializerFor(target.id))}(${access}))`;
    }
    case "union":
      return code`${access} == null ? undefined : JSON.stringify(${valueRef(ctx.serde.serializerFor(target.id))}(${access}))`;
    case "document":
      return code`${access} === undefined ? undefined : JSON.stringify(${access})`;
    case "blob": {
      contentType("application/octet-stream");
      if (target.traits["smithy.api#streaming"] === undefined) return code`${access} ?? undefined`;
      const requiresLength = target.traits["smithy.api#requiresLength"] !== undefined;
      return code`${access} == null ? undefined : ${valueRef(runtime.streaming("streamingRequestBody"))}(${access}, ${JSON.stringify(member.name)}, ${JSON.stringify(opName)}, ${String(requiresLength)})`;
    }
    default:
      contentType("text/plain");
      return code`${access} ?? undefined`;
  }
}

/** The descriptor's `deserialize`: a `de_<Op>Response` function planned into serde.ts (or `{}` without output members). */
function responseDeserializer(ctx: ProtocolContext, operation: Shape): Code {
  const outputId = operation.output;
  if (!hasMembers(ctx.model, outputId)) return code`() => ({})`;
  const opName = splitId(operation.id).name;
  const output = getShape(ctx.model, outputId);
  const bindings = bindingsOf(output);
  const fn = ctx.names.localName("serde", `de_${opName}Response`, "_");
  const lines: Code[] = [];
  if (bindings.some((b) => isBodyRead(b))) lines.push(code`const b = ${restJson("restJsonBody")}(response);`);
  const entries = bindings.map((b) => {
    const read =
      boundRead(ctx, b) ??
      payloadRead(ctx, b) ??
      ctx.serde.deMember(b.member, ctx.serde.readBodyMember("b", ctx.serde.wireName(b.member)), true);
    return code`${literalKey(b.member.name)}: ${read}`;
  });
  lines.push(code`return { ${joinCode(entries, ", ")} };`);
  ctx.functions.push({
    name: fn.name,
    doc: `The ${opName} output from its response's headers, status and body.`,
    params: code`response: ${typeRef(runtime.transport("HttpResponse"))}`,
    returnType: code`${typeRef(ctx.symbols[outputId] ?? missing(outputId))}`,
    lines,
  });
  return code`${valueRef(fn)}`;
}

/** Members read from the JSON body (those bound nowhere else; label and query bindings mean nothing in a response). */
function isBodyRead(b: Binding): boolean {
  return b.kind === "body" || b.kind === "label" || b.kind === "query" || b.kind === "queryParams";
}

/** The read of a member bound to a header, the prefix headers or the status code; undefined for the others. */
function boundRead(ctx: ProtocolContext, b: Binding): Code | undefined {
  if (b.kind === "header") return ctx.serde.withFallback(b.member, headerRead(ctx, b.member, b.name));
  if (b.kind === "prefixHeaders") return ctx.serde.withFallback(b.member, prefixHeadersRead(b.prefix));
  if (b.kind === "responseCode") return code`response.statusCode`;
  return undefined;
}

/** The read of an `@httpPayload` member from the whole body; undefined for other bindings. */
function payloadRead(ctx: ProtocolContext, b: Binding): Code | undefined {
  if (b.kind !== "payload") return undefined;
  const target = getShape(ctx.model, b.member.target);
  let read: Code;
  switch (target.type) {
    case "structure":
    case "union": {
      const object = code`${restJson("jsonObjectPayload")}(response)`;
      read =
        target.members.length === 0
          ? code`${object} === undefined ? undefined : {}`
          : code`${valueRef(runtime.serde("deOptional"))}(${object}, ${valueRef(ctx.serde.deserializerFor(target.id))})`;
      break;
    }
    case "document":
      read = code`${valueRef(runtime.serde("deDocument"))}(${restJson("jsonPayload")}(response))`;
      break;
    case "blob":
      // A `@streaming` blob is always there: a read-once stream, empty or not.
      if (target.traits["smithy.api#streaming"] !== undefined)
        return code`${valueRef(runtime.streaming("streamingResponseBody"))}(response)`;
      read = code`${restJson("blobPayload")}(response)`;
      break;
    case "enum":
      read = code`${restJson("textPayload")}(response) as ${typeRef(ctx.symbols[target.id] ?? missing(target.id))} | undefined`;
      break;
    default:
      read = code`${restJson("textPayload")}(response)`;
  }
  return ctx.serde.withFallback(b.member, read);
}

function missing(id: string): never {
  throw new Error(`internal: no symbol for ${id}`);
}
