/**
 * Paginators: one `paginate<Operation>` per `@paginated` operation the client calls (the trait
 * merged with the service's defaults and checked by generator/traits/paginated.ts), plus
 * `paginate<Operation>Items` where the trait names `items`. Names are claimed in index.ts's
 * export scope; tokens and paths are printed as JSON literals for the runtime's `paginate`.
 */
import type { Model, Shape } from "../assemble/model.js";
import { getShape } from "../assemble/model.js";
import { code, runtime, typeRef, valueRef, type Code, type CodeSymbol } from "../code/index.js";
import { AnvilError, type Diagnostic } from "../errors.js";
import { paginationOf } from "../traits/paginated.js";
import type { ClientNames } from "./client-names.js";
import type { OperationIR, PaginatorIR } from "./ir.js";
import { typeOf, type ShapeSymbols } from "./type-expressions.js";

/** What paginator lowering needs. */
export interface PaginatorContext {
  model: Model;
  service: Shape;
  symbols: ShapeSymbols;
  names: ClientNames;
  /** The core client class (the client class extends it, so either can be passed). */
  client: CodeSymbol;
}

/** The paginators of the operations the client calls; a `@paginated` that does not fit the shapes is a model error. */
export function lowerPaginators(
  ctx: PaginatorContext,
  operations: ReadonlyArray<{ shape: Shape; ir: OperationIR }>,
): PaginatorIR[] {
  const problems: Diagnostic[] = [];
  const out: PaginatorIR[] = [];
  for (const { shape, ir } of operations) {
    const pagination = paginationOf(ctx.model, ctx.service, shape, problems);
    if (pagination === undefined) continue;
    const name = ctx.names.exportedName("paginators", `paginate${ir.name}`, "_");
    const itemsName =
      pagination.items === undefined ? undefined : ctx.names.exportedName("paginators", `paginate${ir.name}Items`, "_");
    out.push({
      name: name.name,
      itemsName: itemsName?.name,
      operation: ir.name,
      method: ir.method,
      send: ir.call,
      configType: code`${typeRef(runtime.paginate("PaginationConfiguration"))}<${typeRef(ctx.client)}>`,
      inputType: ir.inputType,
      inputOptional: ir.inputOptional,
      outputType: ir.outputType,
      itemType: pagination.itemsTarget === undefined ? undefined : itemType(ctx, pagination.itemsTarget),
      paginate: code`${valueRef(runtime.paginate("paginate"))}`,
      paginateItems: code`${valueRef(runtime.paginate("paginateItems"))}`,
      inputToken: JSON.stringify(pagination.inputToken),
      outputToken: JSON.stringify(pagination.outputToken),
      pageSize: pagination.pageSize === undefined ? undefined : JSON.stringify(pagination.pageSize),
      items: pagination.items === undefined ? undefined : JSON.stringify(pagination.items),
      doc: paginatorDoc(ir.name, pagination.outputToken, pagination.inputToken),
      itemsDoc:
        pagination.items === undefined
          ? []
          : [`Every item of every page of ${ir.name} (\`${pagination.items.join(".")}\`), one by one, in order.`],
    });
  }
  if (problems.length > 0) throw new AnvilError("model", problems);
  return out;
}

/** An element of the paged list, or a `[key, value]` entry of the paged map. */
function itemType(ctx: PaginatorContext, target: string): Code {
  const shape = getShape(ctx.model, target);
  const sparse = shape.traits["smithy.api#sparse"] !== undefined ? code` | null` : code``;
  if (shape.type === "map") {
    const value = shape.members.find((m) => m.name === "value");
    return code`[string, ${value ? typeOf(ctx.model, value.target, ctx.symbols) : code`unknown`}${sparse}]`;
  }
  const member = shape.members[0];
  return member ? code`${typeOf(ctx.model, member.target, ctx.symbols)}${sparse}` : code`unknown`;
}

function paginatorDoc(operation: string, outputToken: string[], inputToken: string): string[] {
  return [
    `Every page of ${operation}, first to last, as the AWS SDK v3's paginators yield them.`,
    `Each request repeats \`input\` with \`${inputToken}\` set to the last page's \`${outputToken.join(".")}\`;`,
    "paging stops when that token is absent or empty, and throws `PaginationLoopError`",
    "if the service returns the token it was sent.",
  ];
}
