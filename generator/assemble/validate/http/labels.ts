/**
 * Smithy's HttpLabelTrait, HttpUriGreedyLabel and HttpUriFormat validators: every `{label}` of an
 * operation's uri has an input member marked `@httpLabel` and every such member a label; greedy
 * labels target strings, come last and at most once; the uri is plain ASCII.
 */
import type { Shape } from "../../model.js";
import type { TraitValidationContext } from "../traits/context.js";
import { inputOf, tickedList } from "./bindings.js";
import { describeShape, httpOperations } from "./http-trait.js";
import { labelNamed } from "./uri-pattern.js";

const LABEL = "smithy.api#httpLabel";
const HTTP = "smithy.api#http";

/** Labels of the uri against `@httpLabel` members of the input. */
export function checkHttpLabels(ctx: TraitValidationContext): void {
  for (const { operation, uri } of httpOperations(ctx.shapes)) {
    const input = inputOf(ctx.shapes, operation);
    const labels = new Set(uri.segments.filter((s) => s.label).map((s) => s.content));
    for (const member of input?.type === "structure" ? input.members : []) {
      if (member.traits[LABEL] === undefined) continue;
      labels.delete(member.name);
      const segment = labelNamed(uri, member.name);
      if (segment === undefined) {
        ctx.report(member, LABEL, {
          eventId: "HttpLabelTrait",
          message: `This \`${member.name}\` structure member is marked with the \`httpLabel\` trait, but no corresponding \`http\` URI label could be found when used as the input of the \`${operation.id}\` operation.`,
        });
      } else if (segment.greedy) {
        const target = ctx.shapes.get(member.target);
        if (target && target.type !== "string") {
          ctx.report(member, LABEL, {
            eventId: "HttpLabelTrait",
            message: `The \`${member.name}\` structure member corresponds to a greedy label when used as the input of the \`${operation.id}\` operation. This member targets ${describeShape(target)}, but greedy labels must target string shapes.`,
          });
        }
      }
    }
    if (labels.size > 0) {
      ctx.report(operation, undefined, {
        eventId: "HttpLabelTrait",
        message: `This operation uses \`${input?.id ?? "smithy.api#Unit"}\` as input, but the following URI labels found in the operation's \`http\` trait do not have a corresponding member marked with the \`httpLabel\` trait: ${tickedList(labels)}`,
      });
    }
  }
}

/** Greedy labels: at most one, and the last label of the pattern. */
export function checkGreedyLabels(ctx: TraitValidationContext): void {
  for (const { operation, uri } of httpOperations(ctx.shapes)) {
    const segments = uri.segments;
    segments.forEach((s, i) => {
      if (!s.greedy) return;
      for (const later of segments.slice(i + 1)) {
        if (later.greedy)
          report(
            ctx,
            operation,
            "MultipleGreedyLabels",
            `At most one greedy label segment may exist in a pattern: ${uri.text}`,
          );
        if (later.label)
          report(
            ctx,
            operation,
            "GreedyLabelIsNotLastLabel",
            `A greedy label must be the last label in its pattern: ${uri.text}`,
          );
      }
    });
  }
}

function report(ctx: TraitValidationContext, operation: Shape, sub: string, message: string): void {
  ctx.report(operation, HTTP, { eventId: `HttpUriGreedyLabel.${sub}`, severity: "DANGER", message });
}

/** The uri must be ASCII (Smithy encodes it as US-ASCII). */
export function checkUriFormat(ctx: TraitValidationContext): void {
  for (const { operation, uri } of httpOperations(ctx.shapes)) {
    if (!/^[\x00-\x7f]*$/.test(uri.text))
      ctx.report(operation, HTTP, { eventId: "HttpUriFormat", message: `@http trait \`uri\` is invalid: ${uri.text}` });
  }
}
