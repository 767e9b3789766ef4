/**
 * Smithy's HttpBindingsMissing and HttpResponseCodeSemantics validators: in a service where some
 * operation (or a protocol that requires it) uses `@http`, every operation must; `@http` codes are
 * 2xx (204 and 205 without a body), `@httpError` codes fit the `@error` side (4xx, 5xx).
 */
import type { NodeValue } from "../../../load/ast.js";
import type { Shape } from "../../model.js";
import type { TraitValidationContext } from "../traits/context.js";
import { containedOperations, outputOf, structureBindings } from "./bindings.js";
import { httpOperations } from "./http-trait.js";

const HTTP = "smithy.api#http";

/** Operations of a service that lack `@http` while the service's protocol or siblings use it. */
export function checkHttpBindingsMissing(ctx: TraitValidationContext): void {
  // As Smithy: a model where no shape has `@http` is not checked at all.
  if (![...ctx.shapes.values()].some((s) => s.traits[HTTP] !== undefined)) return;
  for (const service of ctx.shapes.values()) {
    if (service.prelude || service.type !== "service") continue;
    const operations = containedOperations(ctx.shapes, service);
    const protocol = protocolWithHttp(ctx.shapes, service);
    if (protocol === undefined && !operations.some((op) => op.traits[HTTP] !== undefined)) continue;
    for (const op of operations) {
      if (op.traits[HTTP] !== undefined) continue;
      const reason = protocol === undefined ? "One or more" : `The \`${protocol}\` protocol requires all`;
      ctx.report(op, undefined, {
        eventId: "HttpBindingsMissing",
        severity: protocol === undefined ? "WARNING" : "ERROR",
        message: `${reason} operations in the \`${service.id}\` service define the \`http\` trait, but this operation is missing the \`http\` trait.`,
      });
    }
  }
}

/** The first protocol trait of the service whose definition lists `@http` among its traits. */
function protocolWithHttp(shapes: Map<string, Shape>, service: Shape): string | undefined {
  for (const traitId of Object.keys(service.traits)) {
    const def = shapes.get(traitId)?.traits["smithy.api#protocolDefinition"];
    if (def !== undefined && listsHttp(def)) return traitId;
  }
  return undefined;
}

function listsHttp(def: NodeValue): boolean {
  if (def === null || typeof def !== "object" || Array.isArray(def)) return false;
  const traits = def["traits"];
  return Array.isArray(traits) && traits.some((t) => t === HTTP || t === "http");
}

/** `@http` codes in 2xx, `@httpError` codes on the `@error` side. */
export function checkHttpResponseCodes(ctx: TraitValidationContext): void {
  for (const { operation, code } of httpOperations(ctx.shapes)) {
    if (code < 200 || code >= 300) {
      ctx.report(operation, HTTP, {
        eventId: "HttpResponseCodeSemantics",
        severity: "DANGER",
        message: `Expected an \`http\` code in the 2xx range, but found ${code}`,
      });
    } else if ((code === 204 || code === 205) && hasResponseBody(ctx.shapes, operation)) {
      ctx.report(operation, undefined, {
        eventId: "HttpResponseCodeSemantics",
        severity: "WARNING",
        message: `The HTTP ${code} status code does not allow a response body. To use this status code, all output members need to be bound to @httpHeader, @httpPrefixHeaders, @httpResponseCode, etc.`,
      });
    }
  }
  for (const s of ctx.shapes.values()) {
    if (s.prelude || s.type !== "structure") continue;
    const side = s.traits["smithy.api#error"];
    const code = s.traits["smithy.api#httpError"];
    if (typeof code !== "number" || (side !== "client" && side !== "server")) continue;
    const [low, range] = side === "client" ? [400, "4xx"] : [500, "5xx"];
    if (code < low || code >= low + 100) {
      ctx.report(s, "smithy.api#httpError", {
        eventId: "HttpResponseCodeSemantics",
        severity: "DANGER",
        message: `Expected an \`httpError\` code in the ${range} range for a \`${side}\` error, but found ${code}`,
      });
    }
  }
}

function hasResponseBody(shapes: Map<string, Shape>, operation: Shape): boolean {
  return structureBindings(outputOf(shapes, operation), false).some(
    (b) => b.location === "payload" || b.location === "document",
  );
}
