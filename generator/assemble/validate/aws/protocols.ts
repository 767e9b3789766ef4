/**
 * The AWS protocol validators of smithy-aws-traits: payloads the AWS HTTP protocols can bind
 * (ProtocolHttpPayload), `eventStreamHttp` versions that are also in `http` (ProtocolHttp), and
 * error codes that stay unambiguous under AWS query (QueryErrorCode).
 */
import type { Shape } from "../../model.js";
import type { TraitValidationContext } from "../traits/context.js";
import { containedOperations, inputOf, outputOf } from "../http/bindings.js";
import { isObject, shapesOfType, stringMember } from "./aws-traits.js";

/** The protocols Smithy models as `AwsProtocolTrait` (they carry `http` and `eventStreamHttp`). */
const AWS_PROTOCOLS = [
  "aws.protocols#awsJson1_0",
  "aws.protocols#awsJson1_1",
  "aws.protocols#restJson1",
  "aws.protocols#restXml",
];
const PAYLOAD_TYPES = new Set(["structure", "union", "document", "blob", "string", "enum"]);
const QUERY_PROTOCOLS = ["aws.protocols#awsQueryCompatible", "aws.protocols#awsQuery", "aws.protocols#ec2Query"];

/** The AWS protocol traits a service carries, in the order they were applied. */
function awsProtocols(service: Shape): string[] {
  return Object.keys(service.traits).filter((t) => AWS_PROTOCOLS.includes(t));
}

/** `@httpPayload` members of the structures an AWS HTTP protocol serializes, of a type it can bind. */
export function checkPayloadTypes(ctx: TraitValidationContext): void {
  const reported = new Set<string>();
  for (const service of shapesOfType(ctx.shapes, "service")) {
    if (awsProtocols(service).length === 0) continue;
    for (const op of containedOperations(ctx.shapes, service)) {
      const structures = [
        inputOf(ctx.shapes, op),
        outputOf(ctx.shapes, op),
        ...(op.errors ?? []).map((e) => ctx.shapes.get(e)),
      ];
      for (const structure of structures) {
        const payload = structure?.members.find((m) => m.traits["smithy.api#httpPayload"] !== undefined);
        if (
          payload === undefined ||
          PAYLOAD_TYPES.has(ctx.shapes.get(payload.target)?.type ?? "") ||
          reported.has(payload.id)
        )
          continue;
        reported.add(payload.id);
        ctx.report(payload, undefined, {
          eventId: "ProtocolHttpPayload",
          message:
            "AWS Protocols only support binding the following shape types to the payload: string, blob, structure, union, and document",
        });
      }
    }
  }
}

/** The strings of a list member of an object node (absent: empty). */
function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Every `eventStreamHttp` version also in `http`. */
export function checkEventStreamHttp(ctx: TraitValidationContext): void {
  for (const service of shapesOfType(ctx.shapes, "service")) {
    for (const protocol of awsProtocols(service)) {
      const value = service.traits[protocol];
      if (!isObject(value)) continue;
      const http = stringList(value["http"]);
      const invalid = stringList(value["eventStreamHttp"]).filter((v) => !http.includes(v));
      if (invalid.length === 0) continue;
      ctx.report(service, protocol, {
        eventId: "ProtocolHttp",
        message: `The following values of the \`eventStreamHttp\` property do not also appear in the \`http\` property of the ${protocol} protocol trait: [${invalid.join(", ")}]`,
      });
    }
  }
}

/** Error shapes of a query (or query-compatible) service that share an error code. */
export function checkQueryErrorCodes(ctx: TraitValidationContext): void {
  for (const service of shapesOfType(ctx.shapes, "service")) {
    if (!QUERY_PROTOCOLS.some((p) => service.traits[p] !== undefined)) continue;
    const errors = new Set(service.errors ?? []);
    for (const op of containedOperations(ctx.shapes, service)) for (const e of op.errors ?? []) errors.add(e);
    const byCode = new Map<string, string[]>();
    for (const id of errors) {
      const error = ctx.shapes.get(id);
      const code = stringMember(error?.traits["aws.protocols#awsQueryError"], "code") ?? id.slice(id.indexOf("#") + 1);
      byCode.set(code, [...(byCode.get(code) ?? []), id]);
    }
    for (const [code, ids] of byCode) {
      if (ids.length < 2) continue;
      ctx.report(service, undefined, {
        eventId: "QueryErrorCode",
        severity: "DANGER",
        message: `Multiple error shapes with the error code \`${code}\` found: [${ids.sort().join(", ")}]. This error code ambiguity will result in the wrong error shape being deserialized when running the query protocol. This pain will be carried forward when migrating to a new protocol when using the awsQueryCompatible trait.`,
      });
    }
  }
}
