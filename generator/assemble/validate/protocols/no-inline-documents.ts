/**
 * Smithy's NoInlineDocumentSupport validator: a service whose protocol's `@protocolDefinition`
 * says `noInlineDocumentSupport` may not reach a document shape through its closure.
 */
import { UnsupportedSelector } from "../selector/parse.js";
import type { TraitValidationContext } from "../traits/context.js";

/** Services using such a protocol, with the document shapes in their closure (sorted by id). */
export function checkNoInlineDocuments(ctx: TraitValidationContext): void {
  const protocols = [...ctx.shapes.values()].filter((s) => {
    const def = s.traits["smithy.api#protocolDefinition"];
    return def !== null && typeof def === "object" && !Array.isArray(def) && def.noInlineDocumentSupport === true;
  });
  if (protocols.length === 0 || ![...ctx.shapes.values()].some((s) => s.type === "document")) return;
  for (const service of ctx.shapes.values()) {
    if (service.prelude || service.type !== "service") continue;
    for (const protocol of protocols) {
      if (service.traits[protocol.id] === undefined) continue;
      const start = ctx.selectors().node(service.id);
      // `~>` walks every relationship of the closure, as Smithy's Walker does.
      const found = start === undefined ? undefined : ctx.selectors().selectFrom("~> document", start);
      if (found === undefined || found instanceof UnsupportedSelector || found.size === 0) continue;
      const documents = [...found]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((d) => {
          const at = d.shape?.location;
          return at === undefined ? d.id : `${d.id} @ ${at.file}:${at.line}:${at.column}`;
        });
      ctx.report(service, protocol.id, {
        eventId: "NoInlineDocumentSupport",
        message: `This service uses the \`${protocol.id}\` protocol which does not support inline document types, but the following document types were found in the closure of the service: [${documents.join(", ")}]`,
      });
    }
  }
}
