/**
 * A problem the JMESPath type checker (./compile.ts) finds in an expression, as Smithy's linter
 * (smithy-jmespath's `ExpressionProblem`) grades and places it: ERROR for a call no value can
 * satisfy (an unknown function, a wrong argument count or type), DANGER for a read that can only
 * give null (a member the shape lacks, a projection over a value that is not an array),
 * WARNING for a comparison that has no order on its operands.
 */

export type ProblemSeverity = "ERROR" | "DANGER" | "WARNING";

/** One problem, at the line and column (1-based) of the node it concerns. */
export interface ExpressionProblem {
  severity: ProblemSeverity;
  message: string;
  line: number;
  column: number;
}

/** Smithy's wording of a problem in `expression`: "Problem found in JMESPath expression (expr): message (1:8)". */
export function describeProblem(expression: string, problem: ExpressionProblem): string {
  return `Problem found in JMESPath expression (${expression}): ${problem.message} (${problem.line}:${problem.column})`;
}
