/**
 * Trait bookkeeping shared by assembly steps: merging a trait applied twice.
 */
import type { NodeValue, Traits } from "../load/ast.js";

/** Structural equality of node values (object key order ignored). */
export function nodeEquals(a: NodeValue, b: NodeValue): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => nodeEquals(v, b[i]));
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && nodeEquals(a[k], b[k]));
}

/**
 * Adds `incoming` traits to `target`, as Smithy merges traits applied more than once: list
 * values concatenate, equal values are fine, anything else is a conflict (returned by id).
 */
export function mergeTraits(target: Traits, incoming: Traits): string[] {
  const conflicts: string[] = [];
  for (const [id, value] of Object.entries(incoming)) {
    if (!Object.prototype.hasOwnProperty.call(target, id)) {
      target[id] = value;
      continue;
    }
    const existing = target[id];
    if (Array.isArray(existing) && Array.isArray(value)) target[id] = [...existing, ...value];
    else if (!nodeEquals(existing, value)) conflicts.push(id);
  }
  return conflicts;
}
