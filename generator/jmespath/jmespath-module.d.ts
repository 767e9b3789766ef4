/**
 * Types of the `jmespath` package (it ships none, and `@types/jmespath` leaves out `compile`,
 * the AST entry point the compiler needs).
 */
declare module "jmespath" {
  /** Parses an expression into the package's AST; throws on a syntax error. */
  export function compile(expression: string): unknown;
  /** Evaluates an expression against JSON data. */
  export function search(data: unknown, expression: string): unknown;
  const jmespath: { compile: typeof compile; search: typeof search };
  export default jmespath;
}
