/**
 * Smithy's auth validators: AuthTrait (an `@auth` on a service or its operations names only
 * schemes the service applies), ServiceAuthDefinitions (a service with several schemes and no
 * `@auth` gets alphabetical priority, which is rarely meant) and HttpApiKeyAuthTrait (a `scheme`
 * only makes sense in the Authorization header).
 */
import type { Shape } from "../../model.js";
import { containedOperations } from "../http/bindings.js";
import type { TraitValidationContext } from "../traits/context.js";

const AUTH = "smithy.api#auth";
const API_KEY = "smithy.api#httpApiKeyAuth";

/** The auth scheme traits a service applies (traits whose definition has `@authDefinition`). */
export function serviceAuthSchemes(shapes: Map<string, Shape>, service: Shape): string[] {
  return Object.keys(service.traits).filter((t) => shapes.get(t)?.traits["smithy.api#authDefinition"] !== undefined);
}

/** `@auth` values outside the service's schemes (DANGER), on the service and each contained operation. */
export function checkAuthTraits(ctx: TraitValidationContext): void {
  for (const service of ctx.shapes.values()) {
    if (service.prelude || service.type !== "service") continue;
    const schemes = new Set(serviceAuthSchemes(ctx.shapes, service));
    for (const shape of [service, ...containedOperations(ctx.shapes, service)]) {
      const auth = shape.traits[AUTH];
      if (!Array.isArray(auth)) continue;
      const missing = [...new Set(auth.filter((a): a is string => typeof a === "string" && !schemes.has(a)))].sort();
      if (missing.length === 0) continue;
      ctx.report(shape, AUTH, {
        eventId: "AuthTrait",
        severity: "DANGER",
        message: `auth trait applies authentication that is not configured on the service shape, \`${service.id}\`: [${missing.join(", ")}]`,
      });
    }
  }
}

/** Services with several schemes and no `@auth` ordering them. */
export function checkServiceAuthDefinitions(ctx: TraitValidationContext): void {
  for (const service of ctx.shapes.values()) {
    if (service.prelude || service.type !== "service" || service.traits[AUTH] !== undefined) continue;
    if (serviceAuthSchemes(ctx.shapes, service).length < 2) continue;
    ctx.report(service, undefined, {
      eventId: "ServiceAuthDefinitions",
      severity: "WARNING",
      message:
        "This service uses multiple authentication schemes but does not have the `@auth` trait applied. The `@auth` trait defines a priority ordering of auth schemes for a client to use. Without it, the ordering of auth schemes is alphabetical based on the absolute shape ID of the auth schemes.",
    });
  }
}

/** `@httpApiKeyAuth` with a `scheme` must read the key from a header. */
export function checkHttpApiKeyAuth(ctx: TraitValidationContext): void {
  for (const service of ctx.shapes.values()) {
    const value = service.traits[API_KEY];
    if (
      service.prelude ||
      service.type !== "service" ||
      value === null ||
      typeof value !== "object" ||
      Array.isArray(value)
    )
      continue;
    if (value.scheme === undefined || value.in === "header") continue;
    ctx.report(service, API_KEY, {
      eventId: "HttpApiKeyAuthTrait",
      message: `The httpApiKeyAuth trait must have an \`in\` value of \`header\` when a \`scheme\` is provided, found: ${String(value.in)}`,
    });
  }
}
