/**
 * Validates a node value against a shape, as Smithy's NodeValidationVisitor does for trait
 * values: the JSON kind each shape type takes, whole numbers in range for integer types, required
 * and unknown structure members (unknown ones are a WARNING, as in Smithy), union values with one
 * member, list items and map entries, and the constraint traits of the shapes and members the
 * value passes through (`@length`, `@range`, `@pattern`, enum values, `@uniqueItems`). Message
 * texts are Smithy's, so they compare with its errorfiles. A value can start at a shape (trait
 * values, metadata) or at a member (`@default`, whose member's own constraints apply first).
 */
import type { Severity } from "../../errors.js";
import type { NodeValue } from "../../load/ast.js";
import type { Member, Shape } from "../model.js";
import { javaPatternRegExp } from "./java-pattern.js";

/** One problem in a value: where in it (`max`, `items.0`), what, and how bad. */
export interface NodeProblem {
  /** Path segments from the root value, joined with `.` in messages. */
  path: string[];
  message: string;
  severity: Severity;
  /** Event id parts after the validator's own id (`UnknownMember.<shape>.<member>`). */
  eventIdSuffix?: string;
}

/**
 * A string of the value that a shape or member on its path marks `@idRef`: a shape id the caller
 * checks against the model (this module sees shapes, not selectors).
 */
export interface IdRefUse {
  path: string[];
  value: string;
  /** The `@idRef` trait value: `selector`, `failWhenMissing`, `errorMessage`. */
  idRef: NodeValue;
}

/** Problems found while walking a value, and the `@idRef` strings met on the way. */
interface Found extends Array<NodeProblem> {
  idRefs?: IdRefUse[];
}

const INTEGER_BOUNDS: Record<string, [bigint, bigint] | undefined> = {
  byte: [-128n, 127n],
  short: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  intEnum: [-2147483648n, 2147483647n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
  bigInteger: undefined,
};

const LENGTH = "smithy.api#length";
const RANGE = "smithy.api#range";
const PATTERN = "smithy.api#pattern";
const ENUM = "smithy.api#enum";
const ENUM_VALUE = "smithy.api#enumValue";
const REQUIRED = "smithy.api#required";
const UNIQUE_ITEMS = "smithy.api#uniqueItems";
const SPARSE = "smithy.api#sparse";
const ID_REF = "smithy.api#idRef";

/** How a walk reports: Smithy's NodeValidationVisitor features that anvil's callers use. */
export interface NodeValidationOptions {
  /** Strings that an `@idRef` applies to are added here, for the caller to check against the model. */
  idRefs?: IdRefUse[];
  /**
   * A `@range` broken by a zero is a WARNING (Smithy's RANGE_TRAIT_ZERO_VALUE_WARNING, which the
   * `@default` and metadata validators set so 1.0 models, whose zero values were implied, stay valid).
   */
  zeroRangeIsWarning?: boolean;
  /**
   * Broken `@length`, `@range` and `@pattern` constraints and missing required members are
   * WARNINGs (Smithy's ALLOW_CONSTRAINT_ERRORS, set for an `@examples` entry that expects them).
   */
  allowConstraintErrors?: boolean;
}

/** One walk over a value: the model, where problems go, and the options. */
interface Walk {
  shapes: Map<string, Shape>;
  out: NodeProblem[];
  options: NodeValidationOptions;
}

/** Validates `value` against `shape`; every problem found, in Smithy's order. */
export function validateNodeValue(
  value: NodeValue,
  shape: Shape,
  shapes: Map<string, Shape>,
  options: NodeValidationOptions = {},
): NodeProblem[] {
  const walk: Walk = { shapes, out: [], options };
  visitShape(value, shape, [], walk, 0);
  return walk.out;
}

/** Validates a member's value (a `@default`): the member's constraints, then its target's. `null` is left to the caller. */
export function validateMemberValue(
  value: NodeValue,
  member: Member,
  container: Shape,
  shapes: Map<string, Shape>,
  options: NodeValidationOptions = {},
): NodeProblem[] {
  const walk: Walk = { shapes, out: [], options };
  visitMember(value, member, container, [], walk, 0);
  return walk.out;
}

/** Smithy's list of allowed values in messages: each in backticks, sorted as text. */
function tickedList(values: readonly unknown[]): string {
  return values
    .map(String)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((v) => `\`${v}\``)
    .join(", ");
}

function kindOf(v: NodeValue): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "object") return "object";
  return typeof v;
}

