/**
 * ErrorRename (smithy-aws-traits' ErrorRenameValidator): the AWS protocols identify errors by
 * shape name, so a service using one of them may not rename an error shape.
 */
import type { TraitValidationContext } from "../traits/context.js";
import { javaHashSetOrder } from "../../java-order.js";
import { shapesOfType } from "./aws-traits.js";

/** Protocols whose errors are identified by shape name, in Smithy's order. */
const NAME_ONLY_PROTOCOLS = ["awsJson1_0", "awsJson1_1", "awsQuery", "ec2Query", "restJson1", "restXml"];

/** One ERROR per renamed error shape of a service using such a protocol. */
export function checkErrorRenames(ctx: TraitValidationContext): void {
  for (const service of shapesOfType(ctx.shapes, "service")) {
    const renames = Object.entries(service.rename ?? {});
    if (renames.length === 0) continue;
    const used = NAME_ONLY_PROTOCOLS.filter((p) => service.traits[`aws.protocols#${p}`] !== undefined);
    if (used.length === 0) continue;
    const protocols = `[${javaHashSetOrder(used).join(", ")}]`;
    for (const [from, to] of renames) {
      if (ctx.shapes.get(from)?.traits["smithy.api#error"] === undefined) continue;
      ctx.report(service, undefined, {
        eventId: "ErrorRename",
        message: `Service attempts to rename an error shape from \`${from}\` to "${to}"; Service protocols ${protocols} do not support error renaming.`,
      });
    }
  }
}
