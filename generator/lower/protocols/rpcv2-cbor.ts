/**
 * rpcv2Cbor: the input's members as a CBOR map (the SerdePlanner with CBOR_FORMAT: member names
 * as keys, timestamps as tag 1, blobs as byte strings), POSTed to
 * `/service/<ServiceShapeName>/operation/<Operation>`; an operation without input sends no body.
 * The output is the response's CBOR map; errors read their members from the decoded error map,
 * as the JSON protocols do from theirs. The runtime side is
 * generator/runtime/protocols/rpcv2-cbor.ts.
 */
import { getShape, type Model, type Shape } from "../../assemble/model.js";
import { code, runtime, valueRef, type Code } from "../../code/index.js";
import type { ServiceIR } from "../ir.js";
import { CBOR_FORMAT } from "../serde-cbor.js";
import { UNIT } from "../type-expressions.js";
import type { ProtocolContext, ProtocolGenerator } from "./index.js";
import { jsonErrorDeserializer } from "./json-errors.js";
import { queryCompatibleOption } from "./query-compatible.js";

/** The rpcv2Cbor generator. */
export const rpcv2Cbor: ProtocolGenerator = {
  trait: "smithy.protocols#rpcv2Cbor",
  runtimeModules: ["protocols/rpcv2-cbor.ts"],
  serdeFormat: CBOR_FORMAT,
  protocolValue(_ctx: ProtocolContext, _service: Shape, ir: ServiceIR): Code {
    return code`new ${valueRef(runtime.rpcv2Cbor("RpcV2CborProtocol"))}({ serviceShapeName: "${ir.shapeName}"${queryCompatibleOption(ir)} })`;
  },
  requestSerializer(ctx: ProtocolContext, operation: Shape): Code {
    const request = code`${valueRef(runtime.rpcv2Cbor("cborRequest"))}`;
    const input = operation.input === undefined || operation.input === UNIT ? undefined : operation.input;
    if (input === undefined) return code`() => ${request}()`;
    return memberful(ctx.model, input)
      ? code`(input) => ${request}(${valueRef(ctx.serde.serializerFor(input))}(input))`
      : code`() => ${request}({})`;
  },
  responseDeserializer(ctx: ProtocolContext, operation: Shape): Code {
    const output = operation.output === undefined || operation.output === UNIT ? undefined : operation.output;
    return output === undefined || !memberful(ctx.model, output)
      ? code`${valueRef(runtime.rpcv2Cbor("cborEmptyOutput"))}`
      : code`(response) => ${valueRef(ctx.serde.deserializerFor(output))}(${valueRef(runtime.rpcv2Cbor("cborBody"))}(response))`;
  },
  errorDeserializer: (ctx, error, errorIR) => jsonErrorDeserializer(ctx, error, errorIR),
};

/** Whether the structure has members (an empty one sends `{}` and reads nothing). */
function memberful(model: Model, id: string): boolean {
  return getShape(model, id).members.length > 0;
}
