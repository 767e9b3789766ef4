/**
 * Auth decisions: which schemes the client supports for the service, each operation's schemes in
 * preference order, and which config fields the client's config type gets (only those of the
 * schemes its operations use). The runtime picks per call (runtime/auth.ts).
 *
 * An operation's schemes are its own `@auth` list, else the service's, else every auth trait the
 * service carries, sorted by shape id (Smithy's ServiceIndex orders them so). Schemes anvil does
 * not implement (`aws.auth#sigv4a`, `smithy.api#httpDigestAuth`, custom ones) are left out of the
 * lists, so an operation listing `[sigv4a, sigv4]` is sent with SigV4; one listing only
 * unsupported schemes keeps an empty list and `unsupported` says which.
 */
import type { Shape } from "../assemble/model.js";
import type { AuthScheme } from "../runtime/auth.js";
import { obj, str } from "./node-values.js";

/** Auth traits anvil's runtime implements. */
const SUPPORTED = [
  "aws.auth#sigv4",
  "smithy.api#httpApiKeyAuth",
  "smithy.api#httpBasicAuth",
  "smithy.api#httpBearerAuth",
] as const;
type SupportedId = (typeof SUPPORTED)[number];

/** Auth traits that mark an auth scheme, supported or not (`@authDefinition` traits of the prelude and AWS traits). */
const KNOWN_AUTH_TRAITS = [...SUPPORTED, "aws.auth#sigv4a", "smithy.api#httpDigestAuth"];

/** Config interfaces of runtime/auth.ts, per scheme (SigV4's `credentials` is in the base config). */
const CONFIG_TYPES = {
  "smithy.api#httpBearerAuth": "BearerAuthConfig",
  "smithy.api#httpApiKeyAuth": "ApiKeyAuthConfig",
  "smithy.api#httpBasicAuth": "BasicAuthConfig",
} as const;

/** One operation's auth. */
export interface OperationAuthPlan {
  /** Supported scheme ids in preference order (empty: sent without auth, or nothing supported). */
  schemes: SupportedId[];
  /** `@optionalAuth`. */
  optional: boolean;
  /** Listed schemes anvil does not implement (for a note when nothing else is left). */
  unsupported: string[];
}

/** The service's auth, as the client needs it. */
export interface AuthPlan {
  /** Every supported scheme some operation uses, with its trait values, in shape-id order. */
  schemes: AuthScheme[];
  /** By operation shape id. */
  operations: Record<string, OperationAuthPlan>;
  /** Whether some operation can be SigV4-signed (then region and credentials matter). */
  sigv4: boolean;
  /** The runtime/auth.ts config interfaces the client's config type adds, in a fixed order. */
  configTypes: Array<(typeof CONFIG_TYPES)[keyof typeof CONFIG_TYPES]>;
}

/** Plans auth for the service's selected operations. */
export function planAuth(service: Shape, operations: readonly Shape[]): AuthPlan {
  const onService = KNOWN_AUTH_TRAITS.filter((id) => service.traits[id] !== undefined).sort();
  const serviceList = authList(service);
  const plans: Record<string, OperationAuthPlan> = {};
  const used = new Set<SupportedId>();
  for (const op of operations) {
    const listed = authList(op) ?? serviceList ?? onService;
    const schemes = listed.filter(
      (id): id is SupportedId => (SUPPORTED as readonly string[]).includes(id) && service.traits[id] !== undefined,
    );
    for (const id of schemes) used.add(id);
    plans[op.id] = {
      schemes,
      optional: op.traits["smithy.api#optionalAuth"] !== undefined,
      unsupported: listed.filter((id) => !schemes.includes(id as SupportedId)),
    };
  }
  const ordered = [...used].sort();
  return {
    schemes: ordered.map((id) => schemeOf(service, id)),
    operations: plans,
    sigv4: used.has("aws.auth#sigv4"),
    configTypes: (Object.keys(CONFIG_TYPES) as Array<keyof typeof CONFIG_TYPES>)
      .filter((id) => used.has(id))
      .map((id) => CONFIG_TYPES[id]),
  };
}

/** The shape's `@auth` list, or undefined without the trait. */
function authList(shape: Shape): string[] | undefined {
  const value = shape.traits["smithy.api#auth"];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : undefined;
}

/** A scheme with the trait values the runtime needs. */
function schemeOf(service: Shape, id: SupportedId): AuthScheme {
  if (id !== "smithy.api#httpApiKeyAuth") return { id };
  const trait = obj(service.traits[id]);
  const scheme = str(trait.scheme);
  return {
    id,
    name: str(trait.name) ?? "",
    in: str(trait.in) === "query" ? "query" : "header",
    ...(scheme === undefined ? {} : { scheme }),
  };
}

/** Whether the client can keep the runtime's default: every operation SigV4-signed, none optional. */
export function isSigV4Only(plan: AuthPlan): boolean {
  return Object.values(plan.operations).every(
    (o) => !o.optional && o.schemes.length === 1 && o.schemes[0] === "aws.auth#sigv4",
  );
}

/** The list most operations follow (the first operation's when counts tie), for the service descriptor. */
export function defaultOperationAuth(plan: AuthPlan): OperationAuthPlan | undefined {
  const counts = new Map<string, { auth: OperationAuthPlan; count: number }>();
  for (const auth of Object.values(plan.operations)) {
    const key = authKey(auth);
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { auth, count: 1 });
  }
  let best: { auth: OperationAuthPlan; count: number } | undefined;
  for (const entry of counts.values()) if (best === undefined || entry.count > best.count) best = entry;
  return best?.auth;
}

/** The runtime's `OperationAuth` literal of an operation's plan. */
export function operationAuthLiteral(auth: OperationAuthPlan): string {
  return `{ schemes: ${JSON.stringify(auth.schemes)}${auth.optional ? ", optional: true" : ""} }`;
}

/** Two operations' plans are the same auth when this is. */
export function authKey(auth: OperationAuthPlan): string {
  return operationAuthLiteral(auth);
}
