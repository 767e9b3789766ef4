/**
 * restXml: each operation's `@http` method and URI, members bound to the path, query and headers
 * (xml/bindings.ts), the other members as an XML document named after the input structure
 * (`@xmlName`, else its shape name; its `@xmlNamespace`, else the service's), or the
 * `@httpPayload` member as the whole body (a structure or union as XML; a blob as bytes, a string
 * or enum as text). Responses are read the same way back. Errors are `<ErrorResponse><Error>`
 * documents, or bare `<Error>` ones with `@restXml(noErrorWrapping: true)`; both are recognised
 * whatever the trait says (xml/errors.ts). A body that is not XML where XML is expected becomes a
 * `MalformedBodyError`, which the client reports as a service exception naming the operation.
 */
import { RequestValidationError, type ParsedError } from "../errors.js";
import { setOwn } from "../serde.js";
import { bodyBytes, bodyLength, bodyText, type HttpResponse } from "../transport.js";
import type { ClientProtocol, SerializedRequest } from "./protocol.js";
import { streamingRequestBody, streamingResponseBody } from "../streaming.js";
import { bindRequest, readBoundMembers, type HttpOperation } from "./xml/bindings.js";
import { parseXmlErrorBody } from "./xml/errors.js";
import { documentOf, parseXmlError } from "./xml/response.js";
import { EMPTY_ELEMENT, isXmlElement } from "./xml/parse.js";
import { resolve, type StructureSchema, type XmlNamespace } from "./xml/schema.js";
import { ownMember, readXmlStructure, readXmlValue, writeXmlDocument, writeXmlElement } from "./xml/serde.js";

/**
 * The restXml protocol of one service. It adds nothing to requests (content types depend on the
 * body, so the serializer sets them; the service's `@xmlNamespace` is passed to each request
 * serializer) and reads errors as XML.
 */
export class RestXmlProtocol implements ClientProtocol {
  prepare(): void {}

  /**
   * A 404 without a body (a HEAD response never has one) is a `NotFound`, as the AWS SDK's
   * restXml reads it: S3's HeadObject and HeadBucket model `NotFound` for exactly that.
   */
  parseError(response: HttpResponse): ParsedError {
    if (response.statusCode === 404 && bodyLength(response) === 0)
      return { code: "NotFound", message: "HTTP 404 response without a body", body: undefined };
    return parseXmlError(response);
  }

  /**
   * S3 answers CopyObject, UploadPartCopy and CompleteMultipartUpload with 200 before it knows the
   * outcome, so a failure arrives as an `<Error>` document in a 200 body; an empty 200 body means
   * S3 aborted the request (the AWS SDK's throw-200-exceptions: `InternalError`).
   */
  errorIn2xx(response: HttpResponse): ParsedError | undefined {
    const text = bodyText(response);
    if (text.trim() === "") {
      return {
        code: "InternalError",
        message: "S3 aborted request (a 2xx response with an empty body)",
        body: undefined,
      };
    }
    if (!text.includes("<Error>")) return undefined;
    const parsed = parseXmlErrorBody(text);
    if (parsed === undefined || parsed.error.name !== "Error") return undefined;
    return { code: parsed.code, message: parsed.message, body: parsed.error };
  }
}

/** The request of a restXml operation. */
export function restXmlRequest(
  op: HttpOperation,
  schema: StructureSchema | undefined,
  input: unknown,
  serviceNamespace: XmlNamespace | undefined,
): SerializedRequest {
  const value = (typeof input === "object" && input !== null ? input : {}) as Readonly<Record<string, unknown>>;
  const request = bindRequest(op, schema, value);
  if (schema === undefined) return request;
  const payload = schema.members.find((m) => m.http?.in === "payload");
  if (payload !== undefined) {
    const v = ownMember(value, payload.name);
    if (v == null) return request;
    const s = resolve(payload.schema);
    const http = payload.http;
    if (http?.in === "payload" && http.streaming === true) {
      request.body = streamingRequestBody(v, payload.name, op.name, http.requiresLength === true);
      request.headers["content-type"] ??= payload.mediaType ?? "application/octet-stream";
    } else if (s.kind === "blob") {
      request.body = typeof v === "string" ? new TextEncoder().encode(v) : (v as Uint8Array);
      request.headers["content-type"] ??= payload.mediaType ?? "application/octet-stream";
    } else if (s.kind === "string") {
      // Only reachable with validation off: anything but a string would be sent as its String().
      if (typeof v !== "string")
        throw new RequestValidationError(op.name, [
          { path: payload.name, constraint: "type", message: "Must be a string: it is the request body" },
        ]);
      request.body = v;
      request.headers["content-type"] ??= payload.mediaType ?? "text/plain";
    } else {
      request.body = writeXmlElement(
        payload.schema,
        v,
        payload.xmlName,
        payload.namespace ?? (s.kind === "structure" || s.kind === "union" ? s.namespace : undefined),
      );
      request.headers["content-type"] ??= "application/xml";
    }
    return request;
  }
  const hasBody = schema.members.some((m) => m.http === undefined && ownMember(value, m.name) != null);
  if (!hasBody) return request;
  request.body = writeXmlDocument(schema, value, schema.xmlName, schema.namespace ?? serviceNamespace);
  request.headers["content-type"] ??= "application/xml";
  return request;
}

/**
 * The output of a restXml operation: bound members from the response, the rest from the body.
 * `O` is the output type the schema describes (the generated descriptor's). `unwrapped`
 * (`aws.customizations#s3UnwrappedXmlOutput`, S3's GetBucketLocation): the body's root element
 * is the output's one member (`<LocationConstraint>eu-west-1</LocationConstraint>`), not a
 * wrapper of its members.
 */
export function restXmlResponse<O>(
  response: HttpResponse,
  schema: StructureSchema | undefined,
  unwrapped?: boolean,
): O {
  if (schema === undefined) {
    // The body is still checked: an HTML page where XML was expected is an error, not an empty output.
    documentOf(response);
    return {} as O;
  }
  const payload = schema.members.find((m) => m.http?.in === "payload");
  let out: Record<string, unknown>;
  if (payload !== undefined) {
    out = {};
    const s = resolve(payload.schema);
    let value: unknown;
    if (payload.http?.in === "payload" && payload.http.streaming === true) value = streamingResponseBody(response);
    else if (s.kind === "blob") {
      const bytes = bodyBytes(response);
      value = bytes.length === 0 ? undefined : bytes;
    } else if (s.kind === "string") {
      const text = bodyText(response);
      value = text === "" ? undefined : text;
    } else {
      const root = documentOf(response);
      value = root === undefined ? undefined : readXmlValue(payload.schema, root);
    }
    if (value !== undefined) setOwn(out, payload.name, value);
  } else {
    const root = documentOf(response);
    const wrapper = unwrapped === true && root !== undefined ? { ...EMPTY_ELEMENT, children: [root] } : root;
    out = readXmlStructure(schema, wrapper ?? EMPTY_ELEMENT);
  }
  readBoundMembers(schema, response, out);
  return out as O;
}

/** An error's members: from its `<Error>` element (the body parseXmlError gave) and bound headers. */
export function restXmlErrorMembers<F>(schema: StructureSchema, body: unknown, response: HttpResponse): F {
  const out = readXmlStructure(schema, isXmlElement(body) ? body : EMPTY_ELEMENT);
  readBoundMembers(schema, response, out);
  return out as F;
}
