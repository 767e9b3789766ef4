/**
 * Smithy's ExamplesTrait validator: each `@examples` entry of an operation is checked against the
 * operation's input, output or error (Smithy's node validation, with the example's title in the
 * message); an error must be one the operation declares, or one every service containing the
 * operation declares; output and error exclude each other; and `allowConstraintErrors`, which
 * turns broken constraints into WARNINGs, needs an error.
 */
import type { NodeValue } from "../../../load/ast.js";
import type { Shape } from "../../model.js";
import { validateNodeValue } from "../node-value.js";
import type { TraitHolder, TraitValidationContext } from "../traits/context.js";
import { LIFECYCLE } from "./relationships.js";

const EXAMPLES = "smithy.api#examples";
const UNIT = "smithy.api#Unit";

type NodeObject = { [key: string]: NodeValue };

function asObject(v: NodeValue | undefined): NodeObject | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? v : undefined;
}

/** Every operation's `@examples`. */
export function checkExamples(ctx: TraitValidationContext): void {
  let containing: ServiceIndex | undefined;
  for (const holder of ctx.holders()) {
    const examples = holder.traits[EXAMPLES];
    if (holder.type !== "operation" || !Array.isArray(examples)) continue;
    containing ??= servicesByOperation(ctx);
    for (const entry of examples) {
      const example = asObject(entry);
      if (example) checkExample(ctx, holder, example, containing);
    }
  }
}

function checkExample(
  ctx: TraitValidationContext,
  holder: TraitHolder,
  example: NodeObject,
  containing: ServiceIndex,
): void {
  const op = holder.shape;
  const title = typeof example.title === "string" ? example.title : "";
  const allowConstraintErrors = example.allowConstraintErrors === true;
  const error = asObject(example.error);
  const report = (message: string) => ctx.report(holder, EXAMPLES, { eventId: "ExamplesTrait", message });
  const validate = (side: string, value: NodeValue, shape: Shape | undefined) => {
    if (!shape) return;
    for (const p of validateNodeValue(value, shape, ctx.shapes, { allowConstraintErrors })) {
      const where = p.path.length > 0 ? `.${p.path.join(".")}` : "";
      ctx.report(holder, EXAMPLES, {
        eventId: p.eventIdSuffix ? `ExamplesTrait.${p.eventIdSuffix}` : "ExamplesTrait",
        severity: p.severity,
        message: `Example ${side} of \`${title}\`${where}: ${p.message}`,
      });
    }
  };

  if (allowConstraintErrors && !error)
    report(`Example: \`${title}\` has allowConstraintErrors enabled, so error must be defined.`);
  validate("input", asObject(example.input) ?? {}, ctx.shapes.get(op.input ?? UNIT));
  if (example.output !== undefined && error) {
    report(`Example: \`${title}\` has both output and error defined, only one should be present.`);
  } else if (example.output !== undefined) {
    validate("output", asObject(example.output) ?? {}, ctx.shapes.get(op.output ?? UNIT));
  } else if (error) {
    const errorId = typeof error.shapeId === "string" ? error.shapeId : "";
    const errorShape = ctx.shapes.get(errorId);
    if (errorShape && ((op.errors ?? []).includes(errorId) || everyServiceDeclares(containing, op.id, errorId))) {
      validate("error", asObject(error.content) ?? {}, errorShape);
    } else {
      report(`Error parameters provided for operation without the \`${errorId}\` error: \`${title}\``);
    }
  }
}

/**
 * Smithy's rule for an error the operation does not declare: every service containing the
 * operation declares it. Vacuously true when services exist but none contains the operation;
 * false in a model with no service at all.
 */
function everyServiceDeclares(index: ServiceIndex, operationId: string, errorId: string): boolean {
  if (!index.anyService) return false;
  return (index.byOperation.get(operationId) ?? []).every((s) => (s.errors ?? []).includes(errorId));
}

/** The services containing each operation, and whether the model has a service at all. */
interface ServiceIndex {
  byOperation: Map<string, Shape[]>;
  anyService: boolean;
}

function servicesByOperation(ctx: TraitValidationContext): ServiceIndex {
  const byOperation = new Map<string, Shape[]>();
  let anyService = false;
  for (const service of ctx.shapes.values()) {
    if (service.type !== "service" || service.prelude) continue;
    anyService = true;
    for (const opId of containedOperations(ctx, service)) {
      let list = byOperation.get(opId);
      if (!list) byOperation.set(opId, (list = []));
      list.push(service);
    }
  }
  return { byOperation, anyService };
}

/** The operations a service or resource contains, directly or through its resources (Smithy's TopDownIndex). */
function containedOperations(ctx: TraitValidationContext, root: Shape): Set<string> {
  const ops = new Set<string>();
  const seen = new Set<string>();
  const visit = (shape: Shape) => {
    if (seen.has(shape.id)) return;
    seen.add(shape.id);
    const direct = [
      ...(shape.operations ?? []),
      ...(shape.collectionOperations ?? []),
      ...LIFECYCLE.map((k) => shape[k]),
    ];
    for (const id of direct) if (id !== undefined && ctx.shapes.get(id)?.type === "operation") ops.add(id);
    for (const r of shape.resources ?? []) {
      const res = ctx.shapes.get(r);
      if (res) visit(res);
    }
  };
  visit(root);
  return ops;
}
