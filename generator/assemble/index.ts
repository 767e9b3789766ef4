/**
 * Stage 2, assemble: merges loaded files and the prelude into one `Model`. Takes LoadedFile[];
 * gives a Model in which every shape reference resolves, mixins are flattened and `apply` is
 * merged. Every problem found is reported at once, each with its file position.
 */
import { AnvilError, didYouMean, isError, type Diagnostic, type SourceLocation } from "../errors.js";
import type { ApplyStatement, LoadedFile, NodeValue, ShapeDefinition } from "../load/ast.js";
import { chainLocators, type Model, type Shape, type TraitLocator } from "./model.js";
import { addOnFiles } from "./addons/index.js";
import { preludeShapes } from "./prelude.js";
import { preludeShapeIds } from "./prelude/index.js";
import { toShape } from "./to-shape.js";
import { mergeTraits, nodeEquals } from "./traits.js";
import { flattenMixins } from "./mixins.js";
import { checkTargets } from "./targets.js";
// Hook added by the IDL parser work: rules in ./validate/ (implied enum values, annotation trait
// values, trait value kinds, mixin type rules).
import { runModelRules, validateTraits } from "./validate/index.js";
import { CRITICAL_VALIDATORS } from "./validate/resources/index.js";
import { runMetadataValidators } from "./validate/metadata-validators.js";
import { applySuppressions } from "./validate/suppressions.js";
import { checkTypedMetadata } from "./validate/typed-metadata.js";
import { warnEnumTraitIn2 } from "./validate/misc/enum-trait-deprecation.js";

/** A shape definition together with the file it came from (for positions). */
interface Defined {
  def: ShapeDefinition;
  file: LoadedFile;
}

/** Assembles loaded files into one model, or throws an AnvilError listing every problem. */
export function assemble(files: LoadedFile[]): Model {
  return assembleWith(files, addOnShapes());
}

let addOns: Shape[] | undefined;

/**
 * The add-on trait libraries (./addons/) as assembled shapes, built once by assembling their
 * files like any model (mixins flattened, everything checked) and marked as built in.
 */
function addOnShapes(): Shape[] {
  addOns ??= [...assembleWith(addOnFiles(preludeShapeIds()), []).shapes.values()]
    .filter((s) => !s.prelude)
    .map((s) => ({ ...s, prelude: true }));
  return addOns;
}

function assembleWith(files: LoadedFile[], builtIn: Shape[]): Model {
  const problems: Diagnostic[] = [];
  const shapes = new Map<string, Shape>();
  for (const s of preludeShapes()) shapes.set(s.id, s);
  for (const s of builtIn) shapes.set(s.id, s);
  const addOnIds = new Set(builtIn.map((s) => s.id));

  for (const f of files) problems.push(...(f.errors ?? []), ...(f.warnings ?? []));
  const metadata = mergeMetadata(files, problems);
  checkValidatorMetadata(metadata, files, problems);
  const defined = collectDefinitions(files, shapes, addOnIds, problems);
  for (const { def } of defined.values()) shapes.set(def.id, toShape(def));

  const inheritedApplies = applyStatements(files, shapes, problems);
  const unbuilt = flattenMixins(shapes, defined, problems);
  applyToInherited(inheritedApplies, shapes, problems);
  const loadFailed = problems.some(isError);
  const validationStart = performance.now(); // validation's cost is reported apart (Model.validationMs)
  runModelRules(shapes, problems); // hook: see ./validate/index.ts
  // As in Smithy, a model that fails to load (here: an ERROR before validation) is not validated
  // further, and a broken relationship target (a `Target` ERROR) stops all but the other critical
  // validators (the resource cycle check): what the rest would add are consequences of it.
  if (!loadFailed) {
    checkTargets(shapes, problems, unbuilt);
    checkTraitsDefined(shapes, problems);
    if (problems.some((p) => isError(p) && p.eventId?.split(".")[0] === "Target")) {
      validateTraits(shapes, problems, metadata, (key) => metadataLocation(files, key), CRITICAL_VALIDATORS);
    } else {
      const ctx = validateTraits(shapes, problems, metadata, (key) => metadataLocation(files, key));
      runMetadataValidators(ctx, metadata, metadataLocation(files, "validators"));
      checkTypedMetadata(ctx, metadata, (key) => metadataLocation(files, key));
    }
  }
  warnDeprecatedSets(shapes, problems);
  warnEnumTraitIn2(files, problems);
  applySuppressions(problems, metadata, shapes, (key) => metadataLocation(files, key));
  const validationMs = performance.now() - validationStart;

  // Only ERRORs stop assembly; DANGER, WARNING and NOTE events travel with the model (`anvil
  // validate` fails on DANGER too).
  const errors = problems.filter(isError);
  const warnings = problems.filter((p) => !isError(p));
  if (errors.length > 0) throw new AnvilError("model", errors, warnings);
  return { metadata, shapes, warnings, validationMs };
}

