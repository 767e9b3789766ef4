/**
 * Endpoint parameters a user sets in the client config: every `@clientContextParams` entry and
 * every built-in of the service's `smithy.rules#endpointRuleSet` that is a user's choice, each a
 * typed config field documented from the model, passed to the rules evaluator by name.
 *
 * Built-ins take the AWS SDK v3's field names (`useFipsEndpoint`, `forcePathStyle`, ...), so code
 * written for the SDK's config ports unchanged; a context parameter without a built-in takes its
 * name in camelCase (`DisableS3ExpressSessionAuth` -> `disableS3ExpressSessionAuth`). `region`
 * and `endpoint` are fields already (AWS::Region, SDK::Endpoint), and AWS::Auth::CredentialScope
 * comes from credentials, so none of them is listed here.
 */
import type { Shape } from "../assemble/model.js";
import { docLines } from "./docs.js";
import { camelCase } from "./naming.js";
import { obj, str } from "./node-values.js";

/** Config field names of the built-ins a user sets, as the AWS SDK v3 names them. */
export const BUILT_IN_FIELDS: Readonly<Record<string, string>> = {
  "AWS::UseFIPS": "useFipsEndpoint",
  "AWS::UseDualStack": "useDualstackEndpoint",
  "AWS::S3::ForcePathStyle": "forcePathStyle",
  "AWS::S3::Accelerate": "useAccelerateEndpoint",
  "AWS::S3::UseArnRegion": "useArnRegion",
  "AWS::S3::DisableMultiRegionAccessPoints": "disableMultiregionAccessPoints",
  "AWS::S3::UseGlobalEndpoint": "useGlobalEndpoint",
  "AWS::S3Control::UseArnRegion": "useArnRegion",
  "AWS::STS::UseGlobalEndpoint": "useGlobalEndpoint",
  "AWS::Auth::AccountId": "accountId",
  "AWS::Auth::AccountIdEndpointMode": "accountIdEndpointMode",
};

/** One endpoint parameter as a config field. */
export interface EndpointParamField {
  /** The config field, e.g. `forcePathStyle`. */
  field: string;
  /** The rule set's parameter it sets, e.g. `ForcePathStyle`. */
  param: string;
  type: "string" | "boolean";
  /** Doc lines from the model (the parameter's, else the context param's), with its default. */
  doc: string[];
}

/** The endpoint parameters of `service` that become config fields, in the rule set's parameter order. */
export function endpointParamFields(service: Shape): EndpointParamField[] {
  const parameters = obj(obj(service.traits["smithy.rules#endpointRuleSet"]).parameters);
  const context = obj(service.traits["smithy.rules#clientContextParams"]);
  const out: EndpointParamField[] = [];
  const taken = new Set(["region", "endpoint", "credentials"]);
  const names = new Set([...Object.keys(parameters), ...Object.keys(context)]);
  for (const param of names) {
    const spec = obj(parameters[param]);
    const ctx = obj(context[param]);
    const builtIn = str(spec.builtIn);
    const field =
      builtIn !== undefined ? BUILT_IN_FIELDS[builtIn] : context[param] !== undefined ? camelCase(param) : undefined;
    if (field === undefined || taken.has(field)) continue;
    const type = (str(spec.type) ?? str(ctx.type) ?? "").toLowerCase();
    if (type !== "string" && type !== "boolean") continue;
    taken.add(field);
    const doc = docLines(
      str(spec.documentation) ?? str(ctx.documentation) ?? `Sets the endpoint rule parameter ${param}.`,
    );
    const fallback = spec.default;
    if (typeof fallback === "string" || typeof fallback === "boolean")
      doc.push(`Default: ${JSON.stringify(fallback)}.`);
    out.push({ field, param, type, doc });
  }
  return out;
}

/**
 * The rule set's parameter for a user's endpoint (built-in `SDK::Endpoint`), `""` when it has
 * none: per-call resolution passes `config.endpoint` there, as the AWS SDK does, so the rules
 * still place an S3 bucket in the host or the path of a custom endpoint.
 */
export function endpointOverrideParam(service: Shape): string {
  const parameters = obj(obj(service.traits["smithy.rules#endpointRuleSet"]).parameters);
  return Object.keys(parameters).find((p) => str(obj(parameters[p]).builtIn) === "SDK::Endpoint") ?? "";
}

/** The built-ins the client always passed as `false` when unset (their rules read `false`, never "unset"). */
const FALSE_WHEN_UNSET = new Set(["useFipsEndpoint", "useDualstackEndpoint"]);

/** The evaluator's parameter object for `config` (a TypeScript expression), region first. */
export function endpointParamsLiteral(fields: readonly EndpointParamField[], region: string, config: string): string {
  const entries = [`Region: ${region}`];
  for (const f of fields)
    entries.push(`${JSON.stringify(f.param)}: ${config}.${f.field}${FALSE_WHEN_UNSET.has(f.field) ? " ?? false" : ""}`);
  return `{ ${entries.join(", ")} }`;
}

/** The config fields as a TypeScript object type, each with its doc comment. */
export function endpointParamsType(fields: readonly EndpointParamField[]): string {
  const members = fields.map(
    (f) => `  /**\n${f.doc.map((l) => (l === "" ? "   *" : `   * ${l}`)).join("\n")}\n   */\n  ${f.field}?: ${f.type};`,
  );
  return `{\n${members.join("\n")}\n}`;
}
