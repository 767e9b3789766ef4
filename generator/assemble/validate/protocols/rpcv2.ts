/**
 * Smithy's Rpcv2CborTrait and Rpcv2JsonTrait validators (smithy-protocol-traits): every HTTP
 * version an RPC v2 service offers for event streams (`eventStreamHttp`) must be one it offers
 * at all (`http`, none when absent).
 */
import type { TraitValidationContext } from "../traits/context.js";

const PROTOCOLS: ReadonlyArray<[string, string]> = [
  ["smithy.protocols#rpcv2Cbor", "Rpcv2CborTrait"],
  ["smithy.protocols#rpcv2Json", "Rpcv2JsonTrait"],
];

/** `eventStreamHttp` values missing from `http`, listed in their order. */
export function checkRpcv2HttpVersions(ctx: TraitValidationContext): void {
  for (const service of ctx.shapes.values()) {
    if (service.prelude || service.type !== "service") continue;
    for (const [traitId, eventId] of PROTOCOLS) {
      const value = service.traits[traitId];
      if (value === null || typeof value !== "object" || Array.isArray(value)) continue;
      const http = Array.isArray(value.http) ? value.http : [];
      const missing = (Array.isArray(value.eventStreamHttp) ? value.eventStreamHttp : []).filter(
        (v) => !http.includes(v),
      );
      if (missing.length === 0) continue;
      ctx.report(service, traitId, {
        eventId,
        message: `The following values of the \`eventStreamHttp\` property do not also appear in the \`http\` property of the ${traitId} protocol trait: [${missing.map(String).join(", ")}]`,
      });
    }
  }
}