/** Metadata merges across files: arrays concatenate, equal values agree, anything else conflicts. */
function mergeMetadata(files: LoadedFile[], problems: Diagnostic[]): Record<string, NodeValue> {
  const out: Record<string, NodeValue> = {};
  for (const f of files) {
    for (const { key, value, location } of f.metadata) {
      if (!Object.prototype.hasOwnProperty.call(out, key)) out[key] = value;
      else {
        const prev = out[key];
        if (Array.isArray(prev) && Array.isArray(value)) out[key] = [...prev, ...value];
        else if (!nodeEquals(prev, value)) {
          problems.push({
            message: `Metadata conflict for key \`${key}\`. Defined in both ${where(location)} and an earlier statement`,
            location,
            hint: "Only array metadata values can be merged across files",
          });
        }
      }
    }
  }
  return out;
}

/**
 * `metadata validators` and `suppressions` must be arrays (what they hold is read by the
 * validators of issue 17); anything else is Smithy's loading error.
 */
function checkValidatorMetadata(
  metadata: Record<string, NodeValue>,
  files: LoadedFile[],
  problems: Diagnostic[],
): void {
  // severityOverrides is checked with its entries (validate/suppressions.ts), in Smithy's words.
  for (const key of ["validators", "suppressions"]) {
    const v = metadata[key];
    if (v === undefined || Array.isArray(v)) continue;
    const found = v === null ? "null" : typeof v === "object" ? "object" : typeof v;
    const location = metadataLocation(files, key);
    problems.push({
      message: `${key} must be an array. Found ${found}.`,
      location,
      hint: `metadata ${key} is a list: ${key} = [ ... ]`,
    });
  }
}

/** Where a metadata key was (first) written. */
function metadataLocation(files: LoadedFile[], key: string): SourceLocation | undefined {
  return files.flatMap((f) => f.metadata).find((m) => m.key === key)?.location;
}

