/**
 * The `@paginated` trait of an operation, merged with its service's `@paginated` defaults (the
 * operation's own values win, as the Smithy spec says) and checked the way Smithy's
 * PaginatedTraitValidator checks it at ERROR level: both tokens configured, `inputToken` and
 * `pageSize` plain member names, `outputToken` and `items` member paths that resolve, tokens
 * targeting strings (or maps), `pageSize` an integer kind, `items` a list or map, the input
 * token not `@required`.
 */
import type { Diagnostic } from "../errors.js";
import type { NodeValue } from "../load/ast.js";
import { getShape, type Member, type Model, type Shape } from "../assemble/model.js";

export const PAGINATED_TRAIT = "smithy.api#paginated";

/** An operation's pagination after the merge, with the paths split into member names. */
export interface Pagination {
  inputToken: string;
  /** Member names from the output down to the token. */
  outputToken: string[];
  /** Member names from the output down to the paged list or map. */
  items?: string[];
  pageSize?: string;
  /** The shape the items member targets (for the items paginator's element type). */
  itemsTarget?: string;
}

type Field = "inputToken" | "outputToken" | "items" | "pageSize";

/** The merged, checked pagination of `operation`; undefined when it is not paginated or has a problem (reported). */
export function paginationOf(
  model: Model,
  service: Shape,
  operation: Shape,
  problems: Diagnostic[],
): Pagination | undefined {
  const own = operation.traits[PAGINATED_TRAIT];
  if (own === undefined) return undefined;
  const merged: Partial<Record<Field, string>> = {
    ...stringFields(service.traits[PAGINATED_TRAIT]),
    ...stringFields(own),
  };
  const before = problems.length;
  const report = (message: string) =>
    problems.push({ message, shapeId: operation.id, ...(operation.location ? { location: operation.location } : {}) });
  for (const field of ["inputToken", "outputToken"] as const) {
    if (merged[field] === undefined)
      report(`When bound within the \`${service.id}\` service, paginated trait \`${field}\` is not configured`);
  }
  const input = structureMembers(model, operation.input);
  const output = structureMembers(model, operation.output);
  const check = (field: Field, allowed: string[], members: Map<string, Member>, paths: boolean): Member | undefined => {
    const value = merged[field];
    if (value === undefined) return undefined;
    if (!paths && value.includes("."))
      return (report(`paginated trait \`${field}\` does not allow path values`), undefined);
    const member = resolvePath(model, members, value.split("."));
    if (member === undefined)
      return (report(`paginated trait \`${field}\` targets a member \`${value}\` that does not exist`), undefined);
    const type = getShape(model, member.target).type;
    const kind = type === "set" ? "list" : type;
    if (!allowed.includes(kind)) {
      report(
        `paginated trait \`${field}\` member \`${member.name}\` targets a ${kind} shape, but must target one of the following: [${allowed.map((a) => `\`${a}\``).join(", ")}]`,
      );
    }
    return member;
  };
  const inputToken = check("inputToken", ["map", "string"], input, false);
  if (inputToken?.traits["smithy.api#required"] !== undefined)
    report(`paginated trait \`inputToken\` member \`${inputToken.name}\` must not be required`);
  check("outputToken", ["map", "string"], output, true);
  check("pageSize", ["byte", "integer", "long", "short"], input, false);
  const items = check("items", ["list", "map"], output, true);
  if (problems.length > before || merged.inputToken === undefined || merged.outputToken === undefined) return undefined;
  return {
    inputToken: merged.inputToken,
    outputToken: merged.outputToken.split("."),
    ...(merged.items === undefined ? {} : { items: merged.items.split("."), itemsTarget: items?.target }),
    ...(merged.pageSize === undefined ? {} : { pageSize: merged.pageSize }),
  };
}

/** The string-valued fields of a `@paginated` value. */
function stringFields(value: NodeValue | undefined): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) return out;
  for (const field of ["inputToken", "outputToken", "items", "pageSize"] as const) {
    const v = value[field];
    if (typeof v === "string") out[field] = v;
  }
  return out;
}

function structureMembers(model: Model, id: string | undefined): Map<string, Member> {
  if (id === undefined) return new Map();
  return new Map(getShape(model, id).members.map((m) => [m.name, m]));
}

/** Follows member names through structures; undefined when one is missing. */
function resolvePath(model: Model, members: Map<string, Member>, names: string[]): Member | undefined {
  let current = members;
  let member: Member | undefined;
  for (const [i, name] of names.entries()) {
    member = current.get(name);
    if (member === undefined) return undefined;
    if (i < names.length - 1) {
      const target = getShape(model, member.target);
      if (target.type !== "structure") return undefined;
      current = new Map(target.members.map((m) => [m.name, m]));
    }
  }
  return member;
}
