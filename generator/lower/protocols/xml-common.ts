/**
 * What the XML protocols' generators (rest-xml.ts, query.ts) share: the structure an operation
 * sends or receives, when it has members, and the error deserializer that reads an error's
 * members through its schema constant.
 */
import { getShape, type Model, type Shape } from "../../assemble/model.js";
import { code, runtime, typeRef, valueRef, type Code } from "../../code/index.js";
import type { ErrorDeserializerIR, ErrorIR } from "../ir.js";
import { UNIT } from "../type-expressions.js";
import type { ProtocolContext } from "./index.js";

/** The structure id when it has members (an empty one sends nothing and reads nothing). */
export function memberful(model: Model, id: string | undefined): string | undefined {
  return id === undefined || id === UNIT || getShape(model, id).members.length === 0 ? undefined : id;
}

/** The schema constant of an operation's input or output, or `undefined` (as code) without members. */
export function schemaArgument(ctx: ProtocolContext, id: string | undefined): Code {
  const s = memberful(ctx.model, id);
  return s === undefined ? code`undefined` : code`${valueRef(ctx.xml.schemaOf(s))}`;
}

/**
 * The deserializer of one error: `read(schema)` is the runtime call giving its members as the
 * class's `fields` type (`restXmlErrorMembers`, `queryErrorMembers`).
 */
export function xmlErrorDeserializer(
  ctx: ProtocolContext,
  error: Shape,
  errorIR: ErrorIR,
  read: (schema: Code, fieldsType: Code) => Code,
  readsResponse: boolean,
): ErrorDeserializerIR {
  const fn = ctx.names.localName("serde", `deError_${errorIR.name}`, "_");
  const errorClass = code`${valueRef(ctx.symbols[error.id])}`;
  const init = code`init: ${typeRef(runtime.errors("ErrorInit"))}`;
  if (errorIR.fields.length === 0) {
    return {
      name: fn.name,
      symbol: fn,
      doc: `Builds ${errorIR.name} from an error response.`,
      params: init,
      errorClass,
      prelude: undefined,
      fields: [],
    };
  }
  const schema = code`${valueRef(ctx.xml.schemaOf(error.id))}`;
  const fieldsType = code`ConstructorParameters<typeof ${errorClass}>[1]`;
  const response = readsResponse ? code`, response: ${typeRef(runtime.transport("HttpResponse"))}` : code``;
  return {
    name: fn.name,
    symbol: fn,
    doc: `Builds ${errorIR.name} from an error response's <Error> element.`,
    params: code`${init}, body: unknown${response}`,
    errorClass,
    prelude: code`const b = ${read(schema, fieldsType)};`,
    fields: errorIR.fields.map((f) => ({ key: f.memberKey, expression: code`b[${f.memberKey}]` })),
  };
}
