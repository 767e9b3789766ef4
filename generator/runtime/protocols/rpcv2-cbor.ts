/**
 * Smithy RPC v2 CBOR (`smithy.protocols#rpcv2Cbor`): every operation is a POST to
 * `/service/<ServiceShapeName>/operation/<Operation>` with `smithy-protocol: rpc-v2-cbor` and
 * `Accept: application/cbor`; an input is a CBOR map (`Content-Type: application/cbor`), and an
 * operation without input sends no body and no content type. The output is the response's CBOR
 * map (an empty body reads as `{}`). An error names its shape in the map's `__type` (the client
 * core drops the namespace); its members are the rest of the map.
 *
 * An `aws.protocols#awsQueryCompatible` service also gets `x-amzn-query-mode: true`, and its
 * errors expose the awsQuery code of the `x-amzn-query-error: Code;Fault` header.
 *
 * A body that is not CBOR, is not a map, or comes with another content type is a
 * `MalformedBodyError` (for the caller, a typed service exception naming the operation and
 * status), never a codec error.
 */
import { describeBody, MalformedBodyError, type ParsedError } from "../errors.js";
import { bodyBytes, headerValue, type HttpResponse } from "../transport.js";
import { CborDecodeError, decodeCbor, encodeCbor } from "./cbor.js";
import type { ClientProtocol, SerializedRequest } from "./protocol.js";
import type { QueryErrorCodeReader } from "./query-compatible.js";

const CBOR = "application/cbor";

/** What a generated rpcv2Cbor service descriptor says about its protocol. */
export interface RpcV2CborOptions {
  /** The service shape's name, the first segment of every operation's path. */
  serviceShapeName: string;
  /**
   * `aws.protocols#awsQueryCompatible`: query-compatible.ts's `queryErrorCode`, passed by the
   * generated descriptor of a service with the trait (so other clients never load that file).
   */
  queryCompatible?: QueryErrorCodeReader | undefined;
}

/** The rpcv2Cbor protocol of one service. */
export class RpcV2CborProtocol implements ClientProtocol {
  readonly #pathPrefix: string;
  readonly #queryErrorCode: QueryErrorCodeReader | undefined;

  constructor(options: RpcV2CborOptions) {
    this.#pathPrefix = `/service/${options.serviceShapeName}/operation/`;
    this.#queryErrorCode = options.queryCompatible;
  }

  prepare(request: SerializedRequest, operation: string): void {
    request.path = this.#pathPrefix + operation;
    const headers = request.headers;
    headers["smithy-protocol"] = "rpc-v2-cbor";
    headers["accept"] = CBOR;
    if (request.body !== undefined) headers["content-type"] = CBOR;
    if (this.#queryErrorCode !== undefined) headers["x-amzn-query-mode"] = "true";
  }

  parseError(response: HttpResponse): ParsedError {
    const body = decodeMap(response);
    const parsed: ParsedError = {
      code: body === undefined ? undefined : textField(body, "__type"),
      message:
        body === undefined
          ? describeBody(response, "that is not a CBOR map")
          : (textField(body, "message") ?? textField(body, "Message")),
      body: body ?? {},
    };
    if (this.#queryErrorCode !== undefined) {
      const queryCode = this.#queryErrorCode(response);
      if (queryCode !== undefined) parsed.exposedCode = queryCode;
    }
    return parsed;
  }
}

/** The request of an rpcv2Cbor operation: a POST with the input's CBOR map, or no body for an operation without input. */
export function cborRequest(input?: Record<string, unknown>): SerializedRequest {
  // The path is the protocol's to set (prepare), from the service and operation names.
  return {
    method: "POST",
    path: "/",
    query: undefined,
    headers: {},
    body: input === undefined ? undefined : encodeCbor(input),
  };
}

/** The response body as a CBOR map (`{}` when empty), for the output deserializer. */
export function cborBody(response: HttpResponse): Record<string, unknown> {
  const body = decodeMap(response);
  if (body === undefined) throw new MalformedBodyError("a CBOR map (application/cbor)");
  return body;
}

/** The output of an operation without output members: `{}`, once the body is known to be CBOR. */
export function cborEmptyOutput(response: HttpResponse): Record<string, never> {
  cborBody(response);
  return {};
}

/** The body as a map (`{}` when empty); undefined when it is not a CBOR map or has another content type. */
function decodeMap(response: HttpResponse): Record<string, unknown> | undefined {
  const bytes = bodyBytes(response);
  if (bytes.byteLength === 0) return {};
  const type = headerValue(response, "content-type");
  if (type !== undefined && type.split(";")[0]?.trim().toLowerCase() !== CBOR) return undefined;
  let value: unknown;
  try {
    value = decodeCbor(bytes);
  } catch (error) {
    if (error instanceof CborDecodeError) return undefined;
    throw error;
  }
  return isMap(value) ? value : undefined;
}

/** A decoded CBOR map: a plain object (byte strings, dates, arrays and tags are objects too, but not maps). */
function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function textField(body: Record<string, unknown>, name: string): string | undefined {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}
