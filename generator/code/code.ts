/**
 * Code fragments: text interleaved with symbol references. `lower` builds every expression,
 * statement and type it hands to templates as Code, with the tagged template `code` below;
 * printing resolves the references (./file.ts).
 *
 * ```ts
 * const t = typeRef(types.Entity);
 * code`${valueRef(serde.deList)}(v, ${reader})`  // prints `deList(v, de_Entity)` and imports deList
 * ```
 */
import { isSymbolRef, type CodeSymbol, type SymbolRef } from "./symbol.js";

/** One part of a fragment: literal text, or a reference printed as the symbol's local name. */
export type CodePart = string | SymbolRef;

/** A fragment of generated TypeScript. Immutable. */
export class Code {
  /** Text and references, adjacent texts merged. */
  readonly parts: readonly CodePart[];

  constructor(parts: readonly CodePart[]) {
    const merged: CodePart[] = [];
    for (const p of parts) {
      const last = merged[merged.length - 1];
      if (typeof p === "string" && typeof last === "string") merged[merged.length - 1] = last + p;
      else if (p !== "") merged.push(p);
    }
    this.parts = merged;
  }

  /** The symbols this fragment references. */
  refs(): SymbolRef[] {
    return this.parts.filter(isSymbolRef);
  }

  /** True when the fragment prints nothing. */
  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  /**
   * The text with every reference printed as its bare name. For tests, comparisons and keys only:
   * files print Code through a GeneratedFile, which imports and aliases.
   */
  toString(): string {
    return this.parts.map((p) => (typeof p === "string" ? p : p.symbol.name)).join("");
  }
}

/** What may be interpolated into `code`: text, numbers, references, other fragments. */
export type Codeable = string | number | SymbolRef | Code;

/** Builds a fragment from a template literal; interpolated strings are code text, not quoted. */
export function code(strings: TemplateStringsArray, ...values: Codeable[]): Code {
  const parts: CodePart[] = [];
  strings.forEach((s, i) => {
    parts.push(s);
    if (i < values.length) parts.push(...partsOf(values[i]));
  });
  return new Code(parts);
}

/** Text, a number, a reference or a fragment as a fragment. */
export function toCode(value: Codeable): Code {
  return value instanceof Code ? value : new Code(partsOf(value));
}

/** Joins fragments with a separator (`, `, ` | `). */
export function joinCode(items: readonly Codeable[], separator: string): Code {
  const parts: CodePart[] = [];
  items.forEach((item, i) => {
    if (i > 0) parts.push(separator);
    parts.push(...partsOf(item));
  });
  return new Code(parts);
}

/** A reference to `s` used as a value (and so maybe as a type too). */
export function valueRef(s: CodeSymbol): SymbolRef {
  return { symbol: s, usage: "value" };
}

/** A reference to `s` used only as a type (imported with `import type` unless also used as a value). */
export function typeRef(s: CodeSymbol): SymbolRef {
  return { symbol: s, usage: "type" };
}

function partsOf(value: Codeable): CodePart[] {
  if (value instanceof Code) return [...value.parts];
  if (typeof value === "number") return [String(value)];
  return [value];
}
