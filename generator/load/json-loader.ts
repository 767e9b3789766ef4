/**
 * Loads a Smithy JSON AST file. Parsing is `JSON.parse` (fast); positions are found only when
 * something needs one (an error), by looking the shape's key up in the text.
 */
import { AnvilError, positionAt, type Diagnostic, type SourceLocation } from "../errors.js";
import {
  SHAPE_TYPES as SHAPE_TYPE_NAMES,
  type AstMember,
  type AstShape,
  type LoadedFile,
  type NodeValue,
  type ShapeDefinition,
  type ShapeType,
} from "./ast.js";
import { findJsonKey, findJsonSyntaxError } from "./json-syntax.js";

/** What a JSON AST shape's `type` may be: a shape type, or `apply` (traits for a shape defined elsewhere). */
const SHAPE_TYPES: ReadonlySet<string> = new Set<ShapeType | "apply">([...SHAPE_TYPE_NAMES, "apply"]);

/** Shape id syntax: `namespace#Name`, namespaces dotted identifiers. */
const ABSOLUTE_ID = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*#[A-Za-z_][A-Za-z0-9_]*$/;

/** Smithy's identifier grammar for member names: leading underscores, then a letter. */
const MEMBER_NAME = /^_*[A-Za-z][A-Za-z0-9_]*$/;

/** `apply` entries may also target a member: `namespace#Name$member`. */
export const APPLY_TARGET = new RegExp(`${ABSOLUTE_ID.source.slice(0, -1)}(\\$[A-Za-z_][A-Za-z0-9_]*)?$`);

/** A location whose line and column are computed on first use (a key search in the text). */
function lazyLocation(text: string, file: string, keys: string[]): SourceLocation {
  let computed: { line: number; column: number } | undefined;
  const compute = () => {
    if (!computed) {
      let at = 0;
      for (const key of keys) {
        const next = findJsonKey(text, key, at);
        if (next < 0) break;
        at = next;
      }
      computed = positionAt(text, at);
    }
    return computed;
  };
  return {
    file,
    get line() {
      return compute().line;
    },
    get column() {
      return compute().column;
    },
  } as SourceLocation;
}

