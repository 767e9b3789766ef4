/**
 * Waiters: one `waitUntil<Waiter>` per waiter of the operations the client calls, read and checked
 * by generator/traits/waitable.ts. Each acceptor becomes the runtime's `Acceptor` object literal,
 * with its JMESPath path compiled (generator/jmespath/) into an arrow function over the typed
 * output (or `{ input, output }`), so the client needs no JMESPath library. A path naming a member
 * the output lacks is a model error at the operation's position; so is a path using a JMESPath
 * feature the compiler leaves out (none in the AWS models), since the client ships no evaluator.
 */
import type { Model, Shape } from "../assemble/model.js";
import { code, runtime, typeRef, valueRef, type Code, type CodeSymbol } from "../code/index.js";
import { AnvilError, type Diagnostic } from "../errors.js";
import {
  INPUT_OUTPUT_ROOT,
  OUTPUT_ROOT,
  readServiceWaiters,
  type CompiledPath,
  type Waiter,
  type WaiterAcceptor,
} from "../traits/waitable.js";
import type { ClientNames } from "./client-names.js";
import { docLines } from "./docs.js";
import type { AcceptorIR, OperationIR, WaiterIR } from "./ir.js";

/** What waiter lowering needs. */
export interface WaiterContext {
  model: Model;
  service: Shape;
  names: ClientNames;
  /** The core client class (the client class extends it, so either can be passed). */
  client: CodeSymbol;
}

/** The waiters of the operations the client calls, in operation then model order. */
export function lowerWaiters(
  ctx: WaiterContext,
  operations: ReadonlyArray<{ shape: Shape; ir: OperationIR }>,
): WaiterIR[] {
  const problems: Diagnostic[] = [];
  const byOperation = readServiceWaiters(
    ctx.model,
    operations.map((o) => o.shape),
    ctx.service,
    problems,
  );
  const out: WaiterIR[] = [];
  for (const { shape, ir } of operations) {
    for (const waiter of byOperation.get(shape.id) ?? []) {
      const report = (message: string) =>
        problems.push({
          message: `Waiter \`${waiter.name}\`: ${message}`,
          shapeId: shape.id,
          ...(shape.location ? { location: shape.location } : {}),
        });
      const acceptors = waiter.acceptors.map((a) => lowerAcceptor(a, ir, report));
      if (acceptors.some((a) => a === undefined)) continue;
      out.push({
        name: ctx.names.exportedName("waiters", `waitUntil${waiter.name}`, "_").name,
        waiter: waiter.name,
        operation: ir.name,
        method: ir.method,
        send: ir.call,
        configType: code`${typeRef(runtime.waiter("WaiterConfiguration"))}<${typeRef(ctx.client)}>`,
        resultType: code`${typeRef(runtime.waiter("WaiterResult"))}`,
        waitUntil: code`${valueRef(runtime.waiter("waitUntil"))}`,
        inputType: ir.inputType,
        inputOptional: ir.inputOptional,
        minDelay: waiter.minDelay,
        maxDelay: waiter.maxDelay,
        acceptors: acceptors as AcceptorIR[],
        compiledPaths:
          waiter.acceptors.filter((a) => a.matcher.kind === "output" || a.matcher.kind === "inputOutput").length +
          waiter.acceptors.filter((a) => a.message !== undefined).length,
        doc: waiterDoc(waiter, ir.name),
      });
    }
  }
  if (problems.length > 0)
    throw new AnvilError(
      "model",
      problems.map((p) => validationsOwn(ctx.model, p) ?? p),
    );
  return out;
}

/**
 * The model validation event (a DANGER, printed, not suppressed) that says what `problem` says,
 * if any: the failure then reports that one, with its position at the trait, and not a copy.
 */
function validationsOwn(model: Model, problem: Diagnostic): Diagnostic | undefined {
  if (problem.eventId === undefined) return undefined;
  return model.warnings?.find(
    (w) => w.eventId === problem.eventId && w.shapeId === problem.shapeId && w.severity !== "SUPPRESSED",
  );
}

function lowerAcceptor(
  acceptor: WaiterAcceptor,
  operation: OperationIR,
  report: (message: string) => void,
): AcceptorIR | undefined {
  const m = acceptor.matcher;
  let matcher: Code | undefined;
  switch (m.kind) {
    case "success":
      matcher = code`{ success: ${String(m.success)} }`;
      break;
    case "errorType":
      matcher = code`{ errorType: ${JSON.stringify(m.errorType)} }`;
      break;
    case "output":
    case "inputOutput": {
      const parameter =
        m.kind === "output"
          ? code`${OUTPUT_ROOT}: ${operation.outputType}`
          : code`${INPUT_OUTPUT_ROOT}: { input: ${operation.inputType}; output: ${operation.outputType} }`;
      const select = arrow(m.path, parameter, report);
      if (select === undefined) return undefined;
      matcher = code`{ ${m.kind}: ${select}, comparator: ${JSON.stringify(m.comparator)}, expected: ${JSON.stringify(m.expected)} }`;
      break;
    }
  }
  let message: Code | undefined;
  if (acceptor.message !== undefined) {
    message = arrow(acceptor.message, code`${OUTPUT_ROOT}: ${operation.outputType}`, report);
    if (message === undefined) return undefined;
  }
  return { state: acceptor.state, matcher, message };
}

/** `(output: T) => <compiled path>`; the parameter is `_`-prefixed when the path never reads it. */
function arrow(path: CompiledPath, parameter: Code, report: (message: string) => void): Code | undefined {
  if (path.kind === "evaluated") {
    report(
      `cannot compile the JMESPath expression (${path.expression}): ${path.reason}; anvil's client ships no JMESPath evaluator`,
    );
    return undefined;
  }
  return path.usesRoot ? code`(${parameter}) => ${path.code}` : code`(_${parameter}) => ${path.code}`;
}

function waiterDoc(waiter: Waiter, operation: string): string[] {
  const lines = docLines(waiter.documentation);
  const out = lines.length > 0 ? [...lines, ""] : [];
  out.push(
    `Polls ${operation} until an acceptor of the \`${waiter.name}\` waiter reaches success (returned)`,
    "or failure (`WaiterFailureError`), or `maxWaitTime` seconds pass (`WaiterTimeoutError`).",
    `Waits ${waiter.minDelay} to ${waiter.maxDelay} s between attempts (exponential backoff with jitter).`,
  );
  // TSDoc wants a message with `@deprecated`; a waiter's trait has none.
  if (waiter.deprecated) out.push("", "@deprecated The service deprecates this waiter.");
  return out;
}
