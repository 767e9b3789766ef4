/**
 * The structural rules of Smithy's waiters validators (smithy-waiters): a waiter's `minDelay` is
 * at most its `maxDelay`, it has a `success` acceptor, `message` only on `failure` acceptors,
 * `booleanEquals` expects "true" or "false" (WaitableTrait), and waiter names are unique,
 * ignoring case, across the operations of a service (UniqueWaiterNames). The JMESPath checks of
 * acceptors are in ./acceptor-paths.ts.
 */
import type { NodeValue } from "../../../load/ast.js";
import type { Shape } from "../../model.js";
import { containedOperations } from "../http/bindings.js";
import type { TraitValidationContext } from "../traits/context.js";

const WAITABLE = "smithy.waiters#waitable";

type NodeObject = { [key: string]: NodeValue };

function isObject(v: NodeValue | undefined): v is NodeObject {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Delays and a success acceptor, per waiter. */
export function checkWaiters(ctx: TraitValidationContext): void {
  for (const op of ctx.shapes.values()) {
    const waiters = op.prelude ? undefined : op.traits[WAITABLE];
    if (!isObject(waiters)) continue;
    for (const [name, waiter] of Object.entries(waiters)) {
      if (!isObject(waiter)) continue;
      const min = typeof waiter["minDelay"] === "number" ? waiter["minDelay"] : 2;
      const max = typeof waiter["maxDelay"] === "number" ? waiter["maxDelay"] : 120;
      if (min > max) {
        ctx.report(op, WAITABLE, {
          eventId: "WaitableTrait",
          message: `\`${WAITABLE}\` trait waiter named \`${name}\` has a \`minDelay\` value of ${min} that is greater than its \`maxDelay\` value of ${max}`,
        });
      }
      const acceptors = waiter["acceptors"];
      if (!Array.isArray(acceptors)) continue;
      if (!acceptors.some((a) => isObject(a) && a["state"] === "success")) {
        ctx.report(op, WAITABLE, {
          eventId: "WaitableTrait",
          message: `No success state matcher found for \`${WAITABLE}\` trait waiter named \`${name}\``,
        });
      }
      acceptors.forEach((acceptor, i) => {
        if (!isObject(acceptor)) return;
        const at = (message: string) =>
          ctx.report(op, WAITABLE, {
            eventId: "WaitableTrait",
            message: `Waiter \`${name}\`, acceptor ${i}: ${message}`,
          });
        const state = acceptor["state"];
        if (acceptor["message"] !== undefined && state !== "failure") {
          at(
            `The \`message\` property is only valid on acceptors with a \`failure\` state, but found state \`${String(state)}\`.`,
          );
        }
        const matcher = acceptor["matcher"];
        const path = isObject(matcher) ? (matcher["output"] ?? matcher["inputOutput"]) : undefined;
        if (
          isObject(path) &&
          path["comparator"] === "booleanEquals" &&
          path["expected"] !== "true" &&
          path["expected"] !== "false"
        ) {
          at(
            `Waiter acceptors with a booleanEquals comparator must set their \`expected\` value to 'true' or 'false', but found '${String(path["expected"])}'.`,
          );
        }
      });
    }
  }
}

/** Waiter names that collide, ignoring case, between operations of one service. */
export function checkUniqueWaiterNames(ctx: TraitValidationContext): void {
  for (const service of ctx.shapes.values()) {
    if (service.prelude || service.type !== "service") continue;
    const byName = new Map<string, Set<Shape>>();
    const namesOf = new Map<Shape, string[]>();
    for (const op of containedOperations(ctx.shapes, service)) {
      const waiters = op.traits[WAITABLE];
      if (!isObject(waiters)) continue;
      const names = Object.keys(waiters).map((n) => n.toLowerCase());
      namesOf.set(op, names);
      for (const n of names) byName.set(n, (byName.get(n) ?? new Set()).add(op));
    }
    for (const [op, names] of namesOf) {
      for (const name of names) {
        const others = [...(byName.get(name) ?? [])]
          .filter((o) => o !== op)
          .map((o) => o.id)
          .sort();
        if (others.length === 0) continue;
        ctx.report(op, WAITABLE, {
          eventId: "UniqueWaiterNames",
          message: `\`${WAITABLE}\` trait waiter name \`${name}\` case-insensitively conflicts with waiters on other operations in the closure of service, \`${service.id}\`: [${others.join(", ")}]`,
        });
      }
    }
  }
}