function invalidShape(value: NodeValue, shape: Shape, expected: string): string {
  let message = `Expected ${expected} value for ${shape.type} shape, \`${shape.id}\`; found ${kindOf(value)} value`;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    message += `, \`${String(value)}\``;
  return message;
}

function visitShape(value: NodeValue, shape: Shape, path: string[], walk: Walk, depth: number): void {
  const { out } = walk;
  // Recursive trait shapes (a structure holding a list of itself) end where the value ends; the
  // depth bound only guards against a pathological value.
  if (depth > 64) return;
  const error = (message: string): void => void out.push({ path, message, severity: "ERROR" });
  switch (shape.type) {
    case "document":
      return;
    case "blob":
    case "string":
    case "enum":
      if (typeof value !== "string") return error(invalidShape(value, shape, "string"));
      return constraints(value, shape, path, walk);
    case "boolean":
      if (typeof value !== "boolean") error(invalidShape(value, shape, "boolean"));
      return;
    case "timestamp":
      if (typeof value !== "string" && typeof value !== "number") error(invalidShape(value, shape, "timestamp"));
      return;
    case "float":
    case "double":
      if (typeof value !== "number" && typeof value !== "string") return error(invalidShape(value, shape, "number"));
      return constraints(value, shape, path, walk);
    case "bigDecimal":
      if (typeof value !== "number") return error(invalidShape(value, shape, "number"));
      return constraints(value, shape, path, walk);
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "bigInteger":
    case "intEnum": {
      if (typeof value !== "number") return error(invalidShape(value, shape, "number"));
      const type = shape.type === "intEnum" ? "integer" : shape.type;
      if (!Number.isInteger(value))
        return error(
          `${shape.type} shapes must not have floating point values, but found \`${value}\` provided for \`${shape.id}\``,
        );
      const bounds = INTEGER_BOUNDS[type];
      const big = BigInt(value);
      if (bounds && big < bounds[0]) return error(`${shape.type} value must be > ${bounds[0]}, but found ${big}`);
      if (bounds && big > bounds[1]) return error(`${shape.type} value must be < ${bounds[1]}, but found ${big}`);
      return constraints(value, shape, path, walk);
    }
    case "list":
    case "set": {
      if (!Array.isArray(value)) return error(invalidShape(value, shape, "array"));
      constraints(value, shape, path, walk);
      const member = shape.members[0];
      if (member) value.forEach((item, i) => visitMember(item, member, shape, [...path, String(i)], walk, depth));
      return;
    }
    case "map": {
      if (value === null || typeof value !== "object" || Array.isArray(value))
        return error(invalidShape(value, shape, "object"));
      constraints(value, shape, path, walk);
      const key = shape.members.find((m) => m.name === "key");
      const val = shape.members.find((m) => m.name === "value");
      for (const [k, v] of Object.entries(value)) {
        if (key) visitMember(k, key, shape, [...path, `${k} (map-key)`], walk, depth);
        if (val) visitMember(v, val, shape, [...path, k], walk, depth);
      }
      return;
    }
    case "structure": {
      if (value === null || typeof value !== "object" || Array.isArray(value))
        return error(invalidShape(value, shape, "object"));
      const byName = new Map(shape.members.map((m) => [m.name, m]));
      for (const [k, v] of Object.entries(value)) {
        const m = byName.get(k);
        if (!m)
          out.push({
            path,
            message: `Member \`${k}\` does not exist in \`${shape.id}\``,
            severity: "WARNING",
            eventIdSuffix: `UnknownMember.${shape.id}.${k}`,
          });
        else visitMember(v, m, shape, [...path, k], walk, depth);
      }
      for (const m of shape.members) {
        if (m.traits[REQUIRED] !== undefined && !Object.hasOwn(value, m.name)) {
          out.push({
            path,
            message: `Missing required structure member \`${m.name}\` for \`${shape.id}\``,
            severity: constraintSeverity(walk),
          });
        }
      }
      return;
    }
    case "union": {
      if (value === null || typeof value !== "object" || Array.isArray(value))
        return error(invalidShape(value, shape, "object"));
      const entries = Object.entries(value);
      if (entries.length > 1) return error("union values can contain a value for only a single member");
      for (const [k, v] of entries) {
        const m = shape.members.find((x) => x.name === k);
        if (!m)
          out.push({
            path,
            message: `Member \`${k}\` does not exist in \`${shape.id}\``,
            severity: "ERROR",
            eventIdSuffix: `UnknownMember.${shape.id}.${k}`,
          });
        else visitMember(v, m, shape, [...path, k], walk, depth);
      }
      return;
    }
    default:
      error(`Encountered invalid shape type: ${shape.type}`);
  }
}