/** Collects every definition, rejecting duplicates (identical re-definitions are tolerated, as in Smithy). */
function collectDefinitions(
  files: LoadedFile[],
  shapes: Map<string, Shape>,
  addOnIds: ReadonlySet<string>,
  problems: Diagnostic[],
): Map<string, Defined> {
  const defined = new Map<string, Defined>();
  const lowerIds = new Map<string, string>();
  for (const s of shapes.keys()) lowerIds.set(s.toLowerCase(), s);
  for (const file of files) {
    for (const def of file.shapes) {
      const prior = defined.get(def.id);
      if (prior) {
        if (nodeEquals(prior.def.shape as unknown as NodeValue, def.shape as unknown as NodeValue)) {
          problems.push({
            message: `Ignoring duplicate but equivalent shape definition: ${def.id} defined at ${where(def.location)} and ${where(prior.def.location)}`,
            location: def.location,
            shapeId: def.id,
            severity: "NOTE",
            eventId: "Model.IgnoredDuplicateDefinition",
          });
        } else {
          problems.push({
            message: `Conflicting shape definition for \`${def.id}\` found at ${where(def.location)} and ${where(prior.def.location)}`,
            location: def.location,
            shapeId: def.id,
            hint: "Rename one of the shapes or delete the duplicate",
          });
        }
        continue;
      }
      if (addOnIds.has(def.id) && shapes.get(def.id)?.prelude === true) {
        // A model that brings its own copy of an add-on library (Smithy's trait files, say)
        // uses its copy: as with Smithy, the definitions in the model are the ones checked.
        shapes.delete(def.id);
        lowerIds.delete(def.id.toLowerCase());
      }
      const prelude = shapes.get(def.id);
      if (prelude) {
        // Smithy accepts a model that restates a prelude shape exactly (a JSON AST exported with
        // its prelude shapes, as `paginated-valid.json` is); only a different definition conflicts.
        if (restatesPreludeShape(def, prelude)) continue;
        problems.push({
          message: `Shape ${def.id} conflicts with a prelude shape`,
          location: def.location,
          shapeId: def.id,
        });
        continue;
      }
      const clash = lowerIds.get(def.id.toLowerCase());
      if (clash !== undefined) {
        problems.push({
          message: `Shape id ${def.id} conflicts case-insensitively with ${clash}`,
          location: def.location,
          shapeId: def.id,
          hint: "Smithy shape ids must be unique ignoring case",
        });
        continue;
      }
      lowerIds.set(def.id.toLowerCase(), def.id);
      defined.set(def.id, { def, file });
    }
  }
  return defined;
}

/** Whether a definition is the prelude shape again: same type and traits (documentation aside), no members or mixins. */
function restatesPreludeShape(def: ShapeDefinition, prelude: Shape): boolean {
  const own = toShape(def);
  return (
    own.type === prelude.type &&
    own.mixins.length === 0 &&
    own.members.length === 0 &&
    prelude.members.length === 0 &&
    nodeEquals(own.traits, withoutDocs(prelude.traits))
  );
}

/** Traits without documentation: anvil's prelude documents its shapes, Smithy's does not. */
function withoutDocs(traits: Record<string, NodeValue>): Record<string, NodeValue> {
  const { ["smithy.api#documentation"]: _docs, ...rest } = traits;
  return rest;
}

function where(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}

/**
 * Merges `apply` statements into their target shape or member. Runs before mixins are
 * flattened, so traits applied to a mixin reach the shapes using it; an apply that targets a
 * member the shape only inherits is returned and applied by `applyToInherited` afterwards.
 */
function applyStatements(files: LoadedFile[], shapes: Map<string, Shape>, problems: Diagnostic[]): ApplyStatement[] {
  const deferred: ApplyStatement[] = [];
  for (const file of files) {
    for (const apply of file.applies) {
      const [shapeId, memberName] = apply.target.split("$");
      const shape = shapes.get(shapeId);
      const member = memberName === undefined ? undefined : shape?.members.find((m) => m.name === memberName);
      if (shape && memberName !== undefined && !member && shape.mixins.length > 0) {
        deferred.push(apply);
        continue;
      }
      if (!shape || (memberName !== undefined && !member)) {
        reportMissingApplyTarget(apply, shapes, problems);
        continue;
      }
      if (shape.prelude) {
        problems.push({
          message: `Cannot apply ${Object.keys(apply.traits)
            .map((t) => `\`${t}\``)
            .join(", ")} to an immutable prelude shape defined in \`smithy.api\`.`,
          location: apply.location,
          shapeId,
          hint: "Define a shape of your own that targets the prelude shape, and apply the trait to it",
        });
        continue;
      }
      const holder = member ?? shape;
      holder.locateTrait = chainLocators(applyLocator(apply), holder.locateTrait);
      const traits = holder.traits;
      for (const conflict of mergeTraits(traits, apply.traits)) {
        problems.push({
          message: `Conflicting \`${conflict}\` trait found on shape \`${apply.target}\`.`,
          location: apply.location,
          shapeId: apply.target,
          hint: "A trait applied twice must have the same value (lists concatenate)",
        });
      }
    }
  }
  return deferred;
}

