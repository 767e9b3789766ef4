/**
 * Every top-level name of one client folder, claimed through one scope per generated file plus
 * the scope of what index.ts exports (types.ts, errors.ts and validators.ts are re-exported with
 * `export *`, next to runtime names; so their names must be unique across those files too).
 *
 * Claim order (it decides who keeps a name on a clash, so it is fixed): reserved words, globals
 * and the runtime names index.ts re-exports; the client class, its config type and the base
 * exception; named shapes in shape-id order; validators; the core client class and the operation
 * functions (added after the others, so that they rename nothing that existed before them); then each file's private names
 * (serializers, operation descriptors, validator helpers and constants). A clash gets the
 * claimer's suffix, then numbers (`Error` -> `ErrorShape`, `ThrottleOperation` -> the descriptor
 * `ThrottleOperation2`). Imports never need a rename here: a file that imports a name it
 * declares itself imports it under an alias (see generator/code/file.ts).
 */
import { symbol, type CodeSymbol } from "../code/index.js";
import { RUNTIME_REEXPORTS } from "../code/runtime-symbols.js";
import { NameScope, claimIn } from "./naming.js";

/** The generated modules whose top-level names are claimed here. */
export type ClientModule =
  | "types"
  | "errors"
  | "serde"
  | "validators"
  | "core"
  | "operations"
  | "client"
  | "endpoint-rules"
  | "paginators"
  | "waiters"
  | "index";

export class ClientNames {
  /** Names exported from index.ts (declarations of re-exported files, and runtime re-exports). */
  private readonly exported = new NameScope([
    ...RUNTIME_REEXPORTS.errors,
    ...RUNTIME_REEXPORTS.errorTypes,
    ...RUNTIME_REEXPORTS.clientTypes,
    ...RUNTIME_REEXPORTS.validateTypes,
    ...RUNTIME_REEXPORTS.paginate,
    ...RUNTIME_REEXPORTS.paginateTypes,
    ...RUNTIME_REEXPORTS.waiter,
    ...RUNTIME_REEXPORTS.waiterTypes,
    ...RUNTIME_REEXPORTS.streaming,
    ...RUNTIME_REEXPORTS.streamingTypes,
    "DocumentValue",
  ]);
  private readonly files = new Map<ClientModule, NameScope>();

  /** Claims a name that index.ts exports, declared in `module`. */
  exportedName(module: ClientModule, wanted: string, suffix: string): CodeSymbol {
    return symbol(claimIn([this.exported, this.file(module)], wanted, suffix), module);
  }

  /**
   * Claims a name private to `module` (or exported by it but not by index.ts). It also keeps clear
   * of every exported name claimed so far, so a file importing those needs no alias; exported
   * names are therefore claimed first.
   */
  localName(module: ClientModule, wanted: string, suffix: string): CodeSymbol {
    const scope = this.file(module);
    const blocked = (n: string) => scope.isBlocked(n) || this.exported.isBlocked(n);
    let name = wanted;
    if (blocked(name)) name = `${wanted}${suffix}`;
    for (let i = 2; blocked(name); i++) name = `${wanted}${suffix}${i}`;
    scope.reserve(name);
    return symbol(name, module);
  }

  /**
   * Takes names a module's templates use as parameters around references to imported symbols
   * (`getItem(this, input, options)` in client.ts; `send: (client, request, options) => ...` in
   * paginators.ts): an operation function named `options` is then imported under an alias
   * instead of being shadowed by the parameter.
   */
  reserveParameters(module: ClientModule, parameters: readonly string[]): void {
    const scope = this.file(module);
    for (const name of parameters) scope.reserve(name);
  }

  /** Every name declared in `module` so far (its printer claims these before any import). */
  declaredIn(module: ClientModule): string[] {
    return this.files.get(module)?.names() ?? [];
  }

  /** The scope of `module`'s top-level names, if any is claimed yet (for a function's local scope to sit in). */
  scopeOf(module: ClientModule): NameScope | undefined {
    return this.files.get(module);
  }

  private file(module: ClientModule): NameScope {
    let scope = this.files.get(module);
    if (!scope) {
      scope = new NameScope();
      this.files.set(module, scope);
    }
    return scope;
  }
}