function visitMember(
  value: NodeValue,
  member: Member,
  container: Shape,
  path: string[],
  walk: Walk,
  depth: number,
): void {
  const { shapes, out } = walk;
  if (value === null) {
    const nullable =
      container.type === "list" || container.type === "set" || container.type === "map"
        ? container.traits[SPARSE] !== undefined
        : member.traits[REQUIRED] === undefined;
    if (!nullable) {
      const message =
        container.type === "structure"
          ? `Required structure member \`${member.name}\` for \`${container.id}\` cannot be null`
          : container.type === "map"
            ? `Non-sparse map shape \`${container.id}\` cannot contain null values`
            : `Non-sparse list shape \`${container.id}\` cannot contain null values`;
      out.push({ path, message, severity: "ERROR" });
    }
    return;
  }
  // Constraint traits on the member apply to the value as well as those on the target.
  const target = shapes.get(member.target);
  constraintsOf(value, member.traits, path, walk, member.id, "Member", target?.type);
  if (target) visitShape(value, target, path, walk, depth + 1);
}

function constraints(value: NodeValue, shape: Shape, path: string[], walk: Walk): void {
  const { out } = walk;
  const id = shape.id;
  constraintsOf(value, shape.traits, path, walk, id, "Target", shape.type);
  if (shape.type === "enum" && typeof value === "string") {
    const values = shape.members.map((m) => m.traits[ENUM_VALUE]);
    if (!values.includes(value)) {
      out.push({
        path,
        message: `String value provided for \`${id}\` must be one of the following values: ${tickedList(values)}`,
        severity: "ERROR",
      });
    }
  }
  if (shape.type === "intEnum" && typeof value === "number") {
    const values = shape.members.map((m) => m.traits[ENUM_VALUE]);
    if (!values.includes(value)) {
      out.push({
        path,
        message: `Integer value provided for \`${id}\` must be one of the following values: ${tickedList(values)}, but found ${value}`,
        severity: "ERROR",
      });
    }
  }
}

/** The severity of a broken constraint: ERROR, or WARNING when the walk allows constraint errors. */
function constraintSeverity(walk: Walk): Severity {
  return walk.options.allowConstraintErrors ? "WARNING" : "ERROR";
}

/** The non-numeric float values Smithy's nodes spell as strings. */
const NON_NUMERIC_FLOATS = new Set(["NaN", "Infinity", "-Infinity"]);

/**
 * `@length`, `@range`, `@pattern`, the 1.0 `@enum` and `@uniqueItems` of a shape or member, applied
 * to a value; `type` is the value's shape type (the target's, for a member), which says whether a
 * string is a blob, measured in UTF-8 bytes.
 */
