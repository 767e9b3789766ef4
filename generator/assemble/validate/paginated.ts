/**
 * Smithy's PaginatedTrait validator: each `@paginated` property names a member of the right kind
 * (tokens are strings, or maps with a DANGER; the page size an integer kind; items a list or map),
 * the input token is not required and the output token should not be, only output paths may
 * have dots (a WARNING past two parts). An operation's own trait is checked first; when it is
 * clean, it is checked again merged with the `@paginated` of each service that contains it,
 * where both tokens must then be set.
 */
import type { NodeValue } from "../../load/ast.js";
import type { Member, Shape } from "../model.js";
import { containedOperations, inputOf, outputOf, tickedList } from "./http/bindings.js";
import type { TraitValidationContext } from "./traits/context.js";

const PAGINATED = "smithy.api#paginated";

type Property = "inputToken" | "outputToken" | "pageSize" | "items";

/** How one property is checked. */
interface PropertyRule {
  name: Property;
  /** MUST: the member must not be required; SHOULD: it should not (DANGER, WARNING for pageSize). */
  optionality: "MUST" | "SHOULD" | "MAY";
  requiredWhenBound: boolean;
  targets: string[];
  dangerTargets: string[];
  output: boolean;
}

const RULES: PropertyRule[] = [
  {
    name: "inputToken",
    optionality: "MUST",
    requiredWhenBound: true,
    targets: ["map", "string"],
    dangerTargets: ["map"],
    output: false,
  },
  {
    name: "pageSize",
    optionality: "SHOULD",
    requiredWhenBound: false,
    targets: ["byte", "integer", "long", "short"],
    dangerTargets: ["byte", "long", "short"],
    output: false,
  },
  {
    name: "outputToken",
    optionality: "SHOULD",
    requiredWhenBound: true,
    targets: ["map", "string"],
    dangerTargets: ["map"],
    output: true,
  },
  {
    name: "items",
    optionality: "MAY",
    requiredWhenBound: false,
    targets: ["list", "map"],
    dangerTargets: [],
    output: true,
  },
];

type Paginated = Partial<Record<Property, string>>;

function read(value: NodeValue | undefined): Paginated {
  const out: Paginated = {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) return out;
  for (const { name } of RULES) {
    const v = value[name];
    if (typeof v === "string") out[name] = v;
  }
  return out;
}

/** Checks every paginated operation, alone and within each service that contains it. */
export function checkPaginated(ctx: TraitValidationContext): void {
  const operations = [...ctx.shapes.values()].filter(
    (s) => !s.prelude && s.type === "operation" && s.traits[PAGINATED] !== undefined,
  );
  if (operations.length === 0) return;
  const services = [...ctx.shapes.values()].filter((s) => !s.prelude && s.type === "service");
  const containing = new Map(
    services.map((svc) => [svc, new Set(containedOperations(ctx.shapes, svc).map((o) => o.id))]),
  );
  for (const operation of operations) {
    const own = read(operation.traits[PAGINATED]);
    const before = ctx.events.length;
    for (const rule of RULES) checkProperty(ctx, operation, own, rule, undefined);
    if (ctx.events.length > before) continue;
    for (const svc of services) {
      if (!containing.get(svc)?.has(operation.id)) continue;
      const merged: Paginated = { ...read(svc.traits[PAGINATED]), ...own };
      for (const rule of RULES) checkProperty(ctx, operation, merged, rule, svc);
    }
  }
}

function checkProperty(
  ctx: TraitValidationContext,
  operation: Shape,
  trait: Paginated,
  rule: PropertyRule,
  service: Shape | undefined,
): void {
  const prefix = service ? `When bound within the \`${service.id}\` service, ` : "";
  const report = (message: string, severity: "ERROR" | "DANGER" | "WARNING" = "ERROR", sub?: string) =>
    ctx.report(operation, PAGINATED, {
      eventId: sub ? `PaginatedTrait.${sub}.${rule.name}` : "PaginatedTrait",
      severity,
      message: prefix + message,
    });
  const path = trait[rule.name];
  if (path === undefined) {
    if (service && rule.requiredWhenBound) report(`paginated trait \`${rule.name}\` is not configured`);
    return;
  }
  if (!rule.output && path.includes(".")) return report(`paginated trait \`${rule.name}\` does not allow path values`);
  const member = rule.output
    ? resolvePath(ctx.shapes, outputOf(ctx.shapes, operation), path)
    : inputOf(ctx.shapes, operation)?.members.find((m) => m.name === path);
  if (!member) return report(`paginated trait \`${rule.name}\` targets a member \`${path}\` that does not exist`);
  if (member.traits["smithy.api#required"] !== undefined) {
    if (rule.optionality === "MUST")
      report(`paginated trait \`${rule.name}\` member \`${member.name}\` must not be required`);
    else if (rule.optionality === "SHOULD") {
      report(
        `paginated trait \`${rule.name}\` member \`${member.name}\` should not be required`,
        rule.name === "pageSize" ? "WARNING" : "DANGER",
        "ShouldNotBeRequired",
      );
    }
  }
  const target = ctx.shapes.get(member.target);
  if (target) {
    if (!rule.targets.includes(target.type)) {
      report(
        `paginated trait \`${rule.name}\` member \`${member.name}\` targets a ${target.type} shape, but must target one of the following: [${tickedList(rule.targets)}]`,
      );
    }
    if (rule.dangerTargets.includes(target.type)) {
      const preferred = rule.targets.filter((t) => !rule.dangerTargets.includes(t));
      report(
        `paginated trait \`${rule.name}\` member \`${member.name}\` targets a ${target.type} shape, but this is not recommended. One of [${tickedList(preferred)}] SHOULD be targeted.`,
        "DANGER",
        "WrongShapeType",
      );
    }
  }
  if (rule.output && path.indexOf(".") !== path.lastIndexOf(".")) {
    report(
      `paginated trait \`${rule.name}\` contains a path with more than two parts, which can make your API cumbersome to use`,
      "WARNING",
      "DeeplyNested",
    );
  }
}

/** The last member of a dotted path from the output structure, or undefined when a part is missing. */
function resolvePath(shapes: Map<string, Shape>, start: Shape | undefined, path: string): Member | undefined {
  let container = start;
  let member: Member | undefined;
  for (const name of path.split(".")) {
    member = container?.type === "structure" ? container.members.find((m) => m.name === name) : undefined;
    if (!member) return undefined;
    container = shapes.get(member.target);
  }
  return member;
}
