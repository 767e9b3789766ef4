/**
 * An interpreter for Smithy's `smithy.rules#endpointRuleSet` trait: binds parameters, walks the
 * endpoint, error and tree rules in order, and returns the first endpoint or throws the error.
 * Spec: smithy.io/2.0/additional-specs/rules-engine/ and smithy.io/2.0/aws/rules-engine/.
 */
import {
  getAttr,
  isValidHostLabel,
  isVirtualHostableS3Bucket,
  parseArn,
  parseUrl,
  partition,
  substring,
  uriEncode,
  type RuleValue,
} from "./library.js";
import { PARTITIONS, type PartitionRow } from "./partitions.js";

/** Thrown when an error rule matches, when no rule matches, or when inputs are unusable. */
export class EndpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EndpointError";
  }
}

/**
 * Parameter values, keyed by parameter name (`Region`) or by built-in id (`AWS::Region`); the
 * name wins when both are given. `undefined` means "not set".
 */
export type EndpointParams = Record<string, string | boolean | readonly string[] | undefined>;

/** A resolved endpoint. */
export interface ResolvedEndpoint {
  /** The endpoint URL, e.g. `https://frauddetector.us-east-1.amazonaws.com`. */
  url: string;
  /** Endpoint properties (such as `authSchemes`), when the rule declares any. */
  properties?: Record<string, unknown>;
  /** Extra transport headers, when the rule declares any. */
  headers?: Record<string, string[]>;
}

/** Options of {@link resolveEndpoint}. */
export interface ResolveOptions {
  /** Partition table for `aws.partition`; defaults to the bundled {@link PARTITIONS}. */
  partitions?: readonly PartitionRow[];
}

type Scope = Record<string, RuleValue>;
type Json = { readonly [key: string]: unknown };

const isJson = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/**
 * Resolves the endpoint that `ruleSet` (the value of the `smithy.rules#endpointRuleSet` trait)
 * gives for `params`. Throws {@link EndpointError} with the rule's message when an error rule
 * matches, and when no rule matches or a required parameter is missing.
 */
export function resolveEndpoint(ruleSet: unknown, params: EndpointParams, options?: ResolveOptions): ResolvedEndpoint {
  if (!isJson(ruleSet) || !Array.isArray(ruleSet["rules"])) throw new EndpointError("Invalid endpoint rule set");
  const scope: Scope = Object.create(null) as Scope;
  const declared = isJson(ruleSet["parameters"]) ? ruleSet["parameters"] : {};
  for (const name of Object.keys(declared)) {
    const spec = declared[name];
    if (!isJson(spec)) continue;
    let value: unknown = params[name];
    if (value === undefined && typeof spec["builtIn"] === "string") value = params[spec["builtIn"]];
    value ??= spec["default"];
    if (value === undefined) {
      if (spec["required"] === true) throw new EndpointError(`Missing required endpoint parameter: ${name}`);
      continue;
    }
    const type = String(spec["type"]).toLowerCase();
    const ok =
      type === "stringarray"
        ? Array.isArray(value) && value.every((item) => typeof item === "string")
        : typeof value === type;
    if (!ok) throw new EndpointError(`Endpoint parameter ${name} must be of type ${String(spec["type"])}`);
    scope[name] = value as RuleValue;
  }
  const endpoint = evalRules(ruleSet["rules"], scope, options?.partitions ?? PARTITIONS);
  if (!endpoint) throw new EndpointError("No endpoint rule matched the given parameters");
  return endpoint;
}

/** Evaluates rules in order; `undefined` when none matched. */
function evalRules(
  rules: readonly unknown[],
  scope: Scope,
  table: readonly PartitionRow[],
): ResolvedEndpoint | undefined {
  for (const rule of rules) {
    if (!isJson(rule)) continue;
    const local = matchConditions(list(rule["conditions"]), scope, table);
    if (!local) continue;
    if (rule["type"] === "endpoint" && isJson(rule["endpoint"])) return buildEndpoint(rule["endpoint"], local, table);
    if (rule["type"] === "error") throw new EndpointError(asString(evalExpr(rule["error"], local, table), "error"));
    if (rule["type"] === "tree") {
      // A matched tree is terminal: exhausting its rules ends resolution (spec: tree rule object).
      const found = evalRules(list(rule["rules"]), local, table);
      if (found) return found;
      throw new EndpointError("No endpoint rule matched the given parameters");
    }
    throw new EndpointError(`Invalid endpoint rule type: ${String(rule["type"])}`);
  }
  return undefined;
}

