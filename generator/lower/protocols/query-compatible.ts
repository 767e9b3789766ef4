/**
 * `aws.protocols#awsQueryCompatible` in a protocol's constructor options (awsJson, rpcv2Cbor): a
 * service with the trait passes the runtime's header reader, so the generated descriptor imports
 * protocols/query-compatible.ts only where it is used and other clients never load the file.
 */
import { code, runtime, shorthandProperty, type Code } from "../../code/index.js";
import type { ServiceIR } from "../ir.js";

/** `, queryCompatible: queryErrorCode` for a query-compatible service, else nothing. */
export function queryCompatibleOption(ir: ServiceIR): Code | string {
  return ir.queryCompatible
    ? code`, ${shorthandProperty("queryCompatible", runtime.queryCompatible("queryErrorCode"))}`
    : "";
}
