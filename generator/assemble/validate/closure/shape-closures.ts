/**
 * ShapeClosure: the rules of `metadata shapeClosures` (Smithy's ShapeClosureValidator, spec
 * "Shape closures") beyond its type, which TypedMetadata checks against the prelude's
 * `ShapeClosure`: closure ids unique and not the id of a shape, each closure rooted by
 * `includeNamespaces` or `includeBySelector`, roots that match something, and renames that name
 * shapes of the closure and leave names case-insensitively unique. Every event is at the
 * `shapeClosures` metadata statement, with no shape (a closure is not a shape).
 */
import type { Severity, SourceLocation } from "../../../errors.js";
import { APPLY_TARGET } from "../../../load/json-loader.js";
import type { SelectorNode } from "../selector/evaluate.js";
import { SelectorSyntaxError, UnsupportedSelector } from "../selector/parse.js";
import type { TraitValidationContext } from "../traits/context.js";
import { readClosures, type ShapeClosure } from "./closures.js";

const KEY = "shapeClosures";

/** Checks every well-formed closure of `metadata shapeClosures`. */
export function checkShapeClosures(ctx: TraitValidationContext): void {
  const closures = readClosures(ctx.metadata[KEY]);
  if (closures.length === 0) return;
  const location = ctx.locateMetadata(KEY);
  const report = (message: string, severity: Severity = "ERROR", suffix = ""): void => {
    ctx.events.push({ message, severity, eventId: `ShapeClosure${suffix}`, ...locationOf(location) });
  };
  const namespacesInModel = new Set(ctx.selectors().nodes.map((n) => namespaceOf(n.id)));
  const seen = new Map<string, number>();
  closures.forEach((closure, index) => {
    const { id } = closure;
    const previous = seen.get(id);
    if (previous !== undefined) {
      // The later checks resolve a closure by its id, which names two entries here.
      report(
        `Shape closure id \`${id}\` is declared more than once. The previous declaration is entry ${previous} of \`metadata ${KEY}\`.`,
      );
      return;
    }
    seen.set(id, index);
    // A malformed id is TypedMetadata's (the prelude marks ClosureId `@idRef`).
    if (APPLY_TARGET.test(id) && ctx.selectors().node(id) !== undefined) {
      report(`Shape closure ids must not match the ids of shapes in the model, but \`${id}\` does.`);
    }
    if (closure.includeNamespaces.length === 0 && closure.includeBySelector === undefined) {
      report(`Shape closure \`${id}\` must define at least one of \`includeNamespaces\` or \`includeBySelector\`.`);
    }
    const nonEmpty = new Set<string>();
    for (const namespace of closure.includeNamespaces) {
      if (namespacesInModel.has(namespace)) nonEmpty.add(namespace);
      else
        report(
          `Shape closure \`${id}\` includes namespace \`${namespace}\`, which has no shapes in the model.`,
          "DANGER",
          `.EmptyNamespace.${id}`,
        );
    }
    const roots = closureRoots(ctx, closure, nonEmpty);
    if (roots === undefined) return;
    if (closure.includeBySelector !== undefined) {
      const bySelector = roots.filter((n) => !nonEmpty.has(namespaceOf(n.id)));
      if (nonEmpty.size === 0 && bySelector.length === 0) {
        report(
          `Shape closure \`${id}\` has an \`includeBySelector\` that matches no shapes in the model.`,
          "DANGER",
          `.EmptySelector.${id}`,
        );
      } else if (bySelector.length === 0) {
        report(
          `Shape closure \`${id}\` has an \`includeBySelector\` that matches no shapes in the model that aren't already in an included namespace.`,
          "DANGER",
          `.EmptySelector.${id}`,
        );
      }
    }
    const members = ctx.selectors().closure(roots);
    checkRenames(closure, members, report);
    checkNameConflicts(closure, members, (message) => report(message, "WARNING", `.NameConflicts.${id}`));
  });
}

/**
 * The closure's roots: every shape and member of its namespaces and every match of its selector.
 * Undefined when the selector is broken (reported here) or beyond anvil's selector engine (left
 * unchecked, as for trait targets): the closure's contents are then unknown.
 */
