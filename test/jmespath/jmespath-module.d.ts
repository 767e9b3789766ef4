/**
 * Types of the `jmespath` package (it ships none). anvil parses and compiles JMESPath itself
 * (generator/jmespath/parser.ts, compile.ts); the package, a dev dependency, is the reference
 * evaluator the tests compare compiled paths with (test/traits/waiter-corpus.test.ts).
 */
declare module "jmespath" {
  /** Parses an expression into the package's AST; throws on a syntax error. */
  export function compile(expression: string): unknown;
  /** Evaluates an expression against JSON data. */
  export function search(data: unknown, expression: string): unknown;
  const jmespath: { compile: typeof compile; search: typeof search };
  export default jmespath;
}
