/**
 * Where each member of an operation's input or output goes in an HTTP message, as Smithy's
 * HttpBindingIndex decides it (the first binding trait that applies wins; members with none go
 * in the document, or nowhere when another member is the payload), and the operations a service
 * contains (its own, and those of its resources, recursively).
 */
import type { Member, Shape } from "../../model.js";

/** Where a member is bound. */
export type BindingLocation =
  "header" | "prefixHeaders" | "query" | "queryParams" | "payload" | "label" | "responseCode" | "document" | "unbound";

/** One member's binding. */
export interface HttpBinding {
  member: Member;
  location: BindingLocation;
}

const HEADER = "smithy.api#httpHeader";
const PREFIX_HEADERS = "smithy.api#httpPrefixHeaders";
const QUERY = "smithy.api#httpQuery";
const QUERY_PARAMS = "smithy.api#httpQueryParams";
const PAYLOAD = "smithy.api#httpPayload";
const LABEL = "smithy.api#httpLabel";
const RESPONSE_CODE = "smithy.api#httpResponseCode";

/** The bindings of a structure used as a request (`request` true) or a response. */
export function structureBindings(structure: Shape | undefined, request: boolean): HttpBinding[] {
  if (!structure || structure.type !== "structure") return [];
  const bound: HttpBinding[] = [];
  const unbound: Member[] = [];
  for (const member of structure.members) {
    const has = (t: string) => member.traits[t] !== undefined;
    const location: BindingLocation | undefined = has(HEADER)
      ? "header"
      : has(PREFIX_HEADERS)
        ? "prefixHeaders"
        : request && has(QUERY)
          ? "query"
          : request && has(QUERY_PARAMS)
            ? "queryParams"
            : has(PAYLOAD)
              ? "payload"
              : request && has(LABEL)
                ? "label"
                : !request && has(RESPONSE_CODE)
                  ? "responseCode"
                  : undefined;
    if (location === undefined) unbound.push(member);
    else bound.push({ member, location });
  }
  const payload = bound.some((b) => b.location === "payload");
  return [...bound, ...unbound.map((member): HttpBinding => ({ member, location: payload ? "unbound" : "document" }))];
}

/** The operation's input structure (undefined for Unit or an unresolved target). */
export function inputOf(shapes: Map<string, Shape>, operation: Shape): Shape | undefined {
  return operation.input === undefined ? undefined : shapes.get(operation.input);
}

/** The operation's output structure (undefined for Unit or an unresolved target). */
export function outputOf(shapes: Map<string, Shape>, operation: Shape): Shape | undefined {
  return operation.output === undefined ? undefined : shapes.get(operation.output);
}

/** Every operation a service contains, through its resources too, in a stable order. */
export function containedOperations(shapes: Map<string, Shape>, service: Shape): Shape[] {
  const found = new Map<string, Shape>();
  const seenResources = new Set<string>();
  const addOperation = (id: string | undefined) => {
    const op = id === undefined ? undefined : shapes.get(id);
    if (op?.type === "operation") found.set(op.id, op);
  };
  const visitResource = (id: string) => {
    if (seenResources.has(id)) return;
    seenResources.add(id);
    const r = shapes.get(id);
    if (r?.type !== "resource") return;
    for (const lifecycle of [r.create, r.put, r.read, r.update, r.delete, r.list]) addOperation(lifecycle);
    for (const op of [...(r.operations ?? []), ...(r.collectionOperations ?? [])]) addOperation(op);
    for (const child of r.resources ?? []) visitResource(child);
  };
  for (const op of service.operations ?? []) addOperation(op);
  for (const r of service.resources ?? []) visitResource(r);
  return [...found.values()];
}

/** Smithy's `tickedList`: values sorted, each in backticks, joined by commas. */
export function tickedList(values: Iterable<string>): string {
  return [...values]
    .sort()
    .map((v) => `\`${v}\``)
    .join(", ");
}
