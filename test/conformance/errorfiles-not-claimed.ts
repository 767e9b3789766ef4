/**
 * errorfiles cases (outside errorfiles-loader, whose table is in idl.ts) that anvil does not claim
 * although every event id they expect is one anvil emits, each with the reason. Cases expecting
 * a validator anvil does not run are left out by rule (errorfiles.ts) and need no entry.
 */

const TARGET_WORDING =
  "anvil reports unresolved or mistyped relationship targets with its own wording and no `Target` id (Smithy: \"member shape targets an unresolved shape ...\", \"... relationships must target a structure shape, but found ...\")";
const TRAIT_CREATION =
  "Smithy reports this from the trait's Java class (\"Error creating trait ...\", event `Model`); anvil reports the same fault through the trait's shape (`TraitValue`) in its own words";
const CLOSURE_DANGER =
  "anvil reports a closure name conflict that Smithy grades ERROR as a DANGER (same id, shapes and message): its generator names conflicting shapes apart, so such a model still generates (test/hostile), while `anvil validate` fails on it as Smithy does";
const ID_REF =
  "`@idRef` on a value's strings is not checked, so the prelude's ShapeClosure types give no \"Invalid shape ID\" event for a malformed closure id or rename key";

/** errorfiles-validators cases not claimed, by path in the folder. */
export const VALIDATORS_NOT_CLAIMED: Record<string, string> = {
  "auth/auth-trait-invalid-shape-id.json": TRAIT_CREATION,
  "deprecated-trait.json": TRAIT_CREATION,
  "error-trait.json": TRAIT_CREATION,
  "requestCompression/absent-encodings.smithy": TRAIT_CREATION,
  "shapeClosures/malformed-closure-id.smithy": ID_REF,
  "shapeClosures/malformed-rename-id.smithy": ID_REF,
  "service-conflict-validator.json": CLOSURE_DANGER,
  "service-rename/conflict.smithy": CLOSURE_DANGER,
  "linters/emit-each-invalid-selector.json": "invalid selectors are reported as an ERROR creating the validator, but in the words of anvil's selector parser, not Smithy's",
  "linters/emit-each-selector-validator.json": "anvil's selector engine lacks `[service|...]`, `[var|...]` and nested trait-path attributes (an ERROR creating the validator instead of matches), and misses the `$=` match on a trait value",
  "unreferenced-shapes/invalid-root-selector.smithy": "the UnreferencedShape validator is not run (an unknown validator to anvil)",
  "mixins/mixin-used-in-illegal-relationship.smithy": TARGET_WORDING,
  "model-validation/model-validation-stops-validating-on-core-errors.smithy": TARGET_WORDING,
  "paginated/paginated-targets.json": TARGET_WORDING,
  "resource-identifiers/resource-identifiers-bad-type.json": TARGET_WORDING,
  "target-validator-service-errors.json": TARGET_WORDING,
  "target-validator-suggestions.json": TARGET_WORDING,
  "target-validator.json": TARGET_WORDING,
  "range-trait.json": "`@range` with a decimal bound on an integer shape is not reported in Smithy's words (one event per bound)",
};

/** errorfiles-waiters cases not claimed. */
export const WAITERS_NOT_CLAIMED: Record<string, string> = {};

/** errorfiles-aws-traits cases not claimed. */
export const AWS_TRAITS_NOT_CLAIMED: Record<string, string> = {};
