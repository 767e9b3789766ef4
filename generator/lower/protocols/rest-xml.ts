/**
 * restXml: each operation's `@http` method and URI; the members of its input and output as the
 * schema constants of lower/xml-schemas.ts describe them (HTTP bindings included); errors read
 * from the `<Error>` element and bound headers. The runtime side is
 * generator/runtime/protocols/rest-xml.ts.
 */
import type { Shape } from "../../assemble/model.js";
import { code, runtime, valueRef, type Code } from "../../code/index.js";
import type { ServiceIR } from "../ir.js";
import { obj, str } from "../node-values.js";
import type { ProtocolContext, ProtocolGenerator } from "./index.js";
import { uriWithoutBucket } from "../s3.js";
import { schemaArgument, xmlErrorDeserializer } from "./xml-common.js";

/** The service's `@xmlNamespace` as an object literal, or `undefined`. */
function serviceNamespace(service: Shape): string {
  const t = service.traits["smithy.api#xmlNamespace"];
  if (t === undefined) return "undefined";
  const prefix = str(obj(t).prefix);
  return `{ uri: ${JSON.stringify(str(obj(t).uri) ?? "")}${prefix === undefined ? "" : `, prefix: ${JSON.stringify(prefix)}`} }`;
}

/** restXml. */
export const restXml: ProtocolGenerator = {
  trait: "aws.protocols#restXml",
  runtimeModules: ["protocols/rest-xml.ts"],
  // A 404 to a HEAD request has no body to name its error: the status picks it.
  errorsByStatus: true,
  streamingBlobs: true,
  protocolValue(_ctx: ProtocolContext, _service: Shape, _ir: ServiceIR): Code {
    return code`new ${valueRef(runtime.restXml("RestXmlProtocol"))}()`;
  },
  requestSerializer(ctx: ProtocolContext, operation: Shape): Code {
    const http = obj(operation.traits["smithy.api#http"]);
    const service = ctx.model.shapes.get(ctx.serviceId) as Shape;
    const uri = uriWithoutBucket(service, str(http.uri) ?? "/");
    const op = `{ name: ${JSON.stringify(operation.id.slice(operation.id.indexOf("#") + 1))}, method: ${JSON.stringify(str(http.method) ?? "POST")}, uri: ${JSON.stringify(uri)} }`;
    const ns = serviceNamespace(service);
    return code`(input) => ${valueRef(runtime.restXml("restXmlRequest"))}(${op}, ${schemaArgument(ctx, operation.input)}, input, ${ns})`;
  },
  responseDeserializer(ctx: ProtocolContext, operation: Shape): Code {
    // S3's GetBucketLocation: the body's root element is the output's one member.
    const unwrapped = operation.traits["aws.customizations#s3UnwrappedXmlOutput"] !== undefined ? ", true" : "";
    return code`(response) => ${valueRef(runtime.restXml("restXmlResponse"))}(response, ${schemaArgument(ctx, operation.output)}${unwrapped})`;
  },
  errorDeserializer: (ctx, error, errorIR) =>
    xmlErrorDeserializer(
      ctx,
      error,
      errorIR,
      (schema, fieldsType) =>
        code`${valueRef(runtime.restXml("restXmlErrorMembers"))}<${fieldsType}>(${schema}, body, response)`,
      true,
    ),
};
