/**
 * Stage 3, select: the service and the chosen operations, plus the closure of shapes they reach.
 * Takes a Model and a choice (service id, operation names); gives a Selection whose `shapes`
 * are in a stable order (first reached first, walking operations in the order chosen).
 */
import { AnvilError, didYouMean, type Diagnostic, type SourceLocation } from "../errors.js";
import { getShape, splitId, type Model, type Shape } from "../assemble/model.js";

/** What to generate. */
export interface SelectionRequest {
  service?: string;
  operations?: string[];
  /** Where the choice was written (codegen.yaml), for error positions. */
  origin?: SourceLocation;
  serviceOrigin?: SourceLocation;
  /** Where each operation name was written, index for index. */
  operationOrigins?: SourceLocation[];
}

/** The selected service, operations and every shape they reach. */
export interface Selection {
  service: Shape;
  operations: Shape[];
  /** Service-wide errors (modeled on the service shape). */
  serviceErrors: Shape[];
  /** Every non-prelude-simple shape reached, operations excluded, in reach order. */
  shapes: Shape[];
  /**
   * Structures that are the input of some operation of the model (selected or not) or carry
   * `@input`: serializers send their members' defaults as the caller gave them (Smithy's rule for
   * top-level input), wherever such a structure appears.
   */
  topLevelInputs: ReadonlySet<string>;
}

/** Every operation a service binds, directly or through its resources, in model order. */
export function serviceOperations(model: Model, service: Shape): Shape[] {
  const out: Shape[] = [];
  const seen = new Set<string>();
  const addOp = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    out.push(getShape(model, id));
  };
  const visitResource = (id: string, path: Set<string>) => {
    if (path.has(id)) return;
    path.add(id);
    const r = getShape(model, id);
    for (const k of ["create", "put", "read", "update", "delete", "list"] as const) if (r[k]) addOp(r[k] as string);
    for (const o of r.operations ?? []) addOp(o);
    for (const o of r.collectionOperations ?? []) addOp(o);
    for (const child of r.resources ?? []) visitResource(child, path);
  };
  for (const o of service.operations ?? []) addOp(o);
  for (const r of service.resources ?? []) visitResource(r, new Set());
  return out;
}

/** Selects the service and operations; an unknown one is a config error with a suggestion. */
export function select(model: Model, request: SelectionRequest): Selection {
  const services = [...model.shapes.values()].filter((s) => s.type === "service" && !s.prelude);
  let service: Shape | undefined;
  if (request.service) {
    service =
      services.find((s) => s.id === request.service) ?? services.find((s) => splitId(s.id).name === request.service);
    if (!service) {
      const guess = didYouMean(
        request.service,
        services.map((s) => s.id),
      );
      throw new AnvilError("config", {
        message: `Unknown service ${request.service}`,
        location: request.serviceOrigin ?? request.origin,
        hint: guess
          ? `Did you mean ${guess}?`
          : `The model defines: ${services.map((s) => s.id).join(", ") || "no service"}`,
      });
    }
  } else if (services.length === 1) service = services[0];
  else {
    throw new AnvilError("config", {
      message:
        services.length === 0
          ? "The model defines no service"
          : `The model defines ${services.length} services; choose one with ${request.origin?.file === "(command line)" ? "--service" : '"service" in the config'}`,
      location: request.origin,
      hint:
        services.length > 0
          ? `One of: ${services.map((s) => s.id).join(", ")}`
          : "Add a service shape that binds your operations",
    });
  }
  const all = serviceOperations(model, service);
  let operations = all;
  if (request.operations) {
    const byName = new Map(all.map((o) => [splitId(o.id).name, o]));
    operations = request.operations.map((name, index) => {
      const op = byName.get(name) ?? all.find((o) => o.id === name);
      if (!op) {
        const guess = didYouMean(name, byName.keys());
        throw new AnvilError("config", {
          message: `Unknown operation "${name}" for service ${service.id}`,
          location: request.operationOrigins?.[index] ?? request.origin,
          hint: guess ? `Did you mean "${guess}"?` : `The service has ${all.length} operations`,
        });
      }
      return op;
    });
  }
  const serviceErrors = (service.errors ?? []).map((id) => getShape(model, id));
  checkOperationShapes(model, service, operations);
  const shapes = closure(model, operations, serviceErrors);
  // A list or map containing itself never gets here: assembly refuses it (ShapeRecursion, assemble/validate/shapes/recursion.ts).
  return { service, operations, serviceErrors, shapes, topLevelInputs: topLevelInputs(model) };
}

function topLevelInputs(model: Model): Set<string> {
  const out = new Set<string>();
  for (const shape of model.shapes.values()) {
    if (shape.type === "operation" && shape.input !== undefined) out.add(shape.input);
    if (shape.traits["smithy.api#input"] !== undefined) out.add(shape.id);
  }
  return out;
}

/**
 * Operation inputs and outputs must be structures, and errors structures with `@error`
 * (Smithy's rules): anything else would be declared twice or have no type to generate.
 */
function checkOperationShapes(model: Model, service: Shape, operations: Shape[]): void {
  const problems: Diagnostic[] = [];
  const check = (owner: Shape, role: string, id: string | undefined, needsError: boolean) => {
    if (id === undefined || id === "smithy.api#Unit") return;
    const target = getShape(model, id);
    if (target.type !== "structure") {
      problems.push({
        message: `The ${role} of ${owner.id} targets ${target.type} ${id}; it must be a structure`,
        location: owner.location,
        shapeId: owner.id,
      });
    } else if (needsError && target.traits["smithy.api#error"] === undefined) {
      problems.push({
        message: `${owner.id} lists ${id} as an error, but ${id} has no @error trait`,
        location: target.location ?? owner.location,
        shapeId: id,
        hint: 'Add @error("client") or @error("server") to the structure',
      });
    }
  };
  for (const op of operations) {
    check(op, "input", op.input, false);
    check(op, "output", op.output, false);
    for (const e of op.errors ?? []) check(op, "error", e, true);
  }
  for (const e of service.errors ?? []) check(service, "error", e, true);
  if (problems.length > 0) throw new AnvilError("model", problems);
}

/** Shapes reachable from the operations (inputs, outputs, errors, members, recursively). Terminates on recursion. */
function closure(model: Model, operations: Shape[], serviceErrors: Shape[]): Shape[] {
  const seen = new Set<string>();
  const out: Shape[] = [];
  const stack: string[] = [];
  const push = (id: string | undefined) => {
    if (id && !seen.has(id)) {
      seen.add(id);
      stack.push(id);
    }
  };
  const drain = () => {
    // Depth-first, in member order, with an explicit stack (deep models must not overflow).
    while (stack.length > 0) {
      const id = stack.pop() as string;
      const shape = getShape(model, id);
      out.push(shape);
      const next = shape.members.map((m) => m.target).filter((t) => !seen.has(t));
      for (let i = next.length - 1; i >= 0; i--) push(next[i]);
    }
  };
  for (const op of operations) {
    for (const id of [op.input, op.output, ...(op.errors ?? [])]) {
      push(id);
      drain();
    }
  }
  for (const e of serviceErrors) {
    push(e.id);
    drain();
  }
  return out;
}