/** Evaluates conditions in order; the rule's scope (with any `assign`ed values) when all match. */
function matchConditions(
  conditions: readonly unknown[],
  scope: Scope,
  table: readonly PartitionRow[],
): Scope | undefined {
  let local = scope;
  for (const condition of conditions) {
    const value = evalExpr(condition, local, table);
    if (value === undefined || value === false) return undefined;
    if (isJson(condition) && typeof condition["assign"] === "string") {
      // A child scope: assignments stay visible to this rule and its subrules only.
      if (local === scope) local = Object.create(scope) as Scope;
      local[condition["assign"]] = value;
    }
  }
  return local;
}

function buildEndpoint(endpoint: Json, scope: Scope, table: readonly PartitionRow[]): ResolvedEndpoint {
  const result: ResolvedEndpoint = { url: asString(evalExpr(endpoint["url"], scope, table), "url") };
  if (isJson(endpoint["properties"]) && Object.keys(endpoint["properties"]).length > 0) {
    result.properties = evalProperties(endpoint["properties"], scope) as Record<string, unknown>;
  }
  if (isJson(endpoint["headers"]) && Object.keys(endpoint["headers"]).length > 0) {
    const headers: Record<string, string[]> = {};
    for (const [name, values] of Object.entries(endpoint["headers"])) {
      headers[name] = list(values).map((value) => asString(evalExpr(value, scope, table), `header ${name}`));
    }
    result.headers = headers;
  }
  return result;
}

/** Endpoint properties are literal documents whose strings are templates. */
function evalProperties(value: unknown, scope: Scope): unknown {
  if (typeof value === "string") return template(value, scope);
  if (Array.isArray(value)) return value.map((item) => evalProperties(item, scope));
  if (isJson(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = evalProperties(item, scope);
    return out;
  }
  return value;
}

function asString(value: RuleValue, what: string): string {
  if (typeof value !== "string") throw new EndpointError(`Endpoint rule ${what} did not resolve to a string`);
  return value;
}

/** Evaluates a literal, a template string, a `{ref}` or a `{fn, argv}`. */
function evalExpr(expr: unknown, scope: Scope, table: readonly PartitionRow[]): RuleValue {
  if (typeof expr === "string") return template(expr, scope);
  if (typeof expr === "boolean" || typeof expr === "number") return expr;
  if (Array.isArray(expr)) return expr.map((item) => evalExpr(item, scope, table));
  if (isJson(expr)) {
    if (typeof expr["ref"] === "string") return scope[expr["ref"]];
    if (typeof expr["fn"] === "string") {
      return call(
        expr["fn"],
        list(expr["argv"]).map((arg) => evalExpr(arg, scope, table)),
        table,
      );
    }
  }
  throw new EndpointError("Invalid expression in endpoint rule set");
}

/**
 * Expands `{name}` and `{name#path}` (the `getAttr` shorthand); `{{` and `}}` are literal braces.
 */
function template(text: string, scope: Scope): string {
  if (!text.includes("{") && !text.includes("}")) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((c === "{" || c === "}") && text[i + 1] === c) {
      out += c;
      i++;
    } else if (c === "{") {
      const end = text.indexOf("}", i);
      if (end < 0) throw new EndpointError(`Unclosed template in "${text}"`);
      const inner = text.slice(i + 1, end);
      const hash = inner.indexOf("#");
      const value = hash < 0 ? scope[inner] : getAttr(scope[inner.slice(0, hash)], inner.slice(hash + 1));
      out += asString(value, `template {${inner}}`);
      i = end;
    } else {
      out += c;
    }
  }
  return out;
}

const str = (value: RuleValue): string | undefined => (typeof value === "string" ? value : undefined);

/** Calls a library function; a string argument left unset makes the result unset. */
function call(fn: string, args: RuleValue[], table: readonly PartitionRow[]): RuleValue {
  const [a, b, c, d] = args;
  const s = str(a);
  switch (fn) {
    case "isSet":
      return a !== undefined;
    case "not":
      return a === false;
    case "booleanEquals":
    case "stringEquals":
      return a !== undefined && a === b;
    case "coalesce":
      return args.find((arg) => arg !== undefined);
    case "getAttr":
      return typeof b === "string" ? getAttr(a, b) : undefined;
    case "isValidHostLabel":
      return s !== undefined && isValidHostLabel(s, b === true);
    case "parseURL":
      return s === undefined ? undefined : parseUrl(s);
    case "substring":
      return s === undefined || typeof b !== "number" || typeof c !== "number"
        ? undefined
        : substring(s, b, c, d === true);
    case "uriEncode":
      return s === undefined ? undefined : uriEncode(s);
    case "aws.partition":
      return s === undefined ? undefined : partition(s, table);
    case "aws.parseArn":
      return s === undefined ? undefined : parseArn(s);
    case "aws.isVirtualHostableS3Bucket":
      return s !== undefined && isVirtualHostableS3Bucket(s, b === true);
  }
  throw new EndpointError(`Unsupported endpoint rules function: ${fn}`);
}

export { PARTITIONS, type PartitionRow };