/** A JSON value's kind as Smithy names it in messages (`string`, `array`, `object`...). */
function jsonKind(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Parses and checks the structure of one JSON AST file. */
export function loadJsonAst(text: string, file: string): LoadedFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    const syntax = findJsonSyntaxError(text) ?? { offset: 0, message: "invalid JSON" };
    const pos = positionAt(text, syntax.offset);
    throw new AnvilError("model", {
      message: `Malformed JSON: ${syntax.message}`,
      location: { file, ...pos },
      hint: "A Smithy JSON AST file must be one valid JSON object; was the file truncated?",
    });
  }
  const problems: Diagnostic[] = [];
  const at = (keys: string[]) => lazyLocation(text, file, keys);
  if (!isObject(doc)) {
    throw new AnvilError("model", {
      message: "A Smithy JSON AST must be a JSON object",
      location: { file, line: 1, column: 1 },
    });
  }
  if (typeof doc.smithy !== "string") {
    problems.push({
      message: 'Missing or non-string "smithy" version key',
      location: at([]),
      hint: 'Start the file with { "smithy": "2.0", ... }',
    });
  }
  const version = typeof doc.smithy === "string" ? doc.smithy : "2.0";
  if (typeof doc.smithy === "string" && !/^[12](\.0)?$/.test(doc.smithy)) {
    problems.push({
      message: `Unsupported Smithy version number: ${doc.smithy}`,
      location: at(["smithy"]),
      hint: 'Use "1.0" or "2.0"',
    });
  }
  const warnings: Diagnostic[] = [];
  const extraTop = Object.keys(doc).filter((key) => key !== "smithy" && key !== "metadata" && key !== "shapes");
  if (extraTop.length > 0)
    warnings.push(additionalProperties(["metadata", "shapes", "smithy"], extraTop, at([extraTop[0]]), undefined));
  const metadata: LoadedFile["metadata"] = [];
  if (doc.metadata !== undefined) {
    if (!isObject(doc.metadata))
      problems.push({
        message: `Expected \`metadata\` to be an object; found ${jsonKind(doc.metadata)}`,
        location: at(["metadata"]),
        hint: '"metadata" is an object of keys and values',
      });
    else
      for (const [key, value] of Object.entries(doc.metadata))
        metadata.push({ key, value: value as NodeValue, location: at(["metadata", key]) });
  }
  const shapes: ShapeDefinition[] = [];
  const applies: LoadedFile["applies"] = [];
  if (doc.shapes !== undefined && !isObject(doc.shapes)) {
    problems.push({
      message: `Expected \`shapes\` to be an object; found ${jsonKind(doc.shapes)}`,
      hint: '"shapes" is an object keyed by absolute shape id',
      location: at(["shapes"]),
    });
  } else if (doc.shapes) {
    for (const [id, raw] of Object.entries(doc.shapes)) {
      const location = at(["shapes", id]);
      const isApply = isObject(raw) && raw.type === "apply";
      if (!(isApply ? APPLY_TARGET : ABSOLUTE_ID).test(id)) {
        const type = isObject(raw) && typeof raw.type === "string" ? raw.type : undefined;
        if (type !== undefined && APPLY_TARGET.test(id)) {
          problems.push({
            message: `Shapes of type \`${type}\` cannot contain a member in their shape ID. Found \`${id}\``,
            location,
            shapeId: id,
            hint: 'Define members inside their shape, or use an "apply" entry to add traits to one',
          });
        } else
          problems.push({
            message: `Invalid shape ID: ${id}`,
            location,
            hint: "Shape ids in a JSON AST are absolute: namespace#Name",
          });
        continue;
      }
      if (!isObject(raw) || typeof raw.type !== "string" || !SHAPE_TYPES.has(raw.type)) {
        const found = isObject(raw) ? JSON.stringify(raw.type) : JSON.stringify(raw);
        problems.push({
          message: `Shape has a missing or unknown "type" (found ${found})`,
          location,
          shapeId: id,
          hint: `One of: ${[...SHAPE_TYPES].join(", ")}`,
        });
        continue;
      }
      const shape = raw as unknown as AstShape;
      checkShapeStructure(id, shape, location, problems, (member) => at(["shapes", id, member]));
      checkShapeProperties(id, raw, location, warnings, (member) => at(["shapes", id, member]));
      if (shape.type === "apply") {
        applies.push({
          target: id,
          traits: shape.traits ?? {},
          location,
          locateTrait: (t) => at(["shapes", id, "traits", t]),
        });
      } else {
        shapes.push({
          id,
          shape,
          location,
          locateMember: (name) => at(["shapes", id, name]),
          locateTrait: (t, member) => jsonTraitLocation(text, file, id, shape, t, member),
        });
      }
    }
  }
  if (problems.length > 0) throw new AnvilError("model", problems, warnings);
  return { file, text, version, metadata, shapes, applies, warnings };
}

