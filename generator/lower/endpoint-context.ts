/**
 * The endpoint rule parameters an operation sets per call: its input members with
 * `smithy.rules#contextParam` (S3's `Bucket`, `Key`, `Prefix`, `CopySource`) and its
 * `smithy.rules#staticContextParams` (`UseS3ExpressControlEndpoint: true`). A client whose
 * operations set any resolves the endpoint of those operations per call (runtime/client.ts
 * `callEndpoints`); `smithy.rules#operationContextParams` (JMESPath over the input, S3's
 * `DeleteObjectKeys`) is not read yet.
 */
import type { Model, Shape } from "../assemble/model.js";
import { getShape } from "../assemble/model.js";
import { obj, str } from "./node-values.js";
import { UNIT } from "./type-expressions.js";

/** One parameter an operation sets: the rule set's name and a TypeScript expression over `input`. */
export interface ContextParam {
  param: string;
  expression: string;
}

/** The rule set parameters `op` sets per call, static ones first, each in model order; empty for none. */
export function endpointContextOf(model: Model, service: Shape, op: Shape): ContextParam[] {
  const declared = obj(obj(service.traits["smithy.rules#endpointRuleSet"]).parameters);
  const out: ContextParam[] = [];
  for (const [param, spec] of Object.entries(obj(op.traits["smithy.rules#staticContextParams"]))) {
    const value = obj(spec).value;
    if (declared[param] !== undefined && (typeof value === "string" || typeof value === "boolean"))
      out.push({ param, expression: JSON.stringify(value) });
  }
  if (op.input === undefined || op.input === UNIT) return out;
  for (const m of getShape(model, op.input).members) {
    const param = str(obj(m.traits["smithy.rules#contextParam"]).name);
    if (param === undefined || declared[param] === undefined) continue;
    const target = getShape(model, m.target).type;
    if (target !== "string" && target !== "boolean" && target !== "enum") continue;
    out.push({ param, expression: `input[${JSON.stringify(m.name)}]` });
  }
  return out;
}

/** The descriptor's `endpointContext` function text for the parameters (no parameter when only static ones are set). */
export function endpointContextFunction(params: readonly ContextParam[]): string {
  const readsInput = params.some((p) => p.expression.startsWith("input"));
  return `(${readsInput ? "input" : ""}) => ({ ${params.map((p) => `${JSON.stringify(p.param)}: ${p.expression}`).join(", ")} })`;
}
