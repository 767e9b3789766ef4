/**
 * Completes a parsed IDL file once every file's shape ids are known: relative shape ids become
 * absolute (use statements, then the file's namespace across the whole model, then the prelude),
 * trait ids the parser could not settle are fixed, and the checks that need resolved ids run.
 * See https://smithy.io/2.0/spec/idl.html#relative-shape-id-resolution.
 */
import { AnvilError, type Diagnostic } from "../../errors.js";
import { lineAndColumn } from "./lexer.js";
import { nodeEquals } from "./node-equals.js";
import type { ApplyStatement, LoadedFile, Traits } from "../ast.js";
import type { SourceLocation } from "../../errors.js";
import { FIXUP_STRIDE as IMPORTED_STRIDE, setOwn as importedSetOwn } from "./node-parser.js";
import { ShapeParser, type ParsedIdl } from "./shape-parser.js";

const PRELUDE = "smithy.api";
// Bound locally: calls through an import binding cost a getter call each under the TypeScript loader.
const setOwn = importedSetOwn;
const FIXUP_STRIDE = IMPORTED_STRIDE;

/** Resolves one parsed file. Throws an `AnvilError` listing every problem found. */
export function resolveParsed(p: ParsedIdl, isDefined: (absoluteId: string) => boolean): LoadedFile {
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number) => ({ file: p.file, ...lineAndColumn(p.text, offset) });
  const inNamespace = makeResolver(p.namespace, p.uses, isDefined);
  // Metadata comes before the namespace statement, so only the prelude applies to it.
  const beforeNamespace = makeResolver(undefined, new Map(), isDefined);

  const fixups = p.fixups;
  for (let i = 0; i < fixups.length; i += FIXUP_STRIDE) {
    const raw = fixups[i + 2] as string;
    const code = fixups[i + 3] as number;
    const id = (i < p.namespaceFixupStart ? beforeNamespace : inNamespace)(raw);
    (fixups[i] as Record<string | number, unknown>)[fixups[i + 1] as string | number] = id;
    if ((code & 1) === 1) {
      const dollar = id.indexOf("$");
      const root = dollar < 0 ? id : id.slice(0, dollar);
      if (!isDefined(root)) {
        diagnostics.push({
          message: `Syntactic shape ID \`${raw}\` does not resolve to a valid shape ID: \`${id}\`. Did you mean to quote this string? Are you missing a model file?`,
          location: at(code >> 1),
          severity: "DANGER",
          eventId: "SyntacticShapeIdTarget",
          hint: 'An unquoted value is a shape id; quote it ("...") if you meant a string, or add the model file that defines it',
        });
      }
    }
  }

  // Trait ids: the parser keyed relative names of prelude shapes as prelude traits. If a shape
  // of that name exists in this namespace (in any file), or the prelude lacks it, the guess was
  // wrong: parse the file again without guessing (rare) and resolve that instead.
  if (p.namespace !== undefined && p.namespace !== PRELUDE) {
    for (const name of p.guessedPrelude) {
      if (isDefined(`${p.namespace}#${name}`) || !isDefined(`${PRELUDE}#${name}`)) {
        return resolveParsed(new ShapeParser(p.text, p.file, false).parse(), isDefined);
      }
    }
  }
  const traitId = (key: string): string => (key.indexOf("#") < 0 ? inNamespace(key) : key);
  const targetOf = (t: string | { target: string }): string => (typeof t === "string" ? t : t.target);
  const extraApplies: ApplyStatement[] = [];
  if (p.hasRelativeTraitIds) {
    const holders = p.traitHolders;
    for (let h = 0; h < holders.length; h++) {
      const traits = holders[h].traits as Traits;
      let stale = false;
      for (const key in traits) {
        if (key.indexOf("#") < 0) {
          stale = true;
          break;
        }
      }
      if (!stale) continue;
      const rekeyed: Traits = {};
      const offsets = p.traitOffsets.get(traits);
      const reOffsets: Record<string, number> = {};
      if (offsets) p.traitOffsets.set(rekeyed, reOffsets);
      for (const key in traits) {
        const id = traitId(key);
        if (offsets?.[key] !== undefined && reOffsets[id] === undefined) setOwn(reOffsets, id, offsets[key]);
        if (!Object.hasOwn(rekeyed, id)) setOwn(rekeyed, id, traits[key]);
        else if (!nodeEquals(rekeyed[id], traits[key])) {
          // Written once relative and once absolute: the assemble stage merges or rejects it.
          const target = targetOf(p.traitTargets[h]);
          const root = target.indexOf("$") < 0 ? target : target.slice(0, target.indexOf("$"));
          const location = p.shapes.find((d) => d.id === root)?.location ?? at(0);
          extraApplies.push({ target, traits: { [id]: traits[key] }, location });
        }
      }
      holders[h].traits = rekeyed;
    }
  }
  for (const d of p.duplicates) {
    const target = d.target ?? d.applyOf?.target;
    if (target === undefined) continue; // its statement failed to parse and was reported
    extraApplies.push({ target, traits: { [traitId(d.id)]: d.value }, location: at(d.offset) });
  }

  for (const { member, name } of p.enumMembers) {
    if (member.traits?.["smithy.api#enumValue"] === undefined) {
      member.traits ??= {};
      member.traits["smithy.api#enumValue"] = name;
    }
  }

  if (p.version.startsWith("1")) checkVersion1Traits(p, diagnostics);
  const warnings: Diagnostic[] = [...p.docWarnings];
  for (const id of p.uses.values()) {
    // The add-on libraries anvil carries (aws.api, ...) are among the defined ids (preludeIds).
    if (isDefined(id)) continue;
    const offset = p.text.search(new RegExp(`\\buse\\s+${id.replace(/[.#$]/g, "\\$&")}`));
    warnings.push({
      message: `Use statement refers to undefined shape: ${id}`,
      location: at(Math.max(0, offset)),
      severity: "WARNING",
      eventId: "Model",
      hint: "Remove the use statement, or add the model file that defines the shape",
    });
  }
  attachTraitLocators(p, at);

  const all = [...p.diagnostics, ...diagnostics];
  if (all.length > 0) throw new AnvilError("model", [...all, ...p.shapeErrors]);
  return {
    file: p.file,
    text: p.text,
    version: p.version,
    metadata: p.metadata,
    shapes: p.dropped.size > 0 ? p.shapes.filter((s) => !p.dropped.has(s.id)) : p.shapes,
    applies: extraApplies.length > 0 ? [...p.applies, ...extraApplies] : p.applies,
    warnings,
    ...(p.shapeErrors.length > 0 ? { errors: p.shapeErrors } : {}),
  };
}

