/**
 * Serializes an assembled model back to Smithy JSON AST: prelude shapes left out, object keys
 * sorted (member order kept, as it is meaningful), mixins listed and their members and traits
 * shown flattened. Used by `anvil ast` and by conformance comparisons.
 */
import type { AstDocument, AstMember, AstShape, NodeValue } from "../load/ast.js";
import type { Member, Model, Shape } from "./model.js";

/** Sorts object keys recursively (arrays keep their order). */
export function sortKeys(v: NodeValue): NodeValue {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === "object") {
    const out: Record<string, NodeValue> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k]);
    return out;
  }
  return v;
}

function member(m: Member): AstMember {
  const out: AstMember = { target: m.target };
  if (Object.keys(m.traits).length > 0) out.traits = sortKeys(m.traits) as Record<string, NodeValue>;
  return out;
}

const refs = (ids: string[] | undefined) => ids?.map((target) => ({ target }));

/** One shape in JSON AST form. */
export function shapeToAst(s: Shape): AstShape {
  const out: AstShape = { type: s.type };
  if (s.mixins.length > 0) out.mixins = refs(s.mixins);
  if (s.type === "list" || s.type === "set") out.member = member(s.members[0]);
  else if (s.type === "map") {
    out.key = member(s.members.find((m) => m.name === "key") as Member);
    out.value = member(s.members.find((m) => m.name === "value") as Member);
  } else if (["structure", "union", "enum", "intEnum"].includes(s.type)) {
    out.members = {};
    for (const m of s.members) out.members[m.name] = member(m);
  }
  if (s.input) out.input = { target: s.input };
  if (s.output) out.output = { target: s.output };
  if (s.errors?.length) out.errors = refs(s.errors);
  if (s.version !== undefined) out.version = s.version;
  if (s.operations?.length) out.operations = refs(s.operations);
  if (s.resources?.length) out.resources = refs(s.resources);
  if (s.rename && Object.keys(s.rename).length > 0) out.rename = s.rename;
  for (const k of ["identifiers", "properties"] as const) {
    const v = s[k];
    if (v && Object.keys(v).length > 0)
      out[k] = Object.fromEntries(Object.entries(v).map(([n, t]) => [n, { target: t }]));
  }
  for (const k of ["create", "put", "read", "update", "delete", "list"] as const)
    if (s[k]) out[k] = { target: s[k] as string };
  if (s.collectionOperations?.length) out.collectionOperations = refs(s.collectionOperations);
  if (Object.keys(s.traits).length > 0) out.traits = sortKeys(s.traits) as Record<string, NodeValue>;
  // Top-level keys sorted; member maps keep model order (it is part of the model).
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(out).sort()) sorted[k] = (out as unknown as Record<string, unknown>)[k];
  return sorted as unknown as AstShape;
}

/** The whole model as a JSON AST document (prelude left out, shapes sorted by id). */
export function toJsonAst(model: Model): AstDocument {
  const shapes: Record<string, AstShape> = {};
  for (const id of [...model.shapes.keys()].sort()) {
    const s = model.shapes.get(id) as Shape;
    if (!s.prelude) shapes[id] = shapeToAst(s);
  }
  const doc: AstDocument = { smithy: "2.0" };
  if (Object.keys(model.metadata).length > 0) doc.metadata = sortKeys(model.metadata) as Record<string, NodeValue>;
  doc.shapes = shapes;
  return doc;
}
