/**
 * TypeScript naming: every name the generated code declares is decided here, once, so
 * collisions with reserved words, globals and the generated runtime are resolved the same way
 * on every run.
 */

/** ECMAScript and TypeScript reserved and contextual words that cannot (or should not) name a type or value. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "import",
  "in",
  "instanceof",
  "new",
  "null",
  "return",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "implements",
  "interface",
  "let",
  "package",
  "private",
  "protected",
  "public",
  "static",
  "yield",
  "await",
  "any",
  "unknown",
  "never",
  "number",
  "string",
  "boolean",
  "symbol",
  "object",
  "bigint",
  "undefined",
  "type",
  "namespace",
  "module",
  "declare",
  "abstract",
  "as",
  "async",
  "keyof",
  "readonly",
  "infer",
  "is",
  "asserts",
  "global",
  "require",
  "arguments",
  "eval",
]);

/** Globals a generated type must not shadow (the generated code or its users rely on them). */
export const GLOBAL_NAMES: ReadonlySet<string> = new Set([
  "Array",
  "ArrayBuffer",
  "BigInt",
  "Boolean",
  "DataView",
  "Date",
  "Error",
  "EvalError",
  "Function",
  "Infinity",
  "JSON",
  "Map",
  "Math",
  "NaN",
  "Number",
  "Object",
  "Promise",
  "Proxy",
  "RangeError",
  "ReferenceError",
  "Reflect",
  "RegExp",
  "Set",
  "String",
  "Symbol",
  "SyntaxError",
  "TypeError",
  "URIError",
  "URL",
  "Uint8Array",
  "WeakMap",
  "WeakSet",
  "Record",
  "Partial",
  "Required",
  "Readonly",
  "Pick",
  "Omit",
  "Exclude",
  "Extract",
  "NonNullable",
  "ReturnType",
  "Awaited",
  "Iterable",
  "Iterator",
  "PromiseLike",
  "ArrayLike",
  "PropertyKey",
  "TextEncoder",
  "TextDecoder",
  "AbortSignal",
  "AbortController",
  "Response",
  "Request",
  "Headers",
  "Buffer",
  "console",
  "process",
  "globalThis",
  "fetch",
  "crypto",
]);

/**
 * Names a client method must not take: the client's own members, every name objects inherit
 * (`constructor`, `toString`, `__proto__`, ...), and `then`, which would make the client a
 * thenable that `await` and promise resolution call.
 */
export const CLIENT_MEMBER_NAMES: readonly string[] = [
  "destroy",
  "config",
  "core",
  "then",
  ...Object.getOwnPropertyNames(Object.prototype),
];

/** True for a valid JavaScript identifier that is safe as a bare property name. */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && name !== "__proto__";
}

/** A property key as written in a type or object literal: bare when an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : JSON.stringify(name);
}

/** A property read: `v.name`, or `v["name"]` when the name is not an identifier. */
export function propertyAccess(target: string, name: string): string {
  return isIdentifier(name) ? `${target}.${name}` : `${target}[${JSON.stringify(name)}]`;
}

/**
 * A read from a record (`Record<string, unknown>`, a parsed body): always `v["name"]`, the only
 * spelling `noPropertyAccessFromIndexSignature` accepts for a key an index signature provides.
 */
export function indexAccess(target: string, name: string): string {
  return `${target}[${JSON.stringify(name)}]`;
}

/** True for names every object inherits (`constructor`, `toString`, `__proto__`, ...). */
export function isPrototypeKey(name: string): boolean {
  return name === "__proto__" || Object.prototype.hasOwnProperty.call(Object.prototype, name);
}

/**
 * A key in an object literal that creates an own property. `__proto__: x` (quoted or not) would
 * set the prototype instead, so that one name is written as a computed key.
 */
export function literalKey(name: string): string {
  return name === "__proto__" ? `["__proto__"]` : propertyKey(name);
}

/** `GetEventPrediction` -> `getEventPrediction`; leading acronyms lowered as a unit (`ABCThing` -> `abcThing`). */
export function camelCase(name: string): string {
  const m = /^([A-Z]+)(?=[A-Z][a-z]|$|[0-9_])/.exec(name);
  if (m && m[1].length > 1) return m[1].toLowerCase() + name.slice(m[1].length);
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** First letter upper-cased (`listOfEntities` -> `ListOfEntities`). */
export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Allocates unique names in one scope. A wanted name that is reserved, a global, or already taken
 * gets a deterministic suffix: first `suffix`, then numbers (`Error` -> `ErrorShape`,
 * then `ErrorShape2`).
 */
export class NameScope {
  /** Each name taken here, with its position in claim order. */
  private readonly taken = new Map<string, number>();
  private readonly blocksKeywords: boolean;
  /** The names another scope held when this one was made, seen without copying them. */
  private readonly outer: { scope: NameScope; size: number } | undefined;

  /**
   * @param reservedHere names taken from the start.
   * @param options `identifiersOnly: false` for property names, which may be keywords and globals;
   * `outer`: a scope whose names, as it holds them now, are taken here too (names it takes later
   * are not). A function's locals are scoped this way inside a module of thousands of names:
   * copying them into every function's scope made lowering a large model quadratic.
   */
  constructor(reservedHere: Iterable<string> = [], options: { identifiersOnly?: boolean; outer?: NameScope } = {}) {
    for (const n of reservedHere) this.reserve(n);
    this.blocksKeywords = options.identifiersOnly ?? true;
    this.outer = options.outer && { scope: options.outer, size: options.outer.taken.size };
  }

  /** Every name claimed (or reserved) here, in claim order, then those taken from the outer scope. */
  names(): string[] {
    const own = [...this.taken.keys()];
    if (!this.outer) return own;
    const { scope, size } = this.outer;
    return [...own, ...[...scope.taken.keys()].slice(0, size).filter((n) => !this.taken.has(n))];
  }

  /** Marks `name` as taken (no check: claimIn checked it). */
  reserve(name: string): void {
    if (!this.taken.has(name)) this.taken.set(name, this.taken.size);
  }

  /** True when `name` cannot be used as is. */
  isBlocked(name: string): boolean {
    return (
      (this.blocksKeywords && (RESERVED_WORDS.has(name) || GLOBAL_NAMES.has(name))) ||
      this.taken.has(name) ||
      this.takenOutside(name)
    );
  }

  /** True when the outer scope held `name` when this scope was made. */
  private takenOutside(name: string): boolean {
    const at = this.outer?.scope.taken.get(name);
    return at !== undefined && at < (this.outer as { size: number }).size;
  }

  /** Claims `wanted` or the first free variant of it. */
  claim(wanted: string, suffix: string): string {
    return claimIn([this], wanted, suffix);
  }
}

/** Claims in several scopes at once the first variant of `wanted` that is free in all of them. */
export function claimIn(scopes: readonly NameScope[], wanted: string, suffix: string): string {
  const blocked = (n: string) => scopes.some((s) => s.isBlocked(n));
  let name = wanted;
  if (blocked(name)) name = `${wanted}${suffix}`;
  for (let i = 2; blocked(name); i++) name = `${wanted}${suffix}${i}`;
  for (const s of scopes) s.reserve(name);
  return name;
}
