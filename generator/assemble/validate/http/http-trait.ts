/**
 * Reading the `@http` trait of operations, for the HTTP validators of this folder.
 */
import type { NodeValue } from "../../../load/ast.js";
import type { Shape } from "../../model.js";
import { parseUri, type UriPattern } from "./uri-pattern.js";

const HTTP = "smithy.api#http";

/** An operation with its `@http` trait read. */
export interface HttpOperation {
  operation: Shape;
  method: string;
  uri: UriPattern;
  code: number;
}

/** Every model operation whose `@http` trait has a string method and uri (the value's shape is checked elsewhere). */
export function httpOperations(shapes: Map<string, Shape>): HttpOperation[] {
  const out: HttpOperation[] = [];
  for (const s of shapes.values()) {
    if (s.prelude || s.type !== "operation") continue;
    const read = readHttp(s.traits[HTTP]);
    if (read) out.push({ operation: s, ...read });
  }
  return out;
}

/** The `@http` value of an operation, when it has one in the expected shape. */
export function readHttp(value: NodeValue | undefined): Omit<HttpOperation, "operation"> | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const { method, uri, code } = value;
  if (typeof method !== "string" || typeof uri !== "string") return undefined;
  return { method, uri: parseUri(uri), code: typeof code === "number" ? code : 200 };
}

/** Smithy's `Shape.toString()`: `(type: \`id\`)`. */
export function describeShape(shape: Shape): string {
  return `(${shape.type}: \`${shape.id}\`)`;
}
