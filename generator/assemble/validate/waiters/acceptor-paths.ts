/**
 * The acceptor checks of Smithy's WaiterMatcherValidator (smithy-waiters) that anvil's JMESPath
 * type checker (generator/jmespath) can make as Smithy words them: an `errorType` the operation
 * does not declare (WaitableTraitInvalidErrorType, a WARNING: it may be a framework error), a
 * path whose static type is not what its comparator compares (ReturnTypeMismatch, DANGER), and
 * a failure `message` that is not a JMESPath expression or cannot give strings (WaitableTrait).
 *
 * Problems inside an expression (a member the shape lacks, a function given the wrong type) are
 * not reported here: Smithy's linter reports each with its line and column, which anvil's
 * checker does not track; the generator reports the first one when it compiles the path
 * (generator/traits/waitable.ts).
 */
import type { NodeValue } from "../../../load/ast.js";
import { compileExpression } from "../../../jmespath/compile.js";
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
          report("WARNING", `WaitableTraitInvalidErrorType.${name}.${i}`, `errorType '${errorType}' not found on operation. This operation defines the following errors: [${(op.errors ?? []).join(", ")}]`);
        }
        for (const [kind, type] of [["output", roots.output], ["inputOutput", roots.inputOutput]] as const) {
          const path = matcher[kind];
          if (!isObject(path) || typeof path["path"] !== "string" || typeof path["comparator"] !== "string") continue;
          const result = compileExpression(path["path"], { name: "value", type });
          const problem = result.kind === "compiled" ? returnTypeProblem(path["comparator"], result.type) : undefined;
          if (problem !== undefined) report("DANGER", `WaitableTraitJmespathProblem.ReturnTypeMismatch.${name}.${i}`, problem);
        }
        const message = acceptor["message"];
        if (typeof message === "string" && acceptor["state"] === "failure") {
          const result = compileExpression(message, { name: "value", type: roots.output });
          const problem =
            result.kind === "compiled" ? messageTypeProblem(result.type) : result.kind === "invalid" && result.message.startsWith("Invalid JMESPath") ? result.message.replace("JMESPath expression", "JMESPath expression in `message`") : undefined;
          if (problem !== undefined) report("ERROR", "WaitableTrait", problem);
        }
      });
    }
  }
}

/** Whether the operation declares the error, by absolute id or by shape name. */
function declaresError(op: Shape, errorType: string): boolean {
  return (op.errors ?? []).some((id) => id === errorType || id.slice(id.indexOf("#") + 1) === errorType);
}
