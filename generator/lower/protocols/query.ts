/**
 * awsQuery and ec2Query: form-encoded requests (`Action`, `Version`, the input's members as the
 * schema constants of lower/xml-schemas.ts name them), XML responses (inside
 * `<OperationResult>` for awsQuery), errors keyed by their `@awsQueryError` code. The runtime
 * side is generator/runtime/protocols/query.ts.
 */
import type { Shape } from "../../assemble/model.js";
import { code, runtime, valueRef, type Code } from "../../code/index.js";
import type { ServiceIR } from "../ir.js";
import { queryErrorCode } from "../xml-schemas.js";
import type { ProtocolContext, ProtocolGenerator } from "./index.js";
import { schemaArgument, xmlErrorDeserializer } from "./xml-common.js";

/** The generator of one query dialect. */
function query(dialect: "awsQuery" | "ec2Query"): ProtocolGenerator {
  return {
    trait: `aws.protocols#${dialect}`,
    runtimeModules: ["protocols/query.ts"],
    protocolValue(_ctx: ProtocolContext, _service: Shape, _ir: ServiceIR): Code {
      return code`new ${valueRef(runtime.query("QueryProtocol"))}()`;
    },
    requestSerializer(ctx: ProtocolContext, operation: Shape): Code {
      const name = JSON.stringify(operation.id.slice(operation.id.indexOf("#") + 1));
      const version = JSON.stringify(ctx.model.shapes.get(ctx.serviceId)?.version ?? "");
      return code`(input) => ${valueRef(runtime.query("queryRequest"))}(${JSON.stringify(dialect)}, ${name}, ${version}, ${schemaArgument(ctx, operation.input)}, input)`;
    },
    responseDeserializer(ctx: ProtocolContext, operation: Shape): Code {
      const name = JSON.stringify(operation.id.slice(operation.id.indexOf("#") + 1));
      return code`(response) => ${valueRef(runtime.query("queryResponse"))}(response, ${schemaArgument(ctx, operation.output)}, ${name}, ${JSON.stringify(dialect)})`;
    },
    errorDeserializer: (ctx, error, errorIR) =>
      xmlErrorDeserializer(
        ctx,
        error,
        errorIR,
        (schema, fieldsType) => code`${valueRef(runtime.query("queryErrorMembers"))}<${fieldsType}>(${schema}, body)`,
        false,
      ),
    errorCode: queryErrorCode,
  };
}

/** awsQuery. */
export const awsQuery: ProtocolGenerator = query("awsQuery");
/** ec2Query. */
export const ec2Query: ProtocolGenerator = query("ec2Query");
