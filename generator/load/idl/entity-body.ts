/**
 * Service and resource bodies. The IDL writes them as node objects (`service S { version: "1",
 * operations: [A, B] }`); this turns such an object into the JSON AST fields of the shape, with
 * every shape id (quoted or not, as Smithy accepts both) recorded for later resolution.
 */
import { didYouMean } from "../../errors.js";
import type { AstRef, NodeValue, ShapeDefinition } from "../ast.js";
import { IdlSyntaxError } from "./lexer.js";
import { setOwn } from "./node-parser.js";

const SERVICE_PROPERTIES = ["version", "operations", "resources", "errors", "rename"];
const RESOURCE_PROPERTIES = [
  "identifiers",
  "properties",
  "create",
  "put",
  "read",
  "update",
  "delete",
  "list",
  "operations",
  "collectionOperations",
  "resources",
];
const RESOURCE_SINGLE = new Set(["create", "put", "read", "update", "delete", "list"]);

/** What the conversion needs from the parser. */
export interface EntityBodyContext {
  /** Offset of the body's `{`, used for problems with no better position. */
  bodyOffset: number;
  /** Where a value was written (unquoted ids are known exactly), or `bodyOffset`. */
  offsetOf(container: object, key: string | number): number;
  /** Records a shape id to resolve: `holder[key]` becomes absolute later. */
  addFixup(holder: Record<string, unknown>, key: string, raw: string, offset: number): void;
  /** Throws when the file is Smithy 1.0 (resource properties are 2.0 only). */
  requireV2(what: string, shapeId: string): void;
}

/** Fills `def.shape` from the parsed body of a service or resource, or throws what is wrong. */
export function convertEntityBody(
  def: ShapeDefinition,
  type: "service" | "resource",
  body: Record<string, NodeValue>,
  ctx: EntityBodyContext,
): void {
  const shape = def.shape;
  const allowed = type === "service" ? SERVICE_PROPERTIES : RESOURCE_PROPERTIES;
  const bad = (key: string, expected: string): IdlSyntaxError =>
    new IdlSyntaxError(
      `The \`${key}\` property of ${type} \`${def.id}\` must be ${expected}`,
      ctx.offsetOf(body, key),
      undefined,
      def.id,
    );
  const ref = (value: string, offset: number): AstRef => {
    const r: AstRef = { target: value };
    ctx.addFixup(r as unknown as Record<string, unknown>, "target", value, offset);
    return r;
  };
  const refList = (key: string): AstRef[] => {
    const v = body[key];
    if (!Array.isArray(v)) throw bad(key, "a list of shape ids");
    return v.map((item, i) => {
      if (typeof item !== "string") throw bad(key, "a list of shape ids");
      return ref(item, ctx.offsetOf(v, i));
    });
  };
  const refMap = (key: string): Record<string, AstRef> => {
    const v = body[key];
    if (typeof v !== "object" || v === null || Array.isArray(v)) throw bad(key, "an object of names to shape ids");
    const out: Record<string, AstRef> = {};
    for (const [name, target] of Object.entries(v)) {
      if (typeof target !== "string") throw bad(key, "an object of names to shape ids");
      setOwn(out, name, ref(target, ctx.offsetOf(v, name)));
    }
    return out;
  };
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      const guess = didYouMean(key, allowed);
      throw new IdlSyntaxError(
        `Unknown property \`${key}\` for ${type} \`${def.id}\``,
        ctx.bodyOffset,
        guess ? `Did you mean \`${guess}\`? ` : `Known properties: ${allowed.join(", ")}`,
        def.id,
      );
    }
    const value = body[key];
    if (type === "service") {
      switch (key) {
        case "version":
          if (typeof value !== "string") throw bad(key, "a string");
          shape.version = value;
          break;
        case "rename": {
          if (typeof value !== "object" || value === null || Array.isArray(value))
            throw bad(key, "an object of absolute shape ids to names");
          const rename: Record<string, string> = {};
          for (const [from, to] of Object.entries(value)) {
            if (typeof to !== "string") throw bad(key, "an object of absolute shape ids to names");
            setOwn(rename, from, to);
          }
          shape.rename = rename;
          break;
        }
        default:
          shape[key as "operations" | "resources" | "errors"] = refList(key);
      }
    } else if (RESOURCE_SINGLE.has(key)) {
      if (typeof value !== "string") throw bad(key, "a shape id");
      shape[key as "create"] = ref(value, ctx.offsetOf(body, key));
    } else if (key === "identifiers" || key === "properties") {
      if (key === "properties")
        ctx.requireV2(
          "Resource properties can only be used with Smithy version 2 or later. Attempted to use resource properties",
          def.id,
        );
      shape[key] = refMap(key);
    } else {
      shape[key as "operations" | "resources" | "collectionOperations"] = refList(key);
    }
  }
}
