/**
 * The acceptor checks of Smithy's WaiterMatcherValidator (smithy-waiters), made with anvil's
 * JMESPath type checker (generator/jmespath): an `errorType` the operation does not declare
 * (WaitableTraitInvalidErrorType, a WARNING: it may be a framework error), a path or failure
 * `message` that does not parse (WaitableTrait), each problem the linter finds inside one, with
 * its line and column (ERROR as WaitableTrait, DANGER and WARNING as
 * WaitableTraitJmespathProblem.JmespathEvent<Danger|Warning>.<waiter>.<acceptor>), a path whose
 * static type is not what its comparator compares (ReturnTypeMismatch, DANGER), and a `message`
 * that cannot give strings (WaitableTrait).
 */
import type { NodeValue } from "../../../load/ast.js";
import { compileExpression } from "../../../jmespath/compile.js";
import { describeProblem } from "../../../jmespath/problems.js";
import type { JType } from "../../../jmespath/types.js";
import { messageTypeProblem, returnTypeProblem, rootTypes } from "../../../traits/waitable.js";
import type { Severity } from "../../../errors.js";
import type { Shape } from "../../model.js";
import type { TraitValidationContext } from "../traits/context.js";

const WAITABLE = "smithy.waiters#waitable";

type NodeObject = { [key: string]: NodeValue };

function isObject(v: NodeValue | undefined): v is NodeObject {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Every acceptor of every waiter, checked against its operation. */
export function checkAcceptorPaths(ctx: TraitValidationContext): void {
  const model = { metadata: {}, shapes: ctx.shapes };
  for (const op of ctx.shapes.values()) {
    const waiters = op.prelude ? undefined : op.traits[WAITABLE];
    if (!isObject(waiters)) continue;
    // Unresolved input or output shapes are reported by the reference checks.
    if ([op.input, op.output].some((id) => id !== undefined && !ctx.shapes.has(id))) continue;
    const roots = rootTypes(model, op);
    for (const [name, waiter] of Object.entries(waiters)) {
      const acceptors = isObject(waiter) ? waiter["acceptors"] : undefined;
      if (!Array.isArray(acceptors)) continue;
      acceptors.forEach((acceptor, i) => {
        if (!isObject(acceptor) || !isObject(acceptor["matcher"])) return;
        const report = (severity: Severity, eventId: string, message: string) =>
          ctx.report(op, WAITABLE, { severity, eventId, message: `Waiter \`${name}\`, acceptor ${i}: ${message}` });
        const matcher = acceptor["matcher"];
        const errorType = matcher["errorType"];
        if (typeof errorType === "string" && !declaresError(op, errorType)) {
          report(
            "WARNING",
            `WaitableTraitInvalidErrorType.${name}.${i}`,
            `errorType '${errorType}' not found on operation. This operation defines the following errors: [${(op.errors ?? []).join(", ")}]`,
          );
        }
        for (const [kind, type] of [
          ["output", roots.output],
          ["inputOutput", roots.inputOutput],
        ] as const) {
          const path = matcher[kind];
          if (!isObject(path) || typeof path["path"] !== "string" || typeof path["comparator"] !== "string") continue;
          const returned = lint(path["path"], type, "", name, i, report);
          const problem = returned === undefined ? undefined : returnTypeProblem(path["comparator"], returned);
          if (problem !== undefined)
            report("DANGER", `WaitableTraitJmespathProblem.ReturnTypeMismatch.${name}.${i}`, problem);
        }
        const message = acceptor["message"];
        if (typeof message === "string" && acceptor["state"] === "failure") {
          const returned = lint(message, roots.output, "in `message` ", name, i, report);
          const problem = returned === undefined ? undefined : messageTypeProblem(returned);
          if (problem !== undefined) report("ERROR", "WaitableTrait", problem);
        }
      });
    }
  }
}

/**
 * Type-checks `expression` over a value of type `root`, reporting a syntax error or each problem
 * found as Smithy does; gives the expression's static type, or undefined when it does not parse.
 */
function lint(
  expression: string,
  root: JType,
  where: string,
  waiter: string,
  acceptor: number,
  report: (severity: Severity, eventId: string, message: string) => void,
): JType | undefined {
  const result = compileExpression(expression, { name: "value", type: root });
  if (result.kind === "syntax") {
    report("ERROR", "WaitableTrait", `Invalid JMESPath expression ${where}(${expression}): ${result.message}`);
    return undefined;
  }
  for (const problem of result.problems) {
    const eventId =
      problem.severity === "ERROR"
        ? "WaitableTrait"
        : `WaitableTraitJmespathProblem.JmespathEvent${problem.severity === "DANGER" ? "Danger" : "Warning"}.${waiter}.${acceptor}`;
    report(problem.severity, eventId, describeProblem(expression, problem));
  }
  return result.type;
}

/** Whether the operation declares the error, by absolute id or by shape name. */
function declaresError(op: Shape, errorType: string): boolean {
  return (op.errors ?? []).some((id) => id === errorType || id.slice(id.indexOf("#") + 1) === errorType);
}
