/**
 * errorfiles cases (outside errorfiles-loader, whose table is in idl.ts) that anvil does not claim
 * although every event id they expect is one anvil emits, each with the reason. Cases expecting
 * a validator anvil does not run are left out by rule (errorfiles.ts) and need no entry.
 */

const TRAIT_CREATION =
  "Smithy reports this from the trait's Java class (\"Error creating trait ...\", event `Model`); anvil reports the same fault through the trait's shape (`TraitValue`) in its own words";
const DEFAULT_SELECTOR =
  "anvil's IDL parser rejects `member: T = value` outside a structure (\"Expected IDENTIFIER but found EQUAL\") before assembly, where the `@default` target rule would give Smithy's TraitTarget (as it does for the same model in the JSON AST)";
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
  "trait-target/lists-do-not-support-member-defaults.smithy": DEFAULT_SELECTOR,
  "trait-target/maps-do-not-support-member-defaults.smithy": DEFAULT_SELECTOR,
  "trait-target/unions-do-not-support-member-defaults.smithy": DEFAULT_SELECTOR,
  "shapeClosures/malformed-closure-id.smithy": ID_REF,
  "shapeClosures/malformed-rename-id.smithy": ID_REF,
  "service-conflict-validator.json": CLOSURE_DANGER,
  "service-rename/conflict.smithy": CLOSURE_DANGER,
  "linters/emit-each-invalid-selector.json": "invalid selectors are reported as an ERROR creating the validator, but in the words of anvil's selector parser, not Smithy's",
  "linters/emit-each-selector-validator.json": "anvil's selector engine lacks `[service|...]`, `[var|...]` and nested trait-path attributes (an ERROR creating the validator instead of matches), and misses the `$=` match on a trait value",
  "unreferenced-shapes/invalid-root-selector.smithy": "the UnreferencedShape validator is not run (an unknown validator to anvil)",
  "mixins/empty-enum-mixin.smithy": "an enum mixin without members is reported, but the enum using it is not (Smithy: \"Cannot apply mixin ... not found\")",
  "mixins/mixin-illegal-redefined-member.smithy": "Smithy's \"Member conflicts with an inherited mixin member\" wording; anvil says the member redefines its inherited target",
  "mixins/mixin-trait-applied.smithy": "a trait that is itself a mixin, applied as a trait, is not reported",
  "range-trait.json": "`@range` with a decimal bound on an integer shape is not reported in Smithy's words (one event per bound)",
};

const JMESPATH_POSITIONS =
  "Smithy's JMESPath linter reports every problem inside an expression with its line and column (`... (1:8)`); anvil's type checker (generator/jmespath) stops at the first problem and has no positions, so these are reported when the generator compiles the path, not at validation";

/** errorfiles-waiters cases not claimed. */
export const WAITERS_NOT_CLAIMED: Record<string, string> = {
  "emits-danger-and-warning-typechecks.smithy": JMESPATH_POSITIONS,
  "inputOutput-operation-with-no-output.smithy": JMESPATH_POSITIONS,
  "invalid-inputoutput-path.smithy": JMESPATH_POSITIONS,
  "invalid-jmespath-syntax.smithy": `${JMESPATH_POSITIONS}; syntax errors are worded by the \`jmespath\` package, not as Smithy's "Syntax error"`,
  "invalid-output-structure-member-access.smithy": JMESPATH_POSITIONS,
  "output-on-bad-shapes.smithy": JMESPATH_POSITIONS,
  "invalid-message-jmespath.smithy": "a syntax error in a `message` expression is worded by the `jmespath` package, not as Smithy's \"Syntax error at line 1 column 5: Expected [...]\"",
};

/** errorfiles-aws-traits cases not claimed. */
export const AWS_TRAITS_NOT_CLAIMED: Record<string, string> = {};