/** Checks the fields each shape type uses have the JSON AST's types, so later stages can trust them. */
function checkShapeStructure(
  id: string,
  shape: AstShape,
  location: SourceLocation,
  problems: Diagnostic[],
  memberAt: (name: string) => SourceLocation,
): void {
  const bad = (field: string, expected: string) =>
    problems.push({ message: `"${field}" of ${id} must be ${expected}`, location: memberAt(field), shapeId: id });
  const checkMember = (name: string, m: unknown, ctx: string) => {
    if (!isObject(m) || typeof (m as AstMember).target !== "string") {
      problems.push({
        message: `${ctx} "${name}" of ${id} needs a string "target"`,
        location: memberAt(name),
        shapeId: `${id}$${name}`,
      });
    } else if (m.traits !== undefined && !isObject(m.traits)) {
      problems.push({
        message: `"traits" of ${id}$${name} must be an object`,
        location: memberAt(name),
        shapeId: `${id}$${name}`,
      });
    }
  };
  // Smithy's wording: "Expected `input` to be an object; found string" for a field, "Expected
  // object, but found string." for an element of a list of references.
  const refHint = `A shape reference is an object: { "target": "namespace#Name" }`;
  const checkRef = (field: string, v: unknown, inList = false) => {
    if (v === undefined) return;
    if (!isObject(v)) {
      const message = inList
        ? `Expected object, but found ${jsonKind(v)}.`
        : `Expected \`${field}\` to be an object; found ${jsonKind(v)}`;
      problems.push({ message, location: memberAt(field), shapeId: id, hint: refHint });
    } else if (typeof v.target !== "string") bad(field, 'an object with a string "target"');
  };
  const checkRefs = (field: string, v: unknown) => {
    if (v === undefined) return;
    if (!Array.isArray(v)) return bad(field, "an array of shape references");
    v.forEach((r) => checkRef(field, r, true));
  };
  if (shape.traits !== undefined && !isObject(shape.traits)) bad("traits", "an object");
  if (shape.members !== undefined) {
    if (!isObject(shape.members)) bad("members", "an object");
    else {
      for (const [name, m] of Object.entries(shape.members)) {
        if (!MEMBER_NAME.test(name)) {
          problems.push({
            message: `Invalid member name ${JSON.stringify(name)} in ${id}`,
            location: memberAt(name),
            shapeId: id,
            hint: "Member names are identifiers: letters, digits and _, starting with a letter (after any leading _)",
          });
        } else checkMember(name, m, "Member");
      }
    }
  }
  for (const field of ["member", "key", "value"] as const) {
    if (shape[field] !== undefined) checkMember(field, shape[field], "Member");
  }
  for (const field of ["input", "output", "create", "put", "read", "update", "delete", "list"] as const)
    checkRef(field, shape[field]);
  for (const field of ["errors", "operations", "resources", "collectionOperations", "mixins"] as const)
    checkRefs(field, shape[field]);
  for (const field of ["identifiers", "properties"] as const) {
    const v = shape[field];
    if (v === undefined) continue;
    if (!isObject(v)) bad(field, "an object");
    else for (const r of Object.values(v)) checkRef(field, r);
  }
  if (shape.version !== undefined && typeof shape.version !== "string") bad("version", "a string");
}

/**
 * Where a trait is written in a JSON AST: the key `"<trait id>"` inside the shape's (or the
 * member's) `"traits"` object. Keys are looked up in order (shape, then `members`/member name,
 * then `traits`); a member's trait is searched after the member's key, a shape's after the last
 * member when the shape's `traits` follow its members.
 */
function jsonTraitLocation(
  text: string,
  file: string,
  id: string,
  shape: AstShape,
  traitId: string,
  member?: string,
): SourceLocation | undefined {
  let at = findJsonKey(text, id, text.indexOf('"shapes"'));
  if (at < 0) return undefined;
  if (member !== undefined) {
    if (member !== "member" && member !== "key" && member !== "value") at = findJsonKey(text, "members", at);
    if (at >= 0) at = findJsonKey(text, member, at);
  } else {
    // The shape's own "traits" key: before its members, or after every member's value has closed
    // (a member's own "traits" must not be taken for the shape's).
    const memberKeys = (["members", "member", "key", "value"] as const).filter((k) => shape[k] !== undefined);
    const traitsAt = findJsonKey(text, "traits", at);
    const firstMember = Math.min(...memberKeys.map((k) => findJsonKey(text, k, at)).filter((o) => o >= 0));
    if (memberKeys.length > 0 && traitsAt > firstMember) {
      const afterMembers = Math.max(...memberKeys.map((k) => closingOf(text, findJsonKey(text, k, at))));
      const traits = findJsonKey(text, "traits", afterMembers);
      const found = traits < 0 ? -1 : findJsonKey(text, traitId, traits);
      return found < 0 ? undefined : { file, ...positionAt(text, found) };
    }
  }
  if (at < 0) return undefined;
  at = findJsonKey(text, "traits", at);
  if (at >= 0) at = findJsonKey(text, traitId, at);
  return at < 0 ? undefined : { file, ...positionAt(text, at) };
}

