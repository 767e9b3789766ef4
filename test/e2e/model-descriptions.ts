/**
 * Runtime descriptions of paginators and waiters built from a model's traits at test time, the
 * way generated code describes them: `@paginated` merged with the service's defaults, waiter
 * acceptors with their JMESPath paths compiled by generator/jmespath/.
 */
import { loadFiles } from "../../generator/load/index.js";
import { assemble } from "../../generator/assemble/index.js";
import { preludeIds } from "../../generator/assemble/prelude.js";
import type { Model } from "../../generator/assemble/model.js";
import type { Diagnostic } from "../../generator/errors.js";
import { paginationOf } from "../../generator/traits/paginated.js";
import { INPUT_OUTPUT_ROOT, OUTPUT_ROOT, readWaiters, type CompiledPath, type Waiter } from "../../generator/traits/waitable.js";
import type { PaginatorDescription } from "../../generator/runtime/paginate.js";
import type { Acceptor, WaiterDescription } from "../../generator/runtime/waiter.js";
import { runnable } from "../jmespath/run-compiled.js";

const models = new Map<string, Model>();
function modelAt(path: string): Model {
  let model = models.get(path);
  if (!model) models.set(path, (model = assemble(loadFiles([path], preludeIds()))));
  return model;
}

type Send<C> = (client: C, input: any, options: { signal?: AbortSignal }) => Promise<any>;

/** The paginator description of an operation, and its items path. */
export function pagination<C>(modelPath: string, operationId: string, send: Send<C>): { description: PaginatorDescription<C, any, any>; items?: string[] } {
  const model = modelAt(modelPath);
  const service = [...model.shapes.values()].find((s) => s.type === "service" && !s.prelude)!;
  const problems: Diagnostic[] = [];
  const paging = paginationOf(model, service, model.shapes.get(operationId)!, problems);
  if (!paging) throw new Error(`${operationId} is not paginated: ${problems.map((p) => p.message).join("; ")}`);
  return {
    description: { operation: operationId, send, inputToken: paging.inputToken, outputToken: paging.outputToken, ...(paging.pageSize ? { pageSize: paging.pageSize } : {}) },
    ...(paging.items ? { items: paging.items } : {}),
  };
}

/** The waiters of an operation. */
export function modelWaiters(modelPath: string, operationId: string): Waiter[] {
  const model = modelAt(modelPath);
  const problems: Diagnostic[] = [];
  const waiters = readWaiters(model, model.shapes.get(operationId)!, problems);
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join("; "));
  return waiters;
}

function pathFunction(path: CompiledPath, root: string): (value: any) => unknown {
  if (path.kind !== "compiled") throw new Error(`not compiled: ${path.expression}`);
  return runnable({ kind: "compiled", code: path.code, helpers: path.helpers, type: path.type }, root);
}

/** The runtime description of one waiter. */
export function waiterDescription<C>(waiters: Waiter[], name: string, send: Send<C>): WaiterDescription<C, any, any> {
  const waiter = waiters.find((w) => w.name === name);
  if (!waiter) throw new Error(`no waiter ${name}`);
  const acceptors = waiter.acceptors.map((a): Acceptor<any, any> => {
    const m = a.matcher;
    const matcher: Acceptor<any, any>["matcher"] =
      m.kind === "success" ? { success: m.success }
      : m.kind === "errorType" ? { errorType: m.errorType }
      : m.kind === "output" ? { output: pathFunction(m.path, OUTPUT_ROOT), comparator: m.comparator, expected: m.expected }
      : { inputOutput: pathFunction(m.path, INPUT_OUTPUT_ROOT), comparator: m.comparator, expected: m.expected };
    return a.message ? { state: a.state, matcher, message: pathFunction(a.message, OUTPUT_ROOT) } : { state: a.state, matcher };
  });
  return { name, send, acceptors, minDelay: waiter.minDelay, maxDelay: waiter.maxDelay };
}
