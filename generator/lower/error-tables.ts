/**
 * Error tables: which modeled errors a response's code can become. Each operation gets a table of
 * its own errors and the service's (`errors` of the service shape), so an app that imports one
 * operation function bundles only that operation's error classes; a code the operation does not
 * list becomes the service's base exception. Operations with the same errors share one table.
 * The service descriptor's table holds the service's errors alone.
 */
import type { Shape } from "../assemble/model.js";
import { splitId } from "../assemble/model.js";
import { code, type Code, type CodeSymbol } from "../code/index.js";
import { valueRef } from "../code/index.js";
import type { ClientNames } from "./client-names.js";
import type { ErrorTableIR } from "./ir.js";

/** An error shape with its wire code and deserializer (undefined without a client). */
export interface ErrorEntry {
  shape: Shape;
  wireCode: string;
  deserializer: CodeSymbol | undefined;
}

/** What building the tables needs. */
export interface ErrorTableContext {
  names: ClientNames;
  /** Every error that has a class and deserializer, by shape id. */
  entries: ReadonlyMap<string, ErrorEntry>;
  /** The service shape's own errors, which every operation can return. */
  serviceErrors: Shape[];
  /** REST protocols: a response without an error code is matched by `@httpError` status. */
  byStatus: boolean;
}

/** The service descriptor's table: the service's own errors. */
export function serviceErrorTable(ctx: ErrorTableContext): Pick<ErrorTableIR, "entries" | "errorsByStatus"> {
  const shapes = ctx.serviceErrors;
  return { entries: tableEntries(ctx, shapes), errorsByStatus: ctx.byStatus ? errorsByStatus(ctx, shapes) : [] };
}

/**
 * One table per distinct error set of the operations (in operation order), and for each operation
 * the symbol of its table.
 */
export function operationErrorTables(
  ctx: ErrorTableContext,
  operations: Shape[],
  baseException: string,
): { tables: ErrorTableIR[]; byOperation: CodeSymbol[] } {
  const tables: Array<ErrorTableIR & { operations: string[] }> = [];
  const symbols = new Map<string, CodeSymbol>();
  const byOperation = operations.map((op) => {
    const shapes = uniqueById([...(op.errors ?? []).flatMap((id) => entryShape(ctx, id)), ...ctx.serviceErrors]);
    const key = shapes.map((s) => s.id).join(" ");
    const known = symbols.get(key);
    if (known !== undefined) {
      tables.find((t) => t.name === known.name)?.operations.push(splitId(op.id).name);
      return known;
    }
    const symbol = ctx.names.localName("operations", `errors${tables.length}`, "_");
    symbols.set(key, symbol);
    tables.push({
      name: symbol.name,
      operations: [splitId(op.id).name],
      doc: [],
      entries: tableEntries(ctx, shapes),
      errorsByStatus: ctx.byStatus ? errorsByStatus(ctx, shapes) : [],
    });
    return symbol;
  });
  return {
    tables: tables.map(({ operations: users, ...table }) => ({ ...table, doc: tableDoc(users, baseException) })),
    byOperation,
  };
}

/** `"WireCode": deError_X` entries; two errors may share a wire code (CloudWatch's DashboardNotFoundError and ResourceNotFound are both awsQuery `ResourceNotFound`): the first keeps it. */
function tableEntries(ctx: ErrorTableContext, shapes: Shape[]): Code[] {
  const seen = new Set<string>();
  const out: Code[] = [];
  for (const s of shapes) {
    const entry = ctx.entries.get(s.id);
    if (entry?.deserializer === undefined || seen.has(entry.wireCode)) continue;
    seen.add(entry.wireCode);
    out.push(code`${JSON.stringify(entry.wireCode)}: ${valueRef(entry.deserializer)}`);
  }
  return out;
}

/** Each `@httpError` status that exactly one of the table's errors has, with that error's wire code, by status. */
function errorsByStatus(ctx: ErrorTableContext, shapes: Shape[]): Array<{ status: number; wireCode: string }> {
  const byStatus = new Map<number, string[]>();
  for (const s of shapes) {
    const status = s.traits["smithy.api#httpError"];
    if (typeof status !== "number") continue;
    byStatus.set(status, [...(byStatus.get(status) ?? []), splitId(s.id).name]);
  }
  return [...byStatus.entries()]
    .filter(([, codes]) => codes.length === 1)
    .map(([status, codes]) => ({ status, wireCode: codes[0] as string }))
    .sort((a, b) => a.status - b.status);
}

/** Names the operations (a count past five) and what happens to any other code. */
function tableDoc(operations: string[], baseException: string): string[] {
  const users =
    operations.length <= 5
      ? operations.join(", ")
      : `${operations.length} operations (${operations.slice(0, 3).join(", ")}...)`;
  return [`The errors of ${users}, by wire code; any other code becomes ${baseException}.`];
}

function entryShape(ctx: ErrorTableContext, id: string): Shape[] {
  const entry = ctx.entries.get(id);
  return entry === undefined ? [] : [entry.shape];
}

function uniqueById(shapes: Shape[]): Shape[] {
  const seen = new Set<string>();
  return shapes.filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)));
}
