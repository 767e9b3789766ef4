/**
 * Per-call endpoints, for services whose operations carry endpoint context (`@contextParam`,
 * `@staticContextParams`, e.g. S3's `Bucket`): the generated service descriptor's `callEndpoints`
 * builds one per client, and the client asks it for the endpoint of each call whose operation has
 * context. Only such clients name this module, so other apps' bundles do not hold it.
 */
import type { EndpointContext } from "../client.js";
import { resolveEndpoint, type ResolvedEndpoint } from "../endpoint.js";
import { ClientConfigError } from "../errors.js";

/** How many per-call endpoints a client keeps parsed. */
const CACHE_SIZE = 100;

/** The endpoints one client's calls go to, parsed once per distinct context (a client sends to few buckets). */
export class CallEndpoints {
  readonly #resolve: (context: EndpointContext) => string;
  readonly #region: string;
  readonly #sdkId: string;
  readonly #cache = new Map<string, ResolvedEndpoint>();

  /** `resolve`: the URL the rules give for the client's region and config and one call's context. */
  constructor(resolve: (context: EndpointContext) => string, region: string, sdkId: string) {
    this.#resolve = resolve;
    this.#region = region;
    this.#sdkId = sdkId;
  }

  /**
   * The endpoint the rules give for one call's context (the cache is cleared when full). A rules
   * error (an invalid bucket ARN, FIPS with accelerate...) is a `ClientConfigError` naming the
   * operation and quoting the rules' message.
   */
  endpoint(operation: string, context: EndpointContext): ResolvedEndpoint {
    const key = JSON.stringify(context);
    const known = this.#cache.get(key);
    if (known !== undefined) return known;
    let url: string;
    try {
      url = this.#resolve(context);
    } catch (e) {
      throw new ClientConfigError(
        `${this.#sdkId}.${operation}: no endpoint for this call: ${(e as Error).message}`,
        "endpoint",
      );
    }
    const endpoint = resolveEndpoint(url, "", this.#region, this.#sdkId);
    if (this.#cache.size >= CACHE_SIZE) this.#cache.clear();
    this.#cache.set(key, endpoint);
    return endpoint;
  }

  /**
   * A REST operation's path after a per-call endpoint's, as the AWS SDK joins them: S3's
   * path-style endpoint `https://host/bucket` and `/key` give `/bucket/key`, and its `/` (a bucket
   * operation, whose `/{Bucket}` label the rules took over) gives `/bucket`.
   */
  path(endpoint: ResolvedEndpoint, path: string): string {
    const base = endpoint.path.endsWith("/") ? endpoint.path.slice(0, -1) : endpoint.path;
    if (base === "") return path;
    return path === "/" ? base : base + path;
  }
}
