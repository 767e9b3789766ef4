/**
 * The JMESPath built-in functions the compiler turns into calls of `jmesFunctions` (runtime
 * jmespath.ts): the types each argument accepts (as the JMESPath spec's signatures give them) and
 * the type each returns. Functions taking expression references (`sort_by`, `max_by`, `min_by`,
 * `map`) are not here: the compiler reports them as not compiled.
 */
import { ANY, arrayOf, BOOLEAN, NUMBER, STRING, type JType } from "./types.js";

/** One function: accepted type names per argument (the last repeats when `variadic`). */
export interface FunctionSignature {
  args: string[][];
  variadic?: boolean;
  returns: (args: JType[]) => JType;
}

const ANY_TYPE = ["string", "number", "boolean", "array", "object", "null"];
const always = (type: JType) => () => type;
const elementOf = (args: JType[]): JType => (args[0]?.kind === "array" ? args[0].items : ANY);

/** Signatures by function name. */
export const FUNCTIONS: ReadonlyMap<string, FunctionSignature> = new Map<string, FunctionSignature>([
  ["abs", { args: [["number"]], returns: always(NUMBER) }],
  ["avg", { args: [["array"]], returns: always(NUMBER) }],
  ["ceil", { args: [["number"]], returns: always(NUMBER) }],
  ["contains", { args: [["array", "string"], ANY_TYPE], returns: always(BOOLEAN) }],
  ["ends_with", { args: [["string"], ["string"]], returns: always(BOOLEAN) }],
  ["floor", { args: [["number"]], returns: always(NUMBER) }],
  ["join", { args: [["string"], ["array"]], returns: always(STRING) }],
  ["keys", { args: [["object"]], returns: always(arrayOf(STRING)) }],
  ["length", { args: [["string", "array", "object"]], returns: always(NUMBER) }],
  ["max", { args: [["array"]], returns: elementOf }],
  ["min", { args: [["array"]], returns: elementOf }],
  ["not_null", { args: [ANY_TYPE], variadic: true, returns: always(ANY) }],
  ["reverse", { args: [["string", "array"]], returns: (args) => args[0] ?? ANY }],
  ["sort", { args: [["array"]], returns: (args) => args[0] ?? ANY }],
  ["starts_with", { args: [["string"], ["string"]], returns: always(BOOLEAN) }],
  ["sum", { args: [["array"]], returns: always(NUMBER) }],
  [
    "to_array",
    { args: [ANY_TYPE], returns: (args) => (args[0]?.kind === "array" ? args[0] : arrayOf(args[0] ?? ANY)) },
  ],
  ["to_number", { args: [ANY_TYPE], returns: always(ANY) }],
  ["to_string", { args: [ANY_TYPE], returns: always(STRING) }],
  ["type", { args: [ANY_TYPE], returns: always(STRING) }],
  ["values", { args: [["object"]], returns: always(arrayOf(ANY)) }],
]);

/** JMESPath built-ins the compiler leaves out (they take expression references, or build objects): not compiled, yet not unknown. */
export const NOT_COMPILED_FUNCTIONS: ReadonlySet<string> = new Set(["map", "max_by", "merge", "min_by", "sort_by"]);
