/**
 * Completes a parsed IDL file once every file's shape ids are known: relative shape ids become
 * absolute (use statements, then the file's namespace across the whole model, then the prelude),
 * trait lists become trait maps, and the checks that need resolved ids run.
 * See https://smithy.io/2.0/spec/idl.html#relative-shape-id-resolution.
 */
import { AnvilError, positionAt, type Diagnostic } from "../../errors.js";
import type { ApplyStatement, LoadedFile, NodeValue, Traits } from "../ast.js";
import { annotationValue } from "./annotation.js";
import { setOwn } from "./node-parser.js";
import type { ParsedIdl } from "./shape-parser.js";

const PRELUDE = "smithy.api";

/** Resolves one parsed file. Throws an `AnvilError` listing every problem found. */
export function resolveParsed(p: ParsedIdl, isDefined: (absoluteId: string) => boolean): LoadedFile {
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number) => ({ file: p.file, ...positionAt(p.text, offset) });
  const inNamespace = makeResolver(p.namespace, p.uses, isDefined);
  // Metadata comes before the namespace statement, so only the prelude applies to it.
  const beforeNamespace = makeResolver(undefined, new Map(), isDefined);

  const fixups = p.fixups;
  for (let i = 0; i < fixups.length; i++) {
    const f = fixups[i];
    const resolve = i < p.namespaceFixupStart ? beforeNamespace : inNamespace;
    const id = resolve(f.raw);
    (f.holder as Record<string | number, unknown>)[f.key] = id;
    if (f.syntactic) {
      const dollar = id.indexOf("$");
      const root = dollar < 0 ? id : id.slice(0, dollar);
      if (!isDefined(root)) {
        diagnostics.push({
          message: `Syntactic shape ID \`${f.raw}\` does not resolve to a valid shape ID: \`${id}\`. Did you mean to quote this string? Are you missing a model file?`,
          location: at(f.offset),
          hint: 'An unquoted value is a shape id; quote it ("...") if you meant a string, or add the model file that defines it',
        });
      }
    }
  }

  const extraApplies: ApplyStatement[] = [];
  for (const site of p.sites) {
    const target = site.applyHolder ? site.applyHolder.target : site.target;
    const traits: Traits = site.holder.traits ?? {};
    for (const t of site.traits) {
      const id = inNamespace(t.id);
      const value: NodeValue = t.annotation ? annotationValue() : t.value;
      if (!Object.hasOwn(traits, id)) {
        setOwn(traits, id, value);
      } else if (!nodeEquals(traits[id], value)) {
        // The same trait twice on one shape: the assemble stage merges or rejects it like an apply.
        extraApplies.push({ target, traits: { [id]: value }, location: at(t.offset) });
      }
    }
    if (site.applyHolder || Object.keys(traits).length > 0) site.holder.traits = traits;
  }

  for (const { member, name } of p.enumMembers) {
    if (member.traits?.["smithy.api#enumValue"] === undefined) {
      member.traits ??= {};
      member.traits["smithy.api#enumValue"] = name;
    }
  }

  if (p.version.startsWith("1")) checkVersion1Traits(p, diagnostics);

  const all = [...p.diagnostics, ...diagnostics];
  if (all.length > 0) throw new AnvilError("model", all);
  return {
    file: p.file,
    text: p.text,
    version: p.version,
    metadata: p.metadata,
    shapes: p.shapes,
    applies: extraApplies.length > 0 ? [...p.applies, ...extraApplies] : p.applies,
  };
}

/** Relative id resolution for one file, memoised per written id. */
function makeResolver(namespace: string | undefined, uses: Map<string, string>, isDefined: (id: string) => boolean): (raw: string) => string {
  const cache = new Map<string, string>();
  return (raw) => {
    let id = cache.get(raw);
    if (id !== undefined) return id;
    if (raw.indexOf("#") >= 0) id = raw;
    else {
      const dollar = raw.indexOf("$");
      const root = dollar < 0 ? raw : raw.slice(0, dollar);
      const member = dollar < 0 ? "" : raw.slice(dollar);
      const used = uses.get(root);
      if (used !== undefined) id = used + member;
      else if (namespace !== undefined && isDefined(`${namespace}#${root}`)) id = `${namespace}#${root}${member}`;
      else if (isDefined(`${PRELUDE}#${root}`)) id = `${PRELUDE}#${root}${member}`;
      else id = `${namespace ?? PRELUDE}#${root}${member}`;
    }
    cache.set(raw, id);
    return id;
  };
}

/** Smithy 1.0 files cannot use the 2.0-only `@mixin` and `@default` traits. */
function checkVersion1Traits(p: ParsedIdl, out: Diagnostic[]): void {
  for (const def of p.shapes) {
    if (def.shape.traits?.["smithy.api#mixin"] !== undefined) {
      out.push({
        message: `Mixins can only be used in Smithy 2.0 or later. Attempted to apply a @mixin trait to \`${def.id}\` in a model file using version \`${p.version}\`.`,
        location: def.location,
        shapeId: def.id,
        hint: 'Start the file with `$version: "2"`',
      });
    }
    const members = def.shape.members ?? {};
    const all = [...Object.entries(members), ["member", def.shape.member], ["key", def.shape.key], ["value", def.shape.value]] as const;
    for (const [name, m] of all) {
      if (m?.traits?.["smithy.api#default"] !== undefined) {
        out.push({
          message: "The @default trait can only be used in Smithy 2.0 or later",
          location: def.memberLocations?.[name] ?? def.location,
          shapeId: `${def.id}$${name}`,
          hint: 'Start the file with `$version: "2"`',
        });
      }
    }
  }
}

/** Deep equality of node values (object key order ignored). */
export function nodeEquals(a: NodeValue | undefined, b: NodeValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!nodeEquals(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!Object.hasOwn(b, k) || !nodeEquals(a[k], b[k])) return false;
  return true;
}
