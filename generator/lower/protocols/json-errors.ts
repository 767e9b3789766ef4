/**
 * Error deserializers of the JSON protocols: the error's members are read from the parsed body
 * object by their JSON names (awsJson's bodies use member names; restJson1 honours `@jsonName`
 * through the SerdePlanner), with the same defaults and zero values as any structure.
 */
import type { Member, Shape } from "../../assemble/model.js";
import { code, runtime, typeRef, valueRef, type Code } from "../../code/index.js";
import type { ErrorDeserializerIR, ErrorIR } from "../ir.js";
import type { ProtocolContext } from "./index.js";

/** A field of an error deserializer: the member's quoted name and the expression reading it. */
export interface ErrorFieldRead {
  member: Member;
  expression: Code;
}

/**
 * The deserializer of one error whose members all come from the JSON body `b`, except those
 * `special` reads (restJson1's header and status bindings), which keep their own expressions.
 */
export function jsonErrorDeserializer(
  ctx: ProtocolContext,
  error: Shape,
  errorIR: ErrorIR,
  special: (member: Member) => Code | undefined = () => undefined,
): ErrorDeserializerIR {
  const fn = ctx.names.localName("serde", `deError_${errorIR.name}`, "_");
  const fields: Array<{ key: string; expression: Code }> = [];
  let readsBody = false;
  let readsResponse = false;
  for (const field of errorIR.fields) {
    const member = error.members.find((m) => JSON.stringify(m.name) === field.memberKey);
    if (member === undefined) continue;
    const own = special(member);
    if (own !== undefined) {
      readsResponse = true;
      fields.push({ key: field.memberKey, expression: own });
    } else {
      readsBody = true;
      fields.push({
        key: field.memberKey,
        expression: ctx.serde.deMember(member, ctx.serde.readBodyMember("b", ctx.serde.wireName(member)), true),
      });
    }
  }
  const init = code`init: ${typeRef(runtime.errors("ErrorInit"))}`;
  const body = code`body: unknown`;
  const response = code`response: ${typeRef(runtime.transport("HttpResponse"))}`;
  const params = readsResponse
    ? code`${init}, ${readsBody ? body : code`_body: unknown`}, ${response}`
    : readsBody
      ? code`${init}, ${body}`
      : init;
  return {
    name: fn.name,
    symbol: fn,
    doc: `Builds ${errorIR.name} from an error response${readsBody ? "'s JSON body" : ""}.`,
    params,
    errorClass: code`${valueRef(ctx.symbols[error.id])}`,
    prelude: readsBody ? code`const b = ${valueRef(runtime.serde("deObject"))}(body);` : undefined,
    fields,
  };
}
