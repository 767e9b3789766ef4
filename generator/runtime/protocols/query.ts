/**
 * awsQuery and ec2Query: every operation is a POST to `/` with a form body
 * (`Action=<operation>&Version=<service version>&...`, xml/query.ts), answered by an XML document:
 * `<OperationResponse><OperationResult>members</OperationResult></OperationResponse>` in
 * awsQuery, `<OperationResponse>members</OperationResponse>` in ec2Query. Errors are
 * `<ErrorResponse><Error><Code>` (awsQuery, the code being the error's `@awsQueryError` code or
 * shape name) or `<Response><Errors><Error><Code>` (ec2Query), read by xml/errors.ts. A body that
 * is not XML becomes a `MalformedBodyError`, which the client reports as a service exception
 * naming the operation.
 */
import { MalformedBodyError, type ParsedError } from "../errors.js";
import type { HttpResponse } from "../transport.js";
import type { ClientProtocol, SerializedRequest } from "./protocol.js";
import { childNamed, EMPTY_ELEMENT, isXmlElement } from "./xml/parse.js";
import { queryBody, type QueryDialect } from "./xml/query.js";
import type { StructureSchema } from "./xml/schema.js";
import { documentOf, parseXmlError } from "./xml/response.js";
import { readXmlStructure } from "./xml/serde.js";

/**
 * The awsQuery or ec2Query protocol of one service: every request is a form (the operation's
 * serializer wrote `Action`, `Version` and the members), errors are XML.
 */
export class QueryProtocol implements ClientProtocol {
  prepare(request: SerializedRequest): void {
    request.headers["content-type"] = "application/x-www-form-urlencoded";
  }

  parseError(response: HttpResponse): ParsedError {
    return parseXmlError(response);
  }
}

/** The request of a query operation: POST / with the form body. */
export function queryRequest(
  dialect: QueryDialect,
  operation: string,
  version: string,
  schema: StructureSchema | undefined,
  input: unknown,
): SerializedRequest {
  return {
    method: "POST",
    path: "/",
    query: undefined,
    headers: {},
    body: queryBody(dialect, operation, version, schema, input),
  };
}

/**
 * The output of query operation `operation`: the members of `<OperationResult>` (awsQuery) or of
 * the `<OperationResponse>` element itself (ec2Query). An empty body, or a response element
 * without the result element, reads as an output without members; a document of another name
 * (an HTML page that happens to be well-formed, say) is a `MalformedBodyError`.
 */
export function queryResponse<O>(
  response: HttpResponse,
  schema: StructureSchema | undefined,
  operation: string,
  dialect: QueryDialect,
): O {
  const root = documentOf(response);
  if (root !== undefined && localName(root.name) !== `${operation}Response`) {
    throw new MalformedBodyError(`an XML document <${operation}Response>`);
  }
  if (schema === undefined) return {} as O;
  const holder =
    root === undefined ? undefined : dialect === "ec2Query" ? root : childNamed(root, `${operation}Result`);
  return readXmlStructure(schema, holder ?? EMPTY_ELEMENT) as O;
}

/** An element name without its namespace prefix. */
function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

/** An error's members, from the `<Error>` element parseXmlError gave. */
export function queryErrorMembers<F>(schema: StructureSchema, body: unknown): F {
  return readXmlStructure(schema, isXmlElement(body) ? body : EMPTY_ELEMENT) as F;
}
