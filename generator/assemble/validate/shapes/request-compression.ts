/**
 * Smithy's RequestCompressionTrait validator: `@requestCompression` compresses an operation's
 * request body, so the operation needs an input, no input member may be a stream whose length
 * must be known before sending (`@streaming` with `@requiresLength`: compressing changes it), and
 * `encodings` names at least one algorithm, each one Smithy supports.
 */
import { tickedList } from "../http/bindings.js";
import type { TraitValidationContext } from "../traits/context.js";

const TRAIT = "smithy.api#requestCompression";
const EVENT_ID = "RequestCompressionTrait";
/** Smithy's RequestCompressionTrait.SUPPORTED_COMPRESSION_ALGORITHMS (compared ignoring case). */
const SUPPORTED = new Set(["gzip"]);

/** Every operation with `@requestCompression`: its input, then its encodings. */
export function checkRequestCompression(ctx: TraitValidationContext): void {
  for (const op of ctx.shapes.values()) {
    const trait = op.traits[TRAIT];
    if (op.type !== "operation" || trait === undefined) continue;
    const input = op.input === undefined || op.input === "smithy.api#Unit" ? undefined : ctx.shapes.get(op.input);
    if (input === undefined) {
      ctx.report(op, undefined, {
        eventId: EVENT_ID,
        message: "The `requestCompression` trait can only be applied to operations which have an input shape defined",
      });
    }
    for (const m of input?.members ?? []) {
      const target = ctx.shapes.get(m.target);
      if (
        target?.traits["smithy.api#streaming"] === undefined ||
        target.traits["smithy.api#requiresLength"] === undefined
      )
        continue;
      ctx.report(op, undefined, {
        eventId: EVENT_ID,
        message: `The \`requestCompression\` trait can only be applied to operations which do not have input members that target shapes with both the \`streaming\` and \`requiresLength\` traits applied, but found member \`${m.id}\` targeting \`${target.id}\``,
      });
    }
    // A value without a list of `encodings` is reported as a TraitValue; there is nothing to check here.
    const encodings =
      trait !== null && typeof trait === "object" && !Array.isArray(trait) ? trait.encodings : undefined;
    if (!Array.isArray(encodings)) continue;
    if (encodings.length === 0) {
      ctx.report(op, TRAIT, {
        eventId: EVENT_ID,
        message: `There must be at least one compression algorithm in \`encodings\` for the \`requestCompression\` trait applied to \`${op.id}\``,
      });
      continue;
    }
    const invalid = encodings.filter((e): e is string => typeof e === "string" && !SUPPORTED.has(e.toLowerCase()));
    if (invalid.length > 0) {
      ctx.report(op, TRAIT, {
        eventId: EVENT_ID,
        message: `Invalid compression algorithm${invalid.length === 1 ? "" : "s"} found in \`requestCompression\` trait applied to \`${op.id}\`: ${tickedList(invalid)}`,
      });
    }
  }
}
