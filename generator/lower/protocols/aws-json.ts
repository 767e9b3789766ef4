/**
 * awsJson1_0 and awsJson1_1: a JSON body of the input's members (SerdePlanner, member names as
 * keys, timestamps as epoch seconds), POSTed to `/` with `X-Amz-Target`; the output is the JSON
 * body's members; errors read their members from the JSON error body. The runtime side is
 * generator/runtime/protocols/aws-json.ts.
 */
import { getShape, type Model, type Shape } from "../../assemble/model.js";
import { code, runtime, valueRef, type Code } from "../../code/index.js";
import type { ServiceIR } from "../ir.js";
import { UNIT } from "../type-expressions.js";
import type { ProtocolContext, ProtocolGenerator } from "./index.js";
import { jsonErrorDeserializer } from "./json-errors.js";
import { queryCompatibleOption } from "./query-compatible.js";

/** The awsJson generator for one content-type version. */
function awsJson(version: "1.0" | "1.1"): ProtocolGenerator {
  return {
    trait: `aws.protocols#awsJson${version.replace(".", "_")}`,
    runtimeModules: ["protocols/aws-json.ts"],
    protocolValue(_ctx: ProtocolContext, _service: Shape, ir: ServiceIR): Code {
      const options = code`version: "${version}", serviceShapeName: "${ir.shapeName}"${queryCompatibleOption(ir)}`;
      return code`new ${valueRef(runtime.awsJson("AwsJsonProtocol"))}({ ${options} })`;
    },
    requestSerializer(ctx: ProtocolContext, operation: Shape): Code {
      const request = code`${valueRef(runtime.awsJson("jsonRpcRequest"))}`;
      const input = memberful(ctx.model, operation.input);
      return input === undefined
        ? code`() => ${request}("{}")`
        : code`(input) => ${request}(JSON.stringify(${valueRef(ctx.serde.serializerFor(input))}(input)))`;
    },
    responseDeserializer(ctx: ProtocolContext, operation: Shape): Code {
      const output = memberful(ctx.model, operation.output);
      return output === undefined
        ? code`${valueRef(runtime.awsJson("jsonRpcEmptyOutput"))}`
        : code`(response) => ${valueRef(ctx.serde.deserializerFor(output))}(${valueRef(runtime.awsJson("jsonRpcBody"))}(response))`;
    },
    errorDeserializer: (ctx, error, errorIR) => jsonErrorDeserializer(ctx, error, errorIR),
  };
}

/** awsJson1_0. */
export const awsJson1_0: ProtocolGenerator = awsJson("1.0");
/** awsJson1_1. */
export const awsJson1_1: ProtocolGenerator = awsJson("1.1");

/** The structure id when it has members (an empty one sends `{}` and reads nothing). */
function memberful(model: Model, id: string | undefined): string | undefined {
  return id === undefined || id === UNIT || getShape(model, id).members.length === 0 ? undefined : id;
}