/** Applies traits to members inherited from mixins: as for a local override, they win over inherited values. */
function applyToInherited(deferred: ApplyStatement[], shapes: Map<string, Shape>, problems: Diagnostic[]): void {
  for (const apply of deferred) {
    const [shapeId, memberName] = apply.target.split("$");
    const member = shapes.get(shapeId)?.members.find((m) => m.name === memberName);
    if (!member) reportMissingApplyTarget(apply, shapes, problems);
    else {
      member.traits = { ...member.traits, ...apply.traits };
      member.locateTrait = chainLocators(applyLocator(apply), member.locateTrait);
    }
  }
}

/** An apply statement's traits are located in the statement (at the trait when the loader knows). */
function applyLocator(apply: ApplyStatement): TraitLocator {
  return (id) => (Object.hasOwn(apply.traits, id) ? (apply.locateTrait?.(id) ?? apply.location) : undefined);
}

function reportMissingApplyTarget(apply: ApplyStatement, shapes: Map<string, Shape>, problems: Diagnostic[]): void {
  const hint = didYouMean(apply.target, shapes.keys());
  problems.push({
    message: `Trait ${Object.keys(apply.traits)
      .map((t) => `\`${t.startsWith("smithy.api#") ? t.slice(11) : t}\``)
      .join(", ")} applied to unknown shape \`${apply.target}\``,
    location: apply.location,
    hint: hint ? `Did you mean ${hint}?` : "Define the shape, or fix the id",
  });
}

/** `set` is Smithy 1.0's unique list: still read (as a list), with Smithy's deprecation warning. */
function warnDeprecatedSets(shapes: Map<string, Shape>, problems: Diagnostic[]): void {
  for (const s of shapes.values()) {
    if (s.prelude || s.type !== "set") continue;
    problems.push({
      message:
        "Set shapes are deprecated and have been removed in Smithy IDL v2. Use a list shape with the @uniqueItems trait instead.",
      location: s.location,
      shapeId: s.id,
      severity: "WARNING",
      eventId: "ModelDeprecation",
      hint: `Write \`@uniqueItems list ${s.id.slice(s.id.indexOf("#") + 1)} { ... }\``,
    });
  }
}

/** Every trait used must be defined (a shape marked @trait): in the model, the prelude or an add-on library. */
function checkTraitsDefined(shapes: Map<string, Shape>, problems: Diagnostic[]): void {
  const check = (traits: Record<string, NodeValue>, owner: string, location: SourceLocation | undefined) => {
    for (const id of Object.keys(traits)) {
      const def = shapes.get(id);
      if (def && def.traits["smithy.api#trait"] !== undefined) continue;
      const suggestion = didYouMean(
        id,
        [...shapes.values()].filter((s) => s.traits["smithy.api#trait"] !== undefined).map((s) => s.id),
      );
      problems.push({
        // Smithy's wording: a shape that is not a trait is reported on that shape; a key that is
        // not even a shape id (JSON AST traits are absolute) is an invalid id.
        message: def
          ? `Shape \`${id}\` cannot be applied as a trait. If this is a custom trait, please add \`@trait\` to this shape.`
          : !id.includes("#")
            ? `Invalid shape ID: ${id}`
            : `Unable to resolve trait \`${id}\`. If this is a custom trait, then it must be defined before it can be used in a model.`,
        location,
        shapeId: def ? id : owner,
        hint: def
          ? `${id} is applied to ${owner}`
          : suggestion
            ? `Did you mean ${suggestion}?`
            : "Define it with @trait, or check the spelling",
      });
    }
  };
  for (const s of shapes.values()) {
    if (s.prelude) continue;
    check(s.traits, s.id, s.location);
    for (const m of s.members) check(m.traits, m.id, m.location);
  }
}
