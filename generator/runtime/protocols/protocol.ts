/**
 * The protocol seam of the client runtime. The client core (client.ts) knows no wire format: it
 * validates, calls the operation's generated `serialize` once, lets the service's protocol add
 * what every request of the protocol carries, then per attempt signs, sends and retries, and on a
 * non-2xx response asks the protocol for the error's code, message and parsed body before handing
 * them to the generated error deserializer.
 *
 * Adding a protocol is one file in this folder (and its generator in generator/lower/protocols/):
 * - a class implementing `ClientProtocol`: `prepare` fills the per-service and per-operation
 *   request parts (content type, `X-Amz-Target`, `smithy-protocol`...), `parseError` reads an
 *   error response (never throws: a body that does not parse still gives an error);
 * - the helpers its generated serializers and deserializers call (reading the body of a response,
 *   building a request), which throw `MalformedBodyError` from errors.ts for a body that does not
 *   parse, so the client turns it into a typed `ServiceException` naming the operation and status.
 * A generated client imports only its own protocol's module, so a client folder ships only that one
 * (generator/runtime-files.ts).
 */
import type { ParsedError } from "../errors.js";
import type { StreamBody } from "../transport.js";
import type { HttpResponse } from "../transport.js";

/**
 * Query parameters as name/value pairs, neither percent-encoded; a repeated name is a list. An
 * undefined value is a name alone (`?flag`, a literal of the `@http` URI).
 */
export type QueryPairs = Array<readonly [string, string | undefined]>;

/** The request parts an operation's input decides, as its generated `serialize` returns them. */
export interface SerializedRequest {
  /** HTTP method, e.g. `POST`. */
  method: string;
  /**
   * Path relative to the endpoint's path, starting with `/`, labels already expanded and
   * percent-encoded (`/` for RPC protocols).
   */
  path: string;
  /** Query parameters (the URI's literal ones first), or undefined for none. */
  query: QueryPairs | undefined;
  /** Headers with lower-case names; the protocol and the client add theirs. */
  headers: Record<string, string>;
  /** The body, or undefined when the request has none (a stream for a `@streaming` blob given as one). */
  body: string | Uint8Array | StreamBody | undefined;
}

/** The per-service behaviour of one protocol. One instance per generated service descriptor. */
export interface ClientProtocol {
  /** Adds what every request of this protocol carries (content type, target header...). */
  prepare(request: SerializedRequest, operation: string): void;
  /** Reads an error response's code, message and body. Never throws. */
  parseError(response: HttpResponse): ParsedError;
  /**
   * For operations whose 2xx responses may be errors (`OperationDescriptor.errorsIn2xx`): the
   * error a 2xx response's body holds, or undefined when it is a real output. Never throws.
   */
  errorIn2xx?(response: HttpResponse): ParsedError | undefined;
}
