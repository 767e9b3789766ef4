/**
 * `aws.protocols#awsQueryCompatible`, shared by the protocols that honour it (awsJson, rpcv2Cbor):
 * a service that moved off awsQuery still tells its old clients' error codes in the
 * `x-amzn-query-error: Code;Fault` header, and callers see that code.
 */
import { headerValue, type HttpResponse } from "../transport.js";

/** What a protocol is given to read the awsQuery code (`queryErrorCode`). */
export type QueryErrorCodeReader = (response: HttpResponse) => string | undefined;

/** The `Code` part of an `x-amzn-query-error: Code;Fault` header, if there is one. */
export function queryErrorCode(response: HttpResponse): string | undefined {
  const header = headerValue(response, "x-amzn-query-error");
  if (header === undefined) return undefined;
  const code = header.split(";")[0]?.trim();
  return code === undefined || code === "" ? undefined : code;
}
