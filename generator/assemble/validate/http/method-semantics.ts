/**
 * Smithy's HttpMethodSemantics validator: the standard methods' expectations (GET and HEAD are
 * read-only with no body, DELETE and PUT idempotent...) against the operation's traits and input.
 */
import type { TraitValidationContext } from "../traits/context.js";
import { inputOf, structureBindings, tickedList } from "./bindings.js";
import { httpOperations } from "./http-trait.js";

const HTTP = "smithy.api#http";

/** What each standard method implies; undefined means no expectation. */
interface Semantics {
  readonly?: boolean;
  idempotent?: boolean;
  payload?: boolean;
  warning?: string;
}

const OPTIONS_WARNING =
  "OPTIONS requests are typically used as part of CORS and should not be modeled explicitly. They are an implementation detail that should not appear in generated client or server code. Instead, tooling should use the `cors` trait on a service to automatically configure CORS on clients and servers. It is the responsibility of service frameworks and API gateways to automatically manage OPTIONS requests. For example, OPTIONS requests are automatically created when using Smithy models with Amazon API Gateway.";

const METHODS: Record<string, Semantics> = {
  GET: { readonly: true, idempotent: false, payload: false },
  HEAD: { readonly: true, idempotent: false, payload: false },
  OPTIONS: { readonly: true, idempotent: false, payload: true, warning: OPTIONS_WARNING },
  TRACE: { readonly: true, idempotent: false, payload: false },
  POST: { readonly: false, payload: true },
  DELETE: { readonly: false, idempotent: true, payload: false },
  PUT: { readonly: false, idempotent: true, payload: true },
  PATCH: { readonly: false, payload: true },
};

/** Checks every operation with `@http` against its method's semantics. */
export function checkHttpMethodSemantics(ctx: TraitValidationContext): void {
  for (const { operation, method: written } of httpOperations(ctx.shapes)) {
    const method = written.toUpperCase();
    const semantics = METHODS[method];
    if (!semantics) continue;
    const warn = (message: string, sub?: string, severity: "WARNING" | "DANGER" = "WARNING") =>
      ctx.report(operation, HTTP, {
        eventId: sub ? `HttpMethodSemantics.${sub}` : "HttpMethodSemantics",
        severity,
        message,
      });
    if (written !== method)
      warn(`This operation uses the \`${written}\` method in the \`http\` trait, but expected \`${method}\`.`);
    if (semantics.warning) warn(semantics.warning, method);
    const readonly = operation.traits["smithy.api#readonly"] !== undefined;
    if (semantics.readonly !== undefined && semantics.readonly !== readonly) {
      warn(
        `This operation uses the \`${method}\` method in the \`http\` trait, but ${readonly ? "is" : "is not"} marked with the readonly trait`,
        readonly ? "UnnecessaryReadonlyTrait" : "MissingReadonlyTrait",
      );
    }
    const idempotent = operation.traits["smithy.api#idempotent"] !== undefined;
    if (semantics.idempotent !== undefined && semantics.idempotent !== idempotent) {
      warn(
        `This operation uses the \`${method}\` method in the \`http\` trait, but ${idempotent ? "is" : "is not"} marked with the idempotent trait`,
        idempotent ? "UnnecessaryIdempotentTrait" : "MissingIdempotentTrait",
      );
    }
    if (semantics.payload !== false) continue;
    const bindings = structureBindings(inputOf(ctx.shapes, operation), true);
    const payload = bindings.find((b) => b.location === "payload");
    const document = bindings.filter((b) => b.location === "document").map((b) => b.member.name);
    if (payload) {
      warn(
        `This operation uses the \`${method}\` method in the \`http\` trait, but the \`${payload.member.name}\` member is sent as the payload of the request because it is marked with the \`httpPayload\` trait. Many HTTP clients do not support payloads with ${method} requests. Consider binding this member to other parts of the HTTP request such as a query string parameter using the \`httpQuery\` trait, a header using the \`httpHeader\` trait, or a path segment using the \`httpLabel\` trait.`,
        "UnexpectedPayload",
        "DANGER",
      );
    } else if (document.length > 0) {
      warn(
        `This operation uses the \`${method}\` method in the \`http\` trait, but the following members are sent as part of the payload of the request: ${tickedList(document)}. These members are sent as part of the payload because they are not explicitly configured to be sent in headers, in the query string, or in a URI segment. Many HTTP clients do not support payloads with ${method} requests. Consider binding these members to other parts of the HTTP request such as query string parameters using the \`httpQuery\` trait, headers using the \`httpHeader\` trait, or URI segments using the \`httpLabel\` trait.`,
        "UnexpectedPayload",
        "DANGER",
      );
    }
  }
}