/** Relative id resolution for one file, memoised per written id. */
function makeResolver(
  namespace: string | undefined,
  uses: Map<string, string>,
  isDefined: (id: string) => boolean,
): (raw: string) => string {
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
    const all = [
      ...Object.entries(members),
      ["member", def.shape.member],
      ["key", def.shape.key],
      ["value", def.shape.value],
    ] as const;
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

/**
 * Gives every shape definition and apply statement a `locateTrait`, answering from the offsets
 * the parser recorded (looked up only when an error needs a position).
 */
function attachTraitLocators(p: ParsedIdl, at: (offset: number) => SourceLocation): void {
  const find = (traits: Traits | undefined, traitId: string): SourceLocation | undefined => {
    const offset = traits === undefined ? undefined : p.traitOffsets.get(traits)?.[traitId];
    return offset === undefined ? undefined : at(offset);
  };
  for (const def of p.shapes) {
    const shape = def.shape;
    def.locateTrait = (traitId, member) => {
      if (member === undefined) return find(shape.traits, traitId);
      const m =
        shape.members?.[member] ??
        (member === "member"
          ? shape.member
          : member === "key"
            ? shape.key
            : member === "value"
              ? shape.value
              : undefined);
      return find(m?.traits, traitId);
    };
  }
  for (const apply of p.applies) apply.locateTrait = (traitId) => find(apply.traits, traitId);
}