/** The offset just past the value that follows the key at `keyAt` (strings and nesting respected). */
function closingOf(text: string, keyAt: number): number {
  let i = text.indexOf(":", keyAt) + 1;
  let depth = 0;
  let inString = false;
  for (; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth <= 0) return i + 1;
    } else if (depth === 0 && c === ",") return i;
  }
  return i;
}

/** The keys each shape type may have in a JSON AST (Smithy's AST loader), sorted as it prints them. */
const SHAPE_PROPERTIES: Record<string, string[]> = {
  list: ["member", "mixins", "traits", "type"],
  set: ["member", "mixins", "traits", "type"],
  map: ["key", "mixins", "traits", "type", "value"],
  structure: ["members", "mixins", "traits", "type"],
  union: ["members", "mixins", "traits", "type"],
  enum: ["members", "mixins", "traits", "type"],
  intEnum: ["members", "mixins", "traits", "type"],
  operation: ["errors", "input", "mixins", "output", "traits", "type"],
  service: ["errors", "mixins", "operations", "rename", "resources", "traits", "type", "version"],
  resource: [
    "collectionOperations",
    "create",
    "delete",
    "identifiers",
    "list",
    "mixins",
    "operations",
    "properties",
    "put",
    "read",
    "resources",
    "traits",
    "type",
    "update",
  ],
  apply: ["traits", "type"],
};
const SIMPLE_PROPERTIES = ["mixins", "traits", "type"];
const MEMBER_PROPERTIES = ["target", "traits"];

/** Smithy's WARNING for keys a JSON AST object does not define (they are ignored). */
function additionalProperties(
  allowed: string[],
  extra: string[],
  location: SourceLocation,
  shapeId: string | undefined,
): Diagnostic {
  return {
    message: `Expected an object with possible properties of ${allowed.map((k) => `\`${k}\``).join(", ")}, but found additional properties: ${[
      ...extra,
    ]
      .sort()
      .map((k) => `\`${k}\``)
      .join(", ")}`,
    location,
    shapeId,
    severity: "WARNING",
    eventId: "Model",
    hint: "The key is ignored: check its spelling, or remove it",
  };
}

/** Warns about keys a shape (or its members) does not define, as Smithy does; they are ignored. */
function checkShapeProperties(
  id: string,
  raw: Record<string, unknown>,
  location: SourceLocation,
  warnings: Diagnostic[],
  memberAt: (name: string) => SourceLocation,
): void {
  const allowed = SHAPE_PROPERTIES[raw.type as string] ?? SIMPLE_PROPERTIES;
  const extra = Object.keys(raw).filter((k) => !allowed.includes(k));
  if (extra.length > 0) warnings.push(additionalProperties(allowed, extra, location, id));
  const members: Array<[string, unknown]> = [];
  if (isObject(raw.members)) members.push(...Object.entries(raw.members));
  for (const k of ["member", "key", "value"])
    if (allowed.includes(k) && raw[k] !== undefined) members.push([k, raw[k]]);
  for (const [name, m] of members) {
    if (!isObject(m)) continue;
    const extraMember = Object.keys(m).filter((k) => !MEMBER_PROPERTIES.includes(k));
    if (extraMember.length > 0)
      warnings.push(additionalProperties(MEMBER_PROPERTIES, extraMember, memberAt(name), `${id}$${name}`));
  }
}
