/**
 * Symbols: how generated code refers to a declaration of another file. A symbol names the
 * declaration and the module that exports it; a reference says whether it is used as a value or
 * only as a type. Printing a file turns references into local names and that file's imports
 * (see ./file.ts), so no stage ever decides an import by hand or searches text for a name.
 */

/** A declaration exported by a module of the generated client folder. */
export interface CodeSymbol {
  readonly name: string;
  /** The declaring module, relative to the client folder, without extension: `types`, `runtime/serde`. */
  readonly module: string;
  /** True when `module` is an npm package the client folder depends on (imported by its name). */
  readonly fromPackage?: true;
}

/** A use of a symbol: as a value (`new X()`, `f(x)`) or only in a type position (`x: X`). */
export interface SymbolRef {
  readonly symbol: CodeSymbol;
  readonly usage: "value" | "type";
}

/** The symbol `name` exported by `module`. */
export function symbol(name: string, module: string): CodeSymbol {
  return { name, module };
}

/**
 * The symbol `name` exported by the npm package `pkg`. Only for packages a client folder declares
 * when it uses them (see lower/packaging.ts), such as the RE2 engine.
 */
export function packageSymbol(name: string, pkg: string): CodeSymbol {
  return { name, module: pkg, fromPackage: true };
}

/** True for a SymbolRef (code parts are text or references). */
export function isSymbolRef(part: unknown): part is SymbolRef {
  return typeof part === "object" && part !== null && "symbol" in part && "usage" in part;
}