function closureRoots(
  ctx: TraitValidationContext,
  closure: ShapeClosure,
  namespaces: ReadonlySet<string>,
): SelectorNode[] | undefined {
  const roots = ctx.selectors().nodes.filter((n) => namespaces.has(namespaceOf(n.id)));
  const selector = closure.includeBySelector;
  if (selector === undefined) return roots;
  if (selector === "") return undefined; // `@length(min: 1)`: TypedMetadata's
  const matched = ctx.selectors().matches(selector);
  if (matched instanceof SelectorSyntaxError) {
    ctx.events.push({
      message: `Shape closure \`${closure.id}\` has an invalid \`includeBySelector\`: ${matched.message}`,
      severity: "ERROR",
      eventId: "ShapeClosure",
      ...locationOf(ctx.locateMetadata(KEY)),
    });
    return undefined;
  }
  if (matched instanceof UnsupportedSelector) {
    ctx.unsupportedSelectors.add(selector);
    return undefined;
  }
  return [...new Set([...roots, ...matched])];
}

/** Renames must change the name, name shapes of the closure, and not collide with other names. */
function checkRenames(closure: ShapeClosure, members: Set<SelectorNode>, report: (message: string) => void): void {
  if (closure.rename.size === 0) return;
  const ids = new Set<string>();
  const kept = new Map<string, string>();
  for (const n of members) {
    ids.add(n.id);
    if (n.type !== "member" && !closure.rename.has(n.id) && !kept.has(nameOf(n.id).toLowerCase()))
      kept.set(nameOf(n.id).toLowerCase(), n.id);
  }
  const renamed = new Map<string, string>();
  for (const [from, to] of closure.rename) {
    if (to === nameOf(from))
      report(`Shape closure \`${closure.id}\` rename for \`${from}\` does not change the name from \`${to}\`.`);
    if (!ids.has(from)) {
      report(`Shape closure \`${closure.id}\` attempts to rename \`${from}\`, which is not in the closure.`);
      continue;
    }
    const lower = to.toLowerCase();
    const earlier = renamed.get(lower);
    renamed.set(lower, from);
    if (earlier !== undefined) {
      report(
        `Shape closure \`${closure.id}\` rename for \`${from}\` ("${to}") case-insensitively conflicts with the rename for \`${earlier}\`.`,
      );
    }
    const other = kept.get(lower);
    if (other !== undefined)
      report(
        `Shape closure \`${closure.id}\` rename for \`${from}\` ("${to}") case-insensitively conflicts with non-renamed shape \`${other}\`.`,
      );
  }
}

/** Shapes (not renamed, not members) whose names are the same ignoring case: a WARNING per name. */
function checkNameConflicts(closure: ShapeClosure, members: Set<SelectorNode>, warn: (message: string) => void): void {
  const byName = new Map<string, string[]>();
  for (const n of members) {
    if (n.type === "member" || closure.rename.has(n.id)) continue;
    const name = nameOf(n.id).toLowerCase();
    byName.set(name, [...(byName.get(name) ?? []), n.id]);
  }
  for (const ids of byName.values()) {
    if (ids.length < 2) continue;
    warn(
      `Shape closure \`${closure.id}\` contains shapes whose names conflict case-insensitively: [${ids.sort(compareShapeIds).join(", ")}]. ` +
        "Shapes in a closure should have case-insensitively unique names whatever their namespaces, as code generators may need; " +
        "the closure's `rename` can tell them apart.",
    );
  }
}

/** Smithy's order of shape ids: ignoring case, then case-sensitively. */
function compareShapeIds(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function namespaceOf(id: string): string {
  return id.slice(0, id.indexOf("#"));
}

function nameOf(id: string): string {
  const dollar = id.indexOf("$");
  return id.slice(id.indexOf("#") + 1, dollar < 0 ? undefined : dollar);
}

function locationOf(location: SourceLocation | undefined): { location?: SourceLocation } {
  return location === undefined ? {} : { location };
}
