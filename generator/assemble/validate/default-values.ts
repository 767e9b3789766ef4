/**
 * `@default` values must be values of the member's target: a string for a string, a whole number
 * in range for an integer type, one of the values of an enum, `[]` for a list, `{}` for a map.
 * Structures and unions take no default. (`null`, which removes an inherited default, is always
 * allowed.) Without this rule a bad default reaches the generated code as a type error.
 */
import type { Diagnostic } from "../../errors.js";
import type { NodeValue } from "../../load/ast.js";
import type { Shape } from "../model.js";
import { describe, kindProblem } from "./trait-types.js";

const DEFAULT = "smithy.api#default";
const ENUM_VALUE = "smithy.api#enumValue";

const INTEGER_RANGES: Record<string, [number, number]> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
  intEnum: [-2147483648, 2147483647],
  long: [-(2 ** 63), 2 ** 63 - 1],
  bigInteger: [-Infinity, Infinity],
};

/** Reports every member default that its target cannot hold. Dangling targets are left to the reference check. */
export function checkDefaultValues(shapes: Map<string, Shape>, problems: Diagnostic[]): void {
  for (const s of shapes.values()) {
    if (s.prelude || (s.type !== "structure" && s.type !== "union")) continue;
    for (const m of s.members) {
      const value = m.traits[DEFAULT];
      if (value === undefined || value === null) continue;
      const target = shapes.get(m.target);
      if (!target) continue;
      const problem = defaultProblem(value, target);
      if (problem) {
        problems.push({
          message: `Invalid @default on ${m.id}: ${problem}; found ${describe(value)}`,
          location: m.location,
          shapeId: m.id,
          hint: `A default must be a value of the member's target, ${m.target} (${target.type})`,
        });
      }
    }
  }
}

function defaultProblem(value: NodeValue, target: Shape): string | undefined {
  if (target.type === "structure" || target.type === "union") return `a ${target.type} takes no default`;
  const kind = kindProblem(value, target.type);
  if (kind) return `expected a ${kind.expected}`;
  const range = INTEGER_RANGES[target.type];
  if (range && typeof value === "number" && (!Number.isInteger(value) || value < range[0] || value > range[1])) {
    return `expected a whole number from ${range[0]} to ${range[1]}`;
  }
  if (target.type === "enum" || target.type === "intEnum") {
    const values = target.members.map((m) => m.traits[ENUM_VALUE]);
    if (!values.includes(value)) return `expected one of the enum's values (${values.map((v) => JSON.stringify(v)).join(", ")})`;
  }
  if ((target.type === "list" || target.type === "set") && Array.isArray(value) && value.length > 0) return "a list default must be empty ([])";
  if (target.type === "map" && typeof value === "object" && value !== null && Object.keys(value).length > 0) return "a map default must be empty ({})";
  return undefined;
}
