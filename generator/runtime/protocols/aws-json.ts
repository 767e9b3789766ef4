/**
 * awsJson1_0 and awsJson1_1: every operation is a POST to `/` with the JSON body, the protocol's
 * content type and `X-Amz-Target: <ServiceShapeName>.<Operation>`; errors name their code in
 * `X-Amzn-Errortype` or the body (json.ts). An `aws.protocols#awsQueryCompatible` service also
 * gets `x-amzn-query-mode: true`, and its errors expose the awsQuery code of the
 * `x-amzn-query-error: Code;Fault` header (the class is still chosen by the JSON error type).
 */
import type { ParsedError } from "../errors.js";
import type { HttpResponse } from "../transport.js";
import { parseJsonError, readJsonObject } from "./json.js";
import type { ClientProtocol, SerializedRequest } from "./protocol.js";
import type { QueryErrorCodeReader } from "./query-compatible.js";

/** What a generated awsJson service descriptor says about its protocol. */
export interface AwsJsonOptions {
  /** `1.0` or `1.1`: the content type's version. */
  version: "1.0" | "1.1";
  /** X-Amz-Target prefix: the service shape's name, e.g. `AWSHawksNestServiceFacade`. */
  serviceShapeName: string;
  /**
   * `aws.protocols#awsQueryCompatible`: query-compatible.ts's `queryErrorCode`, passed by the
   * generated descriptor of a service with the trait (so other clients never load that file).
   */
  queryCompatible?: QueryErrorCodeReader | undefined;
}

/** The awsJson protocol of one service. */
export class AwsJsonProtocol implements ClientProtocol {
  readonly #contentType: string;
  readonly #targetPrefix: string;
  readonly #queryErrorCode: QueryErrorCodeReader | undefined;

  constructor(options: AwsJsonOptions) {
    this.#contentType = `application/x-amz-json-${options.version}`;
    this.#targetPrefix = `${options.serviceShapeName}.`;
    this.#queryErrorCode = options.queryCompatible;
  }

  prepare(request: SerializedRequest, operation: string): void {
    const headers = request.headers;
    headers["content-type"] = this.#contentType;
    headers["x-amz-target"] = this.#targetPrefix + operation;
    if (this.#queryErrorCode !== undefined) headers["x-amzn-query-mode"] = "true";
  }

  parseError(response: HttpResponse): ParsedError {
    const parsed = parseJsonError(response);
    if (this.#queryErrorCode !== undefined) {
      const queryCode = this.#queryErrorCode(response);
      if (queryCode !== undefined) parsed.exposedCode = queryCode;
    }
    return parsed;
  }
}

/** The request of an awsJson operation: POST / with the JSON text (`{}` for an operation without input). */
export function jsonRpcRequest(body: string): SerializedRequest {
  return { method: "POST", path: "/", query: undefined, headers: {}, body };
}

/** The response body as a JSON object, for the output deserializer (`MalformedBodyError` when it is not one). */
export const jsonRpcBody: (response: HttpResponse) => Record<string, unknown> = readJsonObject;

/** The output of an operation without output members: `{}`, once the body is known to be a JSON object. */
export function jsonRpcEmptyOutput(response: HttpResponse): Record<string, never> {
  readJsonObject(response);
  return {};
}
