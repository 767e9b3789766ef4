/**
 * errorfiles cases (outside errorfiles-loader, whose table is in idl.ts) that anvil does not claim
 * although every event id they expect is one anvil emits, each with the reason. Cases expecting
 * a validator anvil does not run are left out by rule (errorfiles.ts) and need no entry.
 */

const CLOSURE_DANGER =
  "anvil reports a closure name conflict that Smithy grades ERROR as a DANGER (same id, shapes and message): its generator names conflicting shapes apart, so such a model still generates (test/hostile), while `anvil validate` fails on it as Smithy does";

/** errorfiles-validators cases not claimed, by path in the folder. */
export const VALIDATORS_NOT_CLAIMED: Record<string, string> = {
  "service-conflict-validator.json": CLOSURE_DANGER,
  "service-rename/conflict.smithy": CLOSURE_DANGER,
};

/** errorfiles-waiters cases not claimed. */
export const WAITERS_NOT_CLAIMED: Record<string, string> = {};

/** errorfiles-aws-traits cases not claimed. */
export const AWS_TRAITS_NOT_CLAIMED: Record<string, string> = {};
