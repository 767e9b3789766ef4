/**
 * A generated file being printed: resolves symbol references to local names and writes the
 * file's imports from what it printed. The file's own declarations are claimed first, so an
 * imported symbol whose name one of them (or an earlier import) already takes is imported under
 * an alias (`import { Entity as Entity$1 }`); every reference to it prints that alias.
 *
 * Imports come out one statement per module, modules sorted by specifier and names sorted within
 * each; a module whose symbols the file uses only as types is imported with `import type`, and a
 * type-only name among values gets the inline `type` modifier.
 */
import { posix } from "node:path";
import type { Code } from "./code.js";
import { isSymbolRef, type CodeSymbol } from "./symbol.js";

/** A key as written in an object literal: bare when an identifier, quoted otherwise. */
function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && name !== "__proto__" ? name : JSON.stringify(name);
}

/** An imported symbol: its local name and whether any reference used it as a value. */
interface Imported {
  symbol: CodeSymbol;
  local: string;
  asValue: boolean;
}

export class GeneratedFile {
  /** Local names in use: the file's declarations, then imports as they are met. */
  private readonly taken = new Set<string>();
  private readonly imports = new Map<string, Imported>();

  /**
   * @param module this file's module, relative to the client folder, without extension (`client`).
   * @param declared the top-level names the file declares (decided by lower's naming scopes).
   */
  constructor(
    readonly module: string,
    declared: Iterable<string>,
  ) {
    for (const name of declared) this.taken.add(name);
  }

  /** Prints a fragment, importing what it references. */
  print(fragment: Code): string {
    let out = "";
    for (const part of fragment.parts) {
      if (typeof part === "string") out += part;
      else if (isSymbolRef(part)) out += this.localName(part.symbol, part.usage === "value");
      else {
        const local = this.localName(part.ref.symbol, true);
        out += local === part.property ? local : `${propertyKey(part.property)}: ${local}`;
      }
    }
    return out;
  }

  /** The local name of a symbol: its own name for this file's declarations, else an import. */
  private localName(s: CodeSymbol, asValue: boolean): string {
    if (s.module === this.module) return s.name;
    const key = `${s.module}\u0000${s.name}`;
    let found = this.imports.get(key);
    if (!found) {
      let local = s.name;
      for (let i = 1; this.taken.has(local); i++) local = `${s.name}$${i}`;
      this.taken.add(local);
      found = { symbol: s, local, asValue: false };
      this.imports.set(key, found);
    }
    if (asValue) found.asValue = true;
    return found.local;
  }

  /** The import statements for everything printed so far (empty string when none). */
  importBlock(): string {
    const byModule = new Map<string, Imported[]>();
    for (const imp of this.imports.values()) {
      const list = byModule.get(imp.symbol.module) ?? [];
      list.push(imp);
      byModule.set(imp.symbol.module, list);
    }
    const statements = [...byModule.entries()]
      .map(([module, list]) => ({
        specifier: list[0]?.symbol.fromPackage ? module : this.specifier(module),
        list: list.sort((a, b) => compare(a.symbol.name, b.symbol.name)),
      }))
      .sort((a, b) => compare(a.specifier, b.specifier))
      .map(({ specifier, list }) => {
        const typeOnly = list.every((i) => !i.asValue);
        const names = list.map((i) => {
          const named = i.local === i.symbol.name ? i.local : `${i.symbol.name} as ${i.local}`;
          return !typeOnly && !i.asValue ? `type ${named}` : named;
        });
        return `import ${typeOnly ? "type " : ""}{ ${names.join(", ")} } from "${specifier}";`;
      });
    return statements.join("\n");
  }

  /** `./runtime/serde.js` from `client`; `../types.js` from `runtime/x`. */
  private specifier(module: string): string {
    const rel = posix.relative(posix.dirname(this.module), module);
    return `${rel.startsWith(".") ? rel : `./${rel}`}.js`;
  }
}

/** Code-unit order: the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
