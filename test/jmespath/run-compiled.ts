/** Runs compiled JMESPath code the way a generated client would, with the runtime's helpers in scope. */
import * as runtime from "../../generator/runtime/jmespath.js";
import type { CompileResult } from "../../generator/jmespath/compile.js";

/** A function of the root value, from a `compiled` result. */
export function runnable(
  result: Extract<CompileResult, { kind: "compiled" }>,
  root: string,
): (value: unknown) => unknown {
  const helpers = [...new Set(result.code.refs().map((r) => r.symbol.name))];
  const fn = new Function(
    "runtime",
    root,
    `const { ${helpers.join(", ")} } = runtime; return ${result.code.toString()};`,
  ) as (r: typeof runtime, v: unknown) => unknown;
  return (value) => fn(runtime, value);
}