function constraintsOf(
  value: NodeValue,
  traits: Record<string, NodeValue>,
  path: string[],
  walk: Walk,
  id: string,
  holder: "Member" | "Target",
  type: string | undefined,
): void {
  const { out } = walk;
  const error = (message: string): void => void out.push({ path, message, severity: "ERROR" });
  const broken = (message: string): void => void out.push({ path, message, severity: constraintSeverity(walk) });
  // Smithy checks `@idRef` on the member and on its target alike (both when both carry it).
  const idRef = traits[ID_REF];
  if (idRef !== undefined && typeof value === "string") walk.options.idRefs?.push({ path, value, idRef });
  const length = traits[LENGTH];
  if (length && typeof length === "object" && !Array.isArray(length)) {
    const min = typeof length.min === "number" ? length.min : undefined;
    const max = typeof length.max === "number" ? length.max : undefined;
    if (typeof value === "string" && type === "blob") {
      const n = Buffer.byteLength(value, "utf8");
      if (min !== undefined && n < min)
        broken(
          `Value provided for \`${id}\` must have at least ${min} bytes, but the provided value only has ${n} bytes`,
        );
      if (max !== undefined && n > max)
        broken(
          `Value provided for \`${id}\` must have no more than ${max} bytes, but the provided value has ${n} bytes`,
        );
    } else if (typeof value === "string") {
      const n = [...value].length;
      if (min !== undefined && n < min)
        broken(
          `String value provided for \`${id}\` must be >= ${min} characters, but the provided value is only ${n} characters.`,
        );
      if (max !== undefined && n > max)
        broken(
          `String value provided for \`${id}\` must be <= ${max} characters, but the provided value is ${n} characters.`,
        );
    } else if (Array.isArray(value)) {
      if (min !== undefined && value.length < min)
        broken(
          `Value provided for \`${id}\` must have at least ${min} elements, but the provided value only has ${value.length} elements`,
        );
      if (max !== undefined && value.length > max)
        broken(
          `Value provided for \`${id}\` must have no more than ${max} elements, but the provided value has ${value.length} elements`,
        );
    } else if (value !== null && typeof value === "object") {
      const n = Object.keys(value).length;
      if (min !== undefined && n < min)
        broken(
          `Value provided for \`${id}\` must have at least ${min} entries, but the provided value only has ${n} entries`,
        );
      if (max !== undefined && n > max)
        broken(
          `Value provided for \`${id}\` must have no more than ${max} entries, but the provided value has ${n} entries`,
        );
    }
  }
  const range = traits[RANGE];
  if (range && typeof range === "object" && !Array.isArray(range) && typeof value === "number") {
    // Smithy's ids for these name the side that holds the @range: `<id>.Member.InvalidRange`.
    const severity = walk.options.zeroRangeIsWarning && value === 0 ? "WARNING" : constraintSeverity(walk);
    const rangeError = (message: string): void =>
      void out.push({ path, message, severity, eventIdSuffix: `${holder}.InvalidRange` });
    if (typeof range.min === "number" && value < range.min)
      rangeError(`Value provided for \`${id}\` must be greater than or equal to ${range.min}, but found ${value}`);
    if (typeof range.max === "number" && value > range.max)
      rangeError(`Value provided for \`${id}\` must be less than or equal to ${range.max}, but found ${value}`);
  }
  if (
    range &&
    typeof range === "object" &&
    !Array.isArray(range) &&
    typeof value === "string" &&
    NON_NUMERIC_FLOATS.has(value)
  ) {
    // A float's NaN and infinities, written as strings: NaN meets no range, an infinity one bound.
    const rangeError = (message: string): void =>
      void out.push({ path, message, severity: constraintSeverity(walk), eventIdSuffix: `${holder}.InvalidRange` });
    if (value === "NaN")
      broken(
        `Value provided for \`${id}\` must be a number because the \`smithy.api#range\` trait is applied, but found "${value}"`,
      );
    if (value === "-Infinity" && typeof range.min === "number")
      rangeError(`Value provided for \`${id}\` must be greater than or equal to ${range.min}, but found "${value}"`);
    if (value === "Infinity" && typeof range.max === "number")
      rangeError(`Value provided for \`${id}\` must be less than or equal to ${range.max}, but found "${value}"`);
  }
  const pattern = traits[PATTERN];
  if (typeof pattern === "string" && typeof value === "string") {
    const re = javaPatternRegExp(pattern);
    if (re && !re.test(value)) broken(`String value provided for \`${id}\` must match regular expression: ${pattern}`);
  }
  const enumTrait = traits[ENUM];
  if (Array.isArray(enumTrait) && typeof value === "string") {
    const values = enumTrait.map((e) => (e && typeof e === "object" && !Array.isArray(e) ? e.value : undefined));
    if (!values.includes(value))
      error(`String value provided for \`${id}\` must be one of the following values: ${tickedList(values)}`);
  }
  if (traits[UNIQUE_ITEMS] !== undefined && Array.isArray(value)) {
    const seen = new Set<string>();
    const dupes = new Set<string>();
    for (const item of value) {
      const key = JSON.stringify(item);
      if (seen.has(key)) dupes.add(typeof item === "string" ? item : key);
      seen.add(key);
    }
    if (dupes.size > 0)
      error(
        `Value provided for \`${id}\` must have unique items, but the following items had multiple entries: [\`${[...dupes].join("`, `")}\`]`,
      );
  }
}
